"""The chart's words: its title, a point's summary, hover text and check, and the legend."""

from __future__ import annotations

import html

from viewer.model import Point, Series
from viewer.services.chart import part_year_words, point_period_words
from viewer.services.chart_model import Drawing, measure
from viewer.services.figure_words import period_words
from viewer.services.series import ValueRange
from viewer.ui import chart_style
from viewer.ui.attribution_labels import WEAK_COLOUR, point_slot_words, weak_summary
from viewer.ui.chart_corrections import corrected_legend, is_corrected
from viewer.ui.i18n import colon, current_language, in_brackets, list_separator, tr
from viewer.ui.labels import qualifier_label, role_label
from viewer.ui.palette import REVIEWER_COLOUR
from viewer.ui.units import format_number


def series_title(series: Series) -> str:
    """The indicator, and the measure when the series is not its values: a chart of increases
    (新增N家) must not read as a chart of totals."""
    measured = measure(series)
    return f"{series.indicator} · {role_label(measured)}" if measured else series.indicator


def point_summary(point: Point, factor: float, unit_label: str) -> str:
    value = format_number(point.value / factor)
    if point.value_high is not None:
        value += "–" + format_number(point.value_high / factor)
    qualifier = f"{qualifier_label(point.qualifier)} " if point.qualifier else ""
    return (f"{point.region} {point_period_words(point, current_language())}{colon()}{qualifier}{value} "
            f"{unit_label}" + in_brackets(role_label(point.role)))


def range_text(value_range: ValueRange, reports: int, factor: float, unit_label: str) -> str:
    """What a range says when pointed at: its place, its lowest to highest value, and how many
    reports and values it stands for."""
    place = f"{value_range.region} {period_words(str(value_range.year), value_range.year, current_language())}"
    values = f"{format_number(value_range.low / factor)}–{format_number(value_range.high / factor)} {unit_label}"
    count = tr("%n 份报告给出 %1 个不同数值", reports).replace("%1", str(value_range.values))
    return f"{place}{colon()}{values}" + in_brackets(role_label(value_range.role)) + " · " + count


def point_check(point: Point, indicator: str) -> str:
    """Which of the point's indicator, region and year to check, and how each was found ("" if none)."""
    return weak_summary(point_slot_words(point, indicator), point.weak) if point.weak else ""


def hover_text(point: Point, factor: float, unit_label: str, indicator: str) -> str:
    """What the info line says of the point under the mouse."""
    return " · ".join(t for t in (point_summary(point, factor, unit_label), point_check(point, indicator)) if t)


def point_tooltip(point: Point, factor: float, unit_label: str, indicator: str, sentence: str) -> str:
    """Escaped rich text: the source sentence is shown as text."""
    summary, check, others = point_summary(point, factor, unit_label), point_check(point, indicator), ""
    if point.reports > 1:
        others = "<br><i>" + html.escape(tr("另有 %1 份报告给出同一数值").replace("%1", str(point.reports - 1))) + "</i>"
    if check:
        check = f"<br><span style='color:{WEAK_COLOUR}'>{html.escape(check)}</span>"
    if is_corrected(point):
        check += f"<br><span style='color:{REVIEWER_COLOUR}'>{html.escape(tr('审核员更正'))}</span>"
    return (f"<b>{html.escape(summary)}</b>{check}<br>{html.escape(point.doc_title)}<br>"
            f"<span style='color:#555'>{html.escape(sentence)}</span>{others}")


def legend_html(drawing: Drawing) -> str:
    """Escaped region names in their colours, then what the line and marker styles mean."""
    colours = {r: c.name() for r, c in chart_style.region_colours(drawing.regions).items()}
    corrected = corrected_legend(drawing.points)
    groups = {s.group for s in drawing.spots}
    drawn = {s.region for s in drawing.spots}
    points = drawing.points
    parts = [f"<span style='color:{colours[r]}'>&#9632; {html.escape(r)}</span>" for r in drawing.regions if r in drawn]
    samples = {chart_style.ACTUAL: "●——", chart_style.ESTIMATE: "◆‥‥",
               chart_style.TARGET: "<span style='color:#aaa'>●</span>- - -"}
    parts += [f"{samples[g]} {html.escape(chart_style.group_label(g))}" for g in chart_style.GROUPS
              if g in groups and g in samples]
    if chart_style.PART in groups:
        words = chart_style.group_label(chart_style.PART) + colon() + \
            list_separator().join(part_year_words(points, current_language()))
        parts.append(f"■ {html.escape(words + in_brackets(tr('不在全年线上')))}")
    if any(p.qualifier in ("more_than", "at_least") for p in points):
        parts.append(f"▲ {html.escape(tr('不少于/超过'))}")
    if any(p.weak for p in points):
        parts.append(f"○ {html.escape(tr('空心：需核对（指标、地区或年份系推断）'))}")
    if drawing.value_ranges:
        parts.append(f"<span style='color:#999'>▮</span> {html.escape(tr('数值众多处：最低至最高，上方为数值个数'))}")
    shown = {flag for _x, _y, flag in drawing.flags}
    parts += [f"{chart_style.flag_sample(f)} {html.escape(chart_style.flag_label(f))}"
              for f in chart_style.FLAG_STYLES if f in shown]
    return "&nbsp;&nbsp; ".join(parts + ([corrected] if corrected else []))


def info_text(drawing: Drawing) -> str:
    text = tr("%1：%2 个数据点，%3 个地区").replace("%1", drawing.series.indicator) \
        .replace("%2", str(len(drawing.points))).replace("%3", str(len(drawing.regions)))
    if drawing.hidden_regions:
        text += tr("（另有 %1 个地区未显示，见“地区”菜单）").replace("%1", str(drawing.hidden_regions))
    if drawing.value_ranges:
        text += tr("（%1 处数值众多，画作区间）").replace("%1", str(len(drawing.value_ranges)))
    return text

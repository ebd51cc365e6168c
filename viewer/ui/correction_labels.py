"""Words for a reviewer's correction: the fields' names, their values as a reviewer reads them,
and what a correction changed (for tooltips and lists). Plain text; callers escape it."""

from __future__ import annotations

import html
from typing import Any

from viewer.model import Correction
from viewer.services.correction_periods import PeriodKind, period_fields, period_parts
from viewer.ui.i18n import tr
from viewer.ui.labels import role_label
from viewer.ui.palette import REVIEWER_COLOUR
from viewer.ui.units import format_value


def field_label(name: str) -> str:
    labels = {
        "indicator": tr("指标"),
        "region": tr("地区"),
        "year": tr("年份"),
        "period": tr("时期"),
        "period_start": tr("起始年"),
        "period_end": tr("截止年"),
        "role": tr("角色"),
        "value": tr("数值"),
        "value_high": tr("上限值"),
        "unit": tr("单位"),
        "excluded": tr("不计入序列"),
    }
    return labels.get(name, name)


def period_kind_label(kind: str) -> str:
    labels = {
        PeriodKind.YEAR: tr("全年"), PeriodKind.H1: tr("上半年"), PeriodKind.H2: tr("下半年"),
        PeriodKind.Q1: tr("一季度"), PeriodKind.Q2: tr("二季度"), PeriodKind.Q3: tr("三季度"),
        PeriodKind.Q4: tr("四季度"), PeriodKind.Q1_Q3: tr("前三季度"), PeriodKind.MONTHS: tr("1–N月"),
        PeriodKind.AS_OF: tr("截至N月"), PeriodKind.YTD: tr("今年以来"), PeriodKind.SPAN: tr("跨年时期"),
        PeriodKind.NONE: tr("无年份"),
    }
    return labels.get(kind, kind)


def period_label(period: str) -> str:
    """2023-H1 -> 2023年上半年; 2021-2025 -> 2021–2025年; 2023-YTD -> 2023年今年以来; a label of
    another form as it is."""
    parts = period_parts(period, None)
    if parts.kind == PeriodKind.NONE:
        return "—"
    try:
        if period_fields(parts)["period"] != period:
            return period
    except ValueError:
        return period
    year = str(parts.year)
    if parts.kind == PeriodKind.YEAR:
        return tr("%1年").replace("%1", year)
    if parts.kind == PeriodKind.SPAN:
        return tr("%1–%2年").replace("%1", str(parts.first_year)).replace("%2", year)
    if parts.kind == PeriodKind.MONTHS:
        return tr("%1年1–%2月").replace("%1", year).replace("%2", str(parts.month))
    if parts.kind == PeriodKind.AS_OF:
        return tr("%1年截至%2月").replace("%1", year).replace("%2", str(parts.month))
    if parts.kind == PeriodKind.YTD and parts.month is not None:
        return tr("%1年今年以来（%2月发布）").replace("%1", year).replace("%2", str(parts.month))
    return tr("%1年%2").replace("%1", year).replace("%2", period_kind_label(parts.kind))


def field_text(name: str, value: Any, unit: str = "") -> str:
    """A field's value as a reviewer reads it."""
    if name == "excluded":
        return tr("是") if value else tr("否")
    if value is None or value == "":
        return "—"
    if name in ("value", "value_high") and isinstance(value, int | float):
        return format_value(float(value), unit)
    if name == "role":
        return role_label(str(value))
    if name == "period":
        return period_label(str(value))
    return str(value)


def change_lines(correction: Correction) -> list[tuple[str, str, str]]:
    """(field, machine's value, reviewer's value) of each field the correction sets; the year
    and period bounds that only follow the period are left out."""
    changes = correction.changes
    unit = str(changes.get("unit") or correction.machine.get("unit") or "")
    machine_unit = str(correction.machine.get("unit") or unit)
    lines = []
    for name, value in changes.items():
        if name in ("period_start", "period_end") or (name == "year" and "period" in changes):
            continue
        before = correction.machine.get(name)
        lines.append((field_label(name), field_text(name, before, machine_unit), field_text(name, value, unit)))
    return lines


def correction_summary(correction: Correction) -> str:
    """One line: 指标：A → B；年份：2023 → 2022"""
    if correction.changes.get("excluded"):
        return tr("不计入序列")
    return tr("；").join(tr("%1：%2 → %3").replace("%1", label).replace("%2", before).replace("%3", after)
                         for label, before, after in change_lines(correction))


def correction_tooltip(correction: Correction) -> str:
    """The document pane's tooltip part for a corrected figure: escaped rich text."""
    rows = "".join(
        f"<tr><td style='color:#666;padding-right:8px'>{html.escape(label)}</td>"
        f"<td>{html.escape(before)} → <b>{html.escape(after)}</b></td></tr>"
        for label, before, after in change_lines(correction))
    who = " · ".join(p for p in (correction.author, correction.updated_at[:10]) if p)
    heading = html.escape(tr("审核员更正")) + (f" <span style='color:#666'>{html.escape(who)}</span>" if who else "")
    return f"<hr><b style='color:{REVIEWER_COLOUR}'>{heading}</b><table>{rows}</table>"

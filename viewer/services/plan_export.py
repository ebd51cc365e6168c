"""A plan evaluation as the bureau writes it: a Word document (summary per status, the table with
a source column, charts of the indicators behind schedule, plans side by side, the next plan
with the chart of each new target against the trend)
or an xlsx workbook. Charts come in as PNG bytes rendered by the window's chart code, so this
module needs no Qt."""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from viewer.model.plans import NextPlanComparison, NextPlanRow, PlanEvaluation, PlanRow, PlanStatus
from viewer.services import plan_words
from viewer.services.plan_compare import compare_places_rows
from viewer.services.tables import write_xlsx

PLAN_FORMATS = ("docx", "xlsx")
TABLE_COLUMNS = ("指标", "地区", "基期值", "基期年", "目标", "目标年", "属性", "最新实际", "实际年份", "进度", "状态",
                 "说明", "来源")
_CONTROL = {c: "\ufffd" for c in (*range(0, 9), 11, 12, *range(14, 32))}  # XML cannot hold these


def behind(evaluation: PlanEvaluation) -> list[PlanRow]:
    """The rows a chart is drawn for: behind schedule and not excluded."""
    return [r for r in evaluation.rows if r.status == PlanStatus.BEHIND and r.excluded is None]


def against_trend(comparison: NextPlanComparison | None) -> list[NextPlanRow]:
    """The next plan's rows a trend chart is drawn for: a new target with a projection to compare."""
    if comparison is None:
        return []
    return [r for r in comparison.rows if r.target is not None and r.projection is not None and r.trend]


def trend_key(row: NextPlanRow) -> str:
    """The key of a next-plan row's chart among the charts passed to write_plan_docx."""
    assert row.target is not None
    return "next\t" + row.target.key


def _clean(text: object) -> str:
    return "" if text is None else str(text).translate(_CONTROL)


def write_plan_docx(evaluations: Sequence[PlanEvaluation], out: Path, charts: Mapping[str, bytes] | None = None,
                    following: NextPlanComparison | None = None, lang: str = "zh") -> None:
    """One section per plan; with several, a table of them side by side; with `following`, the next
    plan. `charts`: PNG bytes by row key (rows behind schedule) and by trend_key (the next plan's
    targets against the trend)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.8))
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    titles = "、".join(e.plan.title for e in evaluations)
    doc.add_heading(_clean(f"{titles} 实施情况评估" if lang == "zh" else f"Evaluation of {titles}"), level=0)
    today = datetime.date.today().isoformat()
    doc.add_paragraph(f"生成日期：{today}。每项数据均注明出处（文档与原句）。" if lang == "zh"
                      else f"Written {today}. Every figure names its source (document and sentence).")
    for evaluation in evaluations:
        _plan_section(doc, evaluation, charts or {}, lang, Cm)
    if len(evaluations) > 1:
        _places_section(doc, evaluations, lang)
    if following is not None:
        _next_section(doc, following, charts or {}, lang, Cm)
    doc.save(str(out))


def _plan_section(doc: Any, evaluation: PlanEvaluation, charts: Mapping[str, bytes], lang: str, cm: Any) -> None:
    zh = lang == "zh"
    doc.add_heading(_clean(evaluation.plan.title), level=1)
    if evaluation.base_year:
        doc.add_paragraph(f"基期：{evaluation.base_year}年。" if zh else f"Base year: {evaluation.base_year}.")
    doc.add_heading("总体情况" if zh else "Summary", level=2)
    for line in plan_words.summary(evaluation, lang):
        doc.add_paragraph(_clean(line))
    doc.add_heading("目标完成情况" if zh else "Targets", level=2)
    headers = [h for h in plan_words.HEADERS[lang] if h not in ("时间进度", "time elapsed")]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in evaluation.rows:
        cells = plan_words.row_cells(row, lang)
        for cell, header in zip(table.add_row().cells, headers, strict=True):
            cell.text = _clean(cells[header])
    shown = [r for r in behind(evaluation) if r.key in charts]
    if shown:
        doc.add_heading("进度滞后指标" if zh else "Behind schedule", level=2)
        for row in shown:
            doc.add_paragraph(_clean(f"{row.region}{row.indicator}：目标{plan_words.target_words(row, lang)}"
                                     f"（{row.target_year}年），{row.actual_year}年实际{plan_words.actual_words(row, lang)}，"
                                     f"进度{plan_words.percent(row.progress)}，时间进度{plan_words.percent(row.expected)}。"
                                     if zh else f"{row.region} {row.indicator}: target {row.target_text} "
                                     f"({row.target_year}), {row.actual_year} actual {plan_words.actual_words(row, lang)}"))
            doc.add_picture(io.BytesIO(charts[row.key]), width=cm(14))
    if evaluation.dropped:
        doc.add_heading("未列入评估的表述" if zh else "Statements left out", level=2)
        for line in evaluation.dropped:
            doc.add_paragraph(_clean(line), style="List Bullet")


def _places_section(doc: Any, evaluations: Sequence[PlanEvaluation], lang: str) -> None:
    zh = lang == "zh"
    doc.add_heading("各地对比" if zh else "Places side by side", level=1)
    header, lines = compare_places_rows(evaluations, lang)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _clean(text)
    for line in lines:
        for cell, text in zip(table.add_row().cells, line, strict=True):
            cell.text = _clean(text)


def next_plan_lines(comparison: NextPlanComparison, lang: str = "zh") -> tuple[list[str], list[list[str]]]:
    zh = lang == "zh"
    header = ["指标", "地区", "变化", "上期目标", "上期状态", "新目标", "趋势外推", "较趋势"] if zh else \
        ["indicator", "place", "change", "previous target", "previous status", "new target", "trend", "vs trend"]
    lines = []
    for row in comparison.rows:
        old, new = row.previous, row.target
        unit = new.level_unit or new.unit if new else ""
        lines.append([
            row.indicator, row.region, plan_words.CONTINUITY[lang][row.continuity],
            f"{plan_words.target_words(old, lang)}（{old.target_year}）" if old else "",
            plan_words.status_word(old, lang) if old else "",
            f"{plan_words.target_words(new, lang)}（{new.target_year}）" if new else "",
            plan_words.value(row.projection, unit) if row.projection is not None else "",
            (("+" if row.versus_trend >= 0 else "") + plan_words.percent(row.versus_trend))
            if row.versus_trend is not None else "",
        ])
    return header, lines


def _next_section(doc: Any, comparison: NextPlanComparison, charts: Mapping[str, bytes], lang: str, cm: Any,
                  ) -> None:
    zh = lang == "zh"
    doc.add_heading(_clean(f"下一期规划：{comparison.next.plan.title}" if zh else f"Next plan: {comparison.next.plan.title}"),
                    level=1)
    header, lines = next_plan_lines(comparison, lang)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for line in lines:
        for cell, text in zip(table.add_row().cells, line, strict=True):
            cell.text = _clean(text)
    shown = [r for r in against_trend(comparison) if trend_key(r) in charts]
    if shown:
        doc.add_heading("新目标与近年趋势" if zh else "New targets against the trend", level=2)
        for row in shown:
            assert row.target is not None and row.projection is not None
            unit = row.target.level_unit or row.target.unit
            versus = (("+" if row.versus_trend >= 0 else "") + plan_words.percent(row.versus_trend)) \
                if row.versus_trend is not None else ""
            doc.add_paragraph(_clean(
                f"{row.region}{row.indicator}：新目标{plan_words.target_words(row.target, lang)}"
                f"（{row.target.target_year}年），按近年趋势外推为{plan_words.value(row.projection, unit)}"
                + (f"，较趋势{versus}" if versus else "") + "。"
                if zh else f"{row.region} {row.indicator}: new target {plan_words.target_words(row.target, lang)} "
                f"({row.target.target_year}), the trend projects {plan_words.value(row.projection, unit)}"
                + (f", {versus} against it" if versus else "") + "."))
            doc.add_picture(io.BytesIO(charts[trend_key(row)]), width=cm(14))


def write_plan_xlsx(evaluations: Sequence[PlanEvaluation], out: Path, following: NextPlanComparison | None = None,
                    lang: str = "zh") -> None:
    """Sheets: the rows of every plan, their sources one per line, the summaries (and the next plan)."""
    zh = lang == "zh"
    plan_column = "规划" if zh else "plan"
    headers = (plan_column, *plan_words.HEADERS[lang][:-1])
    rows: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    source_headers = (plan_column, "指标" if zh else "indicator", "类别" if zh else "label",
                      "文档" if zh else "document", "年份" if zh else "year", "数字" if zh else "figure",
                      "评审更正" if zh else "corrected", "原句" if zh else "sentence")
    for evaluation in evaluations:
        title = evaluation.plan.title
        for row in evaluation.rows:
            cells = plan_words.row_cells(row, lang)
            rows.append({plan_column: title, **cells})
            for source in row.sources:
                sources.append(dict(zip(source_headers, (
                    title, row.indicator, plan_words.SOURCE_LABEL[lang][source.label], source.doc_title, source.year,
                    source.text, "是" if source.reviewer and zh else ("yes" if source.reviewer else ""),
                    source.sentence.strip()), strict=True)))
        summaries.extend({plan_column: title, "summary": line} for line in plan_words.summary(evaluation, lang))
    sheets: dict[str, tuple[Sequence[str], list[dict[str, Any]]]] = {
        "评估" if zh else "evaluation": (headers, rows),
        "来源" if zh else "sources": (source_headers, sources),
        "汇总" if zh else "summary": ((plan_column, "summary"), summaries),
    }
    if len(evaluations) > 1:
        header, lines = compare_places_rows(evaluations, lang)
        sheets["对比" if zh else "places"] = (header, [dict(zip(header, line, strict=True)) for line in lines])
    if following is not None:
        header, lines = next_plan_lines(following, lang)
        sheets["下一期" if zh else "next plan"] = (header, [dict(zip(header, line, strict=True)) for line in lines])
    write_xlsx(sheets, out)

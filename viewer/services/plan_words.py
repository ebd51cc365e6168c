"""A plan evaluation in words: status and kind labels (Chinese and English), values as a report
writes them, the cells of a row, and the summary per status (已完成目标N项，未完成M项 …)."""

from __future__ import annotations

from viewer.model.plans import Continuity, PlanEvaluation, PlanRow, PlanSource, PlanStatus, TargetKind
from viewer.services.checks.numeric import point
from viewer.services.checks.verdicts import amount

STATUS = {
    "zh": {PlanStatus.MET: "已完成", PlanStatus.ON_TRACK: "进度正常", PlanStatus.BEHIND: "进度滞后",
           PlanStatus.NOT_REPORTED: "尚无实际数据", PlanStatus.OTHER_NAME: "以其他名称报告",
           PlanStatus.UNCLEAR: "无法判断", "excluded": "已排除"},
    "en": {PlanStatus.MET: "met", PlanStatus.ON_TRACK: "on track", PlanStatus.BEHIND: "behind",
           PlanStatus.NOT_REPORTED: "not yet reported", PlanStatus.OTHER_NAME: "reported under another name",
           PlanStatus.UNCLEAR: "cannot tell", "excluded": "excluded"},
}
KIND = {
    "zh": {TargetKind.LEVEL: "达到", TargetKind.GROWTH: "增长", TargetKind.CHANGE: "新增", TargetKind.CEILING: "控制在"},
    "en": {TargetKind.LEVEL: "level", TargetKind.GROWTH: "growth", TargetKind.CHANGE: "increase",
           TargetKind.CEILING: "ceiling"},
}
CONTINUITY = {
    "zh": {Continuity.CONTINUES: "延续", Continuity.NEW: "新增", Continuity.DROPPED: "取消"},
    "en": {Continuity.CONTINUES: "continues", Continuity.NEW: "new", Continuity.DROPPED: "dropped"},
}
SOURCE_LABEL = {"zh": {"target": "目标", "baseline": "基期", "actual": "实际"},
                "en": {"target": "target", "baseline": "baseline", "actual": "actual"}}
CORRECTED = {"zh": "评审更正", "en": "corrected by the reviewer"}
HEADERS = {
    "zh": ("指标", "地区", "基期值", "基期年", "目标", "目标年", "属性", "最新实际", "实际年份", "进度", "时间进度",
           "状态", "说明", "来源"),
    "en": ("indicator", "place", "baseline", "baseline year", "target", "target year", "attribute", "latest actual",
           "actual year", "progress", "time elapsed", "status", "note", "sources"),
}


def value(number: float | None, unit: str) -> str:
    return "" if number is None else amount(number, unit)


def percent(number: float | None) -> str:
    return "" if number is None else f"{point(number, 1)}%"


def status_word(row: PlanRow, lang: str = "zh") -> str:
    return STATUS[lang]["excluded" if row.excluded is not None else row.status]


def target_words(row: PlanRow, lang: str = "zh") -> str:
    """The target as the plan states it, with its kind where the figure alone does not say it."""
    if row.kind == TargetKind.GROWTH:
        return ("年均增长" if lang == "zh" else "yearly growth ") + row.target_text
    if row.kind == TargetKind.CHANGE:
        return ("新增" if lang == "zh" else "increase of ") + row.target_text
    if row.kind == TargetKind.CEILING:
        return ("控制在" if lang == "zh" else "at most ") + row.target_text
    return row.target_text


def actual_words(row: PlanRow, lang: str = "zh") -> str:
    if row.actual_value is None:
        return ""
    if row.kind == TargetKind.GROWTH:
        rate = percent(row.actual_value)
        words = (f"年均{rate}" if lang == "zh" else f"{rate} a year") if row.target_year - row.base_year > 1 else rate
        return f"{words}（{row.actual_text}）" if row.actual_text and not row.actual_text.endswith("%") else words
    text = row.actual_text or value(row.actual_value, row.unit)
    if row.kind == TargetKind.CHANGE and row.actual_text and row.actual_value is not None:
        text = value(row.actual_value, row.unit)
    if row.actual_indicator:
        text += f"（{row.actual_indicator}）"
    if row.actual_estimate:
        text += "（预计）" if lang == "zh" else " (estimate)"
    return text


def note_words(row: PlanRow, lang: str = "zh") -> str:
    notes = []
    if row.corrected:
        parts = "、".join(SOURCE_LABEL[lang][c] for c in row.corrected)
        notes.append(f"{CORRECTED[lang]}：{parts}" if lang == "zh" else f"{CORRECTED[lang]}: {parts}")
    if row.excluded is not None:
        notes.append(("排除理由：" if lang == "zh" else "excluded: ") + row.excluded)
    return "；".join(notes)


EXCERPT_BEFORE, EXCERPT_AFTER = 30, 12  # characters of the sentence around a figure in the source column


def excerpt(source: PlanSource) -> str:
    """The words of the sentence around the figure (the whole sentence is in the sources sheet)."""
    sentence = source.sentence
    at, end = source.start - source.sentence_start, source.end - source.sentence_start
    if not sentence or not 0 <= at <= end <= len(sentence):
        return sentence.strip()
    first, last = max(0, at - EXCERPT_BEFORE), min(len(sentence), end + EXCERPT_AFTER)
    return ("…" if first else "") + sentence[first:last].strip() + ("…" if last < len(sentence) else "")


def source_words(source: PlanSource, lang: str = "zh") -> str:
    mark = f"（{CORRECTED[lang]}）" if source.reviewer else ""
    return f"{SOURCE_LABEL[lang][source.label]}{mark}：《{source.doc_title}》{excerpt(source)}"


def row_cells(row: PlanRow, lang: str = "zh") -> dict[str, str | int | None]:
    """The row as the table and the exports show it, by header."""
    names = HEADERS[lang]
    cells: list[str | int | None] = [
        row.indicator, row.region, value(row.baseline_value, row.level_unit or row.unit), row.baseline_year,
        target_words(row, lang) + (row.qualifier if row.qualifier and row.qualifier not in row.target_text else ""),
        row.target_year, row.binding, actual_words(row, lang), row.actual_year, percent(row.progress),
        percent(row.expected), status_word(row, lang), note_words(row, lang),
        "\n".join(source_words(s, lang) for s in row.sources),
    ]
    return dict(zip(names, cells, strict=True))


def summary(evaluation: PlanEvaluation, lang: str = "zh") -> list[str]:
    """The paragraphs of the summary: the totals, then one line per status with its indicators."""
    counts = evaluation.counts()
    counted = len(evaluation.rows) - counts["excluded"]
    met = counts[PlanStatus.MET]
    unmet = counts[PlanStatus.ON_TRACK] + counts[PlanStatus.BEHIND]
    if lang == "zh":
        lines = [f"共评估目标{counted}项：已完成目标{met}项，未完成{unmet}项"
                 f"（其中进度正常{counts[PlanStatus.ON_TRACK]}项、进度滞后{counts[PlanStatus.BEHIND]}项），"
                 f"尚无实际数据{counts[PlanStatus.NOT_REPORTED]}项，以其他名称报告{counts[PlanStatus.OTHER_NAME]}项，"
                 f"无法判断{counts[PlanStatus.UNCLEAR]}项。"]
        if counts["excluded"]:
            lines[0] += f"另有{counts['excluded']}项经评审人员排除。"
    else:
        lines = [f"{counted} targets evaluated: {met} met, {unmet} not met "
                 f"({counts[PlanStatus.ON_TRACK]} on track, {counts[PlanStatus.BEHIND]} behind), "
                 f"{counts[PlanStatus.NOT_REPORTED]} not yet reported, {counts[PlanStatus.OTHER_NAME]} reported under "
                 f"another name, {counts[PlanStatus.UNCLEAR]} cannot tell."
                 + (f" {counts['excluded']} excluded by the reviewer." if counts["excluded"] else "")]
    for status in (*PlanStatus.ORDER, "excluded"):
        names = [r.indicator for r in evaluation.rows
                 if (r.excluded is not None if status == "excluded" else r.excluded is None and r.status == status)]
        if names:
            joined = "、".join(dict.fromkeys(names)) if lang == "zh" else ", ".join(dict.fromkeys(names))
            lines.append(f"{STATUS[lang][status]}（{len(names)}项）：{joined}。" if lang == "zh"
                         else f"{STATUS[lang][status]} ({len(names)}): {joined}.")
    return lines

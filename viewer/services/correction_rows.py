"""A reviewer's corrections as table rows, for the review report and the corrections export:
the figure, what changed from what, who and when, and the sentence."""

from __future__ import annotations

from typing import Any

from viewer.model import Correction, CorrectionStatus
from viewer.services.corrections import list_corrections
from viewer.services.figure_words import field_value_words
from viewer.services.review_cells import tidy
from viewer.store.connection import Queryable

FIELD_ZH = {"indicator": "指标", "region": "地区", "year": "年份", "period": "时期", "period_start": "起始年",
            "period_end": "结束年", "role": "类型", "value": "数值", "value_high": "上限", "unit": "单位",
            "excluded": "不计入序列"}
FIELD_EN = {"indicator": "indicator", "region": "region", "year": "year", "period": "period",
            "period_start": "period start", "period_end": "period end", "role": "role", "value": "value",
            "value_high": "upper value", "unit": "unit", "excluded": "not a data point"}
STATUS_ZH = {CorrectionStatus.APPLIED: "已应用", CorrectionStatus.MOVED: "已应用（原文位置有变）",
             CorrectionStatus.ORPHANED: "原文已不存在，未应用"}
STATUS_EN = {CorrectionStatus.APPLIED: "applied", CorrectionStatus.MOVED: "applied (text moved)",
             CorrectionStatus.ORPHANED: "quoted text gone, not applied"}
HEADERS = {
    "zh": {"title": "标题", "file": "文件", "figure": "数字", "change": "更正", "author": "更正人", "status": "状态",
           "updated": "更正时间", "sentence": "出处句子"},
    "en": {"title": "Title", "file": "File", "figure": "Figure", "change": "Correction", "author": "By",
           "status": "Status", "updated": "Corrected", "sentence": "Sentence"},
}
COLUMNS = ("title", "file", "figure", "change", "author", "status", "updated", "sentence")


def _shown(value: Any, lang: str) -> str:
    if value is None or value == "":
        return "（空）" if lang == "zh" else "(none)"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def change_text(correction: Correction, lang: str = "zh") -> str:
    """指标：A → B；年份：2023 → 2022 — what the reviewer changed, from what."""
    names = FIELD_ZH if lang == "zh" else FIELD_EN
    parts = [f"{names.get(name, name)}{'：' if lang == 'zh' else ': '}"
             f"{_shown(field_value_words(name, correction.machine.get(name), lang), lang)} → "
             f"{_shown(field_value_words(name, value, lang), lang)}"
             for name, value in correction.changes.items()]
    return ("；" if lang == "zh" else "; ").join(parts)


def correction_cells(correction: Correction, file_name: str, lang: str = "zh") -> dict[str, Any]:
    """A correction as cells keyed by COLUMNS."""
    return {
        "title": correction.title, "file": file_name, "figure": correction.quote,
        "change": change_text(correction, lang), "author": correction.author,
        "status": (STATUS_ZH if lang == "zh" else STATUS_EN).get(correction.status, correction.status),
        "updated": correction.updated_at,
        # an orphaned correction has no figure left: what remains is its quote and context
        "sentence": tidy(correction.sentence) if correction.sentence else
        f"…{tidy(correction.context_before + correction.quote + correction.context_after)}…",
    }


def correction_rows(db: Queryable, lang: str = "zh") -> tuple[list[str], list[dict[str, Any]]]:
    """(headers, rows keyed by header) of every correction, newest first."""
    h = HEADERS[lang]
    rows = []
    for correction in list_corrections(db):
        file_name = correction.doc_path.replace("\\", "/").rsplit("/", 1)[-1]
        rows.append({h[k]: v for k, v in correction_cells(correction, file_name, lang).items()})
    return [h[c] for c in COLUMNS], rows

"""The cells of the review report's rows, in the report's language: each row cites its document
(title and file) and the whole sentence it rests on; codes (roles, kinds, statuses) are words."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from viewer.model import Document, Figure, Sentence
from viewer.model.review import CheckKind, Finding, Note, NoteStatus
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH
from viewer.services.confidence import figure_words
from viewer.services.figure_words import figure_field_words
from viewer.store import documents as store_documents
from viewer.store.connection import Queryable

KIND_ZH = {CheckKind.CHANGE: "增减核算", CheckKind.CONFLICT: "数据冲突", CheckKind.OUTLIER: "异常值",
           CheckKind.PART_YEAR: "部分年度超全年",
           CheckKind.TARGET: "目标完成", CheckKind.PARTS: "分项与总数", CheckKind.REPEAT: "重复段落"}
KIND_EN = {CheckKind.CHANGE: "stated change", CheckKind.CONFLICT: "conflict", CheckKind.OUTLIER: "outlier",
           CheckKind.PART_YEAR: "part of a year above a whole year",
           CheckKind.TARGET: "target", CheckKind.PARTS: "parts and total", CheckKind.REPEAT: "repeated paragraph"}
NOTE_STATUS = {
    "zh": {NoteStatus.ANCHORED: "已定位", NoteStatus.MOVED: "已重新定位（原文位置有变）",
           NoteStatus.ORPHANED: "原文已不存在"},
    "en": {NoteStatus.ANCHORED: "in place", NoteStatus.MOVED: "found again (the text moved)",
           NoteStatus.ORPHANED: "quoted text gone"},
}
HEADERS = {
    "zh": {"title": "标题", "file": "文件", "figure": "数字", "kind": "检查", "verdict": "结论", "message": "说明",
           "sentence": "出处句子", "others": "其他来源", "quote": "原文", "note": "批注", "tags": "标签",
           "status": "状态", "updated": "修改时间", "value": "数值", "unit": "单位", "indicator": "指标",
           "region": "地区", "period": "时期", "role": "类型", "figure_kind": "数字类别", "qualifier": "限定",
           "checks": "检查结果", "sheet_checks": "检查", "sheet_notes": "批注", "sheet_figures": "数字",
           "report": "审阅报告", "summary": "概要", "no_checks": "无检查结果", "no_notes": "无批注",
           "generated": "生成时间", "documents": "文档", "check": "需核对", "indicator_how": "指标依据",
           "region_how": "地区依据", "period_how": "时期依据", "provisional": "临时指标", "modality": "性质",
           "source": "来源", "sheet_corrections": "更正记录", "no_corrections": "无更正", "count": "数量"},
    "en": {"title": "Title", "file": "File", "figure": "Figure", "kind": "Check", "verdict": "Verdict",
           "message": "Finding", "sentence": "Sentence", "others": "Other sources", "quote": "Quoted text",
           "note": "Note", "tags": "Tags", "status": "Status", "updated": "Updated", "value": "Value",
           "unit": "Unit", "indicator": "Indicator", "region": "Region", "period": "Period", "role": "Role",
           "figure_kind": "Kind of figure", "qualifier": "Qualifier", "checks": "Checks", "sheet_checks": "checks",
           "sheet_notes": "notes", "sheet_figures": "figures", "report": "Review report", "summary": "Summary",
           "no_checks": "No findings", "no_notes": "No notes", "generated": "Generated", "documents": "Documents",
           "check": "To check", "indicator_how": "Indicator from", "region_how": "Region from",
           "period_how": "Period from", "provisional": "Provisional indicator", "modality": "Modality",
           "source": "Source", "sheet_corrections": "corrections", "no_corrections": "No corrections",
           "count": "Count"},
}
PUNCTUATION = {"zh": {"colon": "：", "list": "、", "items": "；"}, "en": {"colon": ": ", "list": ", ", "items": "; "}}
_SPACE = re.compile(r"\s+")


@dataclass
class DocumentReview:
    document: Document
    file_name: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass
class DocumentText:
    """A document's text and sentences, read while its rows are written."""

    text: str
    sentences: list[Sentence]

    @classmethod
    def read(cls, db: Queryable, doc_id: int | None) -> DocumentText:
        document = store_documents.get_document(db, doc_id) if doc_id is not None else None
        if document is None:
            return cls("", [])
        return cls(document.text, store_documents.get_sentences(db, doc_id or 0))

    def around(self, start: int, end: int) -> str:
        """The whole sentences that the span touches (a span inside none: its paragraph)."""
        touched = [s for s in self.sentences if s.start < max(end, start + 1) and s.end > start]
        if touched:
            return tidy(self.text[touched[0].start : touched[-1].end])
        left = max(self.text.rfind("\n", 0, start) + 1, 0)
        right = self.text.find("\n", end)
        return tidy(self.text[left : right if right >= 0 else len(self.text)])


def tidy(sentence: str) -> str:
    """One line: a heading the sentence carries and the line breaks inside it become spaces."""
    return _SPACE.sub(" ", sentence).strip()


def cite(title: str, file_name: str, lang: str) -> str:
    """《title》（file） / “title” (file)."""
    if lang == "en":
        return f"“{title}” ({file_name})" if title else file_name
    return f"《{title}》（{file_name}）" if title else file_name


def verdict_word(finding: Finding, lang: str) -> str:
    return (VERDICT_EN if lang == "en" else VERDICT_ZH).get(finding.verdict, finding.verdict)


def kind_word(finding: Finding, lang: str) -> str:
    return (KIND_EN if lang == "en" else KIND_ZH).get(finding.kind, finding.kind)


def finding_cells(review: DocumentReview, finding: Finding, lang: str) -> dict[str, str]:
    doc_id = review.document.id
    here = [e for e in finding.evidence if e.doc_id == doc_id]
    elsewhere = [e for e in finding.evidence if e.doc_id != doc_id]
    colon = PUNCTUATION[lang]["colon"]
    return {
        "figure": PUNCTUATION[lang]["list"].join(dict.fromkeys(e.text for e in here)),
        "kind": kind_word(finding, lang),
        "verdict": verdict_word(finding, lang),
        "message": finding.message if lang == "zh" else finding.message_en or finding.message,
        "sentence": "\n".join(dict.fromkeys(tidy(e.sentence) for e in here)),
        "others": "\n".join(dict.fromkeys(f"{cite(e.title, e.file_name, lang)}{colon}{tidy(e.sentence)}"
                                          for e in elsewhere)),
    }


def note_sentence(source: DocumentText, note: Note) -> str:
    """The whole sentence(s) the quote stands in; for a note whose text is gone, what is left of
    it: the quote with the context it was made in."""
    if note.orphaned or not source.text:
        return f"…{tidy(note.context_before + note.quote + note.context_after)}…"
    return source.around(note.start, note.end)


def note_cells(source: DocumentText, note: Note, lang: str) -> dict[str, str]:
    return {
        "quote": note.quote,
        "note": note.body,
        "tags": PUNCTUATION[lang]["list"].join(note.tags),
        "status": NOTE_STATUS[lang].get(note.status, note.status),
        "sentence": note_sentence(source, note),
        "updated": note.updated_at,
    }


def figure_checks(review: DocumentReview, lang: str) -> dict[int, list[str]]:
    """figure id -> "check: verdict" of each finding that cites it."""
    colon = PUNCTUATION[lang]["colon"]
    found: dict[int, list[str]] = defaultdict(list)
    for finding in review.findings:
        for figure_id in dict.fromkeys(finding.figure_ids):
            found[figure_id].append(f"{kind_word(finding, lang)}{colon}{verdict_word(finding, lang)}")
    return found


def figure_cells(source: DocumentText, figure: Figure, checks: list[str], lang: str) -> dict[str, Any]:
    words = figure_field_words(figure, lang)
    sentence = source.text[figure.sentence_start : figure.sentence_end] if figure.sentence_end else ""
    return {
        "figure": figure.text, "value": figure.value, "unit": figure.unit, "figure_kind": words["figure_kind"],
        "qualifier": words["qualifier"], "indicator": figure.indicator, "region": figure.region,
        "period": words["period"], "role": words["role"], "checks": PUNCTUATION[lang]["items"].join(checks),
        **figure_words(figure, lang),
        "sentence": tidy(sentence) or source.around(figure.start, figure.end),
    }

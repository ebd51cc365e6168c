"""The review report: per document, its figures with their checks, conflicts, target status and
the reviewer's notes, each citing document title and sentence. As xlsx (Excel/WPS) or as one
self-contained HTML page that prints on A4 (no scripts, no external resources, all text escaped)."""

from __future__ import annotations

import datetime
import html
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.model import Document, Figure
from viewer.model.review import CheckKind, Finding, Note
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH
from viewer.services.confidence import CONFIDENCE_COLUMNS, figure_words
from viewer.services.correction_rows import correction_rows
from viewer.services.tables import write_xlsx
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import notes as store_notes
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    pass

REVIEW_FORMATS = ("xlsx", "html")
KIND_ZH = {CheckKind.CHANGE: "增减核算", CheckKind.CONFLICT: "数据冲突", CheckKind.OUTLIER: "异常值",
           CheckKind.TARGET: "目标完成", CheckKind.PARTS: "分项与总数", CheckKind.REPEAT: "重复段落"}
KIND_EN = {CheckKind.CHANGE: "stated change", CheckKind.CONFLICT: "conflict", CheckKind.OUTLIER: "outlier",
           CheckKind.TARGET: "target", CheckKind.PARTS: "parts and total", CheckKind.REPEAT: "repeated paragraph"}
_HEADERS = {
    "zh": {"title": "标题", "file": "文件", "figure": "数字", "kind": "检查", "verdict": "结论", "message": "说明",
           "sentence": "出处句子", "others": "其他来源", "quote": "原文", "note": "批注", "tags": "标签",
           "status": "状态", "updated": "修改时间", "value": "数值", "unit": "单位", "indicator": "指标",
           "region": "地区", "period": "时期", "role": "类型", "checks": "检查结果",
           "sheet_checks": "检查", "sheet_notes": "批注", "sheet_figures": "数字", "report": "审阅报告",
           "summary": "概要", "no_checks": "无检查结果", "no_notes": "无批注", "orphaned": "原文已不存在",
           "generated": "生成时间", "documents": "文档", "check": "需核对", "indicator_how": "指标依据",
           "region_how": "地区依据", "period_how": "时期依据", "provisional": "临时指标", "modality": "性质",
           "source": "来源", "sheet_corrections": "更正记录"},
    "en": {"title": "Title", "file": "File", "figure": "Figure", "kind": "Check", "verdict": "Verdict",
           "message": "Finding", "sentence": "Sentence", "others": "Other sources", "quote": "Quoted text",
           "note": "Note", "tags": "Tags", "status": "Status", "updated": "Updated", "value": "Value",
           "unit": "Unit", "indicator": "Indicator", "region": "Region", "period": "Period", "role": "Role",
           "checks": "Checks", "sheet_checks": "checks", "sheet_notes": "notes", "sheet_figures": "figures",
           "report": "Review report", "summary": "Summary", "no_checks": "No findings", "no_notes": "No notes",
           "orphaned": "quoted text gone", "generated": "Generated", "documents": "Documents", "check": "To check",
           "indicator_how": "Indicator from", "region_how": "Region from", "period_how": "Period from",
           "provisional": "Provisional indicator", "modality": "Modality", "source": "Source",
           "sheet_corrections": "corrections"},
}


@dataclass
class DocumentReview:
    document: Document
    file_name: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def collect(db: Queryable) -> list[DocumentReview]:
    """Everything the report shows, per document in library order."""
    files = store_documents.file_names(db)
    reviews = {d.id: DocumentReview(d, files.get(d.id or 0, "")) for d in store_documents.list_documents(db)}
    for finding in store_checks.list_findings(db):
        for doc_id in finding.doc_ids:
            if doc_id in reviews:
                reviews[doc_id].findings.append(finding)
    paths = {r.document.path: r for r in reviews.values()}
    for note in store_notes.list_notes(db):
        review = reviews.get(note.doc_id) if note.doc_id is not None else None
        review = review or paths.get(note.doc_path)
        if review is not None:
            review.notes.append(note)
    for review in reviews.values():
        review.figures = store_figures.document_figures(db, review.document.id or 0)
    return list(reviews.values())


def _verdict(finding: Finding, lang: str) -> str:
    return (VERDICT_ZH if lang == "zh" else VERDICT_EN).get(finding.verdict, finding.verdict)


def _kind(finding: Finding, lang: str) -> str:
    return (KIND_ZH if lang == "zh" else KIND_EN).get(finding.kind, finding.kind)


def _message(finding: Finding, lang: str) -> str:
    return finding.message if lang == "zh" else finding.message_en or finding.message


def _finding_cells(review: DocumentReview, finding: Finding, lang: str) -> dict[str, str]:
    doc_id = review.document.id
    here = [e for e in finding.evidence if e.doc_id == doc_id]
    elsewhere = [e for e in finding.evidence if e.doc_id != doc_id]
    return {
        "figure": "、".join(dict.fromkeys(e.text for e in here)),
        "kind": _kind(finding, lang),
        "verdict": _verdict(finding, lang),
        "message": _message(finding, lang),
        "sentence": "\n".join(dict.fromkeys(e.sentence for e in here)),
        "others": "\n".join(dict.fromkeys(f"《{e.title or e.file_name}》{e.sentence}" for e in elsewhere)),
    }


def _note_sentence(text: str, note: Note) -> str:
    if note.orphaned or not text:
        return note.context_before + note.quote + note.context_after
    starts = [i + 1 for i in range(note.start - 1, -1, -1) if text[i] in "。！？!?\n"][:1]
    ends = [i + 1 for i in range(note.end, len(text)) if text[i] in "。！？!?\n"][:1]
    return text[(starts[0] if starts else 0) : (ends[0] if ends else len(text))].strip()


def _note_cells(review: DocumentReview, note: Note, lang: str) -> dict[str, str]:
    h = _HEADERS[lang]
    return {
        "quote": note.quote,
        "note": note.body,
        "tags": "、".join(note.tags) if lang == "zh" else ", ".join(note.tags),
        "status": h["orphaned"] if note.orphaned else "",
        "sentence": _note_sentence(review.document.text, note),
        "updated": note.updated_at,
    }


def _figure_checks(review: DocumentReview, lang: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for finding in review.findings:
        for figure_id in dict.fromkeys(finding.figure_ids):
            found[figure_id].append(f"{_kind(finding, lang)}: {_verdict(finding, lang)}")
    return found


# The weak slots first: the column a reviewer filters on.
_CONFIDENCE_ORDER = ("check", *(c for c in CONFIDENCE_COLUMNS if c != "check"))


def write_review_xlsx(db: Queryable, out: Path, lang: str = "zh") -> int:
    """Sheets of checks, notes and figures, each row citing title and sentence; returns the rows written."""
    h = _HEADERS[lang]
    check_columns = [h[c] for c in ("title", "file", "figure", "kind", "verdict", "message", "sentence", "others")]
    note_columns = [h[c] for c in ("title", "file", "quote", "note", "tags", "status", "sentence", "updated")]
    figure_columns = [h[c] for c in ("title", "file", "figure", "value", "unit", "indicator", "region", "period",
                                     "role", "checks", *_CONFIDENCE_ORDER, "sentence")]
    checks: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for review in collect(db):
        cite = {h["title"]: review.document.title, h["file"]: review.file_name}
        for finding in review.findings:
            checks.append(cite | {h[k]: v for k, v in _finding_cells(review, finding, lang).items()})
        for note in review.notes:
            notes.append(cite | {h[k]: v for k, v in _note_cells(review, note, lang).items()})
        per_figure = _figure_checks(review, lang)
        text = review.document.text
        for f in review.figures:
            figures.append(cite | {
                h["figure"]: f.text, h["value"]: f.value, h["unit"]: f.unit, h["indicator"]: f.indicator,
                h["region"]: f.region, h["period"]: f.period, h["role"]: f.role,
                h["checks"]: "; ".join(per_figure.get(f.id or -1, [])),
                **{h[k]: v for k, v in figure_words(f, lang).items()},
                h["sentence"]: text[f.sentence_start : f.sentence_end],
            })
    correction_columns, corrections = correction_rows(db, lang)
    write_xlsx({h["sheet_checks"]: (check_columns, checks), h["sheet_notes"]: (note_columns, notes),
                h["sheet_figures"]: (figure_columns, figures),
                h["sheet_corrections"]: (correction_columns, corrections)}, out)
    return len(checks) + len(notes) + len(corrections)


_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
       font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 2mm; page-break-before: always; break-before: page; }
h2.first { page-break-before: auto; break-before: auto; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p.file { color: #555; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 3mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
         word-wrap: break-word; overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #eee; }
.attention td.verdict { font-weight: bold; color: #a00; }
.orphaned { color: #a00; }
"""


def _cell(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: list[str], rows: list[list[str]], widths: list[int], classes: list[str] | None = None,
           cell_classes: dict[int, str] | None = None) -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    head = "".join(f"<th>{_cell(h)}</th>" for h in headers)
    body = []
    for index, row in enumerate(rows):
        css = f' class="{classes[index]}"' if classes and classes[index] else ""
        cells = "".join(
            f'<td class="{(cell_classes or {}).get(i, "")}">{_cell(v)}</td>' for i, v in enumerate(row)
        )
        body.append(f"<tr{css}>{cells}</tr>")
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def review_html(db: Queryable, lang: str = "zh") -> str:
    h = _HEADERS[lang]
    reviews = collect(db)
    generated = datetime.datetime.now().isoformat(timespec="minutes")
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{_cell(h['report'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_cell(h['report'])}</h1><p class=\"file\">{_cell(h['generated'])}: {_cell(generated)}</p>",
    ]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for finding in {f.id: f for r in reviews for f in r.findings}.values():
        counts[(_kind(finding, lang), _verdict(finding, lang))] += 1
    summary = [[kind, verdict, str(n)] for (kind, verdict), n in sorted(counts.items())]
    parts.append(f"<h3>{_cell(h['summary'])}</h3>")
    parts.append(_table([h["kind"], h["verdict"], "#"], summary, [45, 40, 15]))
    for index, review in enumerate(reviews):
        heading = review.document.title or review.file_name
        parts.append(f'<h2{" class=first" if index == 0 else ""}>{_cell(heading)}</h2>')
        parts.append(f'<p class="file">{_cell(review.file_name)}</p>')
        parts.append(f"<h3>{_cell(h['sheet_checks'])}</h3>")
        if review.findings:
            rows, classes = [], []
            for finding in review.findings:
                cells = _finding_cells(review, finding, lang)
                rows.append([cells["figure"], cells["kind"], cells["verdict"], cells["message"],
                             cells["sentence"] + ("\n" + cells["others"] if cells["others"] else "")])
                classes.append("attention" if finding.needs_attention else "")
            headers = [h["figure"], h["kind"], h["verdict"], h["message"], h["sentence"]]
            parts.append(_table(headers, rows, [11, 10, 9, 35, 35], classes, {2: "verdict"}))
        else:
            parts.append(f"<p>{_cell(h['no_checks'])}</p>")
        parts.append(f"<h3>{_cell(h['sheet_notes'])}</h3>")
        if review.notes:
            rows = []
            for note in review.notes:
                cells = _note_cells(review, note, lang)
                rows.append([cells["quote"], cells["note"], cells["tags"], cells["status"], cells["sentence"]])
            parts.append(_table([h["quote"], h["note"], h["tags"], h["status"], h["sentence"]], rows,
                                [16, 32, 10, 10, 32], cell_classes={3: "orphaned"}))
        else:
            parts.append(f"<p>{_cell(h['no_notes'])}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_review(db: Queryable, fmt: str, out: Path, lang: str = "zh") -> None:
    """`policy-viewer export review --format xlsx|html --out F` and the viewer's export."""
    if fmt == "xlsx":
        write_review_xlsx(db, out, lang)
    elif fmt == "html":
        out.write_text(review_html(db, lang), encoding="utf-8")
    else:
        raise ValueError(f"unknown review format {fmt!r}; choose one of {', '.join(REVIEW_FORMATS)}")

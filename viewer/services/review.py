"""The review report: per document, its figures with their checks, conflicts, target status and
the reviewer's notes, each citing document title and sentence. As xlsx (Excel/WPS) or as one
self-contained HTML page that prints on A4 (no scripts, no external resources, all text escaped)."""

from __future__ import annotations

import datetime
import html
from collections import defaultdict
from pathlib import Path
from typing import Any

from viewer.services.confidence import CONFIDENCE_COLUMNS
from viewer.services.correction_rows import HEADERS as CORRECTION_HEADERS
from viewer.services.correction_rows import correction_cells, correction_rows
from viewer.services.corrections import list_corrections
from viewer.services.review_cells import (
    HEADERS,
    PUNCTUATION,
    DocumentReview,
    DocumentText,
    figure_cells,
    figure_checks,
    finding_cells,
    kind_word,
    note_cells,
    verdict_word,
)
from viewer.services.tables import write_xlsx
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import notes as store_notes
from viewer.store.connection import Queryable

REVIEW_FORMATS = ("xlsx", "html")


def collect(db: Queryable) -> list[DocumentReview]:
    """Everything the report shows but the texts, per document in library order."""
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


# The weak slots first: the column a reviewer filters on.
_CONFIDENCE_ORDER = ("check", *(c for c in CONFIDENCE_COLUMNS if c != "check"))
CHECK_COLUMNS = ("title", "file", "figure", "kind", "verdict", "message", "sentence", "others")
NOTE_COLUMNS = ("title", "file", "quote", "note", "tags", "status", "sentence", "updated")
FIGURE_COLUMNS = ("title", "file", "figure", "value", "unit", "figure_kind", "qualifier", "indicator", "region",
                  "period", "role", "checks", *_CONFIDENCE_ORDER, "sentence")


def write_review_xlsx(db: Queryable, out: Path, lang: str = "zh") -> int:
    """Sheets of checks, notes, figures and corrections, each row citing title, file and the whole
    sentence; returns the check, note and correction rows written."""
    h = HEADERS[lang]
    checks: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for review in collect(db):
        source = DocumentText.read(db, review.document.id)
        cited = {"title": review.document.title, "file": review.file_name}
        for finding in review.findings:
            checks.append({h[k]: v for k, v in (cited | finding_cells(review, finding, lang)).items()})
        for note in review.notes:
            notes.append({h[k]: v for k, v in (cited | note_cells(source, note, lang)).items()})
        per_figure = figure_checks(review, lang)
        for f in review.figures:
            cells = cited | figure_cells(source, f, per_figure.get(f.id or -1, []), lang)
            figures.append({h[k]: cells[k] for k in FIGURE_COLUMNS})
    correction_columns, corrections = correction_rows(db, lang)
    write_xlsx({h["sheet_checks"]: ([h[c] for c in CHECK_COLUMNS], checks),
                h["sheet_notes"]: ([h[c] for c in NOTE_COLUMNS], notes),
                h["sheet_figures"]: ([h[c] for c in FIGURE_COLUMNS], figures),
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
tr.orphaned td { color: #a00; }
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


def _corrections_by_path(db: Queryable, lang: str) -> dict[str, list[dict[str, Any]]]:
    """document path -> its corrections as cells (correction_rows' columns)."""
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for correction in list_corrections(db):
        file_name = correction.doc_path.replace("\\", "/").rsplit("/", 1)[-1]
        by_path[correction.doc_path].append(correction_cells(correction, file_name, lang))
    return by_path


def review_html(db: Queryable, lang: str = "zh") -> str:
    h = HEADERS[lang]
    colon = PUNCTUATION[lang]["colon"]
    reviews = collect(db)
    corrections = _corrections_by_path(db, lang)
    generated = datetime.datetime.now().isoformat(timespec="minutes")
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{_cell(h['report'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_cell(h['report'])}</h1><p class=\"file\">{_cell(h['generated'] + colon + generated)}</p>",
    ]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for finding in {f.id: f for r in reviews for f in r.findings}.values():
        counts[(kind_word(finding, lang), verdict_word(finding, lang))] += 1
    summary = [[kind, verdict, str(n)] for (kind, verdict), n in sorted(counts.items())]
    parts.append(f"<h3>{_cell(h['summary'])}</h3>")
    parts.append(_table([h["kind"], h["verdict"], h["count"]], summary, [45, 40, 15]))
    for index, review in enumerate(reviews):
        source = DocumentText.read(db, review.document.id)
        heading = review.document.title or review.file_name
        parts.append(f'<h2{" class=first" if index == 0 else ""}>{_cell(heading)}</h2>')
        parts.append(f'<p class="file">{_cell(h["file"] + colon + review.file_name)}</p>')
        parts.append(f"<h3>{_cell(h['sheet_checks'])}</h3>")
        if review.findings:
            rows, classes = [], []
            for finding in review.findings:
                cells = finding_cells(review, finding, lang)
                rows.append([cells["figure"], cells["kind"], cells["verdict"], cells["message"],
                             cells["sentence"] + ("\n" + cells["others"] if cells["others"] else "")])
                classes.append("attention" if finding.needs_attention else "")
            headers = [h["figure"], h["kind"], h["verdict"], h["message"], h["sentence"]]
            parts.append(_table(headers, rows, [11, 10, 9, 35, 35], classes, {2: "verdict"}))
        else:
            parts.append(f"<p>{_cell(h['no_checks'])}</p>")
        parts.append(f"<h3>{_cell(h['sheet_notes'])}</h3>")
        if review.notes:
            rows, classes = [], []
            for note in review.notes:
                cells = note_cells(source, note, lang)
                rows.append([cells["quote"], cells["note"], cells["tags"], cells["status"], cells["sentence"]])
                classes.append("orphaned" if note.orphaned else "")
            parts.append(_table([h["quote"], h["note"], h["tags"], h["status"], h["sentence"]], rows,
                                [16, 30, 10, 12, 32], classes))
        else:
            parts.append(f"<p>{_cell(h['no_notes'])}</p>")
        fixed = corrections.get(review.document.path, [])
        if fixed:
            c = CORRECTION_HEADERS[lang]
            parts.append(f"<h3>{_cell(h['sheet_corrections'])}</h3>")
            parts.append(_table([c["figure"], c["change"], c["author"], c["status"], c["sentence"]],
                                [[r["figure"], r["change"], r["author"], r["status"], r["sentence"]] for r in fixed],
                                [11, 30, 9, 15, 35]))
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

"""Exports never carry a live formula from the reports (issue 14, "Live formulas in exports").

Reports whose file names, titles and sentences start with every character a spreadsheet reads as
a formula (OWASP's list, full-width forms included) are written at run time, imported, given a
note and a correction, and exported in every spreadsheet format: figures, series, entities,
corrections and checks as CSV and xlsx, the review report as xlsx. Each CSV cell is read back as a
spreadsheet would; each xlsx is reopened with openpyxl and its sheet XML searched for formulas."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
import sqlite_utils
from openpyxl import load_workbook
from reliability_table import Record

from viewer.services.checks import run_checks
from viewer.services.checks.rows import export_checks
from viewer.services.corrections import correct_figure
from viewer.services.exports import export
from viewer.services.ingest import ingest_paths
from viewer.services.notes import add_note
from viewer.services.review import write_review
from viewer.store import open_store

STARTS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
LINK = '=HYPERLINK("http://example.invalid/steal","详情")'
PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")
INDICATOR = "高新技术企业数"
# Entity names come from the lexicons, and the checks export's titles, files and sentences are JSON
# lists (starting with "["): these exports may have nothing to prefix.
SELF_SAFE = ("entities", "checks")


def _report(n: int, start: str) -> str:
    # Invented reports: a hostile first character on the title and on the sentences with figures.
    region = "株洲市" if n % 2 else "湘潭市"
    return (f"{start}{region}{2020 + n % 3}年科技创新工作报告\n\n"
            f"{start}1+1 全市研发经费达到{10 + n}.5亿元，比上年增长{n + 3}%。\n\n"
            f"{LINK}全市技术合同成交额{20 + n}亿元。\n\n"
            f"{start}cmd|'/c calc'!A0 高新技术企业达到{100 + n}家。\n")


def _file_name(n: int, start: str) -> str:
    safe = start if start not in ("\t", "\r") else start + "x"
    return f"{safe}SUM(A1){n}.txt"


@pytest.fixture
def hostile_store(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, start in enumerate(STARTS):
        (folder / _file_name(n, start)).write_text(_report(n, start), encoding="utf-8")
    report = ingest_paths(tmp_path / "s.db", [folder], processes=0)
    assert report.count("imported") == len(STARTS), report.outcomes
    db = open_store(tmp_path / "s.db")
    doc_id = db.execute("SELECT id FROM documents ORDER BY id").fetchone()[0]
    add_note(db, doc_id, 0, 3, body=LINK, tags=["=tag", "@who"])
    figure_id = db.execute("SELECT id FROM figures WHERE doc_id = ? ORDER BY span_start", [doc_id]).fetchone()[0]
    correct_figure(db, figure_id, {"value": -3.5, "region": "=湘潭市"}, author="@reviewer")
    run_checks(db)
    yield db
    db.conn.close()


def _exports(db: sqlite_utils.Database, folder: Path) -> list[Path]:
    written = []
    for what in ("figures", "series", "entities", "corrections"):
        for fmt in ("csv", "xlsx"):
            out = folder / f"{what}.{fmt}"
            export(db, what, fmt, out, indicator=INDICATOR if what == "series" else None)
            written.append(out)
    for fmt in ("csv", "xlsx"):
        out = folder / f"checks.{fmt}"
        export_checks(db, fmt, out)
        written.append(out)
    out = folder / "review.xlsx"
    write_review(db, "xlsx", out)
    return [*written, out]


def _live_in_csv(cell: str) -> bool:
    return cell.startswith(tuple(STARTS)) and PLAIN_NUMBER.fullmatch(cell) is None


def _csv_cells(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    return [cell for row in rows[1:] for cell in row]


def test_no_export_holds_a_live_formula(hostile_store: sqlite_utils.Database, tmp_path: Path, record: Record) -> None:
    for path in _exports(hostile_store, tmp_path):
        if path.suffix == ".csv":
            cells = _csv_cells(path)
            live = [c for c in cells if _live_in_csv(c)]
            neutral = [c for c in cells if c.startswith("'") and c[1:].startswith(tuple(STARTS))]
            record(f"formula cells, {path.name}", "0 live", f"{len(live)} live, {len(neutral)} prefixed")
            assert not live, live[:5]
            assert neutral or path.stem in SELF_SAFE, f"{path.name}: no hostile cell, the case tests nothing"
        else:
            book = load_workbook(path)
            cells = [c for ws in book.worksheets for row in ws.iter_rows(min_row=2) for c in row]
            formulas = [c.value for c in cells if c.data_type == "f"]
            hostile = [c for c in cells if isinstance(c.value, str) and c.value.startswith(tuple(STARTS))]
            unprefixed = [c.value for c in hostile if not c.quotePrefix or c.data_type != "s"]
            with zipfile.ZipFile(path) as archive:
                xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
            record(f"formula cells, {path.name}", "0 formulas",
                   f"{len(formulas)} formulas, {len(hostile)} text cells quote-prefixed")
            assert not formulas and "<f>" not in xml and "<f " not in xml
            assert not unprefixed, unprefixed[:5]
            assert hostile or path.stem in SELF_SAFE, f"{path.name}: no hostile cell, the case tests nothing"


def test_hyperlink_stays_text_and_numbers_stay_numbers(hostile_store: sqlite_utils.Database, tmp_path: Path,
                                                       record: Record) -> None:
    review = tmp_path / "review.xlsx"
    write_review(hostile_store, "xlsx", review)
    notes = load_workbook(review)["批注"]
    bodies = [c for row in notes.iter_rows(min_row=2) for c in row if c.value == LINK]
    record("=HYPERLINK note, review.xlsx", "inert text, exact", f"{len(bodies)} cell(s), type {bodies[0].data_type}")
    assert bodies and all(c.data_type == "s" and c.hyperlink is None for c in bodies)

    figures = tmp_path / "figures.xlsx"
    export(hostile_store, "figures", "xlsx", figures)
    sheet = load_workbook(figures).active
    header = [c.value for c in sheet[1]]
    values = [row[header.index("value")] for row in sheet.iter_rows(min_row=2)]
    negative = [c for c in values if c.value == -3.5]
    record("negative corrected value, figures.xlsx", "a number", f"{negative[0].data_type if negative else 'missing'}")
    assert negative and negative[0].data_type == "n" and not negative[0].quotePrefix

    figures_csv = tmp_path / "figures.csv"
    export(hostile_store, "figures", "csv", figures_csv)
    rows = list(csv.DictReader(io.StringIO(figures_csv.read_text(encoding="utf-8-sig"), newline="")))
    assert "-3.5" in [r["value"] for r in rows], "a negative number is written as a number, not prefixed"
    links = [r["sentence"] for r in rows if "HYPERLINK" in r["sentence"]]
    record("=HYPERLINK sentence, figures.csv", "prefixed with '", f"{len(links)} rows, first {links[0][:12]!r}")
    assert links and all(s.startswith("'") for s in links)


def test_control_characters_do_not_stop_an_xlsx_export(tmp_path: Path, record: Record) -> None:
    from viewer.services.tables import write_rows

    out = tmp_path / "control.xlsx"
    write_rows([{"text": "=A1\x01\x0b 文字", "n": -2}], ["text", "n"], "xlsx", out)
    cell, number = load_workbook(out).active[2]
    record("control characters in a cell, xlsx", "written, text kept", repr(cell.value))
    assert cell.value == "=A1\ufffd\ufffd 文字" and cell.data_type == "s" and number.value == -2

"""Exports say how each figure was attributed (indicator_how, region_how, period_how, provisional,
modality) and which of its slots to check; text cells never become formulas."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from openpyxl import load_workbook

from viewer.model import AnalyzedDocument, Document, Figure, Paragraph, Role, Sentence
from viewer.services.confidence import CONFIDENCE_COLUMNS
from viewer.services.exports import FIGURE_COLUMNS, SERIES_COLUMNS, export, figure_rows, series_rows
from viewer.services.review import write_review
from viewer.services.tables import write_rows
from viewer.store import documents as store_documents
from viewer.store import open_store

# Invented text (not from the corpus); the second sentence starts like a spreadsheet formula.
TEXT = "青溪区科技工作总结。=1+2全区技术合同登记额达到8.5亿元。@区级财政科技专项经费3000万元。"


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def analysed() -> AnalyzedDocument:
    first, second = TEXT.index("。") + 1, TEXT.index("。", TEXT.index("8.5亿元")) + 1
    sure = Figure(*span("8.5亿元"), "8.5亿元", 8.5e8, "元", "money", year=2023, period="2023",
                  indicator="技术合同成交额", region="青溪区", sentence_start=first, sentence_end=second,
                  indicator_how="alias", region_how="clause", period_how="running")
    weak = Figure(*span("3000万元"), "3000万元", 3e7, "元", "money", year=2023, period="2023",
                  indicator="区级财政科技专项经费", region="青溪区", role=Role.TARGET, sentence_start=second,
                  sentence_end=len(TEXT), provisional=True, indicator_how="provisional", region_how="guessed",
                  period_how="heading", modality="target")
    return AnalyzedDocument(
        document=Document(path="/r/青溪区.txt", sha256="ab" * 32, text=TEXT, title="=青溪区科技工作总结",
                          region="青溪区", year=2023),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None],
        sentences=[Sentence(0, 0, first, 0), Sentence(1, first, second, 0), Sentence(2, second, len(TEXT), 0)],
        figures=[sure, weak], analysis_version=2,
    )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    database = open_store(tmp_path / "s.db")
    store_documents.save_document(database, analysed())
    yield database
    database.conn.close()


def test_figure_rows_say_how_each_figure_was_attributed(db: sqlite_utils.Database) -> None:
    assert set(CONFIDENCE_COLUMNS) <= set(FIGURE_COLUMNS) and FIGURE_COLUMNS[-1] == "sentence"
    sure, weak = figure_rows(db)
    assert {c: sure[c] for c in CONFIDENCE_COLUMNS} == {
        "indicator_how": "alias", "region_how": "clause", "period_how": "running", "provisional": False,
        "modality": "actual", "check": "", "source": "machine"}
    assert {c: weak[c] for c in CONFIDENCE_COLUMNS} == {
        "indicator_how": "provisional", "region_how": "guessed", "period_how": "heading", "provisional": True,
        "modality": "target", "check": "indicator,region", "source": "machine"}


def test_series_rows_carry_the_same_columns(db: sqlite_utils.Database) -> None:
    assert set(CONFIDENCE_COLUMNS) <= set(SERIES_COLUMNS) and SERIES_COLUMNS[-1] == "sentence"
    [weak] = series_rows(db, "区级财政科技专项经费")
    assert (weak["check"], weak["provisional"], weak["region_how"], weak["modality"]) == \
        ("indicator,region", True, "guessed", "target")
    [sure] = series_rows(db, "技术合同成交额")
    assert sure["check"] == "" and sure["indicator_how"] == "alias"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_every_format_has_the_columns_and_no_formulas(db: sqlite_utils.Database, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"figures.{fmt}"
    assert export(db, "figures", fmt, out) == 2
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert rows[1]["check"] == "indicator,region" and rows[1]["provisional"] is True
        assert rows[0]["sentence"].startswith("=1+2"), "JSON keeps the text as it is"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert list(rows[0]) == list(FIGURE_COLUMNS)
        assert rows[1]["check"] == "indicator,region" and rows[1]["modality"] == "target"
        assert rows[0]["sentence"] == "'=1+2全区技术合同登记额达到8.5亿元。"
        assert rows[1]["sentence"].startswith("'@区级")
    else:
        sheet = load_workbook(out).active
        header = [c.value for c in sheet[1]]
        assert header == list(FIGURE_COLUMNS)
        cells = {name: sheet.cell(row=3, column=header.index(name) + 1) for name in header}
        assert cells["check"].value == "indicator,region" and cells["provisional"].value is True
        sentence = sheet.cell(row=2, column=header.index("sentence") + 1)
        assert sentence.value == "=1+2全区技术合同登记额达到8.5亿元。" and sentence.data_type == "s"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    rows = [{"a": "=HYPERLINK(\"http://example.invalid\")", "b": "+1", "c": "-2", "d": 3.5, "e": "\t=1"}]
    buffer = io.StringIO()
    write_rows(rows, "abcde", "csv", None, buffer)
    assert buffer.getvalue().splitlines()[1] == "\"'=HYPERLINK(\"\"http://example.invalid\"\")\",'+1,'-2,3.5,'\t=1"
    write_rows(rows, "abcde", "xlsx", tmp_path / "t.xlsx")
    cells = next(iter(load_workbook(tmp_path / "t.xlsx").active.iter_rows(min_row=2)))
    assert [c.data_type for c in cells] == ["s", "s", "s", "n", "s"]
    assert cells[0].value == rows[0]["a"]


def test_the_review_report_lists_what_to_check(db: sqlite_utils.Database, tmp_path: Path) -> None:
    for lang, check, how in (("zh", "需核对", "地区依据"), ("en", "To check", "Region from")):
        out = tmp_path / f"review-{lang}.xlsx"
        write_review(db, "xlsx", out, lang)
        sheet = load_workbook(out).worksheets[2]
        header = [c.value for c in sheet[1]]
        rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
        weak = rows[1]
        if lang == "zh":
            assert weak[check] == "指标、地区" and weak[how] == "文件默认（从全文推断）" and not rows[0][check]
            assert weak["临时指标"] == "是" and weak["性质"] == "目标"
        else:
            assert weak[check] == "indicator, region" and weak[how] == "document default (inferred from its text)"
        title = sheet.cell(row=2, column=1)
        assert title.value == "=青溪区科技工作总结" and title.data_type == "s"

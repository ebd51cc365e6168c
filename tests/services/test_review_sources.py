"""The review report cites its sources: every row of every sheet names the document (title and
file) and the whole sentence; roles, kinds, qualifiers, periods and statuses are words of the
report's language, never stored codes. Invented reports, imported and re-imported as a reviewer would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from openpyxl import load_workbook

from viewer.model import FigureKind, NoteStatus, Qualifier, Role
from viewer.services import corrections
from viewer.services.figure_words import period_words
from viewer.services.ingest import ingest_paths
from viewer.services.notes import add_note
from viewer.services.review import review_html, write_review
from viewer.store import open_store

TITLE = "青川市2023年科技工作总结"
GROWTH = "2023年全市研发经费投入达到45.6亿元，比上年增加5.2亿元，增长12.9%。"
HALF = "2023年上半年全市技术合同成交额约18亿元。"
TARGET = "到2025年，全市高新技术企业达到800家以上。"
PLATFORMS = "全市新建省级创新平台12个，其中工程技术研究中心7个。"
FIRST = f"{TITLE}\n\n{GROWTH}{HALF}\n\n{TARGET}\n\n{PLATFORMS}\n"
# The revised file: a paragraph added before, the platforms sentence gone.
SECOND = f"{TITLE}\n\n全年科技工作稳中有进。\n\n{GROWTH}{HALF}\n\n{TARGET}\n"
CODES = {v for kind in (Role, FigureKind, Qualifier, NoteStatus) for k, v in vars(kind).items()
         if k.isupper() and v}


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    report = tmp_path / "青川工作总结.txt"
    report.write_text(FIRST, encoding="utf-8")
    store = tmp_path / "s.db"
    assert ingest_paths(store, [report], processes=0).ok
    database = open_store(store)
    doc_id = database.execute("SELECT id FROM documents").fetchone()[0]
    add_note(database, doc_id, *span(FIRST, "增长12.9%"), body="与统计公报核对")
    add_note(database, doc_id, *span(FIRST, "工程技术研究中心7个"), body="哪几个？")
    database.conn.close()
    report.write_text(SECOND, encoding="utf-8")  # re-imported: the first note moves, the second is orphaned
    assert ingest_paths(store, [report], processes=0).ok
    database = open_store(store)
    doc_id = database.execute("SELECT id FROM documents").fetchone()[0]
    add_note(database, doc_id, *span(SECOND, "约18亿元"), body="口径？", tags=["金额"])
    figure_id = database.execute("SELECT id FROM figures WHERE text = '800家以上'").fetchone()[0]
    corrections.correct_figure(database, figure_id, {"role": Role.ACTUAL, "period": "2023-H1"}, author="审核员甲")
    yield database
    database.conn.close()


def sheet_rows(path: Path, sheet: int) -> list[dict[str, Any]]:
    rows = list(load_workbook(path).worksheets[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_every_row_of_every_sheet_cites_document_and_whole_sentence(db: sqlite_utils.Database,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    write_review(db, "xlsx", out)
    sentences = {GROWTH, HALF, TARGET}
    for index in range(4):
        rows = sheet_rows(out, index)
        assert rows, f"sheet {index} is empty"
        for row in rows:
            assert row["标题"] == TITLE and row["文件"] == "青川工作总结.txt"
            assert row["出处句子"], row
    figures = sheet_rows(out, 2)
    assert {r["出处句子"] for r in figures} <= sentences
    growth = next(r for r in figures if r["数字"] == "12.9%")
    assert growth["出处句子"] == GROWTH and growth["类型"] == "增长率" and growth["时期"] == "2023年"
    assert next(r for r in figures if r["数字"] == "5.2亿元")["类型"] == "增减量"
    half = next(r for r in figures if r["数字"] == "约18亿元")
    assert (half["时期"], half["限定"], half["数字类别"]) == ("2023年上半年", "约", "金额")
    checks = sheet_rows(out, 0)
    assert all(r["出处句子"] in sentences for r in checks)


def test_notes_cite_whole_sentences_with_their_status_in_words(db: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    write_review(db, "xlsx", out)
    notes = {r["批注"]: r for r in sheet_rows(out, 1)}
    assert notes["与统计公报核对"]["状态"] == "已重新定位（原文位置有变）"
    assert notes["与统计公报核对"]["出处句子"] == GROWTH
    assert notes["口径？"]["状态"] == "已定位" and notes["口径？"]["出处句子"] == HALF
    assert notes["口径？"]["标签"] == "金额"
    orphaned = notes["哪几个？"]
    assert orphaned["状态"] == "原文已不存在" and "工程技术研究中心7个" in orphaned["出处句子"]


def test_codes_never_reach_a_cell_in_either_language(db: sqlite_utils.Database, tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        out = tmp_path / f"review-{lang}.xlsx"
        write_review(db, "xlsx", out, lang)
        for index in range(4):
            for row in sheet_rows(out, index):
                cells = {v for v in row.values() if isinstance(v, str)}
                # in English some words are their codes (rank, share): no code with an underscore then
                assert not (CODES if lang == "zh" else {c for c in CODES if "_" in c}) & cells, row
    english = sheet_rows(tmp_path / "review-en.xlsx", 2)
    growth = next(r for r in english if r["Figure"] == "5.2亿元")
    assert (growth["Role"], growth["Period"], growth["Kind of figure"]) == ("change in value", "2023",
                                                                          "amount of money")
    half = next(r for r in english if r["Figure"] == "约18亿元")
    assert (half["Period"], half["Qualifier"]) == ("H1 2023", "about")
    notes = {r["Note"]: r["Status"] for r in sheet_rows(tmp_path / "review-en.xlsx", 1)}
    assert notes == {"与统计公报核对": "found again (the text moved)", "哪几个？": "quoted text gone",
                     "口径？": "in place"}


def test_a_correction_of_role_and_period_reads_as_words(db: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    write_review(db, "xlsx", out)
    (row,) = sheet_rows(out, 3)
    assert sorted(row["更正"].split("；")) == ["时期：2025年 → 2023年上半年", "类型：目标值 → 实际值"]
    assert row["出处句子"] == TARGET and row["状态"] == "已应用"
    write_review(db, "xlsx", out, "en")
    (row,) = sheet_rows(out, 3)
    assert sorted(row["Correction"].split("; ")) == ["period: 2025 → H1 2023", "role: target value → actual value"]


def test_the_html_report_carries_the_same_words_and_sentences(db: sqlite_utils.Database) -> None:
    page = review_html(db)
    assert "文件：青川工作总结.txt" in page and GROWTH in page and HALF in page
    assert "已重新定位（原文位置有变）" in page and "原文已不存在" in page and "已定位" in page
    assert "类型：目标值 → 实际值" in page
    english = review_html(db, "en")
    assert "File: 青川工作总结.txt" in english and "found again (the text moved)" in english
    assert "role: target value → actual value" in english and GROWTH in english


@pytest.mark.parametrize(("period", "year", "zh", "en"), [
    ("2020", 2020, "2020年", "2020"),
    ("2016-2020", 2020, "2016—2020年", "2016–2020"),
    ("2022-Q1-Q3", 2022, "2022年前三季度", "Q1–Q3 2022"),
    ("2022-H2", 2022, "2022年下半年", "H2 2022"),
    ("2022-Q1", 2022, "2022年第一季度", "Q1 2022"),
    ("2022-M01-M11", 2022, "2022年1—11月", "Jan–Nov 2022"),
    ("2023-03", 2023, "2023年3月底", "end of March 2023"),
    ("", 2021, "2021年", "2021"),
    ("", None, "", ""),
])
def test_periods_in_words(period: str, year: int | None, zh: str, en: str) -> None:
    assert (period_words(period, year, "zh"), period_words(period, year, "en")) == (zh, en)

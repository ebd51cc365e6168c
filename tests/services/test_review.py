"""The review report: xlsx read back with openpyxl, HTML self-contained, A4, and escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlite_utils
from openpyxl import load_workbook

from viewer.services.checks import run_checks
from viewer.services.ingest import ingest_paths
from viewer.services.notes import add_note, reanchor_notes
from viewer.services.review import review_html, write_review
from viewer.store import open_store

HOSTILE = "<script>alert('x')</script>"
TEXT = ("株洲市2021年科技工作总结\n\n"
        f"{HOSTILE}研发经费由2015年12.78亿元增长至2020年34.94亿元，五年间增幅达180%。\n\n"
        "全市各类科技创新平台达100家，其中国家级60家、省级50家。\n")


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    path = tmp_path / "报告<甲>.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert ingest_paths(tmp_path / "s.db", [path], processes=0).ok
    database = open_store(tmp_path / "s.db")
    doc_id = database.execute("SELECT id FROM documents").fetchone()[0]
    start = TEXT.index("34.94亿元")
    add_note(database, doc_id, start, start + len("34.94亿元"), body="<b>请核对</b> & 统计公报", tags=["<i>数字</i>"])
    gone = TEXT.index("其中")
    add_note(database, doc_id, gone, gone + 2, body="孤立的批注")
    database.conn.execute("UPDATE documents SET text = replace(text, '其中', '包含') WHERE id = ?", [doc_id])
    reanchor_notes(database, doc_id)
    run_checks(database)
    yield database
    database.conn.close()


def test_xlsx_has_checks_notes_and_figures_citing_title_and_sentence(db: sqlite_utils.Database, tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    write_review(db, "xlsx", out)
    book = load_workbook(out)
    assert book.sheetnames == ["检查", "批注", "数字", "更正记录"]
    checks = [dict(zip([c.value for c in book["检查"][1]], [c.value for c in row], strict=True))
              for row in book["检查"].iter_rows(min_row=2)]
    growth = next(r for r in checks if r["数字"] and "12.78亿元" in r["数字"])
    assert growth["结论"] == "不符" and growth["标题"] == "株洲市2021年科技工作总结" and growth["文件"] == "报告<甲>.txt"
    assert "五年间增幅达180%" in growth["出处句子"] and "173.4%" in growth["说明"]
    notes = [[c.value for c in row] for row in book["批注"].iter_rows(min_row=2)]
    assert [n[3] for n in notes] == ["<b>请核对</b> & 统计公报", "孤立的批注"]
    assert notes[1][5] == "原文已不存在" and "34.94亿元" in notes[0][6]
    sheet = book["检查"]
    widths = {sheet.cell(row=1, column=i).value: sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width
              for i in range(1, sheet.max_column + 1)}
    assert widths["说明"] > widths["结论"] >= 6 and max(widths.values()) <= 62
    header = [c.value for c in book["数字"][1]]
    figures = [dict(zip(header, [c.value for c in row], strict=True)) for row in book["数字"].iter_rows(min_row=2)]
    assert any(row["数字"] == "180%" and "不符" in (row["检查结果"] or "") for row in figures)


def test_html_is_a4_self_contained_and_escapes_document_text(db: sqlite_utils.Database, tmp_path: Path) -> None:
    page = review_html(db)
    assert "@page" in page and "size: A4" in page
    assert "<script" not in page and "alert(&#x27;x&#x27;)" in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;请核对&lt;/b&gt; &amp; 统计公报" in page
    assert "&lt;i&gt;数字&lt;/i&gt;" in page and "报告&lt;甲&gt;.txt" in page
    assert not re.search(r"(?:src|href)\s*=|@import|url\(|https?://", page)
    assert "株洲市2021年科技工作总结" in page and "不符" in page and "原文已不存在" in page
    out = tmp_path / "review.html"
    write_review(db, "html", out, lang="en")
    english = out.read_text(encoding="utf-8")
    assert "inconsistent" in english and 'lang="en"' in english
    with pytest.raises(ValueError):
        write_review(db, "pdf", tmp_path / "r.pdf")

"""Reading .txt/.md/.docx/.html/.pdf files; every fixture is written to tmp_path here."""

from __future__ import annotations

import codecs
import logging
import os
import random
import time
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from viewer.text.readers import SUPPORTED_SUFFIXES, ReadError, collect_paths, read_document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
CHINESE = "株洲市研发投入34.94亿元，增长1.89%；高新技术企业312家。"
CJK_FONT = "STSong-Light"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_error(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.path == path
    return caught.value.reason


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- plain text: encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_unicode_encodings_are_detected_and_the_bom_dropped(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    path = write(tmp_path / "report.txt", bom + CHINESE.encode(encoding))
    assert read_document(path) == CHINESE


def test_gb18030_is_detected_including_characters_outside_gbk(tmp_path: Path) -> None:
    text = f"{CHINESE}\n姓名：𠮷田，单位：㎡，欧元符号€。\n" * 3
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")  # the four-byte sequences need GB18030 proper
    assert read_document(write(tmp_path / "gb.txt", data)) == text


def test_plain_gbk_text_is_read_as_chinese(tmp_path: Path) -> None:
    text = "一、总体情况\n全市专利授权量达到5678件，同比增长8.3%。\n"
    assert read_document(write(tmp_path / "gbk.md", text.encode("gbk"))) == text


def test_big5_is_not_mistaken_for_gbk(tmp_path: Path) -> None:
    text = "臺灣地區的科學技術報告，說明研究經費與專利數量的變化。\n" * 5
    assert read_document(write(tmp_path / "big5.txt", text.encode("big5"))) == text


def test_utf8_with_one_broken_byte_stays_utf8(tmp_path: Path) -> None:
    data = (CHINESE * 20).encode() + b"\xff" + CHINESE.encode()
    text = read_document(write(tmp_path / "broken.txt", data))
    assert text == CHINESE * 20 + "\ufffd" + CHINESE


@pytest.mark.parametrize("codec", ["gbk", "utf-16"])
def test_file_cut_off_mid_character_keeps_its_encoding(tmp_path: Path, codec: str) -> None:
    data = (CHINESE * 5).encode(codec)[:-1]
    assert read_document(write(tmp_path / "cut.txt", data)) == (CHINESE * 5)[:-1] + "\ufffd"


def test_newlines_are_normalised_and_nothing_else_changes(tmp_path: Path) -> None:
    text = "\n\n\u3000\u3000第一段\r\n第二段\r第三段  \t\r\n\r\nＡＢＣ１２３\n"
    result = read_document(write(tmp_path / "crlf.txt", text.encode()))
    assert result == "\n\n\u3000\u3000第一段\n第二段\n第三段  \t\n\nＡＢＣ１２３\n"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", "\u3000\n".encode(), codecs.BOM_UTF8 + b"\n"])
def test_empty_or_blank_file(tmp_path: Path, data: bytes) -> None:
    assert read_error(write(tmp_path / "empty.txt", data)) == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        random.Random(7).randbytes(4096),
        b"plain words \x01\x02\x03\x04\x05\x06 then \x07\x08\x0e\x0f" * 10,
    ],
    ids=["png", "random", "control-bytes"],
)
def test_binary_data_is_not_text(tmp_path: Path, data: bytes) -> None:
    assert read_error(write(tmp_path / "image.txt", data)) == "not text (binary data)"


def test_twenty_megabytes_on_one_line_read_quickly(tmp_path: Path) -> None:
    unit = "研发经费投入34.94亿元，"
    repeats = 20_000_000 // len(unit.encode())
    path = write(tmp_path / "big.txt", (unit * repeats).encode())
    started = time.perf_counter()
    text = read_document(path)
    elapsed = time.perf_counter() - started
    assert len(text) == len(unit) * repeats
    assert elapsed < 2.0


def test_big_gbk_file_reads_quickly(tmp_path: Path) -> None:
    unit = "高新技术企业312家，"
    repeats = 10_000_000 // len(unit.encode("gbk"))
    path = write(tmp_path / "big_gbk.txt", (unit * repeats).encode("gbk"))
    started = time.perf_counter()
    assert len(read_document(path)) == len(unit) * repeats
    assert time.perf_counter() - started < 2.0


# A UTF-16 LE text starting with U+0000 begins with the UTF-32 LE mark; it is left out.
@settings(max_examples=60, deadline=None)
@given(text=st.text().filter(lambda text: text.strip() != "" and not text.startswith("\x00")))
def test_any_text_written_with_a_bom_reads_back(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("bom", numbered=True)
    for codec in ("utf-8-sig", "utf-16", "utf-16-be", "utf-32"):
        bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else b""
        path = write(folder / "any.txt", bom + text.encode(codec, errors="surrogatepass"))
        assert read_document(path) == normalised(text), codec


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(st.characters(exclude_categories=["Cc", "Cs"], include_characters="\t\n\r"))
    .filter(lambda text: text.strip() != "")
    .filter(lambda text: not text.startswith("\ufeff"))
)
def test_any_text_written_as_utf8_reads_back(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = write(tmp_path_factory.mktemp("utf8") / "any.md", text.encode())
    assert read_document(path) == normalised(text)


# --- .docx -----------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph("全年研发投入34.94亿元。")
    table = document.add_table(rows=2, cols=3)
    for column, value in enumerate(["指标", "2022年", "2023年"]):
        table.cell(0, column).text = value
    for column, value in enumerate(["高新技术企业", "280家", "312家"]):
        table.cell(1, column).text = value
    document.add_paragraph("表后的段落。")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    text = read_document(make_docx(tmp_path / "report.docx"))
    assert text.split("\n") == [
        "一、总体情况",
        "全年研发投入34.94亿元。",
        "指标\t2022年\t2023年",
        "高新技术企业\t280家\t312家",
        "表后的段落。",
    ]


def test_truncated_docx_is_a_bad_zip(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "whole.docx").read_bytes()
    path = write(tmp_path / "cut.docx", data[: len(data) // 2])
    assert read_error(path) == "not a valid .docx (bad zip archive)"


def test_text_renamed_docx_and_old_doc_format(tmp_path: Path) -> None:
    assert read_error(write(tmp_path / "a.docx", "不是压缩包".encode())).startswith("not a valid .docx (")
    old_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    assert read_error(write(tmp_path / "b.docx", old_doc)) == "not a valid .docx (old Word .doc format?)"


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    assert read_error(path) == "document has no text"


# --- .html -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>网页标题</title>
<style>p {{ color: red; }}</style><script>var hidden = "脚本内容";</script></head>
<body><!-- 注释内容 --><noscript>请启用脚本</noscript>
<div class="nav">首页 &gt; 科技  新闻</div>
<h1>株洲市
科技报告</h1>
<p>研发投入<b>34.94</b>亿元，<span>增长1.89%</span>。</p><p>第一行<br>第二行</p>
<table><tr><th>指标</th><th>2023年</th></tr><tr><td>企业</td><td>312家</td></tr></table>
<ul><li>甲</li><li>乙</li></ul><div style="display: none">隐藏内容</div>
<template><p>模板内容</p></template>
</body></html>
"""
PAGE_TEXT = "首页 > 科技 新闻\n株洲市 科技报告\n研发投入34.94亿元，增长1.89%。\n第一行\n第二行\n指标\t2023年\n企业\t312家\n甲\n乙"


def test_html_visible_text_with_block_structure(tmp_path: Path) -> None:
    page = PAGE.format(meta='<meta charset="utf-8">')
    assert read_document(write(tmp_path / "page.html", page.encode())) == PAGE_TEXT


@pytest.mark.parametrize(
    "meta",
    [
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        '<meta charset="utf-8">',  # a wrong declaration: the bytes decide
        "",
    ],
)
def test_gbk_html(tmp_path: Path, meta: str) -> None:
    page = PAGE.format(meta=meta)
    assert read_document(write(tmp_path / "gbk.htm", page.encode("gbk"))) == PAGE_TEXT


def test_html_without_visible_text(tmp_path: Path) -> None:
    page = b"<html><head><title>only a title</title></head><body><script>x()</script></body></html>"
    assert read_error(write(tmp_path / "blank.html", page)) == "no visible text"


# --- .pdf ------------------------------------------------------------------------------


def chinese_canvas(path: Path, **options: object) -> canvas.Canvas:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    pdf = canvas.Canvas(str(path), **options)
    pdf.setFont(CJK_FONT, 12)
    return pdf


def full_line(ending: str, width: float = 360.0) -> str:
    """`ending` behind filler characters, as wide as a justified line of `width` points."""
    line = ending
    while pdfmetrics.stringWidth("测" + line, CJK_FONT, 12) <= width:
        line = "测" + line
    return line


def test_pdf_chinese_text_layer_with_wrapped_lines_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    pdf = chinese_canvas(path)
    heading = "一、总体情况"
    first = full_line("研发投入34.94亿")
    second = full_line("元，增长1.89%。")
    third = full_line("高新技术企业", width=360.0 - 24)
    lines = [(72, heading), (72, first), (72, second), (96, third), (72, "达到312家。")]
    for index, (x, line) in enumerate(lines):
        pdf.drawString(x, 760 - 16 * index, line)
    pdf.showPage()
    pdf.setFont(CJK_FONT, 12)
    pdf.drawString(72, 760, "第二页")
    pdf.save()
    assert read_document(path).split("\n") == [heading, first + second, third + "达到312家。", "第二页"]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 300, fill=1)
    pdf.circle(300, 500, 50)
    pdf.save()
    assert read_error(path) == "no text layer (scanned PDF?)"


def test_pdf_with_a_user_password_is_encrypted(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    pdf = chinese_canvas(locked, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    pdf.drawString(72, 700, CHINESE)
    pdf.save()
    assert read_error(locked) == "PDF is encrypted"


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path) -> None:
    path = tmp_path / "owner.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 700, "R&D spending 34.94 (2023)")
    pdf.save()
    assert read_document(path) == "R&D spending 34.94 (2023)"


def test_pdf_whose_font_has_no_unicode_map(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    pdf = chinese_canvas(path)
    pdf.drawString(72, 700, CHINESE)
    pdf.save()
    data = path.read_bytes()
    assert data.count(b"/UniGB-UCS2-H") == 1
    assert data.count(b"(GB1)") == 1
    # Same lengths, so the cross-reference offsets stay right: glyph ids, no known mapping.
    data = data.replace(b"/UniGB-UCS2-H", b"/Identity-H  ").replace(b"(GB1)", b"(XX1)")
    reason = read_error(write(path, data))
    assert reason == "text layer cannot be decoded (fonts without a Unicode map)"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj\n<<", "不是PDF".encode()], ids=["truncated", "text"])
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    assert read_error(write(tmp_path / "broken.pdf", data)).startswith("not a valid PDF (")


def test_pdfminer_is_silent_while_reading_and_restored_after(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pdfminer_log = logging.getLogger("pdfminer")
    pdfminer_log.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG):
            read_error(write(tmp_path / "broken.pdf", b"%PDF-1.4\n1 0 obj\n<<"))
        assert not [record for record in caplog.records if record.name.startswith("pdfminer")]
        assert pdfminer_log.level == logging.DEBUG
    finally:
        pdfminer_log.setLevel(logging.NOTSET)


# --- files that cannot be read -----------------------------------------------------------


def test_operating_system_errors_become_read_errors(tmp_path: Path) -> None:
    folder = tmp_path / "x.txt"
    folder.mkdir()
    assert read_error(folder) == "is a directory"
    assert read_error(tmp_path / "missing.pdf") == "file not found"
    link = tmp_path / "gone.docx"
    link.symlink_to(tmp_path / "deleted.docx")
    assert read_error(link) == "file not found (broken link)"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_error(fifo) == "not a regular file"  # refused without opening, so no hang


def test_unsupported_type(tmp_path: Path) -> None:
    assert read_error(write(tmp_path / "table.xls", b"x")) == "unsupported file type (.xls)"


def test_chinese_path_with_spaces_and_upper_case_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "报告 目录" / "株洲 报告.TXT", CHINESE.encode())
    assert read_document(path) == CHINESE


# --- collecting paths ----------------------------------------------------------------------


def test_collect_paths_expands_folders_in_order_and_skips_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "批次"
    for name in ["b.txt", "a.md", "子目录/c.docx", "子目录/d.xls", "子目录/深/e.PDF", "f.htm", "g.csv"]:
        write(root / name, b"x")
    for name in [".hidden.txt", ".git/config.txt", "~$c.docx", "子目录/~$lock.docx"]:
        write(root / name, b"x")
    (root / "子目录" / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    missing = tmp_path / "不存在.txt"
    extra = write(tmp_path / "single.html", b"x")

    to_read, skipped = collect_paths([root, missing, extra, root / "a.md", tmp_path / "~$x.docx"])

    assert to_read == [
        root / "a.md",
        root / "b.txt",
        root / "f.htm",
        root / "子目录" / "c.docx",
        root / "子目录" / "深" / "e.PDF",
        missing,
        extra,
    ]
    assert skipped == [root / "g.csv", root / "pipe.txt", root / "子目录" / "d.xls"]


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".docx", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES


# --- the real reports ----------------------------------------------------------------------


def corpus_paths() -> list[Path]:
    paths = sorted(CORPUS.glob("*.txt"))
    if len(paths) != 5:
        pytest.fail(f"expected the five reports in {CORPUS} (../shared/corpus), found {len(paths)}")
    return paths


def test_the_five_reports_decode_exactly() -> None:
    for path in corpus_paths():
        text = read_document(path)
        assert text.strip(), path.name
        assert "\ufffd" not in text, path.name
        assert text == normalised(path.read_bytes().decode("utf-8-sig")), path.name


@pytest.mark.parametrize("codec", ["gb18030", "utf-16"])
def test_the_five_reports_reencoded_read_back_identically(tmp_path: Path, codec: str) -> None:
    for path in corpus_paths():
        original = read_document(path)
        copy = write(tmp_path / f"{codec}_{path.name}", original.encode(codec))
        assert read_document(copy) == original, path.name

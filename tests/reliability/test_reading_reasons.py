"""Files are read, or refused for the right reason (issue 14, "Misleading reasons").

UTF-16 without a byte-order mark and a good report with a few NUL bytes are read, not called
binary data; a broken PDF is named damaged, not a scan; an HTML page whose declared charset does
not match its bytes is read in the encoding that decodes them. Every file is written at run time
from invented sentences."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image
from reliability_table import Record
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from viewer.services.ingest import ingest_paths
from viewer.text.readers.document import read_document
from viewer.text.readers.errors import ReadError

REPORT = ("青溪县2024年科技工作情况\n\n"
          "一、全县高新技术企业达到126家，比上年增加18家。\n"
          "二、技术合同成交额3.5亿元，增长12.4%。\n"
          "三、新建省级工程技术研究中心4个。\n") * 3
CJK_FONT = "STSong-Light"


def outcome(path: Path) -> str:
    try:
        text = read_document(path)
    except ReadError as error:
        return f"refused: {error.reason}"
    return "read exactly" if text == REPORT else f"read, but differs: {text[:20]!r}"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read(tmp_path: Path, codec: str, record: Record) -> None:
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(REPORT.encode(codec))
    seen = outcome(path)
    record(f"{codec} without BOM", "read exactly", seen)
    assert seen == "read exactly"


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_stray_nul_bytes_are_dropped(tmp_path: Path, codec: str, record: Record) -> None:
    data = bytearray(REPORT.encode(codec))
    rng = random.Random(14)
    for position in sorted(rng.sample(range(1, len(data)), 3), reverse=True):
        data[position:position] = b"\x00"
    path = tmp_path / f"nul-{codec}.txt"
    path.write_bytes(bytes(data))
    seen = outcome(path)
    record(f"{codec} report with 3 NUL bytes", "read exactly", seen)
    assert seen == "read exactly"


def test_nul_bytes_on_one_parity_alone_do_not_make_utf16(tmp_path: Path, record: Record) -> None:
    data = bytearray((REPORT * 4).encode())
    for position in (101, 503, 1001):  # odd offsets: the pattern of UTF-16 LE, but only three
        data[position:position] = b"\x00"
    path = tmp_path / "odd-nuls.txt"
    path.write_bytes(bytes(data))
    text = read_document(path)
    record("3 NUL bytes on odd offsets", "read as UTF-8", "read as UTF-8" if text == REPORT * 4 else text[:20])
    assert text == REPORT * 4


@pytest.mark.parametrize("data", [random.Random(3).randbytes(8192),
                                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8],
                         ids=["random", "png"])
def test_binary_data_is_still_refused(tmp_path: Path, data: bytes, record: Record) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    seen = outcome(path)
    record(f"binary data in .txt ({len(data)} bytes)", "refused: not text (binary data)", seen)
    assert seen == "refused: not text (binary data)"


PAGE = ("<html><head><meta {meta}><title>t</title></head><body>"
        + "".join(f"<p>{line}</p>" for line in REPORT.splitlines() if line) + "</body></html>")


@pytest.mark.parametrize(("meta", "codec"), [
    ('charset="utf-16"', "utf-8"),
    ('http-equiv="Content-Type" content="text/html; charset=UTF-16LE"', "utf-8"),
    ('charset="gb2312"', "utf-8"),
    ('charset="iso-8859-1"', "utf-8"),
    ('charset="utf-8"', "gb18030"),
    ('charset="no-such-charset"', "gb18030"),
])
def test_a_declared_charset_is_checked_against_the_bytes(tmp_path: Path, meta: str, codec: str,
                                                          record: Record) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta=meta).encode(codec))
    text = read_document(path)
    expected = [line for line in REPORT.splitlines() if line]
    record(f"HTML {meta.split('charset=')[-1].strip(chr(34))} written in {codec}", "read as written",
           "read as written" if text.split("\n") == expected else f"garbled: {text[:12]!r}")
    assert text.split("\n") == expected


def _pdf(pictures: bool = False) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    if pictures:
        image = io.BytesIO()
        Image.new("RGB", (40, 40), "white").save(image, "PNG")
        image.seek(0)
        pdf.drawImage(ImageReader(image), 72, 500, 200, 200)
    else:
        pdf.setFont(CJK_FONT, 12)
        for index, line in enumerate(REPORT.splitlines()[:4]):
            pdf.drawString(72, 760 - 16 * index, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _broken() -> dict[str, bytes]:
    good = _pdf()
    middle = len(good) // 2
    return {
        "content stream keyword damaged": good.replace(b"stream", b"strem"),
        "bytes zeroed mid-file": good[:middle] + b"\x00" * 200 + good[middle + 200 :],
        "bytes zeroed near the end": good[: len(good) * 7 // 10] + b"\x00" * 200 + good[len(good) * 7 // 10 + 200 :],
        "object ends removed": good.replace(b"endobj", b"endob"),
        "cut in half": good[:middle],
    }


def test_a_broken_pdf_is_not_called_a_scan(tmp_path: Path, record: Record) -> None:
    for name, data in _broken().items():
        path = tmp_path / "broken.pdf"
        path.write_bytes(data)
        seen = outcome(path)
        record(f"broken PDF: {name}", "refused as damaged/invalid", seen)
        assert seen.startswith("refused:") and "scanned" not in seen, (name, seen)
        assert "damaged" in seen or "not a valid PDF" in seen, (name, seen)


def test_a_pdf_of_pictures_is_a_scan(tmp_path: Path, record: Record) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(pictures=True))
    seen = outcome(path)
    record("PDF with an image and no text", "refused: no text layer (scanned PDF?)", seen)
    assert seen == "refused: no text layer (scanned PDF?)"


def test_an_import_takes_the_files_it_can_now_read(tmp_path: Path, record: Record) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wide.txt").write_bytes(REPORT.replace("青溪县", "白沙县").encode("utf-16-le"))
    (folder / "nul.txt").write_bytes(REPORT.replace("青溪县", "石门县").encode()[:40] + b"\x00\x00\x00"
                                     + REPORT.replace("青溪县", "石门县").encode()[40:])
    (folder / "page.htm").write_bytes(PAGE.format(meta='charset="utf-16"').replace("青溪县", "云台县").encode())
    report = ingest_paths(tmp_path / "s.db", [folder], processes=0)
    record("import of UTF-16, NUL and mis-declared HTML files", "3 imported",
           f"{report.count('imported')} imported, {report.count('failed')} failed")
    assert report.count("imported") == 3, report.outcomes

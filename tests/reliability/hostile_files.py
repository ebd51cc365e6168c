"""Hostile files made at run time: small files that take minutes or gigabytes to read, and
good reports of invented sentences to import beside them."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MB = 2**20


def good_report(path: Path, number: int) -> Path:
    """A short invented report, distinct per `number`."""
    lines = [f"虚构市第{number}号工作报告", "",
             f"2023年全市地区生产总值达到{1000 + number}亿元，同比增长{number % 9 + 1}.5%。",
             f"全年新增高新技术企业{20 + number}家，研发投入强度提高到2.{number % 10}%。"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _deflate_repeated(chunk: bytes, times: int) -> bytes:
    packer = zlib.compressobj(9)
    parts = [packer.compress(chunk) for _ in range(times)]
    parts.append(packer.flush())
    return b"".join(parts)


def _one_page_pdf(content: bytes, filters: str) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


SLOW_OPERATORS = b"q Q " * 256  # 1 KB of save/restore operators, each interpreted on its own


def slow_pdf(path: Path, kilobytes: int) -> Path:
    """A page whose content stream is `kilobytes` KB of operators, packed twice: a file of a few
    KB that pdfminer interprets operator by operator."""
    once = _deflate_repeated(SLOW_OPERATORS, kilobytes)
    path.write_bytes(_one_page_pdf(zlib.compress(once, 9), "[/FlateDecode /FlateDecode]"))
    return path


def pdf_bomb(path: Path, megabytes: int) -> Path:
    """A page whose content stream unpacks (two Flate filters) to `megabytes` MB of spaces."""
    once = _deflate_repeated(b" " * MB, megabytes)
    path.write_bytes(_one_page_pdf(zlib.compress(once, 9), "[/FlateDecode /FlateDecode]"))
    return path


def unpacked_stream_bytes(pdf: Path) -> int:
    """How many bytes the bomb's content stream unpacks to, counted in small pieces."""
    data = pdf.read_bytes()
    start = data.index(b"stream\n") + len(b"stream\n")
    once = zlib.decompress(data[start : data.rindex(b"\nendstream")])
    unpacker, total = zlib.decompressobj(), 0
    while once:
        total += len(unpacker.decompress(once, MB))
        once = unpacker.unconsumed_tail
    return total


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx_bomb(path: Path, megabytes: int) -> Path:
    """A .docx whose document.xml unpacks to `megabytes` MB of paragraphs."""
    paragraphs = "<w:p><w:r><w:t>甲乙丙</w:t></w:r></w:p>".encode() * (MB // 44)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELATIONSHIPS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                       b'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(megabytes):
                part.write(paragraphs)
            part.write(b"</w:body></w:document>")
    return path

"""The text of a .docx: body paragraphs and tables in document order, a table row per line."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph
from lxml import etree

from viewer.text.readers.errors import UnreadableContent
from viewer.text.readers.zip_limits import check_unpacked_size

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")


def read_docx(data: bytes) -> str:
    """Text of a Word document given as bytes; raises UnreadableContent."""
    document = _open(data)
    lines = list(_block_lines(document.element.body, document))
    if not any(line.strip() for line in lines):
        raise UnreadableContent("document has no text")
    return "\n".join(lines)


def _open(data: bytes) -> Document:
    if data.startswith(_OLE_SIGNATURE):
        raise UnreadableContent("not a valid .docx (old Word .doc format?)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked_size(archive)  # before python-docx unpacks every part into memory
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise UnreadableContent("not a valid .docx (bad zip archive)") from None
    except (KeyError, PackageNotFoundError):
        raise UnreadableContent("not a valid .docx (not a Word document)") from None
    except ValueError as error:
        kind = "not a Word document" if "content type" in str(error) else "bad content"
        raise UnreadableContent(f"not a valid .docx ({kind})") from None
    except etree.LxmlError:
        raise UnreadableContent("not a valid .docx (bad XML)") from None


def _block_lines(container: etree._Element, document: Document) -> Iterator[str]:
    """One line per paragraph and per table row, descending into content controls."""
    for child in container.iterchildren():
        if isinstance(child, CT_P):
            yield Paragraph(child, document).text
        elif isinstance(child, CT_Tbl):
            for row in child.iterchildren(qn("w:tr")):
                if isinstance(row, CT_Row):
                    yield _row_line(row, document)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _block_lines(content, document)


def _row_line(row: CT_Row, document: Document) -> str:
    return "\t".join(_cell_text(cell, document) for cell in _row_cells(row))


def _row_cells(row: etree._Element) -> Iterator[CT_Tc]:
    for child in row.iterchildren():
        if isinstance(child, CT_Tc):
            yield child
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _row_cells(content)


def _cell_text(cell: CT_Tc, document: Document) -> str:
    parts = (" ".join(line.split()) for line in _block_lines(cell, document))
    return " ".join(part for part in parts if part)

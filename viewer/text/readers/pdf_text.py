"""The text layer of a PDF, via pdfminer.six, with lines rejoined into paragraphs."""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox, LTTextBoxVertical, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSEOF, PSException

from viewer.text.readers.errors import UnreadableContent

_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_MAX_UNMAPPED_SHARE = 0.5
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
# Line heights approximate the width of a Chinese character (an em). A line ending within
# this many ems of the page's right text edge wrapped, unless the next line is indented.
_FULL_LINE_SLACK_EMS = 2.0
_INDENT_EMS = 0.5
_MAX_LINE_GAP_EMS = 1.0


class _QuietPdfminer(logging.Handler):
    """Keeps pdfminer's log (it logs every oddity) to itself while any thread reads a PDF, and
    counts each reading thread's warnings: the parse errors that tell a damaged file."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._logger = logging.getLogger("pdfminer")
        self._lock = threading.Lock()
        self._depth = 0
        self._saved = (logging.NOTSET, True)
        self._warnings: dict[int, int] = {}

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._saved = (self._logger.level, self._logger.propagate)
                self._logger.setLevel(logging.WARNING)
                self._logger.propagate = False
                self._logger.addHandler(self)
            self._depth += 1
            self._warnings[threading.get_ident()] = 0

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self._lock:
            self._warnings.pop(threading.get_ident(), None)
            self._depth -= 1
            if self._depth == 0:
                self._logger.removeHandler(self)
                self._logger.setLevel(self._saved[0])
                self._logger.propagate = self._saved[1]

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread in self._warnings:
            self._warnings[record.thread] += 1

    def warnings(self) -> int:
        """The warnings pdfminer logged so far in this thread's reading."""
        return self._warnings.get(threading.get_ident(), 0)


_quiet_pdfminer = _QuietPdfminer()


def read_pdf(data: bytes) -> str:
    """Text layer of a PDF given as bytes; raises UnreadableContent."""
    pages = _Pages()
    with _quiet_pdfminer:
        try:
            paragraphs = list(_paragraphs(data, pages))
        except PDFPasswordIncorrect:
            raise UnreadableContent("PDF is encrypted") from None
        except PDFEncryptionError:
            raise UnreadableContent("PDF is encrypted (unsupported encryption)") from None
        except PDFSyntaxError:
            raise UnreadableContent("not a valid PDF (no document structure found)") from None
        except PSEOF:
            raise UnreadableContent("not a valid PDF (unexpected end of file)") from None
        except PSException as error:
            raise UnreadableContent(f"not a valid PDF ({type(error).__name__})") from None
        except MemoryError:  # the worker's memory limit, which the importing process names
            raise
        except Exception as error:  # pdfminer fails on damaged files in many ways
            raise UnreadableContent(f"not a valid PDF (damaged: {type(error).__name__})") from None
        damaged = _quiet_pdfminer.warnings() > 0
    text = "\n".join(paragraphs)
    if not text.strip():
        raise UnreadableContent(_no_text_reason(pages, damaged))
    if _mostly_unmapped(text):
        raise UnreadableContent("text layer cannot be decoded (fonts without a Unicode map)")
    return text


@dataclass
class _Pages:
    count: int = 0
    pictures: int = 0


def _no_text_reason(pages: _Pages, damaged: bool) -> str:
    """A broken file is not a scan: no pages, or parse errors and no picture to read."""
    if pages.count == 0:
        return "not a valid PDF (no pages found)"
    if damaged and not pages.pictures:
        return "damaged PDF (its pages could not be parsed; no text read)"
    if damaged:
        return "no text layer (scanned PDF?), and parts of the file are damaged"
    return "no text layer (scanned PDF?)"


def _mostly_unmapped(text: str) -> bool:
    """pdfminer writes (cid:123) for a glyph it cannot map to a character."""
    unmapped = sum(len(token) for token in _UNMAPPED_GLYPH.findall(text))
    return unmapped > _MAX_UNMAPPED_SHARE * len("".join(text.split()))


def _paragraphs(data: bytes, pages: _Pages) -> Iterator[str]:
    for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
        pages.count += 1
        pages.pictures += sum(1 for element in page if isinstance(element, LTFigure | LTImage))
        boxes = [element for element in page if isinstance(element, LTTextBox)]
        for box in boxes:
            if isinstance(box, LTTextBoxVertical):
                yield from (_line_text(line) for line in box if isinstance(line, LTTextLine))
        horizontal = [box for box in boxes if not isinstance(box, LTTextBoxVertical)]
        lines = [line for box in horizontal for line in box if isinstance(line, LTTextLine)]
        if lines:
            margins = (min(box.x0 for box in horizontal), max(box.x1 for box in horizontal))
            yield from _reflow(lines, margins)


def _reflow(lines: list[LTTextLine], margins: tuple[float, float]) -> Iterator[str]:
    """Join the lines of a paragraph that wrapped at the right edge of the page's text."""
    current = ""
    for index, line in enumerate(lines):
        text = _line_text(line)
        current = _join(current, text) if current else text
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or not _continues(line, following, margins):
            yield current
            current = ""


def _line_text(line: LTTextLine) -> str:
    return line.get_text().strip("\n").rstrip()


def _continues(line: LTTextLine, following: LTTextLine, margins: tuple[float, float]) -> bool:
    """The line is full, and the next one is right below it and not indented as a new
    paragraph's first line."""
    em = line.height
    left, right = margins
    full = line.x1 >= right - _FULL_LINE_SLACK_EMS * em
    indented = following.x0 > left + _INDENT_EMS * em
    below = 0 <= line.y0 - following.y1 <= _MAX_LINE_GAP_EMS * em
    return full and below and not indented


def _join(before: str, after: str) -> str:
    if _CJK.match(before[-1:]) or _CJK.match(after[:1]):
        return before + after
    return f"{before} {after.lstrip()}"

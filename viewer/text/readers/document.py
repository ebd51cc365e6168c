"""Read one document file of a supported type into its text."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from viewer.text.readers.encoding import EMPTY, decode_text, normalise_newlines
from viewer.text.readers.errors import ReadError, UnreadableContent, os_error_reason


# The format libraries take a quarter of a second to import: only when such a file comes.
def _read_docx(data: bytes) -> str:
    from viewer.text.readers.docx_text import read_docx

    return read_docx(data)


def _read_html(data: bytes) -> str:
    from viewer.text.readers.html_text import read_html

    return read_html(data)


def _read_pdf(data: bytes) -> str:
    from viewer.text.readers.pdf_text import read_pdf

    return read_pdf(data)


_READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": decode_text,
    ".md": decode_text,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)
MAX_FILE_BYTES = 256 * 1024 * 1024


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_document(path: Path) -> str:
    """The document's text with newlines normalised to \\n; raises ReadError."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(path, f"unsupported file type ({path.suffix or 'no extension'})")
    data = _read_bytes(path)
    if not data:
        raise ReadError(path, EMPTY)
    try:
        return normalise_newlines(reader(data))
    except UnreadableContent as error:
        raise ReadError(path, error.reason) from None


def _read_bytes(path: Path) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ReadError(path, _directory_reason(path))
        if not stat.S_ISREG(status.st_mode):
            raise ReadError(path, "not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise ReadError(path, f"file too large ({status.st_size // 2**20} MB)")
        return path.read_bytes()
    except OSError as error:
        reason = os_error_reason(error)
        if isinstance(error, FileNotFoundError) and path.is_symlink():
            reason = "file not found (broken link)"
        raise ReadError(path, reason) from None


def _directory_reason(path: Path) -> str:
    """collect_paths passes on folders it could not list; say why."""
    try:
        os.listdir(path)
    except OSError as error:
        return f"folder: {os_error_reason(error)}"
    return "is a directory"

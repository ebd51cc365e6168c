"""Figures of a text without a store: what `policy-viewer extract` prints."""

from __future__ import annotations

from pathlib import Path

from viewer.model import Figure
from viewer.text.analysis import analyze_text
from viewer.text.readers import ReadError, read_document


def read_text(path: Path) -> str:
    try:
        return read_document(path)
    except ReadError as error:
        raise ValueError(f"{path}: {error.reason}") from error


def extract_figures(text: str, name: str = "-") -> list[Figure]:
    return analyze_text(name, text, sha256="").figures

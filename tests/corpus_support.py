"""Where the real reports are (../shared/corpus, read at run time) and helpers to reach them."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.fail(f"the reports are missing: expected five .txt files in {CORPUS} (../shared/corpus)")
    return files


def corpus_name(prefix: str) -> str:
    """The corpus file whose name starts with `prefix` ("003")."""
    return next(p.name for p in corpus_files() if p.name.startswith(prefix))

"""Build a store from the real reports in ../shared/corpus (read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        raise AssertionError(f"the corpus is missing: expected report .txt files in {CORPUS}")
    return files


def ingest_here(*args: Any, **kwargs: Any) -> Any:
    """Ingest in this process (no worker pool): lean on a 2-core CI machine."""
    from viewer.services.ingest import ingest_paths

    return ingest_paths(*args, processes=0, **kwargs)

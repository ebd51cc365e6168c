from __future__ import annotations

from pathlib import Path

import pytest

from corpus_support import CORPUS, corpus_files


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    """The five real reports, by file name, read at run time from ../shared/corpus."""
    return {path.name: path.read_text(encoding="utf-8") for path in corpus_files()}


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five reports ingested once per test session. Do not write to it."""
    from viewer.services.ingest import ingest_paths

    corpus_files()
    store = tmp_path_factory.mktemp("corpus-store") / "corpus.db"
    report = ingest_paths(store, [CORPUS], processes=2)
    assert report.count("imported") == 5, report.outcomes
    return store

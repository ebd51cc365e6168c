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


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    """The five real reports, by file name, read at run time from ../shared/corpus."""
    return {path.name: path.read_text(encoding="utf-8") for path in corpus_files()}


def corpus_name(prefix: str) -> str:
    """The corpus file whose name starts with `prefix` ("003")."""
    return next(p.name for p in corpus_files() if p.name.startswith(prefix))


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five reports ingested once per test session. Do not write to it."""
    from viewer.services.ingest import ingest_paths

    corpus_files()
    store = tmp_path_factory.mktemp("corpus-store") / "corpus.db"
    report = ingest_paths(store, [CORPUS], processes=2)
    assert report.count("imported") == 5, report.outcomes
    return store

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_support import CORPUS, corpus_files


@pytest.fixture(autouse=True)
def _no_user_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads the real user's lexicon or another test's: $POLICY_VIEWER_LEXICON names
    a file of this test's own that does not exist yet."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLICY_VIEWER_LEXICON", str(tmp_path_factory.mktemp("lexicon") / "lexicon.toml"))
        yield


@pytest.fixture(autouse=True)
def _bundled_lexicon_after_each_test() -> Iterator[None]:
    """A user lexicon a test put in use does not reach the next test."""
    yield
    in_use = sys.modules.get("viewer.text.lexicon_in_use")
    if in_use is not None and in_use.user_lexicon_in_use() is not None:
        in_use.configure_user_lexicon(None)


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

"""Teaching the lexicon then re-analysing (issue #12 part 2): an alias added to the user's lexicon
moves every figure of the store it matches and no other, in worker processes as in this one,
after a preview that said exactly that."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.services.test_reanalyze_store import TEXTS
from viewer.services import lexicon
from viewer.services.ingest import ingest_paths
from viewer.services.reanalysis import documents_containing, preview_reanalysis, reanalyze
from viewer.text.lexicon_in_use import use_user_lexicon_text

PHRASE, INDICATOR = "青苗计划入选企业", "高新技术企业数"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(lexicon.ENV_VARIABLE, str(tmp_path / "lexicon.toml"))
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "s.db"
    assert ingest_paths(path, [folder], processes=0).ok
    yield path
    use_user_lexicon_text(None)  # the next test analyses with the bundled data


def figures(store: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(store)
    try:
        return conn.execute("SELECT d.file_name, f.text, f.indicator, f.region, f.year, f.role FROM figures f "
                            "JOIN documents d ON d.id = f.doc_id ORDER BY d.file_name, f.span_start").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("processes", [0, 2])
def test_a_taught_alias_moves_every_matching_figure_and_no_other(store: Path, processes: int) -> None:
    before = figures(store)
    lexicon.add_indicator_alias(PHRASE, INDICATOR)
    conn = sqlite3.connect(store)
    touched = documents_containing(conn, PHRASE)
    conn.close()
    assert len(touched) == 2

    preview = preview_reanalysis(store, touched, processes=processes)
    report = reanalyze(store, touched, processes=processes)

    moved = [(name, text, INDICATOR, *rest) if indicator == f"{PHRASE}数" else (name, text, indicator, *rest)
             for name, text, indicator, *rest in before]
    assert figures(store) == moved != before
    assert preview.figures_changed == report.figures_changed == 2
    assert preview.changed_documents == tuple(report.changed_documents) == tuple(touched)
    assert reanalyze(store, processes=processes).figures_changed == 0  # the rest of the store had nothing to move

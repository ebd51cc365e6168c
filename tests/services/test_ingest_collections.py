"""An import collects young objects less often while it runs, and gives the threshold back."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from viewer.services import ingest


def test_an_import_in_this_process_raises_the_threshold_while_it_runs(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("示例市2024年工作报告\n全市研发经费投入增长12.5%。\n", encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    store = ingest._store

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return store(*args, **kwargs)

    monkeypatch.setattr(ingest, "_store", watched)
    before = gc.get_threshold()
    report = ingest.ingest_paths(tmp_path / "store.db", [tmp_path / "a.txt"], processes=0)
    assert report.count("imported") == 1
    assert seen == [(ingest.IMPORT_GC_THRESHOLD, *before[1:])]
    assert gc.get_threshold() == before


def test_the_threshold_comes_back_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), ingest.fewer_collections():
        assert gc.get_threshold()[0] == ingest.IMPORT_GC_THRESHOLD
        raise RuntimeError
    assert gc.get_threshold() == before

"""Each pane runs alone (`python -m viewer.ui.chart_pane STORE`) on a store of invented reports:
it shows, and it does so without loading the module that builds the main window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.ui.standalone import SMOKE_VARIABLE

PANES = ("chart_pane", "checks_pane", "document_pane", "entity_pane", "library_pane", "search_pane",
         "corrections_pane", "provisional_pane")
REPORT = "岳阳市2023年科技工作总结\n\n2023年，全市技术合同成交额达到38亿元，新增高新技术企业46家。\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from viewer.services.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("alone")
    (folder / "岳阳2023.txt").write_text(REPORT, encoding="utf-8")
    ingest_paths(folder / "store.sqlite", [folder / "岳阳2023.txt"], processes=0)
    return folder / "store.sqlite"


@pytest.mark.parametrize("pane", PANES)
def test_the_pane_shows_alone_without_the_main_window(pane: str, store: Path) -> None:
    env = {**os.environ, SMOKE_VARIABLE: "1", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", f"viewer.ui.{pane}", str(store)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    assert shown["visible"] and shown["widgets"] > 0 and shown["title"]
    assert "viewer.ui.main_window" not in shown["ui_modules"], f"{pane} alone loads the main window"

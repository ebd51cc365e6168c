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


@pytest.mark.parametrize(("module", "arguments"), [
    ("chart_pane", ["--help"]), ("library_pane", ["no-such-store.sqlite"]),
    ("targets_screenshot", ["--help"]), ("plan_screenshot", ["a", "b"]), ("review_docks_screenshot", ["-h"]),
])
def test_wrong_arguments_print_the_usage_and_create_nothing(module: str, arguments: list[str], tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", f"viewer.ui.{module}", *arguments], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=tmp_path, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith(f"usage: python -m viewer.ui.{module}")
    assert list(tmp_path.iterdir()) == [], "no store or folder made of a wrong argument"


def test_a_file_that_is_not_a_store_is_named_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a store at all " * 400)
    run = subprocess.run([sys.executable, "-m", "viewer.ui.chart_pane", str(junk)], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert run.returncode == 4 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.strip().splitlines() == [run.stderr.strip()] and str(junk) in run.stderr

"""A pair of symbolic links pointing at each other is named and skipped; the folder is imported."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hostile_files import good_report
from reliability_table import Record

from viewer.services.ingest import ingest_paths


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_symbolic_link_loops_are_named_and_the_folder_imported(tmp_path: Path, record: Record) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    good_report(folder / "甲.txt", 1)
    os.symlink("乙.txt", folder / "丙.txt")
    os.symlink("丙.txt", folder / "乙.txt")
    os.symlink("环2", folder / "环1")
    os.symlink("环1", folder / "环2")
    report = ingest_paths(tmp_path / "s.db", [folder, folder / "乙.txt"], processes=0)
    outcomes = {Path(o.path).name: (o.status, o.reason) for o in report.outcomes}
    record("two pairs of symbolic links pointing at each other", "named, the folder imported",
           f"{sorted(outcomes.items())}")
    loop = ("failed", "symbolic link loop: the link leads back to itself")
    assert outcomes == {"甲.txt": ("imported", ""), "乙.txt": loop, "丙.txt": loop, "环1": loop, "环2": loop}

"""`--self-test` passes on a store whose chart points overlap (issue 14): two reports disagree on a
year, so the chart draws a conflict flag over those points, and a click on a flagged point must
reach the point (pyqtgraph gives a click to the topmost scatter with a spot there)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reliability_table import Record

from viewer.services.ingest import ingest_paths

# Invented reports: 株洲市 2022 is 130 in one and 131 in another (a conflict); 湘潭市 lies on the
# same values as 株洲市 (points drawn on top of each other).
REPORTS = {
    "a.txt": ("株洲市", {2021: 120, 2022: 130}),
    "b.txt": ("株洲市", {2022: 131}),
    "c.txt": ("湘潭市", {2021: 120, 2022: 130}),
}


def test_self_test_passes_when_points_overlap_and_are_flagged(tmp_path: Path, record: Record) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, (region, values) in REPORTS.items():
        lines = [f"{region}{max(values)}年科技工作简报", ""]
        lines += [f"{year}年，全市高新技术企业达到{value}家。" for year, value in values.items()]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "s.db"
    assert ingest_paths(store, [folder], processes=0).count("imported") == 3
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "viewer.cli", "--self-test", "--store", str(store)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    result = json.loads(last) if last.startswith("{") else {"ok": False, "failed": last}
    record("--self-test, overlapping and flagged points", "ok", "ok" if result["ok"] else result["failed"])
    assert done.returncode == 0 and result["ok"], (done.returncode, last, done.stderr[-500:])

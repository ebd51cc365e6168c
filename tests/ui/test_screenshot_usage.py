"""The docs' screenshot tool answers wrong arguments with its usage, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("arguments", [[], ["--help"], ["no-such-store.db", "out.png"], ["a.db", "out.png", "x"]])
def test_wrong_arguments_print_the_usage(tmp_path: Path, arguments: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "viewer.ui.screenshot", *arguments], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("usage: python -m viewer.ui.screenshot STORE OUT.png")
    assert not (tmp_path / "out.png").exists()

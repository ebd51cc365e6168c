"""Opening a store for writing loads sqlite-utils without numpy (which sqlite-utils would import
only to map numpy's scalar types, 50-100 ms of every command's start), and never hides numpy
from a process that has other threads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys, threading
{before}
from viewer.store.connection import open_store
db = open_store(sys.argv[1])
db["t"].insert({{"a": 1, "b": 2.5, "c": "文字"}})
print("numpy" in sys.modules, "sqlite_utils" in sys.modules, list(db.query("select * from t")))
{after}
"""


def _run(tmp_path: Path, before: str = "", after: str = "") -> str:
    done = subprocess.run([sys.executable, "-c", PROBE.format(before=before, after=after), str(tmp_path / "s.db")],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    return done.stdout.strip()


def test_a_store_opens_for_writing_without_importing_numpy(tmp_path: Path) -> None:
    assert _run(tmp_path) == "False True [{'a': 1, 'b': 2.5, 'c': '文字'}]"


def test_numpy_imports_after_it_as_ever(tmp_path: Path) -> None:
    out = _run(tmp_path, after="import numpy; print(numpy.int64(3) + 1)")
    assert out.splitlines()[-1] == "4"


def test_with_another_thread_running_nothing_is_hidden(tmp_path: Path) -> None:
    # a thread alive while the store opens (as the window's chart loader): sqlite-utils imports as
    # it would, numpy with it, and the other thread's imports are never refused
    before = "stop = threading.Event(); t = threading.Thread(target=stop.wait); t.start()"
    out = _run(tmp_path, before=before, after="stop.set(); t.join()")
    assert out.startswith("True True")

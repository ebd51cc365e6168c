"""An import and a re-analysis into one store at once (or two re-analyses, from the window and
the command line): the second waits for the first, saying so; both finish."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile_files import good_report
from reliability_table import Record

from viewer.services.import_lock import import_lock
from viewer.services.ingest import IngestReport, ingest_paths
from viewer.services.reanalysis import ReanalysisReport, reanalyze

FIRST = 3  # reports in the store before
ADDED = 4  # reports the import adds


def _store(tmp_path: Path) -> Path:
    store = tmp_path / "s.db"
    assert ingest_paths(store, [good_report(tmp_path / f"甲{n}.txt", n) for n in range(FIRST)], processes=0).ok
    return store


def _added(tmp_path: Path) -> list[Path]:
    return [good_report(tmp_path / f"乙{n}.txt", n + 50) for n in range(ADDED)]


def _first_holding(run: Callable[..., Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """Start `run(progress=…)` in a thread, slowed by its progress; return once it holds the store."""
    holding = threading.Event()
    result: dict[str, Any] = {}

    def slowly(progress: object) -> None:
        holding.set()
        time.sleep(0.3)

    thread = threading.Thread(target=lambda: result.__setitem__("report", run(progress=slowly)))
    thread.start()
    assert holding.wait(60)
    return thread, result


def test_a_reanalysis_waits_for_an_import(tmp_path: Path, record: Record) -> None:
    store = _store(tmp_path)
    told: list[float] = []
    thread, first = _first_holding(lambda **o: ingest_paths(store, _added(tmp_path), processes=0, **o))
    second = reanalyze(store, processes=0, waiting=lambda: told.append(time.monotonic()))
    thread.join()
    imported: IngestReport = first["report"]
    record("an import, then a re-analysis of the same store", "the re-analysis waits (says so), both finish",
           f"waited: {bool(told)}; {imported.count('imported')} imported, {second.reanalysed} re-analysed")
    assert told and imported.ok and second.ok
    assert imported.count("imported") == ADDED
    assert second.reanalysed == FIRST + ADDED  # it began after the import ended: it saw the new reports


def test_an_import_waits_for_a_reanalysis(tmp_path: Path, record: Record) -> None:
    store = _store(tmp_path)
    told: list[float] = []
    thread, first = _first_holding(lambda **o: reanalyze(store, processes=0, **o))
    second = ingest_paths(store, _added(tmp_path), processes=0, waiting=lambda: told.append(time.monotonic()))
    thread.join()
    reanalysed: ReanalysisReport = first["report"]
    record("a re-analysis, then an import into the same store", "the import waits (says so), both finish",
           f"waited: {bool(told)}; {reanalysed.reanalysed} re-analysed, {second.count('imported')} imported")
    assert told and reanalysed.ok and second.ok
    assert reanalysed.reanalysed == FIRST and second.count("imported") == ADDED


def test_a_second_reanalysis_waits_for_the_first(tmp_path: Path, record: Record) -> None:
    store = _store(tmp_path)
    told: list[float] = []
    thread, first = _first_holding(lambda **o: reanalyze(store, processes=0, **o))
    second = reanalyze(store, processes=0, waiting=lambda: told.append(time.monotonic()))
    thread.join()
    record("two re-analyses of one store at once", "the second waits, both finish",
           f"waited: {bool(told)}; {first['report'].reanalysed} + {second.reanalysed} re-analysed")
    assert told and first["report"].ok and second.ok
    assert first["report"].reanalysed == second.reanalysed == FIRST


def test_waiting_to_reanalyse_can_be_cancelled(tmp_path: Path) -> None:
    store = _store(tmp_path)
    cancel = threading.Event()
    with import_lock(store):
        report = reanalyze(store, processes=0, cancel=cancel, waiting=cancel.set)
    assert report.cancelled and not report.documents


def test_the_command_line_says_it_waits(tmp_path: Path, record: Record) -> None:
    store = _store(tmp_path)
    command = [sys.executable, "-m", "viewer.cli", "--store", str(store), "reanalyze", "--all", "--processes", "0"]
    with import_lock(store):  # an import holds the store
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   encoding="utf-8")
        assert process.stderr is not None
        first_line = process.stderr.readline()  # it waits, saying so, while the lock is held
    out, err = process.communicate(timeout=300)
    record("CLI re-analysis while an import holds the store", "says it waits, then exit 0",
           f"{first_line.strip()!r}; exit {process.returncode}")
    assert first_line.startswith("waiting for another import or re-analysis into ")
    assert process.returncode == 0 and "Traceback" not in err
    assert out.startswith(f"{FIRST} documents re-analysed")

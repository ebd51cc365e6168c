"""Two imports into one store at once: the second waits for the first, saying so; both finish."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from hostile_files import good_report
from reliability_table import Record

from viewer.services.import_lock import import_lock
from viewer.services.ingest import IngestReport, ingest_paths


def test_a_second_import_waits_for_the_first(tmp_path: Path, record: Record) -> None:
    store = tmp_path / "s.db"
    first = [good_report(tmp_path / f"甲{n}.txt", n) for n in range(4)]
    second = [good_report(tmp_path / f"乙{n}.txt", n + 50) for n in range(4)]
    reports: dict[str, IngestReport] = {}
    told: list[float] = []
    holding = threading.Event()

    def slowly(progress: object) -> None:
        holding.set()
        time.sleep(0.3)

    def run(name: str, files: list[Path], **options: object) -> None:
        reports[name] = ingest_paths(store, files, processes=0, **options)  # type: ignore[arg-type]

    one = threading.Thread(target=run, args=("first", first), kwargs={"progress": slowly})
    one.start()
    assert holding.wait(30)
    run("second", second, waiting=lambda: told.append(time.monotonic()))
    one.join()
    record("two imports into one store at once", "the second waits (says so), both finish",
           f"waited: {bool(told)}; {reports['first'].count('imported')} + {reports['second'].count('imported')} "
           f"imported")
    assert told and reports["first"].ok and reports["second"].ok
    assert reports["first"].count("imported") == reports["second"].count("imported") == 4


def test_waiting_for_an_import_can_be_cancelled(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    cancel = threading.Event()
    with import_lock(store):
        report = ingest_paths(store, [good_report(tmp_path / "甲.txt", 1)], processes=0, cancel=cancel,
                              waiting=cancel.set)
    assert report.cancelled and not report.outcomes

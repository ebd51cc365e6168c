"""One dying worker: killed (as the out-of-memory killer does), over its time or memory; its file
is named, the worker replaced, and the batch goes on."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pool_jobs
import pytest
from hostile_files import good_report, slow_pdf
from reliability_table import Record

from viewer.services.file_limits import DEFAULT_LIMITS, FileLimits
from viewer.services.ingest import ingest_paths
from viewer.services.worker_pool import CANCEL_GRACE_SECONDS, SharedFlag, Task, WorkerPool, spawn_context

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="kills by POSIX signals")


def _run_pool(tasks: list[tuple[str, str, float]], limits: FileLimits = DEFAULT_LIMITS,
              memory_watchdog: bool | None = None) -> tuple[dict[str, Any], dict[str, str], WorkerPool]:
    context = spawn_context()
    pool = WorkerPool(pool_jobs.run, 2, initializer=pool_jobs.start, initargs=(), limits=limits,
                      stop=SharedFlag(context), context=context, memory_watchdog=memory_watchdog)
    done: dict[str, Any] = {}
    lost: dict[str, str] = {}
    pool.run([Task(name, (kind, amount), 0) for name, kind, amount in tasks],
             lambda task, result: done.__setitem__(task.path, result),
             lambda task, reason: lost.__setitem__(task.path, reason))
    return done, lost, pool


@posix_only
def test_a_killed_worker_is_replaced_and_its_file_named(record: Record) -> None:
    tasks = [(f"{n}.txt", "ok", 0) for n in range(4)] + [("将死.pdf", "die", 0)]
    tasks += [(f"{n}.txt", "ok", 0) for n in range(4, 8)]
    done, lost, pool = _run_pool(tasks)
    record("worker SIGKILLed mid-batch (pool)", "file named, worker replaced, batch goes on",
           f"{lost.get('将死.pdf')}; {len(done)} of 8 others done; {pool.replaced} replaced")
    assert set(done) == {f"{n}.txt" for n in range(8)}
    assert lost == {"将死.pdf": "worker died while reading 将死.pdf (killed by SIGKILL, as the system does when "
                               "memory runs out)"}
    assert pool.replaced == 1


def test_a_worker_over_its_time_is_stopped_and_its_file_named(record: Record) -> None:
    done, lost, _ = _run_pool([("慢.txt", "sleep", 60), ("快.txt", "ok", 0), ("也快.txt", "ok", 0)],
                                 FileLimits(seconds=1.5, seconds_per_mb=0))
    record("job sleeping 60 s, limit 1.5 s (pool)", "named, others done", f"{lost}; done {sorted(done)}")
    assert lost == {"慢.txt": "took longer than 1.5 s to read (the limit per file); stopped"}
    assert set(done) == {"快.txt", "也快.txt"}


@pytest.mark.skipif(sys.platform == "win32", reason="the address-space limit is POSIX's RLIMIT_AS")
def test_a_worker_over_its_memory_is_named_and_goes_on(record: Record) -> None:
    done, lost, _ = _run_pool([("大.txt", "hog", 3 * 2**30), ("小.txt", "ok", 0)],
                                 FileLimits(memory_bytes=512 * 2**20))
    record("job allocating 3 GB, limit 512 MB (pool)", "named", f"{lost}")
    assert lost == {"大.txt": "needed more than 0.5 GB of memory to read (the limit per file); stopped"}
    assert set(done) == {"小.txt"}


@pytest.mark.skipif(sys.platform not in ("linux", "win32"), reason="reads a process's memory on Linux and Windows")
def test_the_memory_watchdog_stops_a_growing_worker(record: Record) -> None:
    """Windows has no address-space limit: the pool watches each worker's memory instead."""
    limit = 384 * 2**20
    done, lost, pool = _run_pool([("大.txt", "grow", 3 * 2**30), ("小.txt", "ok", 0)],
                                 FileLimits(memory_bytes=limit), memory_watchdog=True)
    record("job growing to 3 GB, watchdog at 384 MB (as on Windows)", "named", f"{lost}")
    assert pool.memory_watchdog
    assert lost == {"大.txt": "needed more than 0.4 GB of memory to read (the limit per file); stopped"}
    assert set(done) == {"小.txt"}


def test_an_error_of_the_job_stops_the_pool_and_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="on purpose"):
        _run_pool([("坏.txt", "fail", 1)])


def _workers_of(parent: int) -> list[int]:
    """The pool's worker processes: children of `parent` started by multiprocessing's spawn, or
    children of its fork server (viewer.services.worker_pool.spawn_context)."""
    processes: dict[int, tuple[int, bytes]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        processes[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), command)
    servers = {pid for pid, (ppid, command) in processes.items() if ppid == parent and b"forkserver" in command}
    return [pid for pid, (ppid, command) in processes.items()
            if (ppid == parent and b"spawn_main" in command) or ppid in servers]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers in /proc")
def test_a_worker_killed_from_outside_during_an_import_names_its_file(tmp_path: Path, record: Record) -> None:
    files = [good_report(tmp_path / f"报告{n}.txt", n) for n in range(6)]
    files.insert(3, slow_pdf(tmp_path / "慢.pdf", 256_000))
    killed: list[int] = []

    def kill_the_busiest_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            time.sleep(0.2)
            busy = [(seconds, pid) for pid in _workers_of(os.getpid())
                    if (seconds := _cpu_seconds(pid)) > 3.0]
            if busy:
                pid = max(busy)[1]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    killer = threading.Thread(target=kill_the_busiest_worker)
    killer.start()
    report = ingest_paths(tmp_path / "s.db", files, processes=2)
    killer.join()
    outcomes = {Path(o.path).name: (o.status, o.reason) for o in report.outcomes}
    record("a worker SIGKILLed during an import (slow PDF in hand)", "its file named, the batch goes on",
           f"{outcomes['慢.pdf'][1]}; {report.count('imported')} of 6 reports imported")
    assert killed
    assert outcomes["慢.pdf"] == ("failed", "worker died while reading 慢.pdf (killed by SIGKILL, as the system "
                                            "does when memory runs out)")
    assert report.count("imported") == 6


def test_a_cancel_does_not_wait_for_a_slow_file(tmp_path: Path, record: Record) -> None:
    files = [good_report(tmp_path / "甲.txt", 1), slow_pdf(tmp_path / "慢.pdf", 256_000)]
    cancel = threading.Event()
    threading.Timer(4.0, cancel.set).start()
    started = time.monotonic()
    report = ingest_paths(tmp_path / "s.db", files, processes=2, cancel=cancel)
    took = time.monotonic() - started
    record("cancel with a ~600 s PDF in hand (limit 120 s)", "stops within the grace", f"{took:.1f} s; "
           f"{[o.status for o in report.outcomes]}")
    assert report.cancelled and took < 4.0 + CANCEL_GRACE_SECONDS + 5
    assert "慢.pdf" not in {Path(o.path).name for o in report.outcomes}

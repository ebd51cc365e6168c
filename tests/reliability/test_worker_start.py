"""How workers start: a fork server's workers see the importing process's environment and
folder as they are when the pool starts, not as they were when the server started."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pool_jobs
import pytest

from viewer.services.file_limits import DEFAULT_LIMITS
from viewer.services.worker_pool import SharedFlag, Task, WorkerPool, spawn_context, stop_fork_server


def _environ_in_workers(name: str) -> list[Any]:
    context = spawn_context()
    pool = WorkerPool(pool_jobs.run, 2, initializer=pool_jobs.start, initargs=(), limits=DEFAULT_LIMITS,
                      stop=SharedFlag(context), context=context)
    found: list[Any] = []
    pool.run([Task(f"{k}.txt", ("environ", name), 1) for k in range(3)], lambda _t, value: found.append(value),
             lambda _t, reason: found.append(reason))
    return found


def test_workers_see_the_environment_of_the_pool_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    name = "POLICY_VIEWER_WORKER_START_TEST"
    monkeypatch.setenv(name, "first")
    assert _environ_in_workers(name) == ["first"] * 3  # the fork server, if any, starts here
    monkeypatch.setenv(name, "second")
    monkeypatch.chdir(tmp_path)
    assert _environ_in_workers(name) == ["second"] * 3
    monkeypatch.delenv(name)
    assert _environ_in_workers(name) == [""] * 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_process_lingers_after_a_pool() -> None:
    """The fork server stops with the last pool and is waited for: its workers' CPU time counts
    as this process's children's; the next pool starts a new one."""
    before = os.times()
    assert _environ_in_workers("HOME") == [os.environ.get("HOME", "")] * 3
    after = os.times()
    assert after.children_user + after.children_system > before.children_user + before.children_system
    assert not multiprocessing.active_children()
    assert not [pid for pid in _children(os.getpid()) if b"forkserver" in _command(pid)]
    stop_fork_server()  # none running: nothing to do
    assert _environ_in_workers("HOME") == [os.environ.get("HOME", "")] * 3


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _command(pid: int) -> bytes:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return b""

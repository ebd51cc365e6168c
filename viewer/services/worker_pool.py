"""Worker processes that each handle one file at a time, watched by the importing process: a file
that takes longer than its limit has its worker killed, a worker that dies (the system's
out-of-memory killer, a crash in a parser) is replaced; either way the file is handed back as lost
with the reason, and the batch goes on."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.services.file_limits import (
    FileLimits,
    died_reason,
    has_address_space_limit,
    limit_memory,
    memory_reason,
    time_reason,
)
from viewer.services.process_memory import process_memory

_READY, _DONE, _OUT_OF_MEMORY, _ERROR = "ready", "done", "memory", "error"
_MAX_START_FAILURES = 3  # workers that die before they are ready, in a row: the pool cannot start
_POLL_SECONDS = 0.2
CANCEL_GRACE_SECONDS = 5.0  # after a cancel, a worker still reading is stopped after this long


@dataclass(frozen=True)
class Task:
    """One file for a worker: `job(*args)` runs in the worker; `size` sets its time limit."""

    path: str
    args: tuple[Any, ...]
    size: int


class SharedFlag:
    """A flag every worker reads without a lock: a worker killed while reading it leaves no lock
    held (a multiprocessing Event would)."""

    def __init__(self, context: Any) -> None:
        self._value = context.RawValue("b", 0)

    def set(self) -> None:
        self._value.value = 1

    def is_set(self) -> bool:
        return bool(self._value.value)


class PoolError(RuntimeError):
    """The worker processes could not be started."""


def _serve(conn: Any, job: Callable[..., Any], initializer: Callable[..., None], initargs: tuple[Any, ...],
           memory_bytes: int | None, environment: dict[str, str]) -> None:
    """A worker: under the memory limit, run the job for each task sent until told to stop.
    `environment`: the importing process's when it started the pool (a fork server's is older)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the importing process's to handle
    if os.environ != environment:
        os.environ.clear()
        os.environ.update(environment)
    limited = limit_memory(memory_bytes)
    initializer(*initargs)
    conn.send((_READY, limited))
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        if args is None:
            return
        try:
            reply: tuple[str, Any] = (_DONE, job(*args))
        except MemoryError:
            reply = (_OUT_OF_MEMORY, None)
        except BaseException as error:
            reply = (_ERROR, _portable(error))
        conn.send(reply)


def _portable(error: BaseException) -> BaseException:
    """The error, if it can travel to the importing process; else its type and message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class _Worker:
    def __init__(self, context: Any, target_args: tuple[Any, ...]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, *target_args, dict(os.environ)), daemon=True,
                                       name="policy-viewer-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.watch_memory = False  # the pool watches this worker's memory: it has no limit of its own
        self.task: Task | None = None
        self.deadline = 0.0
        self.seconds = 0.0

    def give(self, task: Task, limits: FileLimits) -> None:
        """Only the arguments travel: the job was given at start."""
        self.task = task
        self.seconds = limits.seconds_for(task.size)
        self.deadline = time.monotonic() + self.seconds
        self.conn.send(task.args)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Run `job` on every task in `workers` processes. `done(task, result)` for each result,
    `lost(task, reason)` for a file its worker could not finish (time limit, out of memory, died).
    On `cancel`, `stop` is set (the workers' job stops writing), no new task is handed out, and
    the files in hand are finished or, after CANCEL_GRACE_SECONDS, stopped. An error the job raises stops the pool and is raised here."""

    def __init__(self, job: Callable[..., Any], workers: int, *, initializer: Callable[..., None],
                 initargs: tuple[Any, ...], limits: FileLimits, stop: SharedFlag, context: Any,
                 memory_watchdog: bool | None = None) -> None:
        """`memory_watchdog`: kill a worker whose memory passes the limit, checked as it works,
        instead of the address-space limit (default: where the system has none, Windows; also a
        worker whose limit the system refused is watched)."""
        self.job = job
        self.workers = workers
        self.limits = limits
        self.stop = stop
        self._context = context
        if memory_watchdog is None:
            memory_watchdog = not has_address_space_limit()
        self.memory_watchdog = memory_watchdog and limits.memory_bytes is not None
        in_worker = None if self.memory_watchdog else limits.memory_bytes
        self._target_args = (job, initializer, initargs, in_worker)
        self._start_failures = 0
        self.replaced = 0  # workers started again after one died or was stopped

    def run(self, tasks: Sequence[Task], done: Callable[[Task, Any], None], lost: Callable[[Task, str], None],
            cancel: threading.Event | None = None) -> None:
        with _using_fork_server(self._context):
            self._run(tasks, done, lost, cancel)

    def _run(self, tasks: Sequence[Task], done: Callable[[Task, Any], None], lost: Callable[[Task, str], None],
             cancel: threading.Event | None) -> None:
        queue = list(reversed(tasks))
        pool = [_Worker(self._context, self._target_args) for _ in range(min(self.workers, len(tasks)))]
        try:
            while True:
                if cancel is not None and cancel.is_set() and not self.stop.is_set():
                    self.stop.set()
                    queue.clear()
                    for worker in pool:  # a file in hand gets a short while to finish, not its full limit
                        worker.deadline = min(worker.deadline, time.monotonic() + CANCEL_GRACE_SECONDS)
                for worker in pool:
                    if worker.ready and worker.task is None and queue:
                        worker.give(queue.pop(), self.limits)
                if not queue and all(worker.task is None for worker in pool):
                    break
                waitables = [w.conn for w in pool] + [w.process.sentinel for w in pool]
                multiprocessing.connection.wait(waitables, timeout=_POLL_SECONDS)
                for index, worker in enumerate(pool):
                    if not self._look_after(worker, done, lost):
                        pool[index] = _Worker(self._context, self._target_args)
                        self.replaced += 1
        except BaseException:
            self.stop.set()
            _stop_now(pool)
            raise
        _stop_politely(pool)

    def _look_after(self, worker: _Worker, done: Callable[[Task, Any], None],
                    lost: Callable[[Task, str], None]) -> bool:
        """Handle what the worker sent, its death or its overrun; False when it must be replaced."""
        if worker.conn.poll():
            try:
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                return self._died(worker, lost)
            task, worker.task = worker.task, None
            if kind == _READY:
                worker.ready = True
                worker.watch_memory = self.limits.memory_bytes is not None and not value
                self._start_failures = 0
            elif kind == _ERROR:
                raise value
            elif task is not None and kind == _DONE:
                done(task, value)
            elif task is not None:
                lost(task, memory_reason(self.limits.memory_bytes))
            return True
        if not worker.process.is_alive():
            return self._died(worker, lost)
        if worker.task is not None and time.monotonic() > worker.deadline:
            task, worker.task = worker.task, None
            worker.kill()
            lost(task, time_reason(worker.seconds))
            return False
        if worker.task is not None and worker.watch_memory and self._over_memory(worker):
            task, worker.task = worker.task, None
            worker.kill()
            lost(task, memory_reason(self.limits.memory_bytes))
            return False
        return True

    def _over_memory(self, worker: _Worker) -> bool:
        used = process_memory(worker.process.pid)
        return used is not None and self.limits.memory_bytes is not None and used > self.limits.memory_bytes

    def _died(self, worker: _Worker, lost: Callable[[Task, str], None]) -> bool:
        worker.process.join(5)
        worker.conn.close()
        if worker.task is not None:
            lost(worker.task, died_reason(Path(worker.task.path).name, worker.process.exitcode))
        elif not worker.ready:
            self._start_failures += 1
            if self._start_failures >= _MAX_START_FAILURES:
                raise PoolError(f"worker processes could not start (exit code {worker.process.exitcode})")
        return False


def _stop_politely(pool: list[_Worker]) -> None:
    for worker in pool:
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(None)
    for worker in pool:
        worker.process.join(5)
        if worker.process.is_alive():
            worker.kill()
        worker.conn.close()


def _stop_now(pool: list[_Worker]) -> None:
    for worker in pool:
        worker.process.kill()
    for worker in pool:
        worker.process.join(5)
        worker.conn.close()


def spawn_context(preload: Sequence[str] = ()) -> Any:
    """How workers start. Never a fork of this process, which may run Qt threads. On Linux a fork
    server: a clean process started once, which imports the `preload` modules once, then forks
    each worker, so that a worker starts without importing them again (and shares their pages);
    elsewhere, and in the bundle, each worker is a new interpreter (spawn)."""
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    if preload:
        context.set_forkserver_preload(list(preload))  # only until the server has started
    return context


_pools_running = [0]  # pools of this process using the fork server
_pools_lock = threading.Lock()


@contextlib.contextmanager
def _using_fork_server(context: Any) -> Iterator[None]:
    """The fork server is stopped when the last pool using it ends: no process lingers beside
    the window, and its workers' CPU time counts as this process's children's, as spawned ones'."""
    if context.get_start_method() != "forkserver":
        yield
        return
    with _pools_lock:
        _pools_running[0] += 1
    try:
        yield
    finally:
        with _pools_lock:
            _pools_running[0] -= 1
            if not _pools_running[0]:
                stop_fork_server()


def stop_fork_server() -> None:
    """Stop the fork server, if one runs, and wait for it; the next pool starts a new one."""
    import multiprocessing.forkserver

    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
    if stop is not None:
        with contextlib.suppress(OSError, ChildProcessError):
            stop()

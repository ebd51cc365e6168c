"""How much time and memory reading one file may take. A worker process reads one file at a
time under these limits; a file that exceeds one is named with the reason and the batch goes on."""

from __future__ import annotations

import contextlib
import importlib.util
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass

GIB = 2**30


@dataclass(frozen=True)
class FileLimits:
    """`seconds` plus `seconds_per_mb` of the file's size: the time one file may take to be read,
    analysed and stored. `memory_bytes`: the address space of a worker process (Linux and macOS;
    None for no limit)."""

    seconds: float = 120.0
    seconds_per_mb: float = 30.0
    memory_bytes: int | None = 2 * GIB

    def seconds_for(self, size: int) -> float:
        return self.seconds + self.seconds_per_mb * size / 1e6


DEFAULT_LIMITS = FileLimits()


def time_reason(seconds: float) -> str:
    return f"took longer than {round(seconds, 1):g} s to read (the limit per file); stopped"


def memory_reason(memory_bytes: int | None) -> str:
    limit = f"{memory_bytes / GIB:.1f} GB" if memory_bytes else "the memory available"
    return f"needed more than {limit} of memory to read (the limit per file); stopped"


def died_reason(name: str, exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        how = f"killed by {_signal_name(-exitcode)}, as the system does when memory runs out"
    else:
        how = f"exit code {exitcode}"
    return f"worker died while reading {name} ({how})"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def has_address_space_limit() -> bool:
    """The system bounds a process's address space (Linux, macOS: RLIMIT_AS); where it does not
    (Windows), the worker pool watches its workers' memory instead."""
    return importlib.util.find_spec("resource") is not None


def limit_memory(memory_bytes: int | None) -> bool:
    """Bound this process's address space (RLIMIT_AS); False where the system has no such limit
    (Windows: there the pool's memory watchdog applies)."""
    if memory_bytes is None:
        return False
    try:
        import resource
    except ImportError:
        return False
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):  # a system that refuses the limit: the worker runs without it
        return False
    return True


class TimeLimitExceeded(BaseException):
    """Raised in the main thread when reading one file took too long. A BaseException, so that
    the readers' `except Exception` around a damaged file's many failures does not swallow it."""


def can_time_in_process() -> bool:
    """An alarm can stop the analysis in this process: a POSIX system, on the main thread."""
    return hasattr(signal, "setitimer") and sys.platform != "win32" and (
        threading.current_thread() is threading.main_thread())


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the body after `seconds`, where `can_time_in_process()`; else no
    limit (an import in this process, from a thread or on Windows: the worker pool has one)."""
    if not can_time_in_process():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

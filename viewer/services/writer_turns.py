"""Import workers take turns at the store's write lock through a lock the kernel queues.

SQLite makes a writer that finds the store locked sleep and try again (1, 2, 5, 10, 15 ms ...),
so a worker often slept well past the moment the other one committed: with two workers, each
slept about a quarter of the import. Waiting on a POSIX record lock instead wakes the worker
as soon as the holder releases it (or dies: the kernel releases a dead process's locks). SQLite's
own lock still decides; this only orders the import's workers. The lock file lives in the
temporary folder (a local file system), one per store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_handles: dict[str, int | None] = {}  # lock file -> its descriptor in this process (None: no lock)


def turn_file(store_path: str | Path) -> Path:
    key = hashlib.sha256(str(Path(store_path).absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"policy-viewer-writes-{key}.lock"


@contextlib.contextmanager
def writer_turn(store_path: str | Path) -> Iterator[None]:
    """Hold this store's turn to write while the block runs (a no-op where there are no POSIX
    record locks, or the lock file cannot be opened)."""
    fd = _descriptor(turn_file(store_path))
    if fd is None:
        yield
        return
    import fcntl

    try:
        fcntl.lockf(fd, fcntl.LOCK_EX)
    except OSError:  # no record locks on this file system: SQLite's lock alone orders the writers
        yield
        return
    try:
        yield
    finally:
        fcntl.lockf(fd, fcntl.LOCK_UN)


def _descriptor(path: Path) -> int | None:
    key = str(path)
    if key not in _handles:
        fd: int | None = None
        if os.name == "posix":
            with contextlib.suppress(OSError):
                fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        _handles[key] = fd
    return _handles[key]

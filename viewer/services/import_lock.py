"""One import into a store at a time. Two imports writing at once would contend for SQLite's write
lock for minutes (the checks of a large batch), and one would give up with "database is locked";
instead the second waits for the first, saying so. The lock is a lock file beside the store, held
by the system's file lock, so it is released when the importing process ends however it ends."""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

POLL_SECONDS = 0.25
SUFFIX = ".import-lock"


class ImportCancelled(Exception):
    """The import was cancelled while it waited for another."""


def lock_path(store_path: str | Path) -> Path:
    store = Path(store_path)
    return store.with_name(store.name + SUFFIX)


@contextlib.contextmanager
def import_lock(store_path: str | Path, waiting: Callable[[], None] | None = None,
                cancel: threading.Event | None = None) -> Iterator[None]:
    """Hold the store's import lock; if another import holds it, call `waiting` once and wait
    (until `cancel` is set: ImportCancelled). No lock for an in-memory store, or where the lock
    file cannot be made (a read-only folder: the import then fails on the store itself)."""
    handle = _open(store_path)
    if handle is None:
        yield
        return
    try:
        told = False
        while not _try_lock(handle):
            if not told and waiting is not None:
                waiting()
            told = True
            if cancel is not None and cancel.is_set():
                raise ImportCancelled
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


@contextlib.contextmanager
def import_lock_if_free(store_path: str | Path) -> Iterator[bool]:
    """Hold the store's import lock if no import or re-analysis holds it; yields whether held
    (True where no lock can be made, as for import_lock)."""
    handle = _open(store_path)
    if handle is None:
        yield True
        return
    try:
        if not _try_lock(handle):
            yield False
            return
        try:
            yield True
        finally:
            _unlock(handle)
    finally:
        handle.close()


def _open(store_path: str | Path) -> IO[bytes] | None:
    if str(store_path) == ":memory:":
        return None
    try:
        return open(lock_path(store_path), "a+b")
    except OSError:
        return None


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

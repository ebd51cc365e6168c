"""A store that cannot be used, as the command line and the window both report it: the error
as a StoreError with its reason, and the exit code for that reason."""

from __future__ import annotations

from pathlib import Path

from viewer.store import StoreError, StoreTooNewError, store_error

__all__ = ["EXIT_CODES", "StoreError", "StoreTooNewError", "as_store_error", "exit_code"]

EXIT_STORE_TOO_NEW = 3  # written by a newer version of the program: update it
EXIT_NOT_A_STORE = 4  # not a store, or a damaged one
EXIT_STORE_UNAVAILABLE = 5  # cannot be opened, written, upgraded; locked; the disk is full
EXIT_CODES = {
    StoreError.TOO_NEW: EXIT_STORE_TOO_NEW,
    StoreError.NOT_A_STORE: EXIT_NOT_A_STORE,
    StoreError.CANNOT_OPEN: EXIT_STORE_UNAVAILABLE,
    StoreError.LOCKED: EXIT_STORE_UNAVAILABLE,
    StoreError.FULL: EXIT_STORE_UNAVAILABLE,
    StoreError.FAILED: EXIT_STORE_UNAVAILABLE,
}


def exit_code(error: StoreError) -> int:
    return EXIT_CODES.get(error.reason, EXIT_STORE_UNAVAILABLE)


def as_store_error(error: BaseException, store_path: str | Path | None) -> StoreError | None:
    """The error as a StoreError when the store caused it (SQLite: not a database, locked, disk
    full …), else None. A system error outside opening the store concerns another file (an export,
    a report) and is not the store's."""
    if isinstance(error, OSError):
        return None
    return store_error(store_path or "", error)

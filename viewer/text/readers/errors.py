"""The exceptions the readers raise, and short reasons for operating-system errors."""

from __future__ import annotations

import errno
from pathlib import Path


class ReadError(Exception):
    """A document could not be read; `reason` is short, human and English."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnreadableContent(Exception):
    """Raised by the format readers, which see bytes but no path; becomes a ReadError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def os_error_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "cannot read: permission denied"
    if error.errno == errno.ELOOP:
        return "cannot read: too many levels of symbolic links"
    detail = error.strerror or type(error).__name__
    return f"cannot read: {detail[:1].lower()}{detail[1:]}"

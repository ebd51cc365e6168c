"""Expand the files and folders a user picked into the document files to read."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from viewer.text.readers.document import is_supported

_LOCK_FILE_PREFIX = "~$"  # Office's owner files next to an open document


def collect_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(files to read, skipped files of other types), folders expanded recursively.

    Within a folder, entries are visited in name order; hidden entries and Office lock
    files are left out silently. A path that does not exist goes to the files to read, so
    that reading it reports the problem. Each file is listed once.
    """
    collector = _Collector()
    for path in paths:
        if path.name.startswith(_LOCK_FILE_PREFIX):
            continue
        if _is_link_loop(path):
            collector.add(path, to_read=True)  # reading it names the loop
        elif path.is_dir():
            collector.add_folder(path)
        elif not os.path.lexists(path):
            collector.add(path, to_read=True)
        else:
            collector.add_file(path)
    return collector.to_read, collector.skipped


class _Collector:
    def __init__(self) -> None:
        self.to_read: list[Path] = []
        self.skipped: list[Path] = []
        self._seen: set[str] = set()
        self._folders_seen: set[Path] = set()

    def add(self, path: Path, *, to_read: bool) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in self._seen:
            self._seen.add(key)
            (self.to_read if to_read else self.skipped).append(path)

    def add_file(self, path: Path) -> None:
        # A special file (FIFO, socket, device) is never a document, whatever its name.
        regular_or_broken = path.is_file() or not path.exists()
        self.add(path, to_read=regular_or_broken and is_supported(path))

    def add_folder(self, folder: Path) -> None:
        real = folder.resolve()
        if real in self._folders_seen:  # a symbolic link back up the tree
            return
        self._folders_seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            self.add(folder, to_read=True)  # reading it reports why it cannot be listed
            return
        for entry in entries:
            if entry.name.startswith((".", _LOCK_FILE_PREFIX)):
                continue
            path = folder / entry.name
            if entry.is_symlink() and _is_link_loop(path):
                self.add(path, to_read=True)
            elif entry.is_dir():
                self.add_folder(path)
            else:
                self.add_file(path)


def _is_link_loop(path: Path) -> bool:
    """A symbolic link that leads back to itself (two links pointing at each other)."""
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False

"""Mounts for the reliability cases: a small tmpfs (a full disk), a read-only bind mount (a
read-only folder for root, whom permissions do not stop). Skipped where the run may not mount."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def mount(target: Path, *options: str) -> Iterator[None]:
    """A mount for the test (tmpfs, or a read-only bind); skipped where the test may not mount."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting needs root on Linux")
    done = subprocess.run(["mount", *options, str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    try:
        yield
    finally:  # a file still open below it (a connection not yet collected): detach it lazily
        if subprocess.run(["umount", str(target)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(target)], check=True)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """`folder` read-only for this process: chmod for a user, a read-only bind mount for root
    (whom permissions do not stop)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    with mount(folder, "--bind", "-o", "ro", str(folder)):
        yield

"""Import workers take turns to write: one holds the store's turn, another waits for it, and a
holder that dies gives it up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.services.writer_turns import turn_file, writer_turn

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX record locks")

HOLDER = """
import sys, time
from viewer.services.writer_turns import writer_turn
with writer_turn(sys.argv[1]):
    print("holding", flush=True)
    time.sleep(60)
"""


def _free(store: Path) -> bool:
    import fcntl

    fd = os.open(turn_file(store), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)  # closing releases this process's lock
    return True


def test_a_turn_held_by_another_process_is_waited_for_until_it_dies(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        assert not _free(store)
    finally:
        holder.kill()
        holder.wait()
    assert _free(store)  # the kernel released the dead holder's turn


def test_turns_are_per_store_and_released_after_the_block(tmp_path: Path) -> None:
    assert turn_file(tmp_path / "a.db") != turn_file(tmp_path / "b.db")
    with writer_turn(tmp_path / "a.db"):
        pass
    with writer_turn(tmp_path / "a.db"):  # taken again by the same process
        pass
    assert turn_file(tmp_path / "a.db").parent == turn_file(tmp_path / "b.db").parent

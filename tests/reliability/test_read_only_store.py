"""A store that cannot be written (a shared drive, a read-only folder or file) is opened for
reading: by the window (writing actions disabled, the status bar says why) and the command line;
nothing is created beside it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from hostile_files import good_report
from mounts import read_only_folder
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reliability_table import Record

from viewer.services.ingest import ingest_paths
from viewer.services.library import Library
from viewer.services.store_problems import StoreError, as_store_error
from viewer.store import connection, read_only


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A store of two reports as one file (no -wal beside it), alone in its folder."""
    made = tmp_path / "made.db"
    assert ingest_paths(made, [good_report(tmp_path / "甲.txt", 1), good_report(tmp_path / "乙.txt", 2)],
                        processes=0).ok
    folder = tmp_path / "共享"
    folder.mkdir()
    with contextlib.closing(sqlite3.connect(made)) as conn:
        conn.execute(f"VACUUM INTO '{folder / 's.db'}'")
    return folder / "s.db"


def _folder_not_writable(monkeypatch: pytest.MonkeyPatch, store: Path) -> None:
    """As a read-only folder looks to the program (root ignores permissions, so they are told)."""
    real = os.access

    def access(path: str | os.PathLike[str], mode: int) -> bool:
        if mode & os.W_OK and Path(path) in (store, store.parent):
            return False
        return real(path, mode)

    monkeypatch.setattr(read_only.os, "access", access)


def test_a_read_only_folder_opens_the_store_immutable(shared: Path, monkeypatch: pytest.MonkeyPatch,
                                                      record: Record) -> None:
    _folder_not_writable(monkeypatch, shared)
    assert read_only.read_only_uri(shared).endswith("?mode=ro&immutable=1")
    library = Library(shared)
    titles = [d.title for d in library.documents()]
    with pytest.raises(sqlite3.OperationalError) as raised:
        library.update_metadata(library.documents()[0].id or 0, year=2020)
    problem = as_store_error(raised.value, shared)
    library.close()
    record("store in a read-only folder (told), read by the Library", "read; a write refused, nothing beside it",
           f"{len(titles)} documents; write: {problem}; beside: {sorted(p.name for p in shared.parent.iterdir())}")
    assert library.read_only and len(titles) == 2
    assert problem is not None and problem.reason == StoreError.CANNOT_OPEN
    assert sorted(p.name for p in shared.parent.iterdir()) == ["s.db"]


def test_a_writer_is_refused_a_read_only_store_with_one_message(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder_not_writable(monkeypatch, shared)
    with pytest.raises(StoreError, match=r"read-only .* it can be opened for reading, not changed"):
        connection.connect(shared)
    report_folder = shared.parent.parent
    with pytest.raises(StoreError, match="read-only"):
        ingest_paths(shared, [report_folder / "甲.txt"], processes=0)


def test_a_writable_folder_reads_without_immutable(shared: Path) -> None:
    assert read_only.read_only_uri(shared).endswith("?mode=ro")
    conn = connection.connect(shared, read_only=True)
    assert read_only.is_read_only(conn)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_the_window_reads_a_store_in_a_read_only_folder(shared: Path, qtbot: QtBot, tmp_path: Path,
                                                        record: Record) -> None:
    from viewer.ui.main_window import MainWindow

    with read_only_folder(shared.parent):
        window = MainWindow(shared, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        disabled = [name for name in ("import", "import_folder", "add_note", "correct_figure")
                    if not window.actions_by_name[name].isEnabled()]
        label = window.statusBar().findChild(QLabel, "read_only_store")
        record("window on a store in a read-only folder", "opened for reading, writing disabled, says why",
               f"read_only={window.library.read_only}; disabled {disabled}; drops {window.acceptDrops()}; "
               f"status: {window.statusBar().currentMessage()[:24]}…")
        assert window.library.read_only and len(disabled) == 4 and not window.acceptDrops()
        assert label is not None and window.statusBar().currentMessage().startswith("只读")
        assert len(window.library.documents()) == 2
        window.library.close()
        window.close()

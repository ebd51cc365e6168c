"""The journal beside the store: each write of the reviewer's work is a line; a session's
reconciliation catches up with what was not journalled; absence from another store file is not a
deletion; a torn last line is skipped."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.services.library import Library
from viewer.services.reviewer_journal import journal_work, reconcile
from viewer.store.state import new_store_id
from viewer.store.work_journal import append, journal_path, read_journal


@pytest.fixture
def store(samples_store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "s.db"
    shutil.copy(samples_store_path, copy)
    return copy


@pytest.fixture(scope="module")
def samples_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from viewer.services.demo import sample_paths
    from viewer.services.ingest import ingest_paths

    path = tmp_path_factory.mktemp("samples") / "s.db"
    ingest_paths(path, sample_paths(), processes=0)
    return path


def notes_in_journal(store: Path) -> dict[str, str]:
    return {key: str(e.row["body"]) for (kind, key), e in journal_work(journal_path(store)).items() if kind == "note"}


def test_each_write_is_journalled_and_a_deletion_too(store: Path) -> None:
    library = Library(store)
    note = library.add_note(1, 0, 4, "第一稿")
    library.edit_note(note.id or 0, body="第二稿")
    library.add_note(2, 0, 4, "留着")
    assert sorted(notes_in_journal(store).values()) == ["留着", "第二稿"]
    library.delete_note(note.id or 0)
    assert list(notes_in_journal(store).values()) == ["留着"]
    ops = [e.op for e in read_journal(journal_path(store)) if e.kind == "note"]
    assert ops == ["put", "put", "put", "delete"]
    library.close()


def test_reconciliation_catches_a_write_the_journal_missed(store: Path) -> None:
    conn = sqlite3.connect(store)
    with conn:  # written by hand, past the program: no journal line
        conn.execute("INSERT INTO notes (doc_path, span_start, span_end, quote, body, created_at, updated_at) "
                     "VALUES ('/某处/报告.txt', 0, 2, '报告', '手写的批注', 't', 't')")
    assert "手写的批注" not in notes_in_journal(store).values()
    assert reconcile(conn).appended >= 1
    assert "手写的批注" in notes_in_journal(store).values()
    assert reconcile(conn).appended == 0  # level: nothing more
    conn.close()


def test_work_another_store_file_lacks_is_not_deleted(store: Path) -> None:
    library = Library(store)
    library.add_note(1, 0, 4, "只在旧文件里")
    library.close()
    conn = sqlite3.connect(store)
    new_store_id(conn)  # as a repaired or restored file: another identity
    with conn:
        conn.execute("DELETE FROM notes")  # lost with the damaged file, not deleted by the reviewer
    result = reconcile(conn)
    conn.close()
    assert result.deleted == 0 and "只在旧文件里" in notes_in_journal(store).values()


def test_a_torn_last_line_is_skipped_and_kept_apart(store: Path) -> None:
    library = Library(store)
    library.add_note(1, 0, 4, "写完整的")
    journal = journal_path(store)
    with open(journal, "ab") as file:
        file.write(b'{"kind": "note", "key": "torn", "op": "pu')  # a crash mid-write
    library.add_note(1, 4, 8, "之后写的")
    library.close()
    assert sorted(notes_in_journal(store).values()) == ["之后写的", "写完整的"]
    assert append(journal, []) == 0

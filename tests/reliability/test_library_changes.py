"""Removing reports and replacing versions under hostile conditions: a removed report's id given
to another file, a removal failing half-way, look-alike reports that are no versions, a new
version that has notes of its own. Reports are invented and written at run time."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_changes_support import KEPT, OTHER, VERSION_1, VERSION_2, ingest_file
from reliability_table import Record

from viewer.services import notes
from viewer.services.removal import remove_documents
from viewer.services.versions import find_versions, replace_version
from viewer.store import documents as store_documents
from viewer.store import open_store

STRANGER = ("石渠县文化旅游局2024年工作总结\n\n"
            "全县接待游客人次稳步回升，乡村民宿集群建设取得阶段性成效。\n")


def note_on(db: object, doc_id: int, quote: str, body: str) -> int:
    doc = store_documents.get_document(db, doc_id)  # type: ignore[arg-type]
    assert doc is not None
    start = doc.text.index(quote)
    note = notes.add_note(db, doc_id, start, start + len(quote), body)  # type: ignore[arg-type]
    assert note.id is not None
    return note.id


def test_a_removed_reports_id_given_to_another_file_gets_none_of_its_notes(tmp_path: Path, record: Record) -> None:
    store = tmp_path / "s.db"
    ingest_file(store, tmp_path / "甲.txt", OTHER)
    removed = ingest_file(store, tmp_path / "乙.txt", VERSION_1)
    db = open_store(store)
    note_id = note_on(db, removed, "技术合同成交额", "只属于乙")
    remove_documents(db, [removed])
    stranger = ingest_file(store, tmp_path / "丙.txt", STRANGER)
    on_stranger = [n.body for n in notes.list_notes(db, stranger)]
    record("a removed report's id reused by the next import", "the note stays orphaned, not on the new report",
           f"same id: {stranger == removed}; notes on the new report: {on_stranger}; "
           f"note: doc {notes.get_note(db, note_id).doc_id}, {notes.get_note(db, note_id).status}")
    assert on_stranger == [] and notes.get_note(db, note_id).doc_id is None
    db.conn.close()


def test_a_removal_that_fails_half_way_changes_nothing(tmp_path: Path, record: Record,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s.db"
    first = ingest_file(store, tmp_path / "甲.txt", OTHER)
    second = ingest_file(store, tmp_path / "乙.txt", VERSION_1)
    db = open_store(store)
    note_id = note_on(db, second, "技术合同成交额", "要保住")
    deleted: list[int] = []
    original = store_documents.delete_document

    def fail_on_second(database: object, doc_id: int) -> None:
        if deleted:
            raise OSError("disk I/O error")
        deleted.append(doc_id)
        original(database, doc_id)  # type: ignore[arg-type]

    monkeypatch.setattr(store_documents, "delete_document", fail_on_second)
    with pytest.raises(OSError):
        remove_documents(db, [first, second])
    still = [d.id for d in store_documents.list_documents(db)]
    note = notes.get_note(db, note_id)
    record("removal of two reports failing at the second", "neither removed, the note still anchored",
           f"stored: {sorted(i for i in still if i is not None)}; note: doc {note.doc_id}, {note.status}")
    assert sorted(i for i in still if i is not None) == sorted([first, second])
    assert note.doc_id == second and note.status != "orphaned"
    db.conn.close()


@pytest.mark.parametrize("case, first, second", [
    ("same title, no paragraph shared", VERSION_1, VERSION_1.split("\n\n")[0] + "\n\n" + STRANGER.split("\n\n")[1]),
    ("same title, paragraphs too short to fingerprint", "短标题报告\n\n甲乙丙。\n\n丁戊己。\n", "短标题报告\n\n甲乙丙。\n\n丁戊己。\n\n庚。\n"),
    ("same title, one paragraph in six shared", VERSION_1, VERSION_1.split("\n\n")[0] + "\n\n" + KEPT[0] + "\n\n"
     + "\n\n".join(f"第{n}项工作另行部署，具体安排以年度计划为准，此处仅列出名称与负责单位。" for n in "一二三四") + "\n"),
    ("the same paragraphs under another title", VERSION_1, VERSION_1.replace("工作总结", "工作要点", 1)),
])
def test_look_alikes_are_not_versions(tmp_path: Path, record: Record, case: str, first: str, second: str) -> None:
    store = tmp_path / "s.db"
    ingest_file(store, tmp_path / "a" / "报告.txt", first)
    new = ingest_file(store, tmp_path / "b" / "报告2.txt", second)
    db = open_store(store)
    found = find_versions(db, [new])
    record(f"versions: {case}", "no version offered", f"{len(found)} offered")
    assert found == []
    db.conn.close()


def test_a_new_version_keeps_its_own_notes_beside_the_moved_ones(tmp_path: Path, record: Record) -> None:
    store = tmp_path / "s.db"
    old = ingest_file(store, tmp_path / "a" / "柏川.txt", VERSION_1)
    new = ingest_file(store, tmp_path / "b" / "柏川_修订.txt", VERSION_2)
    db = open_store(store)
    note_on(db, old, "技术合同成交额", "旧版本上写的")
    note_on(db, new, "技术合同成交额", "新版本上写的")
    done = replace_version(db, old, new)
    bodies = sorted(n.body for n in notes.list_notes(db, new))
    record("a new version with notes of its own replaces the old", "both notes on the new version",
           f"{bodies}; moved {done.notes_moved}, orphaned {done.notes_orphaned}")
    assert bodies == ["新版本上写的", "旧版本上写的"]
    db.conn.close()

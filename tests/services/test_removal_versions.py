"""Removing documents keeps the reviewer's notes and corrections (orphaned, re-attached when the
file comes back) and updates checks and search; a changed copy under another name is found as a
new version, and replacing it carries notes and corrections over by their quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from library_changes_support import KEPT, OTHER, TITLE, VERSION_1, VERSION_2, ingest_file

from viewer.model import CheckKind, CorrectionStatus, NoteStatus
from viewer.services import corrections, notes
from viewer.services.checks import findings
from viewer.services.removal import removal_preview, remove_documents
from viewer.services.search import search
from viewer.services.versions import find_versions, replace_version, title_key
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import open_store
from viewer.store.work_journal import journal_path, replay


def note_on(db: sqlite_utils.Database, doc_id: int, quote: str, body: str) -> int:
    doc = store_documents.get_document(db, doc_id)
    assert doc is not None
    start = doc.text.index(quote)
    note = notes.add_note(db, doc_id, start, start + len(quote), body)
    assert note.id is not None
    return note.id


def correct(db: sqlite_utils.Database, doc_id: int, text: str, year: int) -> int:
    [figure] = [f for f in store_figures.document_figures(db, doc_id) if f.text == text]
    assert figure.id is not None
    made = corrections.correct_figure(db, figure.id, {"year": year}, author="审阅人")
    assert made is not None and made.id is not None
    return made.id


def repeats_between(db: sqlite_utils.Database, a: int, b: int) -> list[object]:
    return [f for f in findings(db, kind=CheckKind.REPEAT) if {a, b} <= set(f.doc_ids)]


def test_removal_keeps_notes_and_corrections_orphaned_and_updates_checks_and_search(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    first = ingest_file(store, tmp_path / "a" / "柏川.txt", VERSION_1)
    other = ingest_file(store, tmp_path / "b" / "松漠.txt", OTHER)
    db = open_store(store)
    note_id = note_on(db, first, "技术合同成交额", "核对来源")
    correction_id = correct(db, first, "9.6亿元", 2023)
    assert repeats_between(db, first, other), "the shared paragraph is a repeat before the removal"
    assert search(db, "滴灌设备"), "the removed report is searchable before"

    preview = removal_preview(db, [first, 999])
    assert [d.doc_id for d in preview.documents] == [first]
    assert (preview.notes, preview.corrections) == (1, 1)
    assert preview.findings >= 1

    report = remove_documents(db, [first, 999])
    assert [d.title for d in report.removed] == [TITLE]
    assert (report.notes_orphaned, report.corrections_orphaned, report.unknown) == (1, 1, (999,))
    assert store_documents.get_document(db, first) is None
    assert not repeats_between(db, first, other)
    assert not [f for f in findings(db) if first in f.doc_ids], "no finding cites the removed report"
    assert search(db, "滴灌设备") == []
    assert search(db, "研发经费投入")[0].doc_id == other
    kept = notes.get_note(db, note_id)
    assert (kept.doc_id, kept.status, kept.body) == (None, NoteStatus.ORPHANED, "核对来源")
    orphan = corrections.get_correction(db, correction_id)
    assert (orphan.doc_id, orphan.status, orphan.changes) == (None, CorrectionStatus.ORPHANED, {"year": 2023})

    again = ingest_file(store, tmp_path / "a" / "柏川.txt", VERSION_1)
    back = notes.get_note(db, note_id)
    assert back.doc_id == again and back.status != NoteStatus.ORPHANED
    doc = store_documents.get_document(db, again)
    assert doc is not None and doc.text[back.start : back.end] == "技术合同成交额"
    assert corrections.get_correction(db, correction_id).status != CorrectionStatus.ORPHANED
    [figure] = [f for f in store_figures.document_figures(db, again) if f.text == "9.6亿元"]
    assert figure.year == 2023
    db.conn.close()


def test_removing_nothing_known_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    doc_id = ingest_file(store, tmp_path / "柏川.txt", VERSION_1)
    db = open_store(store)
    report = remove_documents(db, [doc_id + 1])
    assert report.removed == () and report.unknown == (doc_id + 1,)
    assert store_documents.get_document(db, doc_id) is not None
    db.conn.close()


def test_a_changed_copy_under_another_name_is_a_new_version(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    old = ingest_file(store, tmp_path / "收文" / "柏川总结.txt", VERSION_1)
    other = ingest_file(store, tmp_path / "收文" / "松漠.txt", OTHER)
    new = ingest_file(store, tmp_path / "修订" / "柏川总结_修订.txt", VERSION_2)
    db = open_store(store)
    assert repeats_between(db, old, new), "before the replacement, the shared paragraphs are repeats"
    note_on(db, old, "技术合同成交额", "留意口径")
    gone = note_on(db, old, "滴灌设备", "这句后来删了")
    correct(db, old, "9.6亿元", 2023)
    store_documents.update_metadata(db, old, region="柏川市", kind="report")

    [match] = find_versions(db, [new])
    assert (match.old.doc_id, match.new.doc_id) == (old, new)
    assert match.shared == len(KEPT) and (match.notes, match.corrections) == (2, 1)
    assert find_versions(db, [other]) == [], "the same paragraph under another title is no version"
    assert find_versions(db, [old, new]) == [], "documents of one import are not versions of each other"

    done = replace_version(db, old, new)
    assert (done.notes_moved, done.notes_orphaned) == (1, 1)
    assert (done.corrections_moved, done.corrections_orphaned) == (1, 0)
    assert store_documents.get_document(db, old) is None
    assert done.metadata_kept
    renewed = store_documents.get_document(db, new)
    assert renewed is not None and (renewed.region, renewed.kind) == ("柏川市", "report")
    kept = notes.list_notes(db, new)
    assert {n.body for n in kept} == {"留意口径", "这句后来删了"}
    orphan = notes.get_note(db, gone)
    assert orphan.status == NoteStatus.ORPHANED and orphan.doc_id == new and orphan.quote == "滴灌设备"
    [figure] = [f for f in store_figures.document_figures(db, new) if f.text == "9.6亿元"]
    assert figure.year == 2023
    journalled = {e.row["doc_path"] for (kind, _key), e in replay(journal_path(store)).items() if kind == "note"}
    assert journalled == {str(tmp_path / "修订" / "柏川总结_修订.txt")}, "the journal follows the notes' new path"
    assert not [f for f in findings(db, kind=CheckKind.REPEAT) if old in f.doc_ids or f.doc_ids == (new, new)]
    db.conn.close()


def test_titles_match_across_spaces_and_draft_marks() -> None:
    assert title_key("柏川市 科技局工作总结（征求意见稿）") == title_key("柏川市科技局工作总结")
    assert title_key("柏川市科技局工作总结") != title_key("柏川市科技局工作要点")


def test_replace_refuses_missing_documents(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    doc_id = ingest_file(store, tmp_path / "柏川.txt", VERSION_1)
    db = open_store(store)
    with pytest.raises(KeyError):
        replace_version(db, doc_id, doc_id + 5)
    with pytest.raises(KeyError):
        replace_version(db, doc_id, doc_id)
    db.conn.close()


def test_a_plans_excluded_rows_follow_it_to_its_new_version(tmp_path: Path) -> None:
    from viewer.store import plans as store_plans

    store = tmp_path / "s.db"
    old = ingest_file(store, tmp_path / "收文" / "柏川总结.txt", VERSION_1)
    new = ingest_file(store, tmp_path / "修订" / "柏川总结_修订.txt", VERSION_2)
    db = open_store(store)
    old_path = store_documents.get_document(db, old).path  # type: ignore[union-attr]
    new_path = store_documents.get_document(db, new).path  # type: ignore[union-attr]
    store_plans.exclude(db, old_path, "技术合同成交额|柏川市|2025", "口径不同", author="审阅人")
    replace_version(db, old, new)
    rows = db.execute("SELECT doc_path, row_key, reason FROM plan_exclusions").fetchall()
    assert rows == [(new_path, "技术合同成交额|柏川市|2025", "口径不同")]
    journalled = {(e.row["doc_path"], e.op) for (kind, _key), e in replay(journal_path(store)).items()
                  if kind == "plan_exclusion"}
    assert journalled == {(old_path, "delete"), (new_path, "put")}
    db.conn.close()

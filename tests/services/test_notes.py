"""Notes through the service: add, edit, delete and restore (undo), and re-anchoring after a
re-import of a changed file; notes whose text is gone are orphaned, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st

from viewer.model.review import Note, NoteStatus
from viewer.services import notes
from viewer.services.ingest import ingest_paths
from viewer.store import open_store

ORIGINAL = ("株洲市科技工作总结\n\n"
            "2021年，全市研发经费投入达到120亿元，同比增长15%。\n\n"
            "全市新增高新技术企业150家，科技型中小企业突破900家。\n\n"
            "技术合同成交额创历史新高。\n")


def ingest(store: Path, path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    report = ingest_paths(store, [path], processes=0)
    assert report.ok, report.outcomes
    [outcome] = report.outcomes
    assert outcome.doc_id is not None
    return outcome.doc_id


@pytest.fixture
def setup(tmp_path: Path) -> tuple[sqlite_utils.Database, int, Path]:
    store, path = tmp_path / "s.db", tmp_path / "report.txt"
    doc_id = ingest(store, path, ORIGINAL)
    db = open_store(store)
    yield db, doc_id, path
    db.conn.close()


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_add_edit_delete_restore(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    note = notes.add_note(db, doc_id, *span(ORIGINAL, "120亿元"), body="与统计公报核对", tags=["数字", " ", "数字"])
    assert (note.quote, note.tags, note.status) == ("120亿元", ("数字",), NoteStatus.ANCHORED)
    assert note.context_before.endswith("研发经费投入达到") and note.context_after.startswith("，同比增长")
    edited = notes.edit_note(db, note.id or 0, body="已核对")
    assert (edited.body, edited.tags) == ("已核对", ("数字",))
    deleted = notes.delete_note(db, note.id or 0)
    assert notes.list_notes(db, doc_id) == []
    restored = notes.restore_note(db, deleted)
    assert restored.id == note.id and restored.body == "已核对"
    assert notes.list_notes(db, doc_id) == [restored]
    with pytest.raises(ValueError):
        notes.add_note(db, doc_id, 5, 5)
    with pytest.raises(KeyError):
        notes.add_note(db, 999, 0, 1)


def test_notes_survive_a_reimport_of_a_changed_file(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, path = setup
    kept = notes.add_note(db, doc_id, *span(ORIGINAL, "150家"), body="新增数")
    gone = notes.add_note(db, doc_id, *span(ORIGINAL, "创历史新高"), body="措辞")
    changed = ORIGINAL.replace("株洲市科技工作总结\n\n", "株洲市科技工作总结\n\n（修订稿）\n\n").replace(
        "技术合同成交额创历史新高。", "技术合同成交额稳步增长。")
    store = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert ingest(store, path, changed) == doc_id
    db.conn.commit()
    notes.reanchor_notes(db, doc_id)
    moved = notes.get_note(db, kept.id or 0)
    assert moved.status == NoteStatus.MOVED and changed[moved.start : moved.end] == "150家"
    assert moved.start == kept.start + len("（修订稿）\n\n")
    orphan = notes.get_note(db, gone.id or 0)
    assert orphan.orphaned and (orphan.start, orphan.end, orphan.body) == (gone.start, gone.end, "措辞")
    assert {n.id for n in notes.list_notes(db, doc_id)} == {kept.id, gone.id}
    ingest(store, path, ORIGINAL)
    notes.reanchor_notes(db, doc_id)
    assert notes.get_note(db, gone.id or 0).status == NoteStatus.MOVED  # found again


def note_on(text: str, start: int, end: int) -> Note:
    return Note(doc_id=1, doc_path="x", start=start, end=end, quote=text[start:end],
                context_before=text[max(0, start - 32) : start], context_after=text[end : end + 32])


@given(st.text(alphabet="甲乙丙丁戊", min_size=5, max_size=40), st.data())
def test_locate_finds_the_quote_again_after_text_is_inserted_before_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    note = note_on(text, start, end)
    insert = data.draw(st.text(alphabet="子丑寅", max_size=10))
    found = notes.locate(insert + text, note)
    assert found is not None
    assert (insert + text)[found[0] : found[1]] == note.quote
    assert found == (start + len(insert), end + len(insert)) or text.count(note.quote) > 1


def test_locate_prefers_the_occurrence_with_the_same_context() -> None:
    text = "甲年增长10%，乙年增长10%，丙年增长10%。"
    note = note_on(text, *span(text, "乙年增长10%"))
    note = Note(**{**note.__dict__, "quote": "10%", "start": text.index("10%", 6), "end": text.index("10%", 6) + 3,
                   "context_before": "，乙年增长", "context_after": "，丙年"})
    moved = "前言。" + text
    assert notes.locate(moved, note) == (note.start + 3, note.end + 3)
    assert notes.locate("全都删掉了", note) is None

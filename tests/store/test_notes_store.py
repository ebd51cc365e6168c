"""Notes in the store: written, read, changed, deleted and put back with their id."""

from __future__ import annotations

from viewer.model.review import Note, NoteStatus
from viewer.store import notes as store_notes
from viewer.store import open_store


def make(**changes: object) -> Note:
    fields: dict[str, object] = dict(doc_id=1, doc_path="/r/a.txt", start=3, end=8, quote="研发经费", body="核对",
                                     tags=("数字", "来源"), context_before="全市", context_after="达到",
                                     created_at="2024-01-01T00:00:00", updated_at="2024-01-01T00:00:00")
    fields.update(changes)
    return Note(**fields)  # type: ignore[arg-type]


def test_notes_are_stored_and_read_back() -> None:
    db = open_store(":memory:")
    first = store_notes.insert_note(db, make())
    second = store_notes.insert_note(db, make(doc_id=None, doc_path="/r/b.txt", start=0, end=2, tags=()))
    assert store_notes.get_note(db, first) == make(id=first)
    assert [n.id for n in store_notes.list_notes(db)] == [first, second]
    assert [n.id for n in store_notes.list_notes(db, doc_id=1)] == [first]
    assert [n.id for n in store_notes.list_notes(db, doc_path="/r/b.txt")] == [second]


def test_update_move_delete_and_restore_with_the_same_id() -> None:
    db = open_store(":memory:")
    note_id = store_notes.insert_note(db, make())
    note = store_notes.get_note(db, note_id)
    assert note is not None
    note.body, note.tags = "改过", ("新",)
    store_notes.update_note(db, note)
    store_notes.move_note(db, note_id, 1, 10, 15, NoteStatus.MOVED)
    moved = store_notes.get_note(db, note_id)
    assert moved is not None and (moved.body, moved.tags, moved.start, moved.end, moved.status) == (
        "改过", ("新",), 10, 15, NoteStatus.MOVED)
    store_notes.delete_note(db, note_id)
    assert store_notes.get_note(db, note_id) is None
    newer = store_notes.insert_note(db, make())
    assert newer != note_id  # ids are never reused, so a restored note cannot collide
    assert store_notes.insert_note(db, moved) == note_id
    assert store_notes.get_note(db, note_id) == moved

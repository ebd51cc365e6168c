"""A reviewer's notes on passages: add, edit, delete, restore (for undo), list, re-anchor.

A note keeps the text it was made on (the quote) and a little context either side. After a
document is re-imported, `reanchor_notes` finds the quote again — where the context matches
best, then nearest the old place — or marks the note orphaned, keeping it and its old span.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from viewer.model.review import Note, NoteStatus
from viewer.store import documents as store_documents
from viewer.store import notes as store_notes
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

CONTEXT_CHARS = 32


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


def add_note(
    db: sqlite_utils.Database, doc_id: int, start: int, end: int, body: str = "", tags: Iterable[str] = ()
) -> Note:
    """A note on `text[start:end]` of a document."""
    doc = store_documents.get_document(db, doc_id)
    if doc is None:
        raise KeyError(f"no document {doc_id}")
    if not 0 <= start < end <= len(doc.text):
        raise ValueError(f"a note needs a non-empty span inside the text (0..{len(doc.text)}), not {start}..{end}")
    now = _now()
    note = Note(
        doc_id=doc_id, doc_path=doc.path, start=start, end=end, quote=doc.text[start:end], body=body,
        tags=_clean_tags(tags), context_before=doc.text[max(0, start - CONTEXT_CHARS) : start],
        context_after=doc.text[end : end + CONTEXT_CHARS], created_at=now, updated_at=now,
    )
    note.id = store_notes.insert_note(db, note)
    return note


def get_note(db: Queryable, note_id: int) -> Note:
    note = store_notes.get_note(db, note_id)
    if note is None:
        raise KeyError(f"no note {note_id}")
    return note


def edit_note(
    db: sqlite_utils.Database, note_id: int, body: str | None = None, tags: Iterable[str] | None = None
) -> Note:
    """Change a note's text and/or tags; returns the note as it is now."""
    note = get_note(db, note_id)
    edited = replace(
        note,
        body=note.body if body is None else body,
        tags=note.tags if tags is None else _clean_tags(tags),
        updated_at=_now(),
    )
    store_notes.update_note(db, edited)
    return edited


def delete_note(db: sqlite_utils.Database, note_id: int) -> Note:
    """Delete a note; returns it, so that `restore_note` can bring it back (undo)."""
    note = get_note(db, note_id)
    store_notes.delete_note(db, note_id)
    return note


def restore_note(db: sqlite_utils.Database, note: Note) -> Note:
    """Put a deleted note back with its id, re-anchored on its document's current text."""
    if note.id is None:
        raise ValueError("only a note that was stored can be restored")
    if store_notes.get_note(db, note.id) is not None:
        raise ValueError(f"note {note.id} exists already")
    store_notes.insert_note(db, note)
    _reanchor(db, [note])
    return get_note(db, note.id)


def list_notes(db: Queryable, doc_id: int | None = None) -> list[Note]:
    """Notes of a document (orphaned ones included), or all notes."""
    if doc_id is None:
        return store_notes.list_notes(db)
    doc = store_documents.get_document(db, doc_id)
    return store_notes.list_notes(db, doc_id=doc_id, doc_path=doc.path if doc else None)


def reanchor_notes(db: sqlite_utils.Database, doc_id: int) -> None:
    """Find each note of a (re-imported) document again in its text; call after `save_document`."""
    _reanchor(db, list_notes(db, doc_id))


def _reanchor(db: sqlite_utils.Database, notes: list[Note]) -> None:
    texts: dict[str, tuple[int, str] | None] = {}
    for note in notes:
        if note.doc_path not in texts:
            found = store_documents.find_by_path(db, note.doc_path)
            doc = store_documents.get_document(db, found[0]) if found else None
            texts[note.doc_path] = (doc.id, doc.text) if doc and doc.id is not None else None
        current = texts[note.doc_path]
        if current is None:
            continue  # the document is not in the store: the note waits, unchanged
        doc_id, text = current
        span = locate(text, note)
        if span is None:
            status, (start, end) = NoteStatus.ORPHANED, (note.start, note.end)
        elif span == (note.start, note.end) and note.status != NoteStatus.ORPHANED:
            status, (start, end) = note.status, span
        else:
            status, (start, end) = NoteStatus.MOVED, span
        if (doc_id, start, end, status) != (note.doc_id, note.start, note.end, note.status):
            store_notes.move_note(db, note.id or 0, doc_id, start, end, status)


class Anchored(Protocol):
    """What a note or a correction keeps of the text it was made on."""

    @property
    def quote(self) -> str: ...
    @property
    def context_before(self) -> str: ...
    @property
    def context_after(self) -> str: ...
    @property
    def start(self) -> int: ...


def locate(text: str, note: Anchored) -> tuple[int, int] | None:
    """Where the note's (or correction's) quote is in `text`: the occurrence whose surroundings
    match its context best, the nearest to the old place among equals; None when the quote is gone."""
    quote = note.quote
    if not quote:
        return None
    best: tuple[int, int, int] | None = None  # (-score, distance, position)
    position = text.find(quote)
    while position >= 0:
        score = _common_suffix(text[max(0, position - len(note.context_before)) : position], note.context_before)
        end = position + len(quote)
        score += _common_prefix(text[end : end + len(note.context_after)], note.context_after)
        key = (-score, abs(position - note.start), position)
        if best is None or key < best:
            best = key
        position = text.find(quote, position + 1)
    if best is None:
        return None
    return best[2], best[2] + len(quote)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])

"""Undoable note edits: add, edit and delete, each one QUndoCommand on the window's stack.

Undoing a delete restores the note with its id (the store's `restore_note`), so later
commands that refer to it by id stay valid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from viewer.model.review import Note
from viewer.ui.i18n import tr


class NoteStore(Protocol):
    def add_note(self, doc_id: int, start: int, end: int, body: str = "",
                 tags: tuple[str, ...] = ()) -> Note: ...

    def edit_note(self, note_id: int, body: str | None = None, tags: tuple[str, ...] | None = None) -> Note: ...

    def delete_note(self, note_id: int) -> Note: ...

    def restore_note(self, note: Note) -> Note: ...


Changed = Callable[[], None]


class AddNote(QUndoCommand):
    def __init__(self, store: NoteStore, doc_id: int, span: tuple[int, int], body: str,
                 tags: tuple[str, ...], changed: Changed) -> None:
        super().__init__(tr("添加批注"))
        self.store, self.doc_id, self.span, self.body, self.tags = store, doc_id, span, body, tags
        self.changed = changed
        self.note: Note | None = None

    def redo(self) -> None:
        if self.note is None:
            self.note = self.store.add_note(self.doc_id, *self.span, body=self.body, tags=self.tags)
        else:
            self.note = self.store.restore_note(self.note)
        self.changed()

    def undo(self) -> None:
        if self.note is not None and self.note.id is not None:
            self.note = self.store.delete_note(self.note.id)
        self.changed()


class EditNote(QUndoCommand):
    def __init__(self, store: NoteStore, note: Note, body: str, tags: tuple[str, ...], changed: Changed) -> None:
        super().__init__(tr("修改批注"))
        self.store, self.note_id, self.changed = store, note.id or 0, changed
        self.before = (note.body, note.tags)
        self.after = (body, tags)

    def redo(self) -> None:
        self.store.edit_note(self.note_id, *self.after)
        self.changed()

    def undo(self) -> None:
        self.store.edit_note(self.note_id, *self.before)
        self.changed()


class DeleteNote(QUndoCommand):
    def __init__(self, store: NoteStore, note: Note, changed: Changed) -> None:
        super().__init__(tr("删除批注"))
        self.store, self.note, self.changed = store, note, changed

    def redo(self) -> None:
        self.note = self.store.delete_note(self.note.id or 0)
        self.changed()

    def undo(self) -> None:
        self.note = self.store.restore_note(self.note)
        self.changed()

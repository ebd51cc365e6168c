"""From an entity in the sidebar to its mentions in the text: a click selects and scrolls to the
first mention in the open document (or opens the first document that mentions it), next and
previous step through the others, and the sidebar says 第 k / n 处."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from viewer.model import Entity, Mention
from viewer.ui.i18n import tr

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class MentionSteps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.entity: Entity | None = None
        self.doc_id: int | None = None
        self.mentions: list[Mention] = []
        self.index = -1

    def show_entity(self, entity: Entity) -> None:
        """A click on an entity: its documents listed, its first mention selected and on screen."""
        if entity.id is None:
            return
        library, current = self.window.library, self.window.current
        documents = library.documents_mentioning(entity.id)
        self.window.entity_pane.set_documents(entity, documents)
        if current is not None and current.id is not None and library.entity_mentions(entity.id, current.id):
            self.open_document(current.id, entity)
            return
        first = next((d.id for d in documents if d.id is not None), None)
        if first is not None:
            self.open_document(first, entity)
        else:
            self._forget()

    def open_document(self, doc_id: int, entity: Entity | int) -> None:
        """Open a document at the first mention of the entity (or of the one with that id)."""
        if isinstance(entity, int):
            chosen = self.window.entity_pane.current
            if chosen is None or chosen.id != entity:
                return
            entity = chosen
        if entity.id is None or not self.window.open_document(doc_id):
            return
        self.entity, self.doc_id = entity, doc_id
        self.mentions = self.window.library.entity_mentions(entity.id, doc_id)
        self.window.document_pane.view.set_selected_spans([(m.start, m.end) for m in self.mentions])
        self._select(0)

    def step(self, forward: bool) -> None:
        """The next (or previous) mention after (before) the cursor, around at the end."""
        current = self.window.current
        if self.entity is None or self.entity.id is None or current is None or current.id is None:
            return
        if current.id != self.doc_id:  # another document was opened since the click
            self.doc_id = current.id
            self.mentions = self.window.library.entity_mentions(self.entity.id, current.id)
            self.window.document_pane.view.set_selected_spans([(m.start, m.end) for m in self.mentions])
            self.index = -1
        if not self.mentions:
            self._show_position()
            self.window.statusBar().showMessage(tr("本文档未提及“%1”").replace("%1", self.entity.name), 5000)
            return
        start = self.window.document_pane.view.selected_span()[0]
        starts = [m.start for m in self.mentions]
        if forward:
            index = bisect_right(starts, start) if self.index < 0 or starts[self.index] != start else self.index + 1
        else:
            index = (bisect_left(starts, start) if self.index < 0 or starts[self.index] != start
                     else self.index) - 1
        self._select(index % len(self.mentions))

    def _select(self, index: int) -> None:
        self.index = index if self.mentions else -1
        if self.mentions:
            mention = self.mentions[index]
            self.window.document_pane.view.select_span(mention.start, mention.end)
        self._show_position()

    def _show_position(self) -> None:
        self.window.entity_pane.show_position(self.index + 1, len(self.mentions))

    def _forget(self) -> None:
        self.entity, self.doc_id, self.mentions, self.index = None, None, [], -1
        self._show_position()

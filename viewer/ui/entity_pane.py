"""The entity sidebar: entities by type with counts, a filter, scope, and where they occur."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.model import Document, Entity
from viewer.ui.entity_model import EntityTreeModel
from viewer.ui.i18n import tr
from viewer.ui.tooltips import plain_tooltip

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENTS_LISTED = 500  # an entity named in every report of a large store


class EntityPane(QWidget):
    entityActivated = Signal(object)  # Entity
    documentChosen = Signal(int, int)  # doc id, entity id
    scopeChanged = Signal(bool)  # True: all documents
    stepRequested = Signal(bool)  # True: the next mention, False: the previous one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntityTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        # Filtering happens in the model, over every entity, not only the rows listed.
        self.current: Entity | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        scope = QHBoxLayout()
        self.this_document = QRadioButton(tr("本文档"))
        self.all_documents = QRadioButton(tr("全部文档"))
        self.this_document.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.this_document, self.all_documents):
            group.addButton(button)
            scope.addWidget(button)
        scope.addStretch(1)
        self.all_documents.toggled.connect(self.scopeChanged.emit)
        layout.addLayout(scope)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("筛选实体"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        layout.addWidget(self.filter)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        splitter.addWidget(self.tree)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(self._mention_steps())
        self.documents_label = QLabel(tr("提及该实体的文档"))
        self.documents_label.setTextFormat(Qt.TextFormat.PlainText)
        lower_layout.addWidget(self.documents_label)
        self.documents = QListWidget()
        self.documents.itemClicked.connect(self._document_clicked)
        self.documents.itemActivated.connect(self._document_clicked)
        lower_layout.addWidget(self.documents)
        splitter.addWidget(lower)
        splitter.setSizes([400, 150])
        layout.addWidget(splitter, 1)

    def _mention_steps(self) -> QHBoxLayout:
        """上一处 / 第 k / n 处 / 下一处: the selected entity's mentions in the open document."""
        row = QHBoxLayout()
        self.previous_mention = QToolButton()
        self.previous_mention.setText(tr("▲ 上一处"))
        self.previous_mention.setToolTip(tr("上一处提及（Shift+F4）"))
        self.previous_mention.clicked.connect(lambda: self.stepRequested.emit(False))
        self.mention_position = QLabel()
        self.mention_position.setTextFormat(Qt.TextFormat.PlainText)
        self.mention_position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_mention = QToolButton()
        self.next_mention.setText(tr("下一处 ▼"))
        self.next_mention.setToolTip(tr("下一处提及（F4）"))
        self.next_mention.clicked.connect(lambda: self.stepRequested.emit(True))
        row.addWidget(self.previous_mention)
        row.addWidget(self.mention_position, 1)
        row.addWidget(self.next_mention)
        self.show_position(0, 0)
        return row

    def show_position(self, number: int, total: int) -> None:
        """第 number / total 处 of the selected entity in the open document (0 of 0: none chosen)."""
        self.mention_position.setText(tr("第 %1 / %2 处").replace("%1", str(number)).replace("%2", str(total))
                                      if total else "")
        for button in (self.previous_mention, self.next_mention):
            button.setEnabled(total > 1)

    def all_scope(self) -> bool:
        return self.all_documents.isChecked()

    def set_entities(self, entities: list[Entity]) -> None:
        self.model.set_entities(entities)
        self.tree.expandToDepth(0)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self.tree.expandToDepth(0)

    def _clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        more = self.model.more_type(source)
        if more is not None:
            self.model.show_more(more)
            return
        entity = self.model.entity(source)
        if entity is not None:
            self.current = entity
            self.entityActivated.emit(entity)

    def select_entity(self, entity_id: int) -> Entity | None:
        source = self.model.find(entity_id)
        if not source.isValid():
            return None
        index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self._clicked(index)
        return self.model.entity(source)

    def set_documents(self, entity: Entity, documents: list[Document]) -> None:
        """The documents that mention the entity; the first `DOCUMENTS_LISTED` of them."""
        self.documents_label.setText(tr("提及“%1”的文档（%2）").replace("%1", entity.name)
                                     .replace("%2", str(len(documents))))
        self.documents.clear()
        for document in documents[:DOCUMENTS_LISTED]:
            item = QListWidgetItem(" · ".join(p for p in (document.title, document.region or "",
                                                          str(document.year or "")) if p))
            item.setData(DOC_ID_ROLE, document.id)
            item.setToolTip(plain_tooltip(document.path))
            self.documents.addItem(item)

    def _document_clicked(self, item: QListWidgetItem) -> None:
        if self.current is not None and self.current.id is not None:
            self.documentChosen.emit(int(item.data(DOC_ID_ROLE)), self.current.id)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.entity_pane STORE"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = EntityPane()
    pane.all_documents.setChecked(True)
    pane.set_entities(library.entities())
    pane.entityActivated.connect(
        lambda e: pane.set_documents(e, library.documents_mentioning(e.id)) if e.id is not None else None)
    return run_alone(pane, "entity pane")


if __name__ == "__main__":
    sys.exit(main())

"""Entities by type with counts, as a QStandardItemModel.

A C++ model: the tree view asks it thousands of questions per document, and a Python
QAbstractItemModel answered them ten times slower than the 30 ms a document may take to open.

All documents together name thousands of entities: each type lists its `PAGE` most mentioned
first, and a "more" row adds the next page. The name filter is applied here, to every entity,
not only to the rows listed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from viewer.model import Entity
from viewer.ui.i18n import colon, in_brackets, list_separator, tr
from viewer.ui.labels import entity_type_label, entity_type_order
from viewer.ui.palette import entity_colour
from viewer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
MORE_ROLE = Qt.ItemDataRole.UserRole + 2  # on a "more" row: the type whose next page it adds
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PAGE = 200


def _item(text: str, align_right: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if align_right:
        item.setTextAlignment(RIGHT)
    return item


class EntityTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 3, parent)
        self._set_headers()
        self._entities: list[Entity] = []
        self._members: dict[str, list[Entity]] = {}  # type -> the entities matching the filter
        self._heads: dict[str, QStandardItem] = {}
        self.words = ""

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([tr("实体"), tr("提及"), tr("文档")])

    def set_entities(self, entities: list[Entity]) -> None:
        self._entities = list(entities)
        self._rebuild()

    def set_filter(self, words: str) -> None:
        if words.strip() != self.words:
            self.words = words.strip()
            self._rebuild()

    def listed(self) -> int:
        """Entity rows in the tree (the capped, lazily grown part of what matches)."""
        return sum(self.rowCount(self.index(r, 0)) for r in range(self.rowCount())) - sum(
            1 for head in self._heads.values() if _more_row(head) is not None)

    def _rebuild(self) -> None:
        words = self.words.casefold()
        by_type: dict[str, list[Entity]] = {}
        for entity in self._entities:
            if not words or words in entity.name.casefold() or any(words in a.casefold() for a in entity.aliases):
                by_type.setdefault(entity.type, []).append(entity)
        order = entity_type_order()
        self.removeRows(0, self.rowCount())  # not clear(): that resets the view's header layout
        self._members, self._heads = {}, {}
        root = self.invisibleRootItem()
        for entity_type in sorted(by_type, key=lambda t: (order.index(t) if t in order else len(order), t)):
            members = sorted(by_type[entity_type], key=lambda e: (-e.mentions, e.name))
            self._members[entity_type] = members
            head = _item(entity_type_label(entity_type) + in_brackets(str(len(members))))
            head.setForeground(entity_colour(entity_type))
            self._heads[entity_type] = head
            self._add_page(entity_type)
            root.appendRow([head, _item(str(sum(e.mentions for e in members)), True), _item("")])

    def show_more(self, entity_type: str) -> None:
        self._add_page(entity_type)

    def _add_page(self, entity_type: str) -> None:
        head, members = self._heads[entity_type], self._members[entity_type]
        more = _more_row(head)
        if more is not None:
            head.removeRow(more)
        shown = head.rowCount()
        for entity in members[shown : shown + PAGE]:
            name = _item(entity.name)
            name.setData(entity, ENTITY_ROLE)
            if entity.aliases:
                name.setToolTip(plain_tooltip(
                    f"{entity.name}\n{tr('别名')}{colon()}{list_separator().join(entity.aliases)}"))
            head.appendRow([name, _item(str(entity.mentions), True), _item(str(entity.documents), True)])
        left = len(members) - head.rowCount()
        if left > 0:
            row = _item(tr("显示更多（还有 %1 个）").replace("%1", str(left)))
            row.setData(entity_type, MORE_ROLE)
            row.setForeground(Qt.GlobalColor.darkGray)
            head.appendRow([row, _item(""), _item("")])

    def find(self, entity_id: int) -> QModelIndex:
        """The row of an entity, paging it in if the filter lets it through; invalid if not."""
        for entity_type, members in self._members.items():
            position = next((i for i, e in enumerate(members) if e.id == entity_id), None)
            if position is None:
                continue
            head = self._heads[entity_type]
            while head.rowCount() - (1 if _more_row(head) is not None else 0) <= position:
                self._add_page(entity_type)
            return self.index(position, 0, head.index())
        return QModelIndex()

    def entity(self, index: Index) -> Entity | None:
        value = index.sibling(index.row(), 0).data(ENTITY_ROLE) if index.isValid() else None
        return value if isinstance(value, Entity) else None

    def more_type(self, index: Index) -> str | None:
        """The type whose next page a "more" row adds, or None."""
        value = index.sibling(index.row(), 0).data(MORE_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None


def _more_row(head: QStandardItem) -> int | None:
    last = head.rowCount() - 1
    if last >= 0 and head.child(last).data(MORE_ROLE) is not None:
        return last
    return None

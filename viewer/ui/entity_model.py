"""Entities by type with counts, as a QStandardItemModel.

A C++ model: the tree view asks it thousands of questions per document, and a Python
QAbstractItemModel answered them ten times slower than the 30 ms a document may take to open.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from viewer.model import Entity
from viewer.ui.i18n import tr
from viewer.ui.palette import entity_colour, entity_type_label, entity_type_order

Index = QModelIndex | QPersistentModelIndex
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([tr("实体"), tr("提及"), tr("文档")])

    def set_entities(self, entities: list[Entity]) -> None:
        by_type: dict[str, list[Entity]] = {}
        for entity in entities:
            by_type.setdefault(entity.type, []).append(entity)
        order = entity_type_order()
        self.removeRows(0, self.rowCount())  # not clear(): that resets the view's header layout
        root = self.invisibleRootItem()
        for entity_type in sorted(by_type, key=lambda t: (order.index(t) if t in order else len(order), t)):
            members = sorted(by_type[entity_type], key=lambda e: (-e.mentions, e.name))
            head = _item(f"{entity_type_label(entity_type)}（{len(members)}）")
            head.setForeground(entity_colour(entity_type))
            for entity in members:
                name = _item(entity.name)
                name.setData(entity, ENTITY_ROLE)
                if entity.aliases:
                    name.setToolTip(f"{entity.name}\n{tr('别名')}：{'、'.join(entity.aliases)}")
                head.appendRow([name, _item(str(entity.mentions), True), _item(str(entity.documents), True)])
            root.appendRow([head, _item(str(sum(e.mentions for e in members)), True), _item("")])

    def entity(self, index: Index) -> Entity | None:
        value = index.sibling(index.row(), 0).data(ENTITY_ROLE) if index.isValid() else None
        return value if isinstance(value, Entity) else None

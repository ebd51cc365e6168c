"""The tree of the checks panel: document -> check kind -> finding, filtered by verdict."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from viewer.model import Document
from viewer.model.review import CheckKind, Evidence, Finding
from viewer.ui.i18n import tr
from viewer.ui.review_labels import (
    MUTED_COLOUR,
    check_kind_label,
    finding_message,
    verdict_icon,
    verdict_label,
)

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a leaf
DOC_ROLE = Qt.ItemDataRole.UserRole + 2  # the document id a row belongs to


class ChecksModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.attention_only = True
        self.language = "zh"
        self.shown = 0  # findings listed (a finding across two documents counts once)

    def set_findings(self, findings: Sequence[Finding], documents: Sequence[Document],
                     attention_only: bool | None = None) -> None:
        self.findings = list(findings)
        if attention_only is not None:
            self.attention_only = attention_only
        self._rebuild(documents)

    def set_attention_only(self, attention_only: bool, documents: Sequence[Document]) -> None:
        self.attention_only = attention_only
        self._rebuild(documents)

    def attention_count(self) -> int:
        return sum(1 for f in self.findings if f.needs_attention)

    def _rebuild(self, documents: Sequence[Document]) -> None:
        self.clear()
        shown = [f for f in self.findings if f.needs_attention or not self.attention_only]
        self.shown = len(shown)
        by_doc: dict[int, list[Finding]] = {}
        for finding in shown:
            for doc_id in finding.doc_ids:
                by_doc.setdefault(doc_id, []).append(finding)
        titles = {d.id: d.title or d.path for d in documents}
        order = [d.id for d in documents if d.id in by_doc] + sorted(k for k in by_doc if k not in titles)
        root = self.invisibleRootItem()
        for doc_id in order:
            if doc_id is not None:
                root.appendRow(self._document_item(doc_id, titles.get(doc_id, f"#{doc_id}"), by_doc[doc_id]))

    def _document_item(self, doc_id: int, title: str, findings: list[Finding]) -> QStandardItem:
        attention = sum(1 for f in findings if f.needs_attention)
        count = str(len(findings)) if self.attention_only else f"{attention}/{len(findings)}"
        item = _item(f"{title}（{count}）", doc_id)
        item.setToolTip(title + "\n" + tr("需关注 %1 条，共 %2 条").replace("%1", str(attention))
                        .replace("%2", str(len(findings))))
        if attention:
            font = item.font()
            font.setWeight(QFont.Weight.DemiBold)
            item.setFont(font)
        for kind in CheckKind.ALL:
            of_kind = [f for f in findings if f.kind == kind]
            if not of_kind:
                continue
            of_kind.sort(key=lambda f: (not f.needs_attention, _position(f, doc_id)))
            kind_item = _item(f"{check_kind_label(kind)}（{len(of_kind)}）", doc_id)
            for finding in of_kind:
                kind_item.appendRow(self._finding_item(finding, doc_id))
            item.appendRow(kind_item)
        return item

    def _finding_item(self, finding: Finding, doc_id: int) -> QStandardItem:
        message = finding_message(finding, self.language)
        item = _item(f"{verdict_label(finding.verdict)}：{message}", doc_id)
        item.setData(finding, FINDING_ROLE)
        item.setIcon(verdict_icon(finding.verdict))
        item.setToolTip(message)
        if not finding.needs_attention:
            item.setForeground(QBrush(QColor(MUTED_COLOUR)))
        return item

    def finding_index(self, finding_id: int, doc_id: int | None = None) -> list[tuple[int, int, int]]:
        """(document row, kind row, finding row) of every place a finding is listed."""
        places = []
        root = self.invisibleRootItem()
        for d in range(root.rowCount()):
            doc_item = root.child(d)
            if doc_id is not None and doc_item.data(DOC_ROLE) != doc_id:
                continue
            for k in range(doc_item.rowCount()):
                kind_item = doc_item.child(k)
                for r in range(kind_item.rowCount()):
                    found = kind_item.child(r).data(FINDING_ROLE)
                    if isinstance(found, Finding) and found.id == finding_id:
                        places.append((d, k, r))
        return places


def _item(text: str, doc_id: int) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(doc_id, DOC_ROLE)
    return item


def _position(finding: Finding, doc_id: int) -> int:
    return min((e.start for e in finding.evidence if e.doc_id == doc_id), default=0)


def evidence_in(finding: Finding, doc_id: int) -> list[Evidence]:
    return [e for e in finding.evidence if e.doc_id == doc_id]

"""The tree of the checks panel: document -> check kind -> finding, filtered by verdict.

Built for stores of thousands of reports: the top level holds one row per document with its
counts (from one GROUP BY) and one empty placeholder row under it, so that the view draws it
expandable without asking Python (a `hasChildren` override costs the view a Python call per
document at every layout); a document's findings are asked for (`loader(doc_id)`) and replace the
placeholder only when its row is expanded (fetchMore) or the document is opened. Every build is
one pass with dict lookups.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from viewer.model import Document
from viewer.model.review import CheckKind, Evidence, Finding
from viewer.ui.i18n import colon, in_brackets, tr
from viewer.ui.review_labels import (
    MUTED_COLOUR,
    check_kind_label,
    finding_message,
    verdict_icon,
    verdict_label,
)
from viewer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a leaf
DOC_ROLE = Qt.ItemDataRole.UserRole + 2  # the document id a row belongs to
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # the title of a document row
Loader = Callable[[int], Sequence[Finding]]
Counts = dict[int, tuple[int, int]]  # doc id -> (findings, of which need attention)


def _no_findings(_doc_id: int) -> Sequence[Finding]:
    return ()


class ChecksModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.counts: Counts = {}
        self.totals = (0, 0)  # (findings, of which need attention) in the whole store
        self.loader: Loader = _no_findings
        self.attention_only = True
        self.language = "zh"
        self.shown = 0  # findings listed (a finding across two documents counts once)
        self.loaded: list[int] = []  # documents whose findings were asked for, in order
        self._titles: list[tuple[int, str]] = []  # (doc id, title) in library order
        self._rows: dict[int, int] = {}  # doc id -> top-level row
        self._places: dict[int, dict[int, tuple[int, int]]] = {}  # doc id -> finding id -> (kind, row)

    # -- filling --------------------------------------------------------------------------
    def set_counts(self, counts: Counts, documents: Sequence[Document], loader: Loader,
                   totals: tuple[int, int] | None = None, attention_only: bool | None = None) -> None:
        self.counts = dict(counts)
        self.loader = loader
        self.totals = totals if totals is not None else (
            sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values()))
        if attention_only is not None:
            self.attention_only = attention_only
        self._titles = [(d.id, d.title or d.path) for d in documents if d.id is not None]
        self._rebuild()

    def set_findings(self, findings: Sequence[Finding], documents: Sequence[Document],
                     attention_only: bool | None = None) -> None:
        """An in-memory list (a few findings): counted here, served to `load` from a dict."""
        by_doc: dict[int, list[Finding]] = {}
        for finding in findings:
            for doc_id in finding.doc_ids:
                by_doc.setdefault(doc_id, []).append(finding)
        counts = {d: (len(fs), sum(1 for f in fs if f.needs_attention)) for d, fs in by_doc.items()}
        totals = (len(findings), sum(1 for f in findings if f.needs_attention))
        self.set_counts(counts, documents, lambda doc_id: by_doc.get(doc_id, []), totals, attention_only)

    def set_attention_only(self, attention_only: bool, _documents: Sequence[Document] = ()) -> None:
        self.attention_only = attention_only
        self._rebuild()

    def _shown(self, counts: tuple[int, int]) -> int:
        return counts[1] if self.attention_only else counts[0]

    def _rebuild(self) -> None:
        self.clear()
        self._rows, self._places, self.loaded = {}, {}, []
        self.shown = self._shown(self.totals)
        titles = dict(self._titles)
        order = [d for d, _ in self._titles if d in self.counts]
        order += sorted(d for d in self.counts if d not in titles)
        items: list[QStandardItem] = []
        tip = tr("需关注 %1 条，共 %2 条")
        for doc_id in order:
            if self._shown(self.counts[doc_id]) == 0:
                continue
            item = _item("", doc_id)
            self._label(item, titles.get(doc_id, f"#{doc_id}"), self.counts[doc_id], tip)
            item.setColumnCount(1)  # so that loading its rows later inserts no column
            item.setRowCount(1)  # the placeholder: expandable until loaded
            self._rows[doc_id] = len(items)
            items.append(item)
        if items:
            self.invisibleRootItem().appendRows(items)  # one insertion for the views, not one per row

    def _label(self, item: QStandardItem, title: str, counts: tuple[int, int], tip: str = "") -> None:
        """`tip`: tr("需关注 %1 条，共 %2 条"), when the caller labels many rows."""
        total, attention = counts
        count = str(attention) if self.attention_only else f"{attention}/{total}"
        item.setText(title + in_brackets(count))
        item.setData(title, TITLE_ROLE)
        item.setToolTip(plain_tooltip(title + "\n" + (tip or tr("需关注 %1 条，共 %2 条"))
                                      .replace("%1", str(attention)).replace("%2", str(total))))
        if attention:
            item.setFont(_demi_bold())
        elif item.data(Qt.ItemDataRole.FontRole) is not None:
            item.setData(None, Qt.ItemDataRole.FontRole)

    # -- lazy children ----------------------------------------------------------------------
    def canFetchMore(self, parent: Index) -> bool:
        return self._unloaded(parent) is not None

    def fetchMore(self, parent: Index) -> None:
        doc_id = self._unloaded(parent)
        if doc_id is not None:
            self.load(doc_id)

    def _unloaded(self, parent: Index) -> int | None:
        if not parent.isValid() or parent.parent().isValid():
            return None
        doc_id = parent.data(DOC_ROLE)
        return doc_id if isinstance(doc_id, int) and doc_id not in self._places else None

    def is_loaded(self, doc_id: int) -> bool:
        """Whether the document's findings were read (its row holds them, not the placeholder)."""
        return doc_id in self._places

    def doc_row(self, doc_id: int) -> int:
        return self._rows.get(doc_id, -1)

    def load(self, doc_id: int) -> bool:
        """List the document's findings under its row (once); False if it has no row."""
        row = self._rows.get(doc_id)
        if row is None:
            return False
        if doc_id in self._places:
            return True
        self.loaded.append(doc_id)
        findings = list(self.loader(doc_id))
        item = self.invisibleRootItem().child(row)
        self._label(item, str(item.data(TITLE_ROLE)),
                    (len(findings), sum(1 for f in findings if f.needs_attention)))
        by_kind: dict[str, list[tuple[bool, int, Finding]]] = {}
        for finding in findings:
            if finding.needs_attention or not self.attention_only:
                key = (not finding.needs_attention, _position(finding, doc_id), finding)
                by_kind.setdefault(finding.kind, []).append(key)
        places: dict[int, tuple[int, int]] = {}
        kind_items: list[QStandardItem] = []
        kinds = [k for k in CheckKind.ALL if k in by_kind] + sorted(set(by_kind) - set(CheckKind.ALL))
        for kind in kinds:
            listed = sorted(by_kind[kind], key=lambda key: key[:2])
            kind_item = _item(check_kind_label(kind) + in_brackets(str(len(listed))), doc_id)
            kind_item.appendRows([self._finding_item(f, doc_id) for _a, _p, f in listed])
            for r, (_a, _p, finding) in enumerate(listed):
                if finding.id is not None:
                    places.setdefault(finding.id, (len(kind_items), r))
            kind_items.append(kind_item)
        self._places[doc_id] = places
        if kind_items:  # the first takes the placeholder's row: rows are only added, inside a view's expand
            item.setChild(0, 0, kind_items[0])
            if len(kind_items) > 1:
                item.appendRows(kind_items[1:])
        else:
            item.setRowCount(0)
        return True

    def _finding_item(self, finding: Finding, doc_id: int) -> QStandardItem:
        message = finding_message(finding, self.language)
        item = _item(f"{verdict_label(finding.verdict)}{colon()}{message}", doc_id)
        item.setData(finding, FINDING_ROLE)
        item.setIcon(verdict_icon(finding.verdict))
        item.setToolTip(plain_tooltip(message))
        if not finding.needs_attention:
            item.setForeground(QBrush(QColor(MUTED_COLOUR)))
        return item

    def finding_index(self, finding_id: int, doc_id: int | None = None) -> list[tuple[int, int, int]]:
        """(document row, kind row, finding row) of the places a finding is listed: in `doc_id`
        (loaded if need be), or else in the documents loaded so far."""
        if doc_id is not None:
            self.load(doc_id)
        docs = [doc_id] if doc_id is not None else list(self._places)
        places = []
        for doc in docs:
            place = self._places.get(doc, {}).get(finding_id) if doc is not None else None
            if doc is not None and place is not None:
                places.append((self._rows[doc], *place))
        return places


@functools.cache
def _demi_bold() -> QFont:
    font = QFont()
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _item(text: str, doc_id: int) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(doc_id, DOC_ROLE)
    return item


def _position(finding: Finding, doc_id: int) -> int:
    return min((e.start for e in finding.evidence if e.doc_id == doc_id), default=0)


def evidence_in(finding: Finding, doc_id: int) -> list[Evidence]:
    return [e for e in finding.evidence if e.doc_id == doc_id]

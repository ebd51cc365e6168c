"""The tree of the checks panel: document -> check kind -> finding, filtered by verdict.

Built for stores of thousands of reports: the top level is a list of document ids whose labels,
tooltips and fonts are made in `data()`, so only for the rows a view draws. Its rows are handed
to views a batch at a time (fetchMore on the root, as the view scrolls to the end, or up to a
document's row when it is asked for): a tree view lays out every row it has, with a Python call
or two each, whenever it scrolls to one. An unloaded
document shows one empty placeholder row, so that it draws expandable; a document's findings are
asked for (`loader(doc_id)`) and replace the placeholder only when its row is expanded
(fetchMore) or the document is opened.

An index's internal id says where it is: 0 for a document, (document row + 1) << 16 for a kind
under it, that plus (kind row + 1) for a finding under the kind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

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
KIND_SHIFT = 16
KIND_MASK = (1 << KIND_SHIFT) - 1
BATCH = 200  # document rows handed to the views at a time
Role = Qt.ItemDataRole


def _no_findings(_doc_id: int) -> Sequence[Finding]:
    return ()


class Listed:
    """A finding as listed under a kind: its label and tooltip made once, when loaded."""

    __slots__ = ("finding", "text", "tip")

    def __init__(self, finding: Finding, language: str) -> None:
        message = finding_message(finding, language)
        self.finding = finding
        self.text = f"{verdict_label(finding.verdict)}{colon()}{message}"
        self.tip = plain_tooltip(message)


class Kind:
    __slots__ = ("label", "listed")

    def __init__(self, label: str, listed: list[Listed]) -> None:
        self.label = label
        self.listed = listed


class ChecksModel(QAbstractItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.counts: Counts = {}
        self.totals = (0, 0)  # (findings, of which need attention) in the whole store
        self.loader: Loader = _no_findings
        self.attention_only = True
        self.language = "zh"
        self.shown = 0  # findings listed (a finding across two documents counts once)
        self.loaded: list[int] = []  # documents whose findings were asked for, in order
        self._titles: dict[int, str] = {}
        self._order: list[int] = []  # the document of each top-level row
        self._fetched = 0  # top-level rows handed to the views so far
        self._rows: dict[int, int] = {}  # doc id -> top-level row
        self._kinds: dict[int, list[Kind]] = {}  # doc id -> its kinds, once loaded
        self._loaded_counts: Counts = {}  # doc id -> counts of the findings read, once loaded
        self._places: dict[int, dict[int, tuple[int, int]]] = {}  # doc id -> finding id -> (kind, row)
        self._tip = ""

    # -- filling --------------------------------------------------------------------------
    def set_counts(self, counts: Counts, documents: Sequence[Document], loader: Loader,
                   totals: tuple[int, int] | None = None, attention_only: bool | None = None) -> None:
        self.counts = dict(counts)
        self.loader = loader
        self.totals = totals if totals is not None else (
            sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values()))
        if attention_only is not None:
            self.attention_only = attention_only
        self._titles = {d.id: d.title or d.path for d in documents if d.id is not None}
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
        self.beginResetModel()
        self._kinds, self._places, self._loaded_counts, self.loaded = {}, {}, {}, []
        self.shown = self._shown(self.totals)
        counts, titles = self.counts, self._titles
        order = [d for d in titles if d in counts] + sorted(d for d in counts if d not in titles)
        at = 1 if self.attention_only else 0
        self._order = [d for d in order if counts[d][at]]
        self._rows = {d: row for row, d in enumerate(self._order)}
        self._fetched = min(len(self._order), BATCH)
        self._tip = tr("需关注 %1 条，共 %2 条")
        self.endResetModel()

    # -- the tree -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Asked by a view for every document row it lays out: the document case comes first."""
        if not parent.isValid():
            return self._fetched
        at = parent.internalId()
        if at == 0:
            kinds = self._kinds.get(self._order[parent.row()])
            return 1 if kinds is None else len(kinds)
        if at & KIND_MASK:
            return 0
        kinds = self._kinds.get(self._order[(at >> KIND_SHIFT) - 1])
        return len(kinds[parent.row()].listed) if kinds else 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():  # a view asks for every document row it lays out
            return self.createIndex(row, 0, 0) if column == 0 and 0 <= row < self._fetched else QModelIndex()
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        at = parent.internalId()
        if at == 0:
            return self.createIndex(row, 0, (parent.row() + 1) << KIND_SHIFT)
        return self.createIndex(row, 0, at | (parent.row() + 1))

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        at = index.internalId() if index.isValid() else 0
        if at == 0:
            return QModelIndex()
        if at & KIND_MASK:
            return self.createIndex((at & KIND_MASK) - 1, 0, at & ~KIND_MASK)
        return self.createIndex((at >> KIND_SHIFT) - 1, 0, 0)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        at = index.internalId()
        if at == 0:
            return self._document_data(self._order[index.row()], role)
        doc_id = self._order[(at >> KIND_SHIFT) - 1]
        kinds = self._kinds.get(doc_id)
        if kinds is None:
            return None  # the placeholder
        if at & KIND_MASK == 0:
            if role == Role.DisplayRole:
                return kinds[index.row()].label
            return doc_id if role == DOC_ROLE else None
        listed = kinds[(at & KIND_MASK) - 1].listed[index.row()]
        if role == Role.DisplayRole:
            return listed.text
        if role == FINDING_ROLE:
            return listed.finding
        if role == DOC_ROLE:
            return doc_id
        if role == Role.DecorationRole:
            return verdict_icon(listed.finding.verdict)
        if role == Role.ToolTipRole:
            return listed.tip
        if role == Role.ForegroundRole and not listed.finding.needs_attention:
            return QBrush(QColor(MUTED_COLOUR))
        return None

    def _document_data(self, doc_id: int, role: int) -> Any:
        if role == DOC_ROLE:
            return doc_id
        title = self._titles.get(doc_id, f"#{doc_id}")
        if role == TITLE_ROLE:
            return title
        total, attention = self._loaded_counts.get(doc_id) or self.counts[doc_id]
        if role == Role.DisplayRole:
            return title + in_brackets(str(attention) if self.attention_only else f"{attention}/{total}")
        if role == Role.ToolTipRole:
            return plain_tooltip(title + "\n" + self._tip.replace("%1", str(attention)).replace("%2", str(total)))
        if role == Role.FontRole and attention:
            return _demi_bold()
        return None

    # -- lazy children ----------------------------------------------------------------------
    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid():
            return self._fetched < len(self._order)
        return self._unloaded(parent) is not None

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._reach(self._fetched)
            return
        doc_id = self._unloaded(parent)
        if doc_id is not None:
            self.load(doc_id)

    def _reach(self, row: int) -> None:
        """Hand the views the document rows up to `row` and a batch after it."""
        if row < self._fetched:
            return
        last = min(len(self._order), row + BATCH) - 1
        self.beginInsertRows(QModelIndex(), self._fetched, last)
        self._fetched = last + 1
        self.endInsertRows()

    def documents_listed(self) -> int:
        """Documents with a row, handed to the views or not yet."""
        return len(self._order)

    def _unloaded(self, parent: Index) -> int | None:
        if not parent.isValid() or parent.internalId() != 0:
            return None
        doc_id = self._order[parent.row()]
        return doc_id if doc_id not in self._kinds else None

    def is_loaded(self, doc_id: int) -> bool:
        """Whether the document's findings were read (its row holds them, not the placeholder)."""
        return doc_id in self._kinds

    def doc_row(self, doc_id: int) -> int:
        """The document's top-level row (handed to the views if it was not yet), or -1."""
        row = self._rows.get(doc_id, -1)
        self._reach(row)
        return row

    def load(self, doc_id: int) -> bool:
        """List the document's findings under its row (once); False if it has no row."""
        row = self.doc_row(doc_id)
        if row < 0:
            return False
        if doc_id in self._kinds:
            return True
        self.loaded.append(doc_id)
        findings = list(self.loader(doc_id))
        by_kind: dict[str, list[tuple[bool, int, Finding]]] = {}
        for finding in findings:
            if finding.needs_attention or not self.attention_only:
                key = (not finding.needs_attention, _position(finding, doc_id), finding)
                by_kind.setdefault(finding.kind, []).append(key)
        places: dict[int, tuple[int, int]] = {}
        kinds: list[Kind] = []
        names = [k for k in CheckKind.ALL if k in by_kind] + sorted(set(by_kind) - set(CheckKind.ALL))
        for name in names:
            listed = sorted(by_kind[name], key=lambda key: key[:2])
            for r, (_a, _p, finding) in enumerate(listed):
                if finding.id is not None:
                    places.setdefault(finding.id, (len(kinds), r))
            kinds.append(Kind(check_kind_label(name) + in_brackets(str(len(listed))),
                              [Listed(f, self.language) for _a, _p, f in listed]))
        self._places[doc_id] = places
        self._loaded_counts[doc_id] = (len(findings), sum(1 for f in findings if f.needs_attention))
        self._fill(row, doc_id, kinds)
        return True

    def _fill(self, row: int, doc_id: int, kinds: list[Kind]) -> None:
        """Put the kinds in place of the placeholder: its row becomes the first kind, the others are
        added after it (rows are only added, as a view may be expanding the row)."""
        document = self.index(row, 0)
        if not kinds:
            self.beginRemoveRows(document, 0, 0)
            self._kinds[doc_id] = []
            self.endRemoveRows()
        else:
            first = Kind(kinds[0].label, [])
            self._kinds[doc_id] = [first]
            head = self.index(0, 0, document)
            self.dataChanged.emit(head, head)
            if kinds[0].listed:
                self.beginInsertRows(head, 0, len(kinds[0].listed) - 1)
                first.listed = kinds[0].listed
                self.endInsertRows()
            if len(kinds) > 1:
                self.beginInsertRows(document, 1, len(kinds) - 1)
                self._kinds[doc_id] = kinds
                self.endInsertRows()
        self.dataChanged.emit(document, document)  # its counts, from the findings read

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


def _position(finding: Finding, doc_id: int) -> int:
    return min((e.start for e in finding.evidence if e.doc_id == doc_id), default=0)


def evidence_in(finding: Finding, doc_id: int) -> list[Evidence]:
    return [e for e in finding.evidence if e.doc_id == doc_id]

"""Re-analysis: analyse the stored texts again with the current program and lexicon, without the
original files, and rewrite only what the analysis derives (see `reanalysis_document`).

Like an import, it holds the store's import lock (one import or re-analysis writes a store at a
time), documents are handed to watched worker processes under the limits per file
(viewer.services.reanalysis_pool), cancel stops cleanly between documents, and the findings
the rewritten documents can change are recomputed at the end. `preview_reanalysis` runs the same work and rolls
each document back: how many figures in how many documents would change, with examples.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.services import ingest
from viewer.services.checks import update_checks
from viewer.services.checks.scopes import Scopes
from viewer.services.checks_state import finish_checks, start_checks
from viewer.services.file_limits import DEFAULT_LIMITS, FileLimits
from viewer.services.import_lock import ImportCancelled, import_lock
from viewer.services.reanalysis_document import (
    EXAMPLES,
    DocumentReanalysis,
    FigureChange,
    Status,
    reanalyse_document,
)
from viewer.services.reanalysis_pool import run_pool, text_size
from viewer.services.store_guard import check_before_writing
from viewer.store import open_store
from viewer.store import reanalysis as store_reanalysis
from viewer.store import search as store_search
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "DocumentReanalysis",
    "FigureChange",
    "ReanalysisPreview",
    "ReanalysisProgress",
    "ReanalysisReport",
    "Status",
    "documents_containing",
    "preview_reanalysis",
    "reanalyze",
]


@dataclass(frozen=True)
class ReanalysisProgress:
    done: int
    total: int
    chars_done: int
    chars_total: int
    current: str  # the title of the document just done
    elapsed: float

    @property
    def eta_seconds(self) -> float | None:
        if self.chars_done <= 0 or self.elapsed <= 0:
            return None
        return (self.chars_total - self.chars_done) / (self.chars_done / self.elapsed)


ProgressCallback = Callable[[ReanalysisProgress], None]


@dataclass
class ReanalysisReport:
    total: int = 0  # documents asked for
    documents: list[DocumentReanalysis] = field(default_factory=list)  # those done, in id order
    cancelled: bool = False
    elapsed: float = 0.0
    chars_analysed: int = 0
    checks_seconds: float = 0.0

    def reanalysed_documents(self) -> list[DocumentReanalysis]:
        return [d for d in self.documents if d.status == Status.REANALYSED]

    @property
    def reanalysed(self) -> int:
        return len(self.reanalysed_documents())

    @property
    def changed_documents(self) -> list[int]:
        """Documents with figures that changed (new, gone or read differently)."""
        return [d.doc_id for d in self.reanalysed_documents() if d.changed]

    @property
    def figures_changed(self) -> int:
        return sum(d.changed for d in self.reanalysed_documents())

    @property
    def figures(self) -> int:
        return sum(d.figures_after for d in self.reanalysed_documents())

    @property
    def failed(self) -> list[DocumentReanalysis]:
        return [d for d in self.documents if d.status == Status.FAILED]

    @property
    def gone(self) -> list[DocumentReanalysis]:
        return [d for d in self.documents if d.status == Status.GONE]

    def examples(self, limit: int = EXAMPLES) -> list[FigureChange]:
        return [change for d in self.reanalysed_documents() for change in d.examples][:limit]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


@dataclass(frozen=True)
class ReanalysisPreview:
    """What a re-analysis of the same documents would change, computed without keeping anything."""

    documents: int  # documents analysed
    changed_documents: tuple[int, ...]  # ids of those whose figures would change
    figures_changed: int
    examples: tuple[FigureChange, ...]
    failed: tuple[DocumentReanalysis, ...] = ()
    cancelled: bool = False

    @property
    def documents_changed(self) -> int:
        return len(self.changed_documents)


def documents_containing(db: Queryable, phrases: str | Iterable[str]) -> list[int]:
    """Ids of the documents whose text holds any of `phrases` (a taught alias, say): the only
    documents a lexicon entry for them can change."""
    found: set[int] = set()
    for phrase in [phrases] if isinstance(phrases, str) else phrases:
        found.update(store_search.documents_containing(db, phrase))
    return sorted(found)


def reanalyze(
    store_path: str | Path,
    doc_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    processes: int | None = None,
    whole: bool = False,
    limits: FileLimits = DEFAULT_LIMITS,
    waiting: Callable[[], None] | None = None,
) -> ReanalysisReport:
    """Analyse the stored documents (all, or `doc_ids`) again and store what changed; then
    recompute the findings the changes can reach. `processes=0` works in this process.
    `whole=True` rewrites every document as an import would (after a change to segmentation).
    Each document is analysed under `limits` (time scaled by the size of its text, memory); one
    that exceeds them, or whose worker dies, is reported as failed and the batch goes on. While an
    import or another re-analysis writes the store, this one calls `waiting` and waits for it
    (viewer.services.import_lock); cancelled while it waits, it returns a cancelled report."""
    try:
        with import_lock(store_path, waiting, cancel):
            return _reanalyze(store_path, doc_ids, progress, cancel, processes, whole, limits)
    except ImportCancelled:
        return ReanalysisReport(cancelled=True)


def _reanalyze(
    store_path: str | Path,
    doc_ids: Sequence[int] | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    processes: int | None,
    whole: bool,
    limits: FileLimits,
) -> ReanalysisReport:
    db = open_store(store_path)
    try:
        check_before_writing(db.conn, store_path)  # a damaged store is not written (store_guard)
        checks = start_checks(db)  # the findings are pending until the end (checks_state)
        report = _run(db, str(store_path), doc_ids, progress, cancel, processes, whole, dry_run=False, limits=limits)
        touched = [d for d in report.reanalysed_documents() if d.needs_checks]
        started = time.perf_counter()
        scopes = [d.previous for d in touched if d.previous is not None]
        if finish_checks(db, checks, [d.doc_id for d in touched], previous=_union(scopes) if scopes else None,
                         update=update_checks):
            report.checks_seconds = time.perf_counter() - started
    finally:
        db.conn.close()
    report.elapsed += report.checks_seconds
    return report


def _union(scopes: list[Scopes]) -> Scopes:
    """One Scopes of many (`a | b` in a loop copies the growing sets each time: minutes for 10,000)."""
    return Scopes(frozenset().union(*(s.docs for s in scopes)), frozenset().union(*(s.series for s in scopes)),
                  frozenset().union(*(s.paragraphs for s in scopes)))


def preview_reanalysis(
    store: str | Path | sqlite_utils.Database,
    doc_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    processes: int | None = None,
    examples: int = EXAMPLES,
) -> ReanalysisPreview:
    """How many figures in how many documents `reanalyze(store, doc_ids)` would change, and some
    examples before -> after. Each document goes through the same rewrite (reviewer work
    re-attached included) in a transaction that is rolled back. Given an open database, it works
    in this process on that connection."""
    if isinstance(store, str | Path):
        db = open_store(store)
        try:
            report = _run(db, str(store), doc_ids, progress, cancel, processes, False, dry_run=True)
        finally:
            db.conn.close()
    else:
        report = _run(store, "", doc_ids, progress, cancel, 0, False, dry_run=True)
    return ReanalysisPreview(
        documents=report.reanalysed, changed_documents=tuple(report.changed_documents),
        figures_changed=report.figures_changed, examples=tuple(report.examples(examples)),
        failed=tuple(report.failed), cancelled=report.cancelled,
    )


def _run(
    db: sqlite_utils.Database,
    store_path: str,
    doc_ids: Sequence[int] | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    processes: int | None,
    whole: bool,
    dry_run: bool,
    limits: FileLimits = DEFAULT_LIMITS,
) -> ReanalysisReport:
    started = time.perf_counter()
    queue = store_reanalysis.queued_documents(db, doc_ids)
    report = ReanalysisReport(total=len(queue))
    chars_total = sum(q.chars for q in queue)

    def finished(queued: store_reanalysis.QueuedDocument, result: DocumentReanalysis) -> None:
        report.documents.append(result)
        report.chars_analysed += queued.chars
        if progress is not None:
            progress(ReanalysisProgress(len(report.documents), len(queue), report.chars_analysed, chars_total,
                                        queued.title or result.title, time.perf_counter() - started))

    workers = ingest.default_processes() if processes is None else processes
    if workers == 0 or len(queue) <= 1:
        for queued in queue:
            result = reanalyse_document(db, queued.id, whole=whole, dry_run=dry_run, stop=cancel,
                                        seconds=limits.seconds_for(text_size(queued)))
            if result is None:
                break
            finished(queued, result)
    else:
        run_pool(store_path, queue, min(workers, len(queue)), whole, dry_run, finished, cancel, limits)
    report.documents.sort(key=lambda d: d.doc_id)
    report.cancelled = cancel is not None and cancel.is_set()
    report.elapsed = time.perf_counter() - started
    return report

"""Import files into the store: hash, skip what is unchanged (and was analysed by this version of
the analysis), then analyse and store each document in a process pool (one write transaction per
document; a small batch of plain text in this process, see `workers_for`), and update the findings."""

from __future__ import annotations

import contextlib
import errno
import gc
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.model import AnalyzedDocument, ImportOutcome
from viewer.services.checks import update_checks
from viewer.services.checks.scopes import Scopes, scopes_of
from viewer.services.checks_state import checks_pending, finish_checks, start_checks
from viewer.services.file_limits import (
    DEFAULT_LIMITS,
    FileLimits,
    TimeLimitExceeded,
    can_time_in_process,
    memory_reason,
    time_limit,
    time_reason,
)
from viewer.services.import_lock import ImportCancelled, import_lock
from viewer.services.lexicon import use_worker_lexicon, worker_lexicon
from viewer.services.reviewer_journal import journal_documents
from viewer.services.reviewer_work import reattach_reviewer_work
from viewer.services.store_guard import check_before_writing
from viewer.services.worker_pool import SharedFlag, Task, WorkerPool, spawn_context
from viewer.services.writer_turns import writer_turn
from viewer.store import documents as store_documents
from viewer.store import open_store, write_transaction
from viewer.store import search as store_search
from viewer.store.connection import checkpoint_every
from viewer.store.document_rows import DocumentRows, document_rows
from viewer.text.analysis import ANALYSIS_VERSION, analyze_file, file_sha256
from viewer.text.readers import ReadError, collect_paths

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class IngestProgress:
    done: int
    total: int
    bytes_done: int
    bytes_total: int
    current: str
    elapsed: float

    @property
    def mb_per_second(self) -> float:
        return self.bytes_done / 1e6 / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        if self.bytes_done <= 0 or self.elapsed <= 0:
            return None
        return (self.bytes_total - self.bytes_done) / (self.bytes_done / self.elapsed)


@dataclass
class IngestReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False
    elapsed: float = 0.0
    bytes_analysed: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


ProgressCallback = Callable[[IngestProgress], None]


def default_processes() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


IMPORT_CHECKPOINT_PAGES = 8000  # an importer's WAL checkpoint: 32 MB of pages (SQLite's default: 1000)
# Allocations between two collections of young objects while importing (Python's default: 700).
# The analysis makes and drops many small objects (matches, spans, figures); collecting them 14
# times less often lets most die first and promotes fewer to the older generations, whose
# collections walk the loaded tables (300 reports in this process: collector 0.029 -> 0.008 CPU s/MB).
IMPORT_GC_THRESHOLD = 10_000
SMALL_BATCH_BYTES = 1_000_000  # plain text that takes less to analyse here than a worker takes to start
_PLAIN_TEXT = frozenset({".txt", ".md"})


def workers_for(processes: int | None, pending: list[tuple[str, str, int]]) -> int:
    """`processes`, or by default: none (this process) for a small batch of plain text, whose
    analysis costs less than starting workers, where an alarm can hold the time limit; else the
    default pool. Plain text needs no memory limit: it takes a few times its size."""
    if processes is not None:
        return processes
    small = sum(size for _, _, size in pending) <= SMALL_BATCH_BYTES
    if small and can_time_in_process() and all(Path(path).suffix.lower() in _PLAIN_TEXT for path, _, _ in pending):
        return 0
    return default_processes()


def _analyse(path: str, sha256: str) -> AnalyzedDocument | str:
    """Worker entry point: the analysis, or the reason it failed."""
    try:
        return analyze_file(Path(path), sha256)
    except ReadError as error:
        return error.reason
    except MemoryError:  # the worker's memory limit: the pool names the file
        raise
    except Exception as error:  # a bug must not stop the batch: report it with the file
        return f"internal error while analysing: {type(error).__name__}: {error}"


_worker: dict[str, Any] = {}


def _start_worker(store_path: str, stop: Any, lexicon: tuple[str, str] | None = None) -> None:
    """Worker initialiser: exit when the importing process dies (killed, crashed), instead of
    lingering idle; then load the dictionary. Each worker writes its documents to the store itself
    (one transaction each; SQLite serialises the writers), so the importing process only hands
    out files and collects outcomes."""
    _worker["store"] = store_path
    _worker["stop"] = stop
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel

        def exit_with_parent() -> None:
            multiprocessing.connection.wait([sentinel])
            os._exit(1)

        threading.Thread(target=exit_with_parent, name="exit-with-parent", daemon=True).start()
    use_worker_lexicon(lexicon)  # the user lexicon the importing process analyses with
    from viewer.text.entity_words import tagged

    tagged("株洲")  # load the dictionary the entity finders tag with (the analysis's only segmenter)
    gc.freeze()  # what start-up loaded stays: a collection need not walk it (nor touch a fork's shared pages)
    gc.set_threshold(IMPORT_GC_THRESHOLD, *gc.get_threshold()[1:])


# What a fork server loads once for all the workers it forks (viewer.services.worker_start).
WORKER_MODULES = ("viewer.services.worker_start",)


def worker_initargs(store_path: str, stop: Any) -> tuple[Any, ...]:
    """The arguments of `_start_worker` for a pool started in this process (the re-analysis
    starts its workers the same way): the store, the event that stops writing, the lexicon in use."""
    return (store_path, stop, worker_lexicon())


def ingest_paths(
    store_path: str | Path,
    paths: Iterable[str | Path],
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    processes: int | None = None,
    limits: FileLimits = DEFAULT_LIMITS,
    waiting: Callable[[], None] | None = None,
) -> IngestReport:
    """Import files and folders. Each file is read in a worker process under `limits` (time and
    memory); `processes=0` analyses in this process instead, with the time limit only on the main
    thread of a POSIX system and no memory limit. While another import into the store runs, this
    one calls `waiting` and waits for it (viewer.services.import_lock)."""
    try:
        with import_lock(store_path, waiting, cancel):
            return _ingest_paths(store_path, paths, progress, cancel, processes, limits)
    except ImportCancelled:
        return IngestReport(cancelled=True)


def _ingest_paths(
    store_path: str | Path,
    paths: Iterable[str | Path],
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    processes: int | None,
    limits: FileLimits,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    files, skipped = collect_paths(Path(p) for p in paths)
    report.outcomes.extend(
        ImportOutcome(str(p), "skipped", f"unsupported file type '{p.suffix or p.name}'") for p in skipped
    )
    db = open_store(store_path)
    try:
        check_before_writing(db.conn, store_path)  # a damaged store is not written (store_guard)
        store_search.index_pending_document_chars(db)  # documents stored before schema 9
        pending: list[tuple[str, str, int]] = []
        for file in files:
            outcome, item = _triage(db, file)
            if outcome is not None:
                report.outcomes.append(outcome)
            if item is not None:
                pending.append(item)
        total_bytes = sum(size for _, _, size in pending)
        checks = start_checks(db) if pending or checks_pending(db.conn) else None  # findings pending
        state = {"done": 0, "bytes": 0}
        replaced_scopes: list[Scopes] = []

        def finished(path: str, size: int, stored: Stored) -> None:
            outcome, previous = stored
            report.outcomes.append(outcome)
            if previous is not None:
                replaced_scopes.append(previous)
            state["done"] += 1
            state["bytes"] += size
            if progress is not None:
                progress(
                    IngestProgress(state["done"], len(pending), state["bytes"], total_bytes, path,
                                   time.perf_counter() - started)
                )

        workers = workers_for(processes, pending)
        if workers == 0:
            checkpoint_every(db.conn, IMPORT_CHECKPOINT_PAGES)  # as a worker's (`_analyse_and_store`)
            with fewer_collections():
                for path, sha, size in pending:
                    if cancel is not None and cancel.is_set():
                        break
                    written = _store(db, path, _analyse_here(path, sha, limits.seconds_for(size)))
                    if written is not None:
                        finished(path, size, written)
        elif pending:
            _run_pool(db, str(store_path), pending, min(workers, len(pending)), finished, cancel, limits)
        report.cancelled = cancel is not None and cancel.is_set()
        report.bytes_analysed = state["bytes"]
        stored = [o.doc_id for o in report.outcomes if o.status in STORED and o.doc_id]
        if checks is not None:
            # Only the findings these documents (and their old versions) can change, unless an
            # earlier import left them incomplete (checks_state).
            previous = Scopes()
            for scopes in replaced_scopes:
                previous |= scopes
            finish_checks(db, checks, stored, previous=previous if replaced_scopes else None, update=update_checks)
        journal_documents(db.conn)
        store_search.compact_document_chars(db, len(stored))
    finally:
        db.conn.close()
    report.elapsed = time.perf_counter() - started
    return report


STORED = ("imported", "replaced", "reanalysed")  # outcomes that wrote a document


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The import's collection threshold (IMPORT_GC_THRESHOLD) in this process while it analyses here."""
    previous = gc.get_threshold()
    gc.set_threshold(IMPORT_GC_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _triage(db: sqlite_utils.Database, file: Path) -> tuple[ImportOutcome | None, tuple[str, str, int] | None]:
    """An outcome for a file that needs no analysis, else the (path, sha256, size) to analyse: a
    new or changed file, or an unchanged one an older version of the analysis stored."""
    path = str(file.resolve()) if file.exists() else str(file.absolute())
    shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if shown != path:  # bytes that are not UTF-8 in the name: the store holds text
        return ImportOutcome(shown, "failed", "the file name is not valid UTF-8 text; rename the file"), None
    try:
        sha = file_sha256(file)
        size = file.stat().st_size
    except OSError as error:
        reason = f"cannot read: {error.strerror or error}"
        if error.errno == errno.ELOOP:
            reason = "symbolic link loop: the link leads back to itself"
        store_documents.record_failure(db, path, reason)
        return ImportOutcome(path, "failed", reason), None
    existing = store_documents.stored_analysis(db, path)
    if existing is not None and existing[1] == sha and existing[2] >= ANALYSIS_VERSION:
        return ImportOutcome(path, "unchanged", doc_id=existing[0]), None
    twin = store_documents.find_by_sha(db, sha)
    if existing is None and twin is not None:
        return ImportOutcome(path, "unchanged", f"same content as {twin}"), None
    return None, (path, sha, size)


Stored = tuple[ImportOutcome, "Scopes | None"]


def _analyse_here(path: str, sha256: str, seconds: float) -> AnalyzedDocument | str:
    """`_analyse` in the importing process, under the time limit where an alarm can stop it."""
    try:
        with time_limit(seconds):
            return _analyse(path, sha256)
    except TimeLimitExceeded:
        return time_reason(seconds)
    except MemoryError:
        return memory_reason(None)


def _analyse_and_store(path: str, sha256: str) -> Stored | None:
    """Worker entry point: analyse a file and store it, with the store opened once per worker.
    None: the import was stopped before this document was written."""
    db = _worker.get("db")
    if db is None:
        db = _worker["db"] = open_store(_worker["store"])
        # Each document changes ~190 pages in scattered indexes; a checkpoint copies each page
        # once however many documents changed it since the last (300 reports: 317 -> 257 MB written).
        checkpoint_every(db.conn, IMPORT_CHECKPOINT_PAGES)
    return _store(db, path, _analyse(path, sha256), _worker["stop"], writer_turn(_worker["store"]))


def _store(db: sqlite_utils.Database, path: str, result: AnalyzedDocument | str, stop: Any = None,
           turn: contextlib.AbstractContextManager[None] | None = None) -> Stored | None:
    """Write one analysed document (or its failure) in one write transaction, its rows built
    before the transaction takes the write lock (other workers write meanwhile); a worker waits
    for its `turn` (viewer.services.writer_turns) first. Returns the outcome and, for a replaced
    document, the scopes of findings its old version took part in."""
    rows = None if isinstance(result, str) else document_rows(result)
    with turn or contextlib.nullcontext(), write_transaction(db):
        if stop is not None and stop.is_set():  # checked under the lock: nothing is written after a stop
            return None
        return _write(db, path, result, rows)


def _write(db: sqlite_utils.Database, path: str, result: AnalyzedDocument | str,
           rows: DocumentRows | None) -> Stored:
    if isinstance(result, str):
        store_documents.record_failure(db, path, result)
        return ImportOutcome(path, "failed", result), None
    old = store_documents.find_by_path(db, path)
    previous = scopes_of(db, [old[0]]) if old is not None else None  # what the old version took part in
    doc_id = store_documents.save_document(db, result, rows)
    reattach_reviewer_work(db, doc_id)
    status = "imported" if old is None else "reanalysed" if old[1] == result.document.sha256 else "replaced"
    outcome = ImportOutcome(path, status, doc_id=doc_id, chars=len(result.document.text))
    return outcome, previous


def _run_pool(
    db: sqlite_utils.Database,
    store_path: str,
    pending: list[tuple[str, str, int]],
    workers: int,
    finished: Callable[[str, int, Stored], None],
    cancel: threading.Event | None,
    limits: FileLimits,
) -> None:
    """On cancel, no new file is handed out and workers stop writing; the documents already
    written are reported, so the report matches the store. A file whose worker ran out of time or
    memory, or died, is recorded as failed here with the reason."""
    context = spawn_context(WORKER_MODULES)
    stop = SharedFlag(context)
    pool = WorkerPool(_analyse_and_store, workers, initializer=_start_worker,
                      initargs=worker_initargs(store_path, stop), limits=limits, stop=stop, context=context)

    def done(task: Task, stored: Stored | None) -> None:
        if stored is not None:
            finished(task.path, task.size, stored)

    def lost(task: Task, reason: str) -> None:
        done(task, _store(db, task.path, reason, stop))

    pool.run([Task(path, (path, sha), size) for path, sha, size in pending], done, lost, cancel)

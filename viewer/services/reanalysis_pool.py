"""Re-analysis in worker processes, watched as an import's are (viewer.services.worker_pool): each
document gets a time limit scaled by the size of its text and the workers' memory limit; a document
whose worker ran over or died is reported as failed with the reason, the worker is replaced and
the batch goes on. Workers are started by ingest's initialiser with its arguments, so they analyse
with the same lexicon, and each writes its documents in one transaction each."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from viewer.services import ingest
from viewer.services.file_limits import FileLimits
from viewer.services.reanalysis_document import DocumentReanalysis, Status, reanalyse_document
from viewer.services.worker_pool import SharedFlag, Task, WorkerPool, spawn_context
from viewer.store import open_store
from viewer.store.reanalysis import QueuedDocument

UTF8_BYTES_PER_CHAR = 3  # a Chinese character in UTF-8: the limits are set per byte of a file


def text_size(queued: QueuedDocument) -> int:
    """The size in bytes the document's time limit is scaled by (its text, as a UTF-8 file)."""
    return queued.chars * UTF8_BYTES_PER_CHAR


def reanalyse_in_worker(doc_id: int, whole: bool, dry_run: bool) -> DocumentReanalysis | None:
    """Worker entry point; the worker was started by ingest's initialiser, which holds its state."""
    state: dict[str, Any] = ingest._worker
    db = state.get("db")
    if db is None:
        db = state["db"] = open_store(state["store"])
    return reanalyse_document(db, doc_id, whole=whole, dry_run=dry_run, stop=state["stop"])


def run_pool(
    store_path: str,
    queue: list[QueuedDocument],
    workers: int,
    whole: bool,
    dry_run: bool,
    finished: Callable[[QueuedDocument, DocumentReanalysis], None],
    cancel: threading.Event | None,
    limits: FileLimits,
) -> int:
    """As ingest's pool: on cancel no new document is handed out and workers stop writing; the
    documents already written are reported, so the report matches the store. Returns the number
    of workers replaced (after one died or ran over)."""
    context = spawn_context(ingest.WORKER_MODULES)
    stop = SharedFlag(context)
    pool = WorkerPool(reanalyse_in_worker, workers, initializer=ingest._start_worker,
                      initargs=ingest.worker_initargs(store_path, stop), limits=limits, stop=stop, context=context)
    by_path = {queued.path: queued for queued in queue}

    def done(task: Task, result: DocumentReanalysis | None) -> None:
        if result is not None:
            finished(by_path[task.path], result)

    def lost(task: Task, reason: str) -> None:
        if stop.is_set():  # stopped by a cancel: not done, as a document not yet handed out
            return
        queued = by_path[task.path]  # nothing of it was written: its transaction died with the worker
        finished(queued, DocumentReanalysis(queued.id, queued.title, Status.FAILED, reason))

    pool.run([Task(q.path, (q.id, whole, dry_run), text_size(q)) for q in queue], done, lost, cancel)
    return pool.replaced

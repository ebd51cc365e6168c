"""How many worker processes an import starts: none for a small batch of plain text (analysed in
the importing process, under the time limit an alarm holds), the pool otherwise."""

from __future__ import annotations

import threading

from viewer.services.ingest import SMALL_BATCH_BYTES, default_processes, workers_for


def _pending(*files: tuple[str, int]) -> list[tuple[str, str, int]]:
    return [(name, "0" * 64, size) for name, size in files]


def test_a_small_batch_of_plain_text_is_analysed_in_this_process() -> None:
    assert workers_for(None, _pending(("甲.txt", 20_000), ("乙.MD", 30_000))) == 0


def test_a_large_batch_or_another_format_starts_the_pool() -> None:
    assert workers_for(None, _pending(("甲.txt", SMALL_BATCH_BYTES), ("乙.txt", 1))) == default_processes()
    assert workers_for(None, _pending(("甲.txt", 1_000), ("乙.docx", 1_000))) == default_processes()
    assert workers_for(None, _pending(("甲.pdf", 1_000))) == default_processes()


def test_processes_asked_for_are_kept() -> None:
    assert workers_for(2, _pending(("甲.txt", 10))) == 2
    assert workers_for(0, _pending(("甲.pdf", 10))) == 0


def test_off_the_main_thread_a_small_batch_still_starts_the_pool() -> None:
    """No alarm off the main thread: only a worker can be stopped at the time limit."""
    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(workers_for(None, _pending(("甲.txt", 10)))))
    thread.start()
    thread.join()
    assert found == [default_processes()]

"""Ingest CPU per MB against its baseline: the tokenizer and mode the import uses (rjieba, search
mode without HMM, the bundled user words) writing an FTS5 word index, with as many processes.

    python bench/ingest.py [--copies 30] [--processes N] [--json OUT]

The five reports are only 108 KB, less than the start-up of a worker process, so both ingest
them `--copies` times (each copy gets its own first line, so none is skipped as a duplicate).
The baseline runs in a pool of spawned processes of the size the import uses (`--processes`,
default the import's own default), each tokenizing a report a line at a time and inserting the
lines' words into its own FTS5 table (the word index's definition, WAL, one transaction per
report); it also runs in one process, which measures the speed-up the machine gives now, and
with no reports, which measures what starting one worker costs. Printed:
CPU seconds per MB of text (all processes) and wall seconds for both, their ratios; the cores
free (sched_getaffinity, load average) before and after; the import with one worker against
the import with N; the store's bytes per byte of text, for the copies and for the five reports
imported once; the bytes the import wrote (store, WAL, temporary files) per byte of text; and, in one process, what each stage of the analysis costs against rjieba.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CORPUS = REPO.parent / "shared" / "corpus"
FTS_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(words, content='', detail=none, "
             "tokenize='unicode61 remove_diacritics 0')")  # as db/migrations/0001_documents.sql
TARGET_CPU_S_PER_MB = 1.0

_baseline: dict[str, Any] = {}


def _baseline_start(folder: str) -> None:
    """Worker set-up: rjieba with the bundled user words (as viewer.text.segment), a store of its own."""
    import rjieba

    from viewer.text.segment import _user_words

    tokenizer = rjieba.Jieba()
    for word, freq, tag in _user_words():
        tokenizer.add_word(word, freq, tag)
    conn = sqlite3.connect(Path(folder) / f"baseline-{os.getpid()}.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(FTS_TABLE)
    _baseline.update(tokenizer=tokenizer, conn=conn)


def _baseline_index(path: str) -> int:
    """One report: each line's search-mode words (no HMM) into the FTS5 index, one transaction."""
    text = Path(path).read_text(encoding="utf-8")
    cut = _baseline["tokenizer"].cut_for_search
    conn = _baseline["conn"]
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO sentences_fts (words) VALUES (?)",
                     ((" ".join(cut(line, False)),) for line in text.splitlines() if line.strip()))
    conn.execute("COMMIT")
    return len(text.encode("utf-8"))


def _baseline_close() -> None:
    conn = _baseline.pop("conn", None)
    if conn is not None:
        conn.close()


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pools' workers)."""
    return sum(getattr(resource.getrusage(who), field)
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for field in ("ru_utime", "ru_stime"))


def _bytes_written() -> int:
    """Bytes this process and its finished children wrote to files (blocks of 512 bytes)."""
    return 512 * sum(resource.getrusage(who).ru_oublock for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def baseline(paths: list[Path], processes: int, folder: Path) -> dict[str, float]:
    """The baseline over `paths` with `processes` spawned workers (0: in this process)."""
    folder.mkdir()
    cpu_before, started = _cpu_seconds(), time.perf_counter()
    if processes == 0:
        _baseline_start(str(folder))
        total = sum(_baseline_index(str(p)) for p in paths)
        _baseline_close()
    else:
        context = multiprocessing.get_context("spawn")  # as viewer.services.worker_pool
        with context.Pool(processes, initializer=_baseline_start, initargs=(str(folder),)) as pool:
            total = sum(pool.imap_unordered(_baseline_index, [str(p) for p in paths]))
            pool.close()
            pool.join()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_before
    return {"processes": processes, "mb": total / 1e6, "seconds": seconds, "cpu_seconds": cpu,
            "cpu_s_per_mb": cpu / (total / 1e6) if total else 0.0}


def pipeline(source: Path, store: Path, processes: int) -> dict[str, float]:
    from viewer.services.ingest import ingest_paths

    first_result: list[float] = []
    cpu_before, written_before, started = _cpu_seconds(), _bytes_written(), time.perf_counter()
    report = ingest_paths(store, [source], processes=processes,
                          progress=lambda p: first_result.append(time.perf_counter()) if p.done == 1 else None)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_before
    written = _bytes_written() - written_before
    failed = [o for o in report.outcomes if o.status == "failed"]
    if failed or not report.count("imported"):
        raise SystemExit(f"the import failed: {failed[:3]}")
    mb = report.bytes_analysed / 1e6
    store_mb = sum(p.stat().st_size for p in store.parent.glob(store.name + "*"))
    return {"processes": processes, "mb": mb, "seconds": seconds, "cpu_seconds": cpu, "cpu_s_per_mb": cpu / mb,
            "first_document_s": first_result[0] - started if first_result else seconds,
            "store_mb": store_mb / 1e6, "written_mb": written / 1e6}


def store_of(files: list[Path], store: Path) -> dict[str, int]:
    """The files ingested once into a new store: its bytes (every file of it, after a checkpoint)
    and their text's."""
    import sqlite3

    from viewer.services.ingest import ingest_paths

    store.parent.mkdir()
    report = ingest_paths(store, files, processes=0)
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    text_bytes = int(conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()[0] or 0)
    conn.close()
    if report.count("imported") != len(files):
        raise SystemExit(f"the import of the {len(files)} reports failed: {report.outcomes[:3]}")
    return {"store_bytes": sum(p.stat().st_size for p in store.parent.glob(store.name + "*")),
            "text_bytes": text_bytes}


def copies_of(files: list[Path], copies: int, folder: Path) -> list[Path]:
    folder.mkdir()
    written = []
    for k in range(copies):
        for path in files:
            target = folder / f"{k:03d}_{path.name}"
            target.write_text(f"副本{k}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(target)
    return written


def timed(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stage_costs(texts: list[str]) -> dict[str, float]:
    """Seconds for the corpus of each analysis stage, in this process (median of three)."""
    from viewer.text.attribution import DocumentContext, attribute_figures
    from viewer.text.entities import EntityContext, find_mentions
    from viewer.text.figures import find_figures
    from viewer.text.metadata import extract_metadata
    from viewer.text.repeats import paragraph_hash
    from viewer.text.segment import search_tokens
    from viewer.text.sentences import split_paragraphs, split_sentences

    def split_and_hash(text: str) -> list[str | None]:
        paragraphs = split_paragraphs(text)
        split_sentences(text, paragraphs)
        return [paragraph_hash(text[p.start : p.end]) for p in paragraphs]

    search_tokens("株洲", "rjieba")
    sentences = [(t, split_sentences(t, split_paragraphs(t))) for t in texts]
    metas = [extract_metadata(t) for t in texts]
    found = [find_figures(t) for t in texts]
    return {
        "rjieba search tokens": timed(lambda: [search_tokens(t, "rjieba") for t in texts]),
        "paragraphs+sentences+hashes": timed(lambda: [split_and_hash(t) for t in texts]),
        "metadata": timed(lambda: [extract_metadata(t) for t in texts]),
        "figures (find_figures)": timed(lambda: [find_figures(t) for t in texts]),
        "figure attribution": timed(lambda: [
            attribute_figures(t, list(f), s, DocumentContext(m.region, m.year, m.published))
            for (t, s), f, m in zip(sentences, found, metas, strict=True)]),
        "entities (find_mentions)": timed(lambda: [find_mentions(t, EntityContext(m.region))
                                                   for t, m in zip(texts, metas, strict=True)]),
    }


def main() -> int:
    from machine import describe, machine_state

    from viewer.services.ingest import default_processes

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--processes", type=int, default=default_processes(),
                        help="worker processes of the import and of the baseline (default: the import's)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no reports in {CORPUS}", file=sys.stderr)
        return 1
    processes = args.processes
    before = machine_state()
    print(describe(before))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = copies_of(files, args.copies, folder / "reports")
        start_up = baseline([], 1, folder / "baseline-start")  # one worker spawned, set up, stopped
        one = baseline(paths, 1, folder / "baseline-1")
        many = one if processes == 1 else baseline(paths, processes, folder / f"baseline-{processes}")
        for store in ("store", "store-1"):
            (folder / store).mkdir()
        five = store_of(files, folder / "five" / "store.sqlite")
        imported = pipeline(folder / "reports", folder / "store" / "store.sqlite", processes)
        single = pipeline(folder / "reports", folder / "store-1" / "store.sqlite", 1) if processes > 1 else None
    after = machine_state()
    mb = imported["mb"]
    print(f"text: {len(files)} reports x {args.copies} copies = {mb:.2f} MB")
    print(f"{'':<44} {'CPU-s/MB':>9} {'wall s':>8} {'MB/s':>7}")
    in_processes = f"{processes} process" + ("" if processes == 1 else "es")
    rows = [("baseline: rjieba + FTS5, 1 process", one)]
    if processes != 1:
        rows.append((f"baseline: rjieba + FTS5, {in_processes}", many))
    rows.append((f"import, {in_processes}", imported))
    if single is not None:
        rows.append(("import, 1 process", single))
    for label, run in rows:
        print(f"  {label:<42} {run['cpu_s_per_mb']:9.3f} {run['seconds']:8.2f} {run['mb'] / run['seconds']:7.2f}")
    steady = (many["cpu_seconds"] - processes * start_up["cpu_seconds"]) / many["mb"]
    print(f"  a baseline worker's start-up (spawn, imports, dictionary): {start_up['cpu_seconds']:.2f} CPU s, "
          f"{start_up['seconds']:.2f} s; without the {processes} start-ups the baseline costs {steady:.3f} CPU-s/MB")
    cpu_ratio = imported["cpu_s_per_mb"] / many["cpu_s_per_mb"]
    wall_ratio = imported["seconds"] / many["seconds"]
    speedup = one["seconds"] / many["seconds"]
    print(f"import / baseline ({in_processes} each): CPU per MB {cpu_ratio:.1f} x, wall time {wall_ratio:.1f} x")
    print(f"import CPU {imported['cpu_s_per_mb']:.2f} s per MB against a target of {TARGET_CPU_S_PER_MB:.1f} "
          f"(ratio {imported['cpu_s_per_mb'] / TARGET_CPU_S_PER_MB:.2f}); first document after "
          f"{imported['first_document_s']:.2f} s (workers starting)")
    print(f"speed-up of {in_processes} over one, measured now: baseline {speedup:.2f} x"
          + (f", import {single['seconds'] / imported['seconds']:.2f} x" if single is not None else "")
          + f" (cores free by the load average: {before['free_cores']:.1f} before, {after['free_cores']:.1f} after)")
    print(f"store: {imported['store_mb']:.2f} MB for {mb:.2f} MB of text ({imported['store_mb'] / mb:.2f} x); "
          f"the {len(files)} reports alone: {five['store_bytes'] / 1e3:.0f} KB for {five['text_bytes'] / 1e3:.0f} KB "
          f"of text ({five['store_bytes'] / five['text_bytes']:.2f} x)")
    print(f"written by the import: {imported['written_mb']:.0f} MB ({imported['written_mb'] / mb:.1f} MB per MB of "
          f"text; store, its WAL, temporary files)")
    texts = [p.read_text(encoding="utf-8") for p in files]
    costs = stage_costs(texts)
    tokens = costs["rjieba search tokens"]
    print(f"analysis stages, one process, on the {len(files)} reports (% of rjieba's search tokens):")
    for stage, seconds in costs.items():
        print(f"  {stage:<30} {seconds * 1000:8.1f} ms  {seconds / tokens * 100:7.1f} %")
    print(describe(after))
    if args.json:
        args.json.write_text(json.dumps({"copies": args.copies, "processes": processes, "baseline_worker_start": start_up, "baseline_1": one,
                                         "baseline": many, "import": imported, "import_1": single,
                                         "five_reports_store": five,
                                         "import_over_baseline_cpu": cpu_ratio,
                                         "import_over_baseline_wall": wall_ratio,
                                         "baseline_speedup": speedup, "stages_s": costs,
                                         "machine_before": before, "machine_after": after}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

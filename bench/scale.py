"""Scale benchmark: a synthetic corpus of N reports (default 10,000 x 20 KB), measured in one run.

    python bench/scale.py [--count 10000] [--size-kb 20] [--workdir bench/results/scale] [--keep]

Prints, and saves as JSON in the work folder:
- ingest CPU seconds per MB against bench/ingest.py's baseline (the tokenizer and mode the import
  uses, into an FTS5 index, with as many processes) on the first 4 MB, and how much of the cores
  the ingest used (CPU seconds of all its processes / wall seconds / cores), beside the load;
- store size against text size;
- corpus search for 2- and 4-character words, common and rare (median of repeated runs): the first
  page of 50 hits, and the totals of hits and documents;
- the GUI figures from `policy-viewer --self-test` on the big store, run in a fresh process
  each time: process start to window shown, open the largest document, figure click to chart
  drawn for an indicator with points in hundreds of documents, and the peak RSS of that process.
- re-analysis of the same store (`viewer.services.reanalysis`, issue #12) against the ingest's
  time: once as is (the analysis finds what is stored: nothing is rewritten but mentions and
  versions), once after every stored figure was given another indicator (every figure moves: all
  figures rewritten, every finding recomputed). It must be faster than the import.
- on the same store, each in its own process with its own baselines (their --json results are saved
  under "checks", "launch" and "waits"): bench/checks.py (a full check run: time and peak memory),
  bench/launch.py (launch -> window shown and -> ready, from outside) and bench/ui_bench.py
  (click -> chart, open -> text, Enter -> results, each until painted). `--skip-reanalysis` leaves
  the re-analyses out.
Targets (2 cores): ingest <= 1.0 CPU s per MB; store <= 2.5 x text; start-up <= 1.0 s;
open <= 30 ms; click -> chart <= 20 ms; search <= 30 ms; peak RSS <= 250 MB; re-analysis < ingest.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def tokenizer_baseline(files: list[Path], processes: int, folder: Path, sample_mb: float = 4.0) -> dict[str, float]:
    """bench/ingest.py's baseline (rjieba as the import uses it, into FTS5, `processes` workers)
    on the first `sample_mb` of the corpus."""
    from ingest import baseline

    sample, size = [], 0
    for path in files:
        sample.append(path)
        size += path.stat().st_size
        if size >= sample_mb * 1e6:
            break
    return baseline(sample, processes, folder)


def ingest(corpus: Path, store: Path) -> dict[str, float]:
    from viewer.services.ingest import ingest_paths

    cores = os.cpu_count() or 1
    before_self, before_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    report = ingest_paths(store, [corpus], processes=cores)
    wall = time.perf_counter() - started
    after_self, after_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    cpu = sum(getattr(a, f) - getattr(b, f) for a, b in ((after_self, before_self),
                                                          (after_children, before_children))
              for f in ("ru_utime", "ru_stime"))
    failed = report.failed
    if failed:
        raise SystemExit(f"{len(failed)} files failed, e.g. {failed[0]}")
    peak_mb = next((int(line.split()[1]) / 1024 for line in Path("/proc/self/status").read_text().splitlines()
                    if line.startswith("VmHWM:")), 0.0)
    return {"documents": report.count("imported"), "mb": report.bytes_analysed / 1e6, "seconds": wall,
            "main_process_peak_rss_mb": peak_mb,
            "mb_per_s": report.bytes_analysed / 1e6 / wall, "cpu_seconds": cpu, "cores": cores,
            "core_use": cpu / wall / cores}


def cpu_seconds() -> float:
    """User and system CPU of this process and its finished children (the workers)."""
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))


def reanalysis(store: Path) -> dict[str, dict[str, float]]:
    from viewer.services.reanalysis import reanalyze

    cores = os.cpu_count() or 1
    results: dict[str, dict[str, float]] = {}
    for label in ("as stored", "every figure moved"):
        if label == "every figure moved":
            conn = sqlite3.connect(store)
            with conn:
                conn.execute("UPDATE figures SET indicator = '旧指标'")
            conn.close()
        cpu, started = cpu_seconds(), time.perf_counter()
        report = reanalyze(store, processes=cores)
        wall = time.perf_counter() - started
        if not report.ok:
            raise SystemExit(f"re-analysis failed: {report.failed[:1]}")
        used = cpu_seconds() - cpu
        results[label] = {"documents": report.reanalysed, "figures_changed": report.figures_changed,
                          "documents_changed": len(report.changed_documents), "seconds": wall,
                          "checks_seconds": report.checks_seconds, "cpu_seconds": used,
                          "core_use": used / wall / cores}
    return results


def store_size(store: Path) -> float:
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return sum(p.stat().st_size for p in store.parent.glob(store.name + "*")) / 1e6


def search_timings(store: Path) -> dict[str, dict[str, object]]:
    from viewer.services.library import Library

    library = Library(store)
    queries = {"2 chars, common": "研发", "2 chars, rare": "澜坪", "4 chars, common": "科技创新",
               "4 chars, rare": "量子测量", "place, common": "株洲", "phrase, 6 chars": "高新技术企业"}
    results: dict[str, dict[str, object]] = {}
    for label, query in queries.items():
        times, hits = [], 0
        for _ in range(7):
            started = time.perf_counter()
            hits = len(library.search(query, limit=50))
            times.append(time.perf_counter() - started)
        counts = []
        for _ in range(3):  # every hit in every document: the window counts them off the UI thread
            started = time.perf_counter()
            totals = library.search_totals(query)
            counts.append(time.perf_counter() - started)
        results[label] = {"query": query, "hits": hits, "median_ms": statistics.median(times) * 1000,
                          "all_hits": totals.hits, "documents": len(totals.documents),
                          "totals_median_ms": statistics.median(counts) * 1000}
    library.close()
    return results


def gui_timings(store: Path, runs: int = 3) -> dict[str, float]:
    """`--self-test` in a fresh process each run; its own peak RSS comes from wait4 (the ingest's
    worker processes are children of this process too, so RUSAGE_CHILDREN would mix them in)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules, as installed (see bench/launch.py)
    rows = []
    for _ in range(runs):
        launched = time.time()
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            child = subprocess.Popen([sys.executable, "-m", "viewer.cli", "--self-test", "--store", str(store)],
                                     cwd=REPO, env=env, stdout=out, stderr=err, text=True)
            _pid, status, usage = os.wait4(child.pid, 0)
            child.returncode = returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        lines = [ln for ln in stdout.splitlines() if ln.startswith("{")]
        if returncode != 0 or not lines:
            raise SystemExit(f"self-test failed: {stdout[-500:]} {stderr[-1500:]}")
        row = json.loads(lines[-1])
        if "window_shown_at" in row:
            row["process_start_to_window_s"] = row["window_shown_at"] - launched
        row.setdefault("peak_rss_mb", usage.ru_maxrss / 1024)  # the self-test's own VmHWM when it reports one
        rows.append(row)
    keys = [k for k, v in rows[0].items() if isinstance(v, int | float) and not isinstance(v, bool)]
    return {k: statistics.median(r[k] for r in rows) for k in keys}


def sibling_benchmark(script: str, store: Path, *extra: str) -> dict[str, object] | None:
    """Run bench/<script> on `store` in its own process (its own clock and baselines, printed as it
    goes) and return what it saves with --json; None when the script is absent or fails."""
    path = REPO / "bench" / script
    if not path.exists():
        return None
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "result.json"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        print(f"--- bench/{script} on the store", flush=True)
        done = subprocess.run([sys.executable, str(path), *extra, "--json", str(out)], cwd=REPO, env=env)
        if done.returncode != 0 or not out.exists():
            print(f"bench/{script} failed (exit {done.returncode})")
            return None
        loaded: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        return loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--size-kb", type=float, default=20)
    parser.add_argument("--workdir", type=Path, default=REPO / "bench" / "results" / "scale")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and store for another run")
    parser.add_argument("--reuse-store", action="store_true",
                        help="measure an existing store (kept by --keep) again, without ingesting; the ingest "
                             "figures are copied from the previous scale.json and marked as such")
    parser.add_argument("--skip-reanalysis", action="store_true", help="leave out the two re-analyses")
    args = parser.parse_args()
    import make_corpus

    work = args.workdir
    corpus, store = work / f"corpus-{args.count}x{args.size_kb:g}kb", work / "store.db"
    started = time.perf_counter()
    if not corpus.exists():
        make_corpus.generate(corpus, count=args.count, size_kb=args.size_kb, seed=1)
    files = sorted(corpus.glob("*.txt"))
    text_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {len(files)} reports, {text_mb:.1f} MB ({time.perf_counter() - started:.0f} s to make)")
    from machine import describe, machine_state

    state = machine_state()
    print(describe(state))
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as scratch:
        base = tokenizer_baseline(files, os.cpu_count() or 1, Path(scratch) / "baseline")
    print(f"baseline, rjieba + FTS5 in {base['processes']:.0f} processes: {base['cpu_s_per_mb']:.3f} CPU s per MB, "
          f"{base['mb'] / base['seconds']:.2f} MB/s")
    result: dict[str, object] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0], **state},
                                 "baseline": base, "text_mb": text_mb}
    previous = work / "scale.json"
    if args.reuse_store and store.exists() and previous.exists():
        ing = json.loads(previous.read_text(encoding="utf-8"))["ingest"]
        ing["from_previous_run"] = True
        print("ingest: not run (--reuse-store); figures of the previous run:")
    else:
        for leftover in work.glob("store.db*"):
            leftover.unlink()
        ing = ingest(corpus, store)
    result["ingest"] = ing
    cpu_per_mb = ing["cpu_seconds"] / ing["mb"]
    print(f"ingest: {ing['documents']:.0f} documents, {ing['mb_per_s']:.2f} MB/s in {ing['seconds']:.0f} s; "
          f"{cpu_per_mb:.2f} CPU s per MB = {cpu_per_mb / base['cpu_s_per_mb']:.1f} x the baseline (target <= 1.0 s "
          f"per MB); cores used {ing['core_use']:.0%}; importing process peak RSS "
          f"{ing.get('main_process_peak_rss_mb', 0):.0f} MB")
    size = store_size(store)
    result["store_mb"] = size
    print(f"store: {size:.0f} MB for {text_mb:.0f} MB of text = {size / text_mb:.2f} x (target <= 2.5)")
    searches = search_timings(store)
    result["search"] = searches
    for label, row in searches.items():
        print(f"search {label:<16} {row['query']:<8} {row['hits']:>3} hits  {row['median_ms']:6.1f} ms (target <= 30); "
              f"totals {row['all_hits']} hits in {row['documents']} documents, {row['totals_median_ms']:.0f} ms")
    gui = gui_timings(store)
    result["gui"] = gui
    for key, value in gui.items():
        print(f"gui {key:<32} {value:.4f}")
    for key, script, extra in (("checks", "checks.py", [str(store)]),
                               ("launch", "launch.py", ["--store", str(store), "--repeat", "5"]),
                               ("waits", "ui_bench.py", ["--store", str(store), "--repeat", "15"])):
        result[key] = sibling_benchmark(script, store, *extra)
    out = work / "scale.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    redo = {} if args.skip_reanalysis else reanalysis(store)
    result["reanalysis"] = redo
    for label, row in redo.items():
        print(f"re-analysis, {label:<18}: {row['documents']:.0f} documents, {row['figures_changed']:.0f} figures "
              f"changed in {row['documents_changed']:.0f}, {row['seconds']:.0f} s (checks {row['checks_seconds']:.0f} s)"
              f" = {row['seconds'] / ing['seconds']:.2f} x the ingest's {ing['seconds']:.0f} s (target < 1); "
              f"cores used {row['core_use']:.0%}")
    out = work / "scale.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"saved {out}")
    if not args.keep:
        shutil.rmtree(corpus)
        for path in work.glob("store.db*"):
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())

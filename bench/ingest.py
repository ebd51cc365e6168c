"""Ingest throughput against raw jieba.tokenize, measured in one run on the real reports.

    python bench/ingest.py [--copies 30] [--processes 2] [--json OUT]

The five reports are only 108 KB, less than the start-up of a worker process, so the pipeline
ingests them `--copies` times (each copy gets its own first line, so none is skipped as a
duplicate). Printed: raw single-core jieba.tokenize MB/s on the same text; the pipeline's MB/s
with and without the pool's start-up; the ratio to (processes x raw); and what each stage of
the analysis costs relative to the segmentation, measured in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stage_costs(texts: list[str]) -> dict[str, float]:
    import jieba

    from viewer.text.attribution import DocumentContext, attribute_figures
    from viewer.text.entities import EntityContext, find_mentions
    from viewer.text.figures import find_figures
    from viewer.text.metadata import extract_metadata
    from viewer.text.repeats import paragraph_hash
    from viewer.text.segment import engine_name, search_tokens, sentence_words, tokenizer
    from viewer.text.sentences import split_paragraphs, split_sentences

    def split_and_hash(text: str) -> list[str | None]:
        paragraphs = split_paragraphs(text)
        split_sentences(text, paragraphs)
        return [paragraph_hash(text[p.start : p.end]) for p in paragraphs]

    jieba.setLogLevel(60)
    jieba.initialize()
    tokenizer()
    split = [(t, split_paragraphs(t)) for t in texts]
    sentences = [(t, split_sentences(t, p)) for t, p in split]
    metas = [extract_metadata(t) for t in texts]
    found = [find_figures(t) for t in texts]
    reference_words = timed(lambda: [search_tokens(t, "jieba") for t in texts])
    fast_words = timed(lambda: [search_tokens(t, "rjieba") for t in texts])
    print(f"search-mode tokens of the corpus: jieba {reference_words * 1000:.0f} ms, "
          f"rjieba {fast_words * 1000:.0f} ms ({reference_words / fast_words:.1f}x faster)")
    return {
        "raw jieba.tokenize": timed(lambda: [list(jieba.tokenize(t)) for t in texts]),
        f"index words ({engine_name()})": timed(lambda: [sentence_words(t, s) for t, s in sentences]),
        "paragraphs+sentences+hashes": timed(lambda: [split_and_hash(t) for t in texts]),
        "metadata": timed(lambda: [extract_metadata(t) for t in texts]),
        "figures (find_figures)": timed(lambda: [find_figures(t) for t in texts]),
        "figure attribution": timed(lambda: [
            attribute_figures(t, list(f), s, DocumentContext(m.region, m.year, m.published))
            for (t, s), f, m in zip(sentences, found, metas, strict=True)]),
        "entities (find_mentions)": timed(lambda: [find_mentions(t, EntityContext(m.region))
                                                   for t, m in zip(texts, metas, strict=True)]),
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    import resource

    return sum(getattr(resource.getrusage(who), field)
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for field in ("ru_utime", "ru_stime"))


def pipeline(files: list[Path], copies: int, processes: int) -> dict[str, float]:
    from viewer.services.ingest import ingest_paths

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "reports"
        source.mkdir()
        total = 0
        for k in range(copies):
            for path in files:
                text = f"副本{k}\n" + path.read_text(encoding="utf-8")
                target = source / f"{k:03d}_{path.name}"
                target.write_text(text, encoding="utf-8")
                total += target.stat().st_size
        first_result: list[float] = []
        cpu_before = _cpu_seconds()
        start = time.perf_counter()
        report = ingest_paths(Path(folder) / "store.db", [source], processes=processes,
                              progress=lambda p: first_result.append(time.perf_counter()) if p.done == 1 else None)
        elapsed = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu_before
        assert report.count("imported") == copies * len(files), [o for o in report.outcomes if o.status == "failed"]
        steady = elapsed - (first_result[0] - start) if first_result else elapsed
        steady_mb = total / 1e6 * (1 - 1 / (copies * len(files)))
        store_size = (Path(folder) / "store.db").stat().st_size + sum(
            p.stat().st_size for p in Path(folder).glob("store.db-*"))
        return {"mb": total / 1e6, "seconds": elapsed, "cpu_seconds": cpu, "mb_per_s": total / 1e6 / elapsed,
                "steady_mb_per_s": steady_mb / steady if steady > 0 else 0.0, "store_mb": store_size / 1e6}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no reports in {CORPUS}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    costs = stage_costs(texts)
    raw = costs["raw jieba.tokenize"]
    raw_mbps = mb / raw
    print(f"corpus: {len(files)} reports, {mb:.3f} MB (UTF-8)")
    print(f"raw jieba.tokenize, one core: {raw_mbps:.2f} MB/s")
    print("analysis stages, one process (seconds for the corpus; % of raw jieba.tokenize):")
    for name, seconds in costs.items():
        print(f"  {name:<30} {seconds * 1000:8.1f} ms  {seconds / raw * 100:6.1f} %")
    analysis = sum(v for k, v in costs.items() if k != "raw jieba.tokenize")
    print(f"  {'all analysis':<30} {analysis * 1000:8.1f} ms  {analysis / raw * 100:6.1f} %")
    figures_share = (costs["figures (find_figures)"] + costs["figure attribution"]) / analysis * 100
    entities_share = costs["entities (find_mentions)"] / analysis * 100
    print(f"figures add {figures_share:.1f} % of analysis time (target <= 20 %); "
          f"entities add {entities_share:.1f} % (target <= 50 %)")

    result = pipeline(files, args.copies, args.processes)
    target = 0.7 * args.processes * raw_mbps
    print(f"pipeline, {args.processes} processes, {result['mb']:.2f} MB ({args.copies} copies): "
          f"{result['mb_per_s']:.2f} MB/s overall ({result['seconds']:.1f} s), "
          f"{result['steady_mb_per_s']:.2f} MB/s after the first document")
    print(f"ratio overall / ({args.processes} x raw) = {result['mb_per_s'] / (args.processes * raw_mbps):.2f}; "
          f"steady = {result['steady_mb_per_s'] / (args.processes * raw_mbps):.2f}  (target >= 0.70, "
          f"i.e. {target:.2f} MB/s)")
    figure_cpu = (costs["figures (find_figures)"] + costs["figure attribution"]) / mb  # seconds per MB
    entity_cpu = costs["entities (find_mentions)"] / mb
    ingest_cpu = result["cpu_seconds"] / result["mb"]
    print(f"ingest CPU {ingest_cpu:.2f} s per MB (all processes: analysis, writes, checks); of it, figures "
          f"{figure_cpu / ingest_cpu * 100:.1f} % (target <= 20 %), entities {entity_cpu / ingest_cpu * 100:.1f} % "
          f"(target <= 50 %)")
    print(f"store: {result['store_mb']:.2f} MB for {result['mb']:.2f} MB of text "
          f"({result['store_mb'] / result['mb']:.2f} x)")
    if args.json:
        args.json.write_text(json.dumps({"raw_mb_per_s": raw_mbps, "stages_s": costs, **result,
                                         "processes": args.processes}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

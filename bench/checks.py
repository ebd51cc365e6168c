"""A full check run against its baseline: wall time, CPU time and peak memory of recomputing and
storing every finding of a store, beside reading every figure row of the same store.

    python bench/checks.py STORE [--repeat 3] [--json OUT]

The store is copied first (a run replaces its findings; opening it applies pending migrations)
and never changed. Each measurement runs in a child process of its own, so its peak resident
memory (getrusage ru_maxrss of the child) is its own: the check run (`update_checks` of every
finding, what `policy-viewer check` and the final run of a large import do); and two baselines:
reading every figure row with sqlite3 one row at a time, and holding every figure row at once
(what a run that loads every figure needs at the least). Printed: the medians over `--repeat`
runs, the memory of a child that only imports the program and opens the store, the target
(a run over 10,000 reports in 300 MB), and the load on the machine before and after.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_MB = 300.0  # issue #16: a full check run of 10,000 reports

_CHILD = r"""
import json, resource, sqlite3, sys, time
mode, path = sys.argv[1], sys.argv[2]

def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss / 1024

if mode in ("checks", "opened"):
    from viewer.services.checks import update_checks
    from viewer.store import open_store
    db = open_store(path)
    counted = db.execute("SELECT count(*) FROM figures").fetchone()[0]
    cpu0, rss0 = usage()
    start = time.perf_counter()
    if mode == "checks":
        update_checks(db)
    found = db.execute("SELECT count(*) FROM checks").fetchone()[0]
    db.conn.close()
else:
    conn = sqlite3.connect(path)
    cpu0, rss0 = usage()
    start = time.perf_counter()
    rows = conn.execute("SELECT * FROM figures")
    if mode == "hold":
        held = rows.fetchall()
        counted = len(held)
    else:
        counted = sum(1 for _ in rows)
    found = 0
wall = time.perf_counter() - start
cpu, rss = usage()
print(json.dumps({"wall_s": wall, "cpu_s": cpu - cpu0, "peak_mb": rss, "start_mb": rss0,
                  "figures": counted, "findings": found}))
"""

MODES = {
    "opened": "the program imported, the store opened",
    "read": "baseline: read every figure row (sqlite3)",
    "hold": "baseline: hold every figure row at once",
    "checks": "full check run (update_checks)",
}


def measure(mode: str, store: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode, str(store)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench/checks.py: the {mode} run failed:\n{done.stderr.strip()}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def copy_store(store: Path, folder: Path) -> Path:
    copy = folder / store.name
    shutil.copyfile(store, copy)
    for suffix in ("-wal", ".work-journal.jsonl"):
        beside = store.with_name(store.name + suffix)
        if beside.exists():
            shutil.copyfile(beside, copy.with_name(copy.name + suffix))
    return copy


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import describe, machine_state

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.store.is_file():
        print(f"bench/checks.py: {args.store}: no such store file", file=sys.stderr)
        return 1
    before = machine_state()
    print(describe(before))
    runs: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory() as name:
        store = copy_store(args.store, Path(name))
        measure("opened", store)  # pending migrations applied once, before anything is timed
        for _ in range(max(1, args.repeat)):
            for mode in MODES:  # interleaved, so that each run's baseline shares its conditions
                runs[mode].append(measure(mode, store))
    after = machine_state()
    medians = {mode: {k: statistics.median(r[k] for r in found) for k in found[0]} for mode, found in runs.items()}
    checks = medians["checks"]
    print(f"store: {args.store} ({checks['figures']:.0f} figures, {checks['findings']:.0f} findings); "
          f"medians of {max(1, args.repeat)} run(s), each in a child process")
    print(f"  {'':<46} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    for mode, label in MODES.items():
        m = medians[mode]
        print(f"  {label:<46} {m['wall_s']:8.2f} {m['cpu_s']:8.2f} {m['peak_mb']:8.1f}")
    read, hold, opened = medians["read"], medians["hold"], medians["opened"]
    print(f"check run / reading every figure row: wall {checks['wall_s'] / read['wall_s']:.1f} x, "
          f"CPU {checks['cpu_s'] / read['cpu_s']:.1f} x")
    print(f"check run peak {checks['peak_mb']:.0f} MB: {checks['peak_mb'] - opened['peak_mb']:.0f} MB above the "
          f"program with the store open ({opened['peak_mb']:.0f} MB); holding every figure row alone takes "
          f"{hold['peak_mb']:.0f} MB; target {TARGET_MB:.0f} MB at 10,000 reports "
          f"(ratio {checks['peak_mb'] / TARGET_MB:.2f})")
    print(describe(after))
    if args.json:
        args.json.write_text(json.dumps({"store": str(args.store), "runs": runs, "medians": medians,
                                         "machine_before": before, "machine_after": after}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

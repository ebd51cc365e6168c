"""Plan evaluation at scale: evaluate plans of a large store (issue #17: under a second each against
10,000 reports) and print the times.

    python bench/plan_evaluation.py STORE [--plans 20]

Works on a copy you own: opening the store applies pending migrations. Prints per plan the
targets, rows and seconds, then the median and the slowest, and the same for the listing of plans.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--plans", type=int, default=20, help="plans to evaluate (those with the most targets)")
    args = parser.parse_args()
    from viewer.services.plan_evaluation import evaluate_plan, plan_documents
    from viewer.store import connect

    conn = connect(args.store)
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    started = time.perf_counter()
    plans = plan_documents(conn)
    listing = time.perf_counter() - started
    print(f"{documents} documents; {len(plans)} with targets listed in {listing:.3f} s")
    chosen = sorted(plans, key=lambda p: (not p.is_plan, -p.targets))[: args.plans]
    times = []
    for plan in chosen:
        started = time.perf_counter()
        evaluation = evaluate_plan(conn, plan.doc_id)
        seconds = time.perf_counter() - started
        times.append(seconds)
        reported = sum(1 for r in evaluation.rows if r.actual_year is not None)
        print(f"{seconds:7.3f} s  {plan.targets:>4} targets  {len(evaluation.rows):>4} rows  {reported:>4} with an actual"
              f"  {plan.title[:40]}")
    if times:
        print(f"median {statistics.median(times):.3f} s, slowest {max(times):.3f} s over {len(times)} plans "
              f"(target: under 1 s each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Print the dev-set scores and every miss: `python scripts/devset.py [excerpts] [provinces] [-q]`.

The same scoring as tests/text/test_dev_reports.py (see tests/devset_support.py), for looking at
what the analysis gets wrong on reports from places outside the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from devset_support import EXCERPTS, PROVINCES, REPO, load_jsonl, score


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or ["excerpts", "provinces"]
    for name in names:
        if name == "excerpts":
            result = score(load_jsonl(EXCERPTS / "gold.jsonl"), EXCERPTS)
        else:
            paths = sorted((REPO / "tests" / "data").glob("provinces_gold_*.jsonl"))
            result = score([row for path in paths for row in load_jsonl(path)], PROVINCES)
        print(result.report(name))
        if "-q" not in sys.argv:
            for miss in result.misses():
                print("  miss:", miss)


if __name__ == "__main__":
    main()

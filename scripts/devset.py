"""Print the dev-set scores and every miss: `python scripts/devset.py [excerpts|provinces]`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from devset_support import EXCERPTS, PROVINCE_GOLD, PROVINCES, load_jsonl, score  # noqa: E402


def main() -> None:
    which = sys.argv[1:] or ["excerpts", "provinces"]
    for name in which:
        if name == "excerpts":
            result = score(load_jsonl(EXCERPTS / "gold.jsonl"), EXCERPTS)
        elif PROVINCE_GOLD.is_file():
            result = score(load_jsonl(PROVINCE_GOLD), PROVINCES)
        else:
            continue
        print(result.report(name))
        if "-q" not in sys.argv:
            for miss in result.misses():
                print("  miss:", miss)


if __name__ == "__main__":
    main()

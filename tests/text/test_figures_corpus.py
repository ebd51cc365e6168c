"""Figures of the five real reports against the hand-checked tests/data/figures_expected.jsonl.

Runs the whole text pipeline (find_figures, split_sentences, attribute_figures) on each
report, locates every expected figure by the short context before it, prints per-field
accuracy and asserts a floor at what the pipeline achieves.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from viewer.model import Figure
from viewer.text.attribution import DocumentContext, attribute_figures
from viewer.text.figures import find_figures
from viewer.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
EXPECTED = ROOT / "tests" / "data" / "figures_expected.jsonl"
FIELDS = ("value", "unit", "kind", "year", "indicator", "region", "role")

# Checked by reading each report: who it is about and when it was written.
# 002 speaks of 2022 in the past tense and of 今年4月, so it appeared in 2023.
CONTEXTS = {
    "000_a4fe5238d40ab308.txt": DocumentContext(region="株洲市", year=2021, published="2021"),
    "001_42b6281d3c66c3b9.txt": DocumentContext(region="株洲市", year=2022, published="2022"),
    "002_a0559554c74e06ed.txt": DocumentContext(region="株洲市", year=2023, published="2023"),
    "003_5c5f9bd7b8c36b0f.txt": DocumentContext(region="益阳市", year=2021, published="2021-11"),
    "004_46f8699aa5a8e338.txt": DocumentContext(region="荆州市", year=2023, published="2023"),
}
FLOOR_FULLY_RIGHT = 1.0  # what the pipeline reaches on the five reports: 119/119
FLOOR_PER_FIELD = 1.0


def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus folder {CORPUS} is missing; these tests need the real reports")
    if not path.is_file():
        pytest.fail(f"the report {path} is missing from the corpus")
    return path.read_text(encoding="utf-8")


def _expected() -> list[dict[str, Any]]:
    with open(EXPECTED, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _attributed(name: str) -> tuple[str, list[Figure]]:
    text = _corpus_text(name)
    figures = attribute_figures(text, find_figures(text), split_sentences(text), CONTEXTS[name])
    return text, figures


def _locate(text: str, figures: list[Figure], row: dict[str, Any]) -> Figure | None:
    anchor = text.find(row["context"] + row["text"])
    assert anchor >= 0, f"{row['doc']}: cannot find {row['context']!r} + {row['text']!r}"
    start = anchor + len(row["context"])
    end = start + len(row["text"])
    overlapping = [f for f in figures if f.start < end and start < f.end]
    return overlapping[0] if overlapping else None


def _agrees(field: str, got: Figure, row: dict[str, Any]) -> bool:
    if field == "value":
        return got.value is not None and math.isclose(got.value, row["value"], rel_tol=1e-6)
    return bool(getattr(got, field) == row[field])


def test_expectations_cover_every_report() -> None:
    rows = _expected()
    per_doc = Counter(row["doc"] for row in rows)
    assert len(rows) >= 80
    assert set(per_doc) == set(CONTEXTS)
    assert min(per_doc.values()) >= 8
    for row in rows:
        assert len(row["context"]) <= 15
        assert set(FIELDS) <= set(row)


def test_figures_of_the_corpus_match_the_hand_checked_set() -> None:
    rows = _expected()
    results: dict[str, tuple[str, list[Figure]]] = {}
    started = time.perf_counter()
    for name in CONTEXTS:
        results[name] = _attributed(name)
    elapsed = time.perf_counter() - started
    right = Counter[str]()
    fully = 0
    misses: list[str] = []
    for row in rows:
        text, figures = results[row["doc"]]
        got = _locate(text, figures, row)
        if got is None:
            misses.append(f"{row['doc'][:3]} {row['context']}|{row['text']}: not recognised")
            continue
        wrong = [f for f in FIELDS if not _agrees(f, got, row)]
        right.update(f for f in FIELDS if f not in wrong)
        fully += not wrong
        if wrong:
            detail = ", ".join(f"{f}={getattr(got, f)!r} (want {row[f]!r})" for f in wrong)
            misses.append(f"{row['doc'][:3]} {row['context']}|{row['text']}: {detail}")
    total = len(rows)
    size = sum(len(text.encode("utf-8")) for text, _ in results.values())
    print(f"\n{total} hand-checked figures; whole pipeline {size / 1e6 / elapsed:.2f} MB/s")
    for field in FIELDS:
        print(f"  {field:<10} {right[field]:>4}/{total}  {right[field] / total:.1%}")
    print(f"  fully right {fully:>4}/{total}  {fully / total:.1%}")
    for miss in misses:
        print("  miss:", miss)
    for field in FIELDS:
        assert right[field] / total >= FLOOR_PER_FIELD, f"{field}: {right[field]}/{total}"
    assert fully / total >= FLOOR_FULLY_RIGHT, f"fully right {fully}/{total}"

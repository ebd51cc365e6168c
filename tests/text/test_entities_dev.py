"""Entity recognition on six excerpts from places outside the corpus, against hand-made gold.

The excerpts and their gold (`entities.jsonl`) are read at run time from
../shared/dev-reports/excerpts (see its README); nothing of them is copied here. Each excerpt is
analysed as the import does: its region from `viewer.text.metadata.extract_metadata`, then
`find_mentions(text, EntityContext(region))`.

How it is scored (per excerpt, per type; indicators are not scored). A gold line is one distinct
(file, quote, type) and stands for every occurrence of its quote; it is required unless marked
`optional`. A prediction is one distinct (surface, type, canonical) among the excerpt's mentions,
its surface with the 《》 of a title taken off (policy quotes leave them out). A prediction
*matches* a gold line when the types are equal and its surface equals the quote or its canonical
name equals the line's canonical name.

- true positive: a prediction that matches a required line;
- neutral: a prediction that matches only optional lines (neither rewarded nor punished), or
  that matches no line but every mention of which lies inside an occurrence of an optional
  line's quote (市委 and 市政府 inside the optional 市委市政府: the borderline entity found in
  parts is no more wrong than found whole);
- false positive: any other prediction that matches no line;
- recall: required lines matched by at least one prediction / required lines.
- precision: true positives / (true positives + false positives).

The annotation is flat (a place inside a longer name is not a line of its own), so a place found
inside an organisation the recogniser missed counts as a false positive.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from viewer.model import EntityType
from viewer.text.entities import EntityContext, find_mentions
from viewer.text.metadata import extract_metadata

ROOT = Path(__file__).resolve().parents[2]
EXCERPTS = ROOT.parent / "shared" / "dev-reports" / "excerpts"
SCORED = (EntityType.PLACE, EntityType.ORG, EntityType.PERSON, EntityType.POLICY, EntityType.PROGRAMME)
# Floors just under what the recogniser reaches (see the printed table): (precision, recall).
# Places depend mostly on the place table (resources/places.tsv): 镇海区, 昆区 and the park
# 包头金属深加工园区 are found only when it lists them.
FLOORS: dict[str, tuple[float, float]] = {
    EntityType.PLACE: (0.80, 0.60),
    EntityType.ORG: (0.95, 0.95),
    EntityType.PERSON: (0.95, 0.95),
    EntityType.POLICY: (0.95, 0.95),
    EntityType.PROGRAMME: (0.95, 0.95),
}
OVERALL_FLOOR = (0.95, 0.90)

Prediction = tuple[str, str, str]  # surface, type, canonical
Spans = dict[Prediction, list[tuple[int, int]]]


def gold_rows() -> list[dict[str, Any]]:
    path = EXCERPTS / "entities.jsonl"
    if not path.is_file():
        pytest.fail(f"{path} is missing: this test reads ../shared/dev-reports at run time")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predictions(text: str) -> Spans:
    region = extract_metadata(text).region
    out: Spans = defaultdict(list)
    for mention in find_mentions(text, EntityContext(region)):
        if mention.type in SCORED:
            surface = mention.text
            if surface.startswith("《") and surface.endswith("》"):
                surface = surface[1:-1]
            out[(surface, mention.type, mention.canonical)].append((mention.start, mention.end))
    return out


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def inside_optional(spans: list[tuple[int, int]], optional: list[tuple[int, int]]) -> bool:
    return all(any(a <= start and end <= b for a, b in optional) for start, end in spans)


def matches(prediction: Prediction, row: dict[str, Any]) -> bool:
    surface, kind, canonical = prediction
    return kind == row["type"] and (surface == row["quote"] or canonical == row["canonical"])


def score() -> dict[str, list[int]]:
    """Per type: [true positives, false positives, required lines found, required lines]."""
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in gold_rows():
        by_file[row["file"]].append(row)
    counts = {kind: [0, 0, 0, 0] for kind in SCORED}
    for name, rows in sorted(by_file.items()):
        path = EXCERPTS / name
        if not path.is_file():
            pytest.fail(f"{path} is missing: this test reads ../shared/dev-reports at run time")
        text = path.read_text(encoding="utf-8")
        for row in rows:
            assert row["quote"] in text, (name, row["quote"])
        predicted = predictions(text)
        optional = [span for row in rows if row.get("optional") for span in occurrences(text, row["quote"])]
        for prediction in sorted(predicted):
            kind = prediction[1]
            hits = [row for row in rows if matches(prediction, row)]
            if any(not row.get("optional") for row in hits):
                counts[kind][0] += 1
            elif not hits and not inside_optional(predicted[prediction], optional):
                counts[kind][1] += 1
                print(f"  FP {name[:2]} {kind}: {prediction[0]} -> {prediction[2]}")
        for row in rows:
            if row["type"] in counts and not row.get("optional"):
                found = any(matches(prediction, row) for prediction in predicted)
                counts[row["type"]][2] += found
                counts[row["type"]][3] += 1
                if not found:
                    print(f"  FN {name[:2]} {row['type']}: {row['quote']} -> {row['canonical']}")
    return counts


def rates(tp: int, fp: int, found: int, required: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (found / required if required else 1.0)


def test_precision_and_recall_per_type_on_the_dev_excerpts() -> None:
    counts = score()
    print(f"\n{'type':<10} {'tp':>4} {'fp':>4} {'found':>6} {'precision':>9} {'recall':>7}")
    failures = []
    for kind, (tp, fp, found, required) in counts.items():
        precision, recall = rates(tp, fp, found, required)
        print(f"{kind:<10} {tp:>4} {fp:>4} {found:>3}/{required:<3} {precision:>8.3f} {recall:>7.3f}")
        if precision < FLOORS[kind][0] or recall < FLOORS[kind][1]:
            failures.append((kind, round(precision, 3), round(recall, 3)))
    total = [sum(column) for column in zip(*counts.values(), strict=True)]
    precision, recall = rates(*total)
    print(f"{'all':<10} {total[0]:>4} {total[1]:>4} {total[2]:>3}/{total[3]:<3} {precision:>8.3f} {recall:>7.3f}")
    if precision < OVERALL_FLOOR[0] or recall < OVERALL_FLOOR[1]:
        failures.append(("all", round(precision, 3), round(recall, 3)))
    assert not failures

"""Peer conformance suites: Microsoft Recognizers-Text (Chinese) and cn2an.

Runs every Simplified-Chinese case of the Number, Percent, Currency and Dimension models
(Traditional-script cases and the Ordinal/Age/Temperature models are outside the brief) and
every cn2an case. Cases the project judges out of scope are listed, each with its reason, in
tests/data/peer_out_of_scope.tsv. Two rates are printed and held to floors: over the in-scope
cases, and over all Simplified cases with the listed ones counted as failures. A listed case
that passes is a stale entry and fails the suite.

How a case is judged:
- Number: `find_numbers` must give exactly the expected numerals, spans and values.
- Percent / Currency / Dimension: `find_figures`, restricted to percent+points / money /
  physical figures, must give the expected spans and values. Our spans include adjacent
  qualifier words (近一吨) by design; a span also matches when it equals the expected one
  once that qualifier word is removed.
- cn2an: `parse_number` must give the value, or raise ValueError where cn2an does.
Values are compared numerically (the spec's are .NET strings); spec ends are inclusive.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from viewer.model import Figure, FigureKind
from viewer.text.figure_units import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS
from viewer.text.figures import find_figures
from viewer.text.numbers import find_numbers, parse_number

ROOT = Path(__file__).resolve().parents[2]
PEER = ROOT.parent / "shared" / "peer"
OUT_OF_SCOPE = ROOT / "tests" / "data" / "peer_out_of_scope.tsv"
RECOGNIZERS = "recognizers_zh.jsonl"
CN2AN = "cn2an_cases.jsonl"
# Floors just under the rates reached (see the printed rates): in-scope, and all Simplified.
FLOORS = {"Number": 0.99, "Percent": 0.99, "Currency": 0.99, "Dimension": 0.99, "cn2an": 0.99}
ALL_FLOORS = {"Number": 0.98, "Percent": 0.93, "Currency": 0.82, "Dimension": 0.82, "cn2an": 0.86}
STRICT_ONLY = "strict-mode-only rejection"
FIGURE_KINDS = {
    "Percent": (FigureKind.PERCENT, FigureKind.POINTS),
    "Currency": (FigureKind.MONEY,),
    "Dimension": (FigureKind.PHYSICAL,),
}

Record = dict[str, Any]


def _records(name: str) -> list[tuple[int, Record]]:
    path = PEER / name
    if not path.is_file():
        pytest.fail(f"peer suite {path} is missing: the tests need ../shared/peer next to the checkout")
    with path.open(encoding="utf-8") as lines:
        return [(number, json.loads(line)) for number, line in enumerate(lines, 1) if line.strip()]


def _out_of_scope() -> dict[tuple[str, int], tuple[str, str]]:
    listed: dict[tuple[str, int], tuple[str, str]] = {}
    for row in OUT_OF_SCOPE.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        suite, line, _model, source_input, reason = row.split("\t")
        key = (suite, int(line))
        assert key not in listed, f"listed twice: {key}"
        listed[key] = (source_input, reason)
    return listed


def _close(got: float, expected: float) -> bool:
    return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12)


def _number_case(record: Record) -> bool:
    got = find_numbers(record["input"])
    expected = record["expected"]
    return len(got) == len(expected) and all(
        (g.start, g.end) == (e["start"], e["end"] + 1) and _close(g.value, float(e["value"]))
        for g, e in zip(got, expected, strict=True)
    )


def _core_span(figure: Figure) -> tuple[int, int]:
    """The figure's span without a leading or trailing qualifier word."""
    start, end = figure.start, figure.end
    prefix = next((w for w in PREFIX_QUALIFIERS if figure.text.startswith(w)), "")
    suffix = next((w for w in SUFFIX_QUALIFIERS if figure.text.endswith(w)), "")
    core = figure.text[len(prefix) : len(figure.text) - len(suffix)]
    return start + len(prefix) + len(core) - len(core.lstrip(" \t\u3000")), end - len(suffix)


def _figure_case(record: Record) -> bool:
    kinds = FIGURE_KINDS[record["model"]]
    got = [f for f in find_figures(record["input"]) if f.kind in kinds]
    expected = record["expected"]
    if len(got) != len(expected):
        return False
    for figure, spec in zip(got, expected, strict=True):
        if spec["value"] is None or figure.value is None:
            return False
        span = (spec["start"], spec["end"] + 1)
        if span not in ((figure.start, figure.end), _core_span(figure)):
            return False
        if not _close(figure.value, float(spec["value"].rstrip("%"))):
            return False
    return True


def _cn2an_case(record: Record) -> bool:
    expected = record["expected"]
    try:
        got = parse_number(record["input"])
    except ValueError:
        return isinstance(expected, dict) and expected.get("raises") == "ValueError"
    return not isinstance(expected, dict) and _close(float(got), float(expected))


def _rate(
    name: str, suite: str, cases: list[tuple[int, Record]], check: Callable[[Record], bool]
) -> tuple[float, float, list[str]]:
    """(in-scope rate, rate over all cases, failures); prints both rates."""
    listed = _out_of_scope()
    in_scope = [(line, r) for line, r in cases if (suite, line) not in listed]
    failures = [f"line {line}: {r['input']!r}" for line, r in in_scope if not check(r)]
    assert in_scope, "no case in scope"
    passed = len(in_scope) - len(failures)
    print(
        f"\n{name}: {passed}/{len(in_scope)} in-scope cases pass ({passed / len(in_scope):.1%}), "
        f"{len(cases) - len(in_scope)} listed out of scope; over all {len(cases)} cases "
        f"{passed}/{len(cases)} = {passed / len(cases):.1%} (listed count as failures); failing: {failures}"
    )
    return passed / len(in_scope), passed / len(cases), failures


def _listed_case_passes(suite: str, record: Record) -> bool:
    if suite == "cn2an":
        return record["func"] == "cn2an" and _cn2an_case(record)
    if record["model"] == "Number":
        return _number_case(record)
    return record["model"] in FIGURE_KINDS and _figure_case(record)


def test_out_of_scope_list_names_real_cases_with_reasons() -> None:
    suites = {"recognizers": _records(RECOGNIZERS), "cn2an": _records(CN2AN)}
    for (suite, line), (source_input, reason) in _out_of_scope().items():
        records = dict(suites[suite])
        assert line in records, f"{suite} line {line} does not exist"
        assert json.dumps(records[line]["input"], ensure_ascii=False) == source_input, f"{suite} line {line}"
        assert len(reason) > 10, f"{suite} line {line} needs a reason"


def test_listed_cases_still_fail() -> None:
    """An entry whose case now passes is stale: remove it from the list."""
    suites = {"recognizers": dict(_records(RECOGNIZERS)), "cn2an": dict(_records(CN2AN))}
    stale = [key for key in _out_of_scope() if _listed_case_passes(key[0], suites[key[0]][key[1]])]
    assert not stale, f"listed but passing: {stale}"


def test_strict_only_rejections_pass_in_the_lenient_modes() -> None:
    """cn2an's normal/smart mode reads each strict-only rejection to the value we return."""
    records = dict(_records(CN2AN))
    lenient: dict[str, list[Record]] = {}
    for record in records.values():
        if record["func"] == "cn2an" and record["mode"] != "strict":
            lenient.setdefault(record["input"], []).append(record)
    for (suite, line), (_input, reason) in _out_of_scope().items():
        if suite == "cn2an" and reason.startswith(STRICT_ONLY):
            same_input = lenient.get(records[line]["input"], [])
            assert same_input and all(_cn2an_case(r) for r in same_input), f"cn2an line {line}"


@pytest.mark.parametrize("model", ["Number", "Percent", "Currency", "Dimension"])
def test_recognizers_model(model: str) -> None:
    cases = [
        (line, r)
        for line, r in _records(RECOGNIZERS)
        if r["model"] == model and not r.get("traditional_chars")
    ]
    check = _number_case if model == "Number" else _figure_case
    rate, overall, failures = _rate(f"Recognizers {model} (Simplified)", "recognizers", cases, check)
    assert rate >= FLOORS[model], failures
    assert overall >= ALL_FLOORS[model]


def test_cn2an_parse() -> None:
    cases = [(line, r) for line, r in _records(CN2AN) if r["func"] == "cn2an"]
    rate, overall, failures = _rate("cn2an", "cn2an", cases, _cn2an_case)
    assert rate >= FLOORS["cn2an"], failures
    assert overall >= ALL_FLOORS["cn2an"]


def test_an2cn_and_transform_are_all_listed() -> None:
    listed = _out_of_scope()
    others = [line for line, r in _records(CN2AN) if r["func"] != "cn2an"]
    assert others and all(("cn2an", line) in listed for line in others)

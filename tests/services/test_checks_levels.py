"""The levels read from the store for a stated change: only those it can take, yet every lookup a
check makes finds the level it would find among all of them; and the evidence a level is cited by."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Evidence, Figure, FigureKind, Role
from viewer.services.checks.context import Corpus, evidence, is_series_level
from viewer.services.checks.levels import takeable

YEAR = 2020
UNITS = ("元", "家", "%")
KINDS = (FigureKind.MONEY, FigureKind.COUNT, FigureKind.PERCENT, FigureKind.RANK)
ROLES = (Role.ACTUAL, Role.SHARE, Role.ESTIMATE)
PERIODS = ("", str(YEAR), f"{YEAR}-H1")

rows = st.lists(st.tuples(st.sampled_from(UNITS), st.sampled_from(KINDS), st.sampled_from(ROLES),
                          st.sampled_from(PERIODS)), max_size=14)


def figures_of(drawn: list[tuple[str, str, str, str]]) -> list[Figure]:
    return [Figure(start=i, end=i + 1, text="1", value=1.0, unit=unit, kind=kind, role=role, period=period, year=YEAR,
                   indicator="经费", region="甲市", id=i + 1, doc_id=1) for i, (unit, kind, role, period) in enumerate(drawn)]


def first(found: list[Figure], unit: str | None = None, other: int | None = None, not_percent: bool = False
          ) -> int | None:
    """The id of the first figure of `unit` (any when None) that is not `other`, nor a percent when asked."""
    return next((f.id for f in found if (unit is None or f.unit == unit) and f.id != other
                 and not (not_percent and f.kind == FigureKind.PERCENT)), None)


def lookups(corpus: Corpus) -> list[int | None]:
    """What `change_base` takes of the levels of a year: the first level of a unit other than a
    figure, the first level that is not a percent (of a unit or of any), the first level or
    estimate of a unit."""
    levels = corpus.levels("经费", "甲市", YEAR)
    with_estimates = corpus.levels("经费", "甲市", YEAR, estimates=True)
    taken = [first(levels, not_percent=True)]
    for unit in UNITS:
        taken += [first(levels, unit, other) for other in range(16)]
        taken += [first(levels, unit, not_percent=True), first(with_estimates, unit)]
    return taken


@settings(max_examples=300, deadline=None)
@given(rows)
def test_the_levels_kept_give_every_lookup_what_all_levels_give(drawn: list[tuple[str, str, str, str]]) -> None:
    figures = figures_of(drawn)
    every = [f for f in figures if is_series_level(f)]
    kept_ids = set(takeable([(f.id or 0, f.unit, f.kind, f.role, f.period) for f in figures], YEAR))
    kept = [f for f in figures if f.id in kept_ids]
    assert kept_ids <= {f.id for f in every}
    assert lookups(Corpus.of_passages([], {}, {}, lambda *_: kept)) == lookups(Corpus.of_passages([], {}, {}, lambda *_: every))


def test_a_lookup_keeps_few_of_many_levels() -> None:
    figures = figures_of([("元", FigureKind.MONEY, Role.ACTUAL, "")] * 10 + [("%", FigureKind.PERCENT, Role.SHARE, "")] * 5)
    assert takeable([(f.id or 0, f.unit, f.kind, f.role, f.period) for f in figures], YEAR) == [1, 2, 11, 12]


def test_evidence_cites_the_figure_field_by_field() -> None:
    figure = Figure(start=11, end=17, text="12亿元", value=1.2e9, unit="元", kind=FigureKind.MONEY, year=2021,
                    sentence_start=3, sentence_end=40, id=7, doc_id=5)
    made = evidence(figure, "from")
    expected = Evidence(label="from", doc_id=5, start=11, end=17, text="12亿元", sentence_start=3, sentence_end=40,
                        figure_id=7, value=1.2e9, unit="元", year=2021)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(Evidence)]  # every field, none more
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "13亿元"  # type: ignore[misc]
    figure.doc_id = None
    assert evidence(figure, "to") == dataclasses.replace(expected, label="to", doc_id=0)

"""The figures a plan's targets are measured with: baselines, the latest levels, reported growth
rates and increases, one per year (a reviewer's correction first, then the latest report), and
an actual reported under a similar name."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from viewer.model import Figure, Modality, Qualifier, Role
from viewer.model.plans import PlanRow, TargetKind

LEVEL_ROLES = (Role.ACTUAL, Role.SHARE)
_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
_PREFIX = re.compile(r"^(?:全市|全省|全区|全县|全社会|规模以上|规上|有效|年度|新增|累计)+")
_SUFFIX = re.compile(r"(?:总额|总量|数量|总数|数|额|量)$")
SIMILAR = 0.6  # Dice coefficient of two names' character pairs for "reported under another name"


@dataclass(frozen=True)
class Found:
    figure: Figure
    doc_year: int | None
    title: str
    complete: bool = True  # its year was over when its report appeared (see `_over`)


@dataclass(frozen=True)
class Value:
    value: float
    year: int
    found: Found
    bound: bool = False  # only a lower bound is known (超过900家)


def _full_year(figure: Figure) -> bool:
    return figure.year is not None and figure.period in ("", str(figure.year))


def _over(figure: Figure, doc_year: int | None) -> bool:
    """Whether the figure's year was over when its report appeared: a report of 2023 gives no
    full-year actual of 2023 (今年以来 …); a target needs no such check."""
    return figure.modality == Modality.TARGET or doc_year is None or (figure.year or 0) < doc_year


def _rank(found: Found) -> tuple[int, int, int, int, int]:
    """Which of a year's statements stands: a reviewer's, an actual before an estimate, the latest report."""
    f = found.figure
    return (0 if f.source == "reviewer" else 1, 0 if f.modality == Modality.ACTUAL else 1,
            -(found.doc_year or 0), -(f.doc_id or 0), -(f.id or 0))


class Index:
    """The figures of a plan's indicators in its places, by (indicator, region)."""

    def __init__(self, found: list[tuple[Figure, int | None, str]]) -> None:
        self._titles: dict[int, str] = {}
        self._levels: dict[tuple[str, str], list[Found]] = {}
        self._rates: dict[tuple[str, str], list[Found]] = {}
        self._changes: dict[tuple[str, str], list[Found]] = {}
        for figure, doc_year, title in found:
            self._titles[figure.doc_id or 0] = title
            if not _full_year(figure) or figure.value is None:
                continue
            key = (figure.indicator or "", figure.region or "")
            item = Found(figure, doc_year, title, _over(figure, doc_year))
            if figure.role in LEVEL_ROLES and figure.modality in (Modality.ACTUAL, Modality.ESTIMATE):
                self._levels.setdefault(key, []).append(item)
            elif figure.role == Role.GROWTH and figure.modality == Modality.ACTUAL and figure.unit == "%":
                self._rates.setdefault(key, []).append(item)
            elif figure.role == Role.CHANGE and figure.modality == Modality.ACTUAL:
                self._changes.setdefault(key, []).append(item)

    def title(self, figure: Figure) -> str:
        return self._titles.get(figure.doc_id or 0, "")

    def level_unit(self, indicator: str, region: str, unit: str | None) -> str:
        """`unit`, else the unit the indicator's levels are most often stated in."""
        if unit is not None:
            return unit
        units = Counter(f.figure.unit for f in self._levels.get((indicator, region), []))
        return units.most_common(1)[0][0] if units else ""

    def _by_year(self, items: list[Found]) -> dict[int, Found]:
        best: dict[int, Found] = {}
        for item in sorted(items, key=_rank):
            best.setdefault(item.figure.year or 0, item)
        return best

    def _levels_of(self, indicator: str, region: str, unit: str, estimates: bool, complete: bool = True,
                   ) -> list[Found]:
        """Levels in `unit`; with `complete`, only those of a year over when their report appeared."""
        wanted = (Modality.ACTUAL, Modality.ESTIMATE) if estimates else (Modality.ACTUAL,)
        return [f for f in self._levels.get((indicator, region), [])
                if f.figure.unit == unit and f.figure.modality in wanted and (f.complete or not complete)]

    def baseline(self, indicator: str, region: str, unit: str, base: int) -> Found | None:
        """The latest level stated for the base year or before."""
        levels = self._levels_of(indicator, region, unit, False, complete=False)  # a plan states its base year's
        years = self._by_year([f for f in levels if (f.figure.year or 0) <= base])
        return years[max(years)] if years else None

    def latest_level(self, indicator: str, region: str, unit: str, base: int, last: int) -> Value | None:
        """The latest level after the base year up to the target's (an estimate only when no level is stated)."""
        for estimates in (False, True):
            inside = [f for f in self._levels_of(indicator, region, unit, estimates)
                      if base < (f.figure.year or 0) <= last]
            years = self._by_year(inside)
            if years:
                item = years[max(years)]
                assert item.figure.value is not None
                return Value(item.figure.value, max(years), item, item.figure.qualifier in _BOUNDS)
        return None

    def history(self, indicator: str, region: str, unit: str) -> tuple[tuple[int, float], ...]:
        years = self._by_year(self._levels_of(indicator, region, unit, False))
        return tuple((year, float(item.figure.value or 0)) for year, item in sorted(years.items()))

    def total_change(self, indicator: str, region: str, unit: str, base: int, last: int) -> Value | None:
        """The increases reported for each year after the base year, added up."""
        items = [f for f in self._changes.get((indicator, region), [])
                 if f.complete and f.figure.unit == unit and base < (f.figure.year or 0) <= last]
        years = self._by_year(items)
        if not years:
            return None
        latest = years[max(years)]
        total = sum(float(i.figure.value or 0) for i in years.values())
        return Value(total, max(years), latest, any(i.figure.qualifier in _BOUNDS for i in years.values()))

    def rate(self, indicator: str, region: str, base: int, last: int, average: bool) -> Value | None:
        """The growth reported for the years after the base year: their yearly average (年均) or,
        for growth over the whole period, compounded."""
        items = [f for f in self._rates.get((indicator, region), [])
                 if f.complete and base < (f.figure.year or 0) <= last]
        years = self._by_year(items)
        if not years:
            return None
        factor = math.prod(1 + float(i.figure.value or 0) / 100 for i in years.values())
        value = (factor ** (1 / len(years)) - 1) * 100 if average else (factor - 1) * 100
        return Value(value, max(years), years[max(years)])


def core_name(name: str) -> str:
    name = re.sub(r"[（(].*?[）)]", "", name)
    return _SUFFIX.sub("", _PREFIX.sub("", name))


def _pairs(text: str) -> list[str]:
    return [text[i: i + 2] for i in range(len(text) - 1)]


def similarity(first: str, second: str) -> float:
    """How alike two indicator names are (1 when one holds the other's core)."""
    a, b = core_name(first), core_name(second)
    if len(a) < 2 or len(b) < 2:
        return 0.0
    if a in b or b in a:
        return 1.0
    pa, pb = Counter(_pairs(a)), Counter(_pairs(b))
    return 2 * sum((pa & pb).values()) / (sum(pa.values()) + sum(pb.values()))


def similar_actual(row: PlanRow, candidates: list[tuple[Figure, int | None, str]]) -> tuple[Figure, str] | None:
    """The actual level reported under the name most like the target's, in its place, unit and years."""
    if row.kind == TargetKind.GROWTH or not row.indicator:
        return None
    best: tuple[float, int, Figure, str] | None = None
    for figure, _, title in candidates:
        if figure.region != row.region or figure.unit != row.unit or figure.indicator == row.indicator \
                or not row.base_year < (figure.year or 0) <= row.target_year or not _full_year(figure):
            continue
        score = similarity(row.indicator, figure.indicator or "")
        if score >= SIMILAR and (best is None or (score, figure.year or 0) > best[:2]):
            best = (score, figure.year or 0, figure, title)
    return (best[2], best[3]) if best else None

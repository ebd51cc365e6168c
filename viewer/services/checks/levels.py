"""The levels a stated change is checked against, read from the store as the checks ask for them.

A run that reads one document at a time holds no index of every level in the store: a lookup
(indicator, region, year) is one index seek per unit the indicator's levels have (none for an
indicator without levels), and the latest lookups are kept, as sentences of other documents ask
for the same series and years.

A stated change takes the first level of a unit that is not the figure itself, the first level
that is not a percent (of a unit or of any), or the first level or else the first estimate of a
unit (`change_base`). So a lookup reads a few columns of every level, and whole figures only of
those it can take: of each unit, the first two levels, the first level that is not a percent and
the first estimate. Most lookups keep none or one, so many more lookups are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection

from viewer.model import Figure, FigureKind, Role
from viewer.services.checks.context import LEVEL_KINDS, LEVEL_ROLES
from viewer.store import check_reads
from viewer.store.check_reads import LevelRow
from viewer.store.connection import Queryable

KEPT_LOOKUPS = 16384  # (indicator, region, year) lookups kept


class StoreLevels:
    """`Corpus.level_source` reading the store: the full-year levels and estimates of a series and
    year a stated change can take (see above), in corpus order. With `series`, only those series
    are read (a run that keeps only their findings); others have none."""

    def __init__(self, db: Queryable, series: Collection[tuple[str, str]] | None = None,
                 kept: int | None = None) -> None:
        self._db = db
        self._series = None if series is None else frozenset(series)
        self._kept = KEPT_LOOKUPS if kept is None else kept
        self._units: dict[str, list[str]] = {}
        self._found: OrderedDict[tuple[str, str, int], list[Figure]] = OrderedDict()
        self.reads = 0  # lookups that went to the store

    def __call__(self, indicator: str, region: str, year: int) -> list[Figure]:
        if self._series is not None and (indicator, region) not in self._series:
            return []
        key = (indicator, region, year)
        found = self._found.get(key)
        if found is not None:
            self._found.move_to_end(key)
            return found
        units = self._units.get(indicator)
        if units is None:
            units = self._units[indicator] = check_reads.level_units(self._db, indicator)
        self.reads += 1
        found = []
        if indicator and region and units:
            rows = check_reads.year_level_rows(self._db, indicator, units, region, year)
            found = check_reads.figures_by_id(self._db, takeable(rows, year))
        self._found[key] = found
        if len(self._found) > self._kept:
            self._found.popitem(last=False)
        return found


def takeable(rows: list[LevelRow], year: int) -> list[int]:
    """Ids of the rows (levels and estimates of one series and year, in corpus order) that are
    full-year levels or estimates a stated change can take: of each unit, the first two levels,
    the first level that is not a percent and the first estimate."""
    full_year = ("", str(year))
    taken: dict[str, list[int]] = {}  # unit -> [levels, levels not a percent, estimates] taken
    ids: list[int] = []
    for figure_id, unit, kind, role, period in rows:
        if kind not in LEVEL_KINDS or period not in full_year:
            continue
        counts = taken.setdefault(unit, [0, 0, 0])
        take = False
        if role in LEVEL_ROLES:
            if counts[0] < 2:
                counts[0] += 1
                take = True
            if kind != FigureKind.PERCENT and not counts[1]:
                counts[1] = 1
                take = True
        elif role == Role.ESTIMATE and not counts[2]:
            counts[2] = 1
            take = True
        if take:
            ids.append(figure_id)
    return ids

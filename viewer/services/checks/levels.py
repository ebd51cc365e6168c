"""The levels a stated change is checked against, read from the store as the checks ask for them.

A run that reads one document at a time holds no index of every level in the store: a lookup
(indicator, region, year) is one index seek per unit of the indicator, and the latest lookups are
kept, as neighbouring sentences ask for the same series and years.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection

from viewer.model import Figure
from viewer.services.checks.context import is_series_level
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

KEPT_LOOKUPS = 1024  # (indicator, region, year) lookups kept


class StoreLevels:
    """`Corpus.level_source` reading the store: full-year levels and estimates of a series and
    year in corpus order. With `series`, only those series are read (a run that keeps only their
    findings); others have none."""

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
            units = self._units[indicator] = store_checks.indicator_units(self._db, indicator)
        self.reads += 1
        found = [f for f in store_checks.year_levels(self._db, indicator, units, region, year) if is_series_level(f)]
        self._found[key] = found
        if len(self._found) > self._kept:
            self._found.popitem(last=False)
        return found

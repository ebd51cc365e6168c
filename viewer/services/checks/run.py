"""A check run that holds one document or one series at a time.

Checks of one sentence (stated changes, parts of a total) read the store document by document;
a stated change against a base year reads that year's levels from the store (`StoreLevels`).
Checks across documents (conflicts, outliers, parts of a year, targets) read the store series
by series (indicator and region): everything they compare lies within one series. Repeated
paragraphs come from the store's paragraph fingerprints. Findings come out as they are made, to
be written in batches: a run of 10,000 reports never holds every figure or every finding.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator

from viewer.model import Role
from viewer.model.review import Finding
from viewer.services.checks import change, conflicts, outliers, part_year, parts, repeats, targets
from viewer.services.checks.context import Corpus, document_passages, label_maps
from viewer.services.checks.levels import StoreLevels
from viewer.services.checks.scopes import Scopes, scope_of
from viewer.store import check_reads
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

# What the checks across documents compare: levels, estimates and targets (with a value), never a
# growth rate, change or rank.
SERIES_ROLES = (Role.ACTUAL, Role.SHARE, Role.ESTIMATE, Role.TARGET)
Wanted = dict[int, set[tuple[int, int]] | None]  # doc id -> sentences (start, end) to read, None: all


def scoped_findings(db: Queryable, scopes: Scopes | None = None, wanted: Wanted | None = None
                    ) -> Iterator[tuple[str, Finding]]:
    """(scope, finding) of every finding, or only of the findings of `scopes` (reading the
    sentences `wanted`, as `scopes.sentences` gives them, when given)."""
    labels = store_checks.document_labels(db)
    if scopes is not None and wanted is None:
        wanted = scopes.sentences(db)
    keys = None if scopes is None else scopes.keys()
    ceilings: set[int] = set()  # filled by the sentences, read by the series: chained in that order
    found = itertools.chain(
        sentence_findings(db, labels, wanted, None if scopes is None else scopes.series, ceilings),
        series_findings(db, labels, ceilings, None if scopes is None else scopes.series),
        repeats.check(db, None if scopes is None else scopes.paragraphs),
    )
    for scope, finding in found:
        if keys is None or scope in keys:
            yield scope, finding


def sentence_findings(db: Queryable, labels: dict[int, tuple[int | None, str]], wanted: Wanted | None,
                      series: Collection[tuple[str, str]] | None, ceilings: set[int]) -> Iterator[tuple[str, Finding]]:
    """Findings of the checks of one sentence, document by document (only of the `wanted`
    sentences, and reading levels only of `series`, when given); adds the ceiling targets seen to
    `ceilings` for `series_findings`."""
    levels = StoreLevels(db, series)
    maps = label_maps(labels)
    for doc_id in sorted(labels if wanted is None else wanted):
        passages = document_passages(db, doc_id, None if wanted is None else wanted[doc_id])
        if not passages:
            continue
        corpus = Corpus.of_passages(passages, *maps, level_source=levels)
        ceilings |= targets.ceilings(corpus)
        for finding in (*change.check(corpus), *parts.check(corpus)):
            yield scope_of(finding, corpus), finding


def series_findings(db: Queryable, labels: dict[int, tuple[int | None, str]], ceilings: set[int],
                    series: Iterable[tuple[str, str]] | None = None) -> Iterator[tuple[str, Finding]]:
    """Findings of the checks across documents, series by series (only `series`, when given).
    `ceilings`: the targets `sentence_findings` found worded as ceilings."""
    maps = label_maps(labels)
    regions: dict[str, set[str]] | None = None
    if series is not None:
        regions = {}
        for indicator, region in series:
            regions.setdefault(indicator, set()).add(region)
    for indicator in sorted(store_checks.indicators(db) if regions is None else regions):
        figures = check_reads.series_figures(db, indicator, None if regions is None else regions[indicator],
                                              SERIES_ROLES)
        for region, group in itertools.groupby(figures, key=lambda f: f.region):
            if not indicator or not region:
                continue  # figures no check across documents compares
            corpus = Corpus.of_series(list(group), *maps, ceilings)
            for finding in (*conflicts.check(corpus), *outliers.check(corpus), *part_year.check(corpus),
                            *targets.check(corpus)):
                yield scope_of(finding, corpus), finding

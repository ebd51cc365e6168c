"""The checks' flags of a chart's points, asked for and answered off the UI thread: which figures
behind each place the checks cite, and which of them carry a flag (conflict, outlier, met,
missed). `viewer.services.chart_model.ChartModel` makes the requests and applies the answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from viewer.model import Point, Series
from viewer.services.library import Library
from viewer.services.series import FlagRow, Position

FlagSource = Callable[[list[int]], dict[int, str]]  # figure ids -> flag (conflict, outlier, met, missed)


@dataclass(frozen=True)
class FlagRequest:
    """The flags to read for the points of a drawing (`ChartModel.flag_request`)."""

    series: Series
    points: list[Point]
    asked: frozenset[int]  # the cited figures asked about already
    generation: int


@dataclass(frozen=True)
class FlagAnswer:
    request: FlagRequest
    behind: dict[Position, list[int]]  # a place -> the cited figures of the reports behind it
    asked: list[int]  # the cited figures asked about
    found: dict[int, str]  # of them, those with a flag


def answer_from_rows(request: FlagRequest, rows: list[FlagRow],
                     flags_of: Callable[[list[tuple[int, str, str, str]]], dict[int, str]]) -> FlagAnswer:
    """The answer `answer_flags` gives, from the rows of `Library.flag_rows_at` (one read) and a
    function from (figure id, kind, verdict, label) rows to flags: the figures behind a place in
    their documents' order, then theirs, as `Library.figures_at` gives them."""
    places: dict[Position, set[tuple[int, int]]] = {}
    for place, figure_id, doc_id, *_finding in rows:
        places.setdefault(place, set()).add((doc_id, figure_id))
    behind = {place: [figure_id for _doc, figure_id in sorted(figures)] for place, figures in places.items()}
    new = sorted({i for ids in behind.values() for i in ids} - request.asked)
    wanted = set(new)
    found = flags_of([(figure_id, kind, verdict, label) for _place, figure_id, _doc, kind, verdict, label in rows
                      if figure_id in wanted]) if new else {}
    return FlagAnswer(request, behind, new, found)


def answer_flags(library: Library, request: FlagRequest, source: FlagSource) -> FlagAnswer:
    """Read the flags of a request through `library` and `source` (in any thread, with a library
    and a source of that thread's own): only the figures the checks cite, each once."""
    series = request.series
    behind = library.figures_at(series.indicator, series.unit, request.points)
    new = sorted({i for ids in behind.values() for i in ids} - request.asked)
    return FlagAnswer(request, behind, new, source(new) if new else {})

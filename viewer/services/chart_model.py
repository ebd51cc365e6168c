"""What the chart shows, without Qt (the pane in viewer.ui.chart_pane only paints it): the
series drawn (a figure's or an indicator's), the regions drawn and hidden, the point
emphasised, the checks' flags, and the drawing itself as plain curves and spots.

Which value stands for a marker and for the line is decided in `viewer.services.chart`.
Values in a drawing are in the series' unit; the pane scales them for its axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.model import Figure, Point, Role, Series
from viewer.services.chart import (
    ACTUAL,
    PART,
    TARGET,
    chart_x,
    drawn_regions,
    grouped,
    line_points,
    target_path,
)
from viewer.services.chart import MAX_OTHER_REGIONS as MAX_OTHER_REGIONS
from viewer.services.chart_flags import FlagAnswer, FlagRequest, FlagSource, answer_flags
from viewer.services.library import Library
from viewer.services.series import ChartSeries, Position, ValueRange, position

XY = tuple[float, float]


@dataclass(frozen=True)
class Curve:
    """The line of a region's group (actual, estimate, target; parts of a year have none)."""

    region: str
    group: str
    xs: list[float]
    ys: list[float]


@dataclass(frozen=True)
class Spots:
    """The markers of a region's group, one per point; a hollow one is a point to check."""

    region: str
    group: str
    points: list[Point]
    xs: list[float]
    ys: list[float]
    hollow: list[bool]


@dataclass
class Drawing:
    """Everything one drawing of the chart shows, region colours by their place in `regions`."""

    series: Series
    points: list[Point]  # the visible ones
    regions: list[str]
    curves: list[Curve] = field(default_factory=list)
    spots: list[Spots] = field(default_factory=list)
    ranges: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)  # low-high pairs
    emphasis: list[XY] = field(default_factory=list)
    flags: list[tuple[float, float, str]] = field(default_factory=list)
    hidden_regions: int = 0  # regions of the series not drawn (the region menu has them)
    value_ranges: list[ValueRange] = field(default_factory=list)  # places of many values, at their year

    def values(self) -> list[float]:
        return [p.value for p in self.points] + [p.value_high for p in self.points if p.value_high is not None] + \
            [v for r in self.value_ranges for v in (r.low, r.high)]


def ranges_of(series: Series | None) -> list[ValueRange]:
    """A chart series' places of many values (none for a series of points only)."""
    return list(series.ranges) if isinstance(series, ChartSeries) else []


def measure(series: Series) -> str | None:
    """The role a series measures when it is not values (a chart of increases, 新增N家)."""
    measures = {p.role for p in series.points} - {Role.ACTUAL, Role.TARGET, Role.ESTIMATE}
    return measures.pop() if len(measures) == 1 else None


class ChartModel:
    def __init__(self, library: Library | None = None) -> None:
        self.library = library
        self.flag_source: FlagSource | None = None  # asked only about the points drawn
        self.series: Series | None = None
        self.emphasised: int | None = None
        self.hidden: set[str] = set()
        self.flags: dict[int, str] = {}
        self._asked: set[int] = set()  # figures of the points drawn since the flags were read
        self._asked_cited: set[int] = set()  # of them and the reports behind, those cited by checks
        self.flags_pending = False  # points drawn that `read_flags` has not asked about
        self._flags_read = 0  # counts the flags forgotten or given: answers asked before are stale
        self._figure: Figure | None = None  # the figure whose series is drawn
        self._busiest: dict[str, list[str]] = {}  # indicator -> its busiest regions (`_first_regions`)
        self._region_counts: dict[str, dict[str, int]] = {}  # indicator -> region -> figures (the region menu)
        self._details: dict[int, Point] = {}  # figure id -> its marker's details, of the series drawn
        self._range_reports: dict[tuple[str, str, int], int] = {}  # a range's place -> its reports, likewise
        self.range_flags: dict[Position, str] = {}  # flagged values inside a range of the drawing

    def indicator(self) -> str:
        return self.series.indicator if self.series is not None else ""

    # -- reading ------------------------------------------------------------------------------
    def indicators(self) -> list[str]:
        self._busiest.clear()  # the store changed
        self._region_counts.clear()
        return self.library.indicators() if self.library is not None else []

    def figure_series(self, figure: Figure) -> Series | None:
        """The series a click on `figure` shows, of its first regions; None without an indicator."""
        if not figure.indicator or self.library is None:
            return None
        self._figure = figure
        return self.library.chart_series_for_figure(figure, self._first_regions(figure.indicator, figure.region))

    def indicator_series(self, indicator: str) -> Series | None:
        if self.library is None or not indicator:
            return None
        self._figure = None
        return self.library.chart_series(indicator, self._first_regions(indicator, None))

    def _first_regions(self, indicator: str, region: str | None) -> list[str] | None:
        """Of an indicator reported in many regions, the ones to read first (see `drawn_regions`):
        `region` and the `MAX_OTHER_REGIONS` others with the most figures in the store (ties: by
        name); None: all of them. Only the busiest are read, not every region's count."""
        ranked = self._busiest.get(indicator)
        if ranked is None and self.library is not None:
            ranked = self._busiest[indicator] = self.library.busiest_regions(indicator, 2 + MAX_OTHER_REGIONS)
        if ranked is None or len(ranked) <= 1 + MAX_OTHER_REGIONS:
            return None
        return ([region] if region else []) + [r for r in ranked if r != region][:MAX_OTHER_REGIONS]

    def region_counts(self) -> dict[str, int]:
        """Every region of the indicator drawn, read or not, with its figures in the store."""
        if self.series is None or self.library is None:
            return {}
        indicator = self.series.indicator
        counts = self._region_counts.get(indicator)
        if counts is None:
            counts = self._region_counts[indicator] = self.library.indicator_region_counts(indicator)
        return counts

    # -- what is drawn ------------------------------------------------------------------------
    def show(self, series: Series, emphasised: int | None) -> bool:
        """Take a series to draw; False when it is the one drawn and only the emphasis moved."""
        if self.series is not None and _same_series(self.series, series):
            self.emphasised = emphasised
            shown = {p.region for p in series.points if p.figure_id == emphasised} & self.hidden
            self.hidden -= shown
            return bool(shown)
        self.series, self.emphasised = series, emphasised
        self._details.clear()
        self._range_reports.clear()
        drawn = drawn_regions(series.points, emphasised)
        self.hidden = {p.region for p in series.points if p.region not in drawn}
        self._asked.clear()
        self._asked_cited.clear()
        if self.flag_source is not None:
            self.flags = {}
            self.range_flags = {}
        return True

    def forget(self) -> tuple[Series | None, int | None]:
        """Drop the series drawn (to read it again); returns it and the figure emphasised."""
        shown, self.series = self.series, None
        return shown, self.emphasised

    def visible_points(self) -> list[Point]:
        if self.series is None:
            return []
        return [p for p in self.series.points if p.region not in self.hidden]

    def visible_ranges(self) -> list[ValueRange]:
        return [r for r in ranges_of(self.series) if r.region not in self.hidden]

    def range_reports(self, value_range: ValueRange) -> int:
        """The reports behind a range, read when the reviewer points at it (once per series drawn)."""
        if self.series is None or self.library is None:
            return 0
        key = value_range.place
        found = self._range_reports.get(key)
        if found is None:
            found = self._range_reports[key] = self.library.place_reports(self.series.indicator, self.series.unit,
                                                                          value_range)
        return found

    def details(self, point: Point) -> Point:
        """A marker with its details (report title, figure text, how it was attributed), read by
        figure id once per series drawn; a point that has them is itself."""
        if point.doc_title or self.library is None:
            return point
        found = self._details.get(point.figure_id)
        if found is None or found.reports != point.reports:
            found = self._details[point.figure_id] = self.library.point_details([point])[0]
        return found

    def region_choices(self) -> list[tuple[str, bool]]:
        """(region, drawn) of every region of the indicator: the drawn first, then by points."""
        if self.series is None:
            return []
        counts = dict(self.region_counts())
        loaded: dict[str, int] = {}
        for point in self.series.points:
            loaded[point.region] = loaded.get(point.region, 0) + 1
        counts.update(loaded)
        hidden = self.hidden | (set(counts) - set(loaded))
        return [(r, r not in hidden) for r in sorted(counts, key=lambda r: (r in hidden, -counts[r], r))]

    def set_region_visible(self, region: str, visible: bool) -> None:
        if visible:
            self._load_region(region)
            self.hidden.discard(region)
        else:
            self.hidden.add(region)

    def _load_region(self, region: str) -> None:
        """Add a region not read yet (chosen in the region menu) to the series."""
        series, library = self.series, self.library
        if series is None or library is None or region in {p.region for p in series.points}:
            return
        figure = self._figure
        more = library.chart_series_for_figure(figure, [region]) if figure is not None else \
            library.chart_series(series.indicator, [region])
        known = {p.figure_id for p in series.points}
        self.series = ChartSeries(series.indicator, series.unit, series.kind,
                                  series.points + [p for p in more.points if p.figure_id not in known],
                                  ranges_of(series) + [r for r in ranges_of(more) if r.region == region])

    def drawing(self) -> Drawing | None:
        """The chart of the visible points with the flags known; None when nothing is drawn. The
        flags of points not asked about yet are read by `read_flags` (after the chart is shown)."""
        if self.series is None:
            return None
        points = self.visible_points()
        self.flags_pending = self.flag_source is not None and any(p.figure_id not in self._asked for p in points)
        regions = sorted({p.region for p in points})
        drawing = Drawing(self.series, points, regions,
                          hidden_regions=len({p.region for p in self.series.points}) - len(regions),
                          value_ranges=self.visible_ranges())
        actual_lines: dict[str, list[Point]] = {}
        for (region, group), members in grouped(points).items():
            line = [] if group == PART else line_points(members)
            if group == TARGET:
                line = target_path(actual_lines.get(region, []), line)
            elif group == ACTUAL:
                actual_lines[region] = line
            if line:
                drawing.curves.append(Curve(region, group, [chart_x(p) for p in line], [p.value for p in line]))
            drawing.spots.append(Spots(region, group, members, [chart_x(p) for p in members],
                                       [p.value for p in members], [bool(p.weak) for p in members]))
        for point in points:
            if point.value_high is not None:
                xs, ys = drawing.ranges.setdefault(point.region, ([], []))
                xs += [chart_x(point), chart_x(point)]
                ys += [point.value, point.value_high]
        drawing.emphasis = self.emphasis(points)
        drawing.flags = self.flag_marks(points)
        return drawing

    def emphasis(self, points: list[Point] | None = None) -> list[XY]:
        """The emphasised figure's marker; on a range, at its value (a click on the range)."""
        points = self.visible_points() if points is None else points
        marks = [(chart_x(p), p.value) for p in points if p.figure_id == self.emphasised]
        return marks or [(chart_x(r.latest), r.latest.value) for r in self.visible_ranges()
                         if r.latest.figure_id == self.emphasised]

    # -- flags --------------------------------------------------------------------------------
    def flag_request(self) -> FlagRequest | None:
        """What `read_flags` asks about the visible points, to be answered by `answer_flags` in
        any thread and applied by `apply_flags`; None when there is nothing to ask."""
        self.flags_pending = False
        if self.series is None or self.library is None or self.flag_source is None:
            return None
        points = self.visible_points()
        self._asked.update(p.figure_id for p in points)
        return FlagRequest(self.series, points, frozenset(self._asked_cited), self._flags_read)

    def apply_flags(self, answer: FlagAnswer) -> bool:
        """Take the flags of an answer: a marker stands for every report of its place and takes a
        flag any of them has (its own first). An answer to a series no longer drawn, or asked
        before the flags were forgotten or given, is dropped. True when a point took a flag."""
        request = answer.request
        if request.series is not self.series or request.generation != self._flags_read:
            self._asked.difference_update(p.figure_id for p in request.points)  # to be asked again if drawn
            self.flags_pending = self.flag_source is not None and \
                any(p.figure_id not in self._asked for p in self.visible_points())
            return False
        self._asked_cited.update(answer.asked)
        changed = False
        for point in request.points:
            if point.figure_id not in self.flags:
                flag = answer.found.get(point.figure_id) or \
                    next((answer.found[i] for i in answer.behind.get(position(point), ()) if i in answer.found), None)
                if flag is not None:
                    self.flags[point.figure_id] = flag
                    changed = True
        drawn = {position(p) for p in request.points}
        dense = {r.place for r in ranges_of(request.series)}
        for place, figures in answer.behind.items():  # a flagged value inside a range: its mark on the range
            if place[:3] not in dense or place in drawn or place in self.range_flags:
                continue
            flag = next((answer.found[i] for i in figures if i in answer.found), None)
            if flag is not None:
                self.range_flags[place] = flag
                changed = True
        return changed

    def read_flags(self) -> bool:
        """Ask `flag_source` about the visible points here and now (`flag_request`,
        `answer_flags`, `apply_flags`). True when a point took a flag."""
        request = self.flag_request()
        if request is None or self.library is None or self.flag_source is None:
            return False
        return self.apply_flags(answer_flags(self.library, request, self.flag_source))

    def flag_marks(self, points: list[Point]) -> list[tuple[float, float, str]]:
        """The flags of the markers, then those of values inside the ranges drawn (at the year)."""
        shown = {r.place for r in self.visible_ranges()}
        return [(chart_x(p), p.value, self.flags[p.figure_id]) for p in points if p.figure_id in self.flags] + \
            [(float(place[2]), place[3], flag) for place, flag in self.range_flags.items() if place[:3] in shown]

    def forget_flags(self) -> bool:
        """The checks ran again: ask afresh. True when a series is drawn (to draw again)."""
        if self.flag_source is None:
            return False
        self.flags, self._asked, self._asked_cited = {}, set(), set()
        self.range_flags = {}
        self._flags_read += 1
        return self.series is not None

    def set_flags(self, flags: dict[int, str]) -> bool:
        """Flags given rather than asked for; True when they changed and a series is drawn."""
        if flags == self.flags:
            return False
        self.flags = dict(flags)
        self._flags_read += 1
        return self.series is not None

    # -- sources ------------------------------------------------------------------------------
    def sentence_of(self, point: Point) -> str:
        if point.sentence or self.library is None:
            return point.sentence
        return self.library.with_sentences([point])[0].sentence

    def export_series(self) -> Series | None:
        """Every report behind the visible markers, with sentences: what 导出数据 writes."""
        series = self.series
        if series is None:
            return None
        points = self.visible_points()
        if self.library is not None:
            points = self.library.sources_at(series.indicator, series.unit, points, self.visible_ranges())
        return Series(series.indicator, series.unit, series.kind, points)


def _same_series(old: Series, new: Series) -> bool:
    return (old.indicator, old.unit, [p.figure_id for p in old.points], ranges_of(old)) == \
        (new.indicator, new.unit, [p.figure_id for p in new.points], ranges_of(new))

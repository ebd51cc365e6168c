"""Plans side by side: several places' plans by indicator, and the next plan against the one it
follows (which indicators continue, are new or dropped; each new target against the straight
line of the last five years' actuals)."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.model.plans import (
    Continuity,
    NextPlanComparison,
    NextPlanRow,
    PlacesComparison,
    PlanEvaluation,
    PlanRow,
    TargetKind,
)
from viewer.services import plan_progress, plan_words
from viewer.services.plan_evaluation import evaluate_plan
from viewer.store import Queryable

TREND_YEARS = 5  # actuals the projection is fitted to: the last five years before the new plan


def compare_places(db: Queryable, doc_ids: list[int]) -> PlacesComparison:
    return places(tuple(evaluate_plan(db, doc_id) for doc_id in doc_ids))


def places(plans: Sequence[PlanEvaluation]) -> PlacesComparison:
    """The plans' rows by indicator: a line per indicator (in the order first met), a cell per plan."""
    indicators: list[str] = []
    cells: dict[tuple[str, int], PlanRow] = {}
    for evaluation in plans:
        for row in evaluation.rows:
            if row.indicator not in indicators:
                indicators.append(row.indicator)
            cells.setdefault((row.indicator, evaluation.plan.doc_id), row)  # the earliest target year first
    return PlacesComparison(plans=tuple(plans), indicators=tuple(indicators), cells=cells)


def cell_words(row: PlanRow | None, lang: str = "zh") -> str:
    if row is None:
        return ""
    actual = plan_words.actual_words(row, lang)
    if lang == "zh":
        reached = f"，{row.actual_year}年实际{actual}" if actual else ""
        return f"{plan_words.status_word(row, lang)}：目标{plan_words.target_words(row, lang)}{reached}"
    reached = f", {row.actual_year} actual {actual}" if actual else ""
    return f"{plan_words.status_word(row, lang)}: target {plan_words.target_words(row, lang)}{reached}"


def compare_places_rows(plans: Sequence[PlanEvaluation], lang: str = "zh") -> tuple[list[str], list[list[str]]]:
    """A table of plans side by side: header (indicator, each plan's place and title), a line per indicator."""
    comparison = places(plans)
    header = ["指标" if lang == "zh" else "indicator"]
    header += [f"{e.plan.region or ''} {e.plan.title}".strip() for e in comparison.plans]
    lines = [[indicator, *(cell_words(comparison.cells.get((indicator, e.plan.doc_id)), lang)
                           for e in comparison.plans)] for indicator in comparison.indicators]
    return header, lines


def compare_next(db: Queryable, previous_id: int, next_id: int) -> NextPlanComparison:
    previous, following = evaluate_plan(db, previous_id), evaluate_plan(db, next_id)
    return next_plan_rows(previous, following)


def next_plan_rows(previous: PlanEvaluation, following: PlanEvaluation) -> NextPlanComparison:
    before = _last_rows(previous)
    after = _last_rows(following)
    rows: list[NextPlanRow] = []
    for key, row in after.items():
        old = before.get(key)
        trend, projection, versus = _trend(row)
        rows.append(NextPlanRow(indicator=row.indicator, region=row.region,
                                continuity=Continuity.CONTINUES if old else Continuity.NEW,
                                previous=old, target=row, trend=trend, projection=projection, versus_trend=versus))
    for key, old in before.items():
        if key not in after:
            rows.append(NextPlanRow(indicator=old.indicator, region=old.region, continuity=Continuity.DROPPED,
                                    previous=old, target=None, trend=old.history))
    return NextPlanComparison(previous=previous, next=following, rows=tuple(rows))


def _last_rows(evaluation: PlanEvaluation) -> dict[tuple[str, str, str], PlanRow]:
    """A plan's rows by indicator, place and kind: the latest target year's."""
    found: dict[tuple[str, str, str], PlanRow] = {}
    for row in sorted(evaluation.rows, key=lambda r: r.target_year):
        if row.excluded is None:
            found[(row.indicator, row.region, row.kind)] = row
    return found


def straight_line(points: tuple[tuple[int, float], ...]) -> tuple[float, float] | None:
    """(slope, intercept) of the least-squares line through (year, value); None under two years."""
    if len({year for year, _ in points}) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    return slope, mean_y - slope * mean_x


def _trend(row: PlanRow) -> tuple[tuple[tuple[int, float], ...], float | None, float | None]:
    """The actuals of the five years up to the plan's base year, the line's value at the target
    year, and how far (percent) the target lies above it."""
    points = tuple((y, v) for y, v in row.history if row.base_year - TREND_YEARS < y <= row.base_year)
    line = straight_line(points)
    if line is None:
        return points, None, None
    projection = line[0] * row.target_year + line[1]
    goal: float | None = row.target_value
    if row.kind == TargetKind.GROWTH:
        last_year, last = points[-1]
        goal = plan_progress.implied_level(last, row.target_value, row.target_year - last_year, True)
    elif row.kind == TargetKind.CHANGE:
        goal = points[-1][1] + row.target_value
    if goal is None or abs(projection) < plan_progress.TOLERANCE:
        return points, projection, None
    return points, projection, (goal - projection) / abs(projection) * 100

"""A plan's evaluation: each target against what later reports say (see services.plan_evaluation)."""

from __future__ import annotations

from dataclasses import dataclass, field


class PlanStatus:
    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_REPORTED = "not_reported"
    OTHER_NAME = "other_name"  # no actual under the target's indicator, one under a similar name
    UNCLEAR = "unclear"  # an actual, but no baseline or only a bound: the reviewer decides

    ORDER = (MET, ON_TRACK, BEHIND, UNCLEAR, OTHER_NAME, NOT_REPORTED)


class TargetKind:
    LEVEL = "level"  # reach a value (a share is a level in percent)
    GROWTH = "growth"  # 年均增长8%: a rate over the period (or the year of an annual goal)
    CHANGE = "change"  # 新增30家: an increase over the period
    CEILING = "ceiling"  # 控制在 / 不超过 / 降至: stay at or under


@dataclass(frozen=True)
class PlanDocument:
    """A document that states targets; `is_plan` when its title or text reads as a plan."""

    doc_id: int
    title: str
    region: str | None
    year: int | None
    kind: str
    targets: int
    is_plan: bool
    path: str = ""
    end_year: int | None = None  # the year the plan's period ends (its targets' year), when it says


@dataclass(frozen=True)
class PlanSource:
    """A figure behind a row, one click from its sentence."""

    label: str  # target | baseline | actual
    doc_id: int
    doc_title: str
    figure_id: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    year: int | None
    sentence: str = ""
    reviewer: bool = False  # a reviewer's correction set this figure


@dataclass(frozen=True)
class PlanRow:
    key: str  # stable across re-analysis: what an exclusion is stored under
    indicator: str  # the taxonomy's or provisional name; "" when the analysis found none
    region: str
    unit: str  # the target's unit (% for a growth target)
    kind: str  # TargetKind
    target_value: float
    target_year: int
    target_text: str
    base_year: int
    qualifier: str = ""  # 以上 / 左右 / 不低于 / 超过 … as the plan words it
    binding: str = ""  # 预期性 / 约束性 where the plan says so
    target_high: float | None = None
    level_unit: str = ""  # the unit of baseline and history (a growth target's levels: 元)
    baseline_value: float | None = None
    baseline_year: int | None = None
    actual_value: float | None = None  # the latest actual (for a growth target: the rate reached)
    actual_year: int | None = None
    actual_text: str = ""
    actual_indicator: str = ""  # the name it was reported under, when another one
    actual_estimate: bool = False  # only an estimate (预计) was found
    progress: float | None = None  # percent of the way from the baseline to the target
    expected: float | None = None  # percent of the period gone by at the actual's year
    status: str = PlanStatus.NOT_REPORTED
    corrected: tuple[str, ...] = ()  # which of target / baseline / actual a reviewer corrected
    excluded: str | None = None  # the reviewer's reason, when the row is excluded
    history: tuple[tuple[int, float], ...] = ()  # (year, level) of the reported actuals, for the chart
    sources: tuple[PlanSource, ...] = ()


@dataclass(frozen=True)
class PlanEvaluation:
    plan: PlanDocument
    base_year: int | None  # the plan's base year where it states one (规划基年, 十四五 -> 2020)
    rows: tuple[PlanRow, ...]
    dropped: tuple[str, ...] = ()  # targets left out, each with why (a highlight restated, …)

    def counts(self) -> dict[str, int]:
        """status -> rows, the excluded ones apart (under "excluded")."""
        found = {status: 0 for status in PlanStatus.ORDER}
        found["excluded"] = 0
        for row in self.rows:
            found["excluded" if row.excluded is not None else row.status] += 1
        return found


@dataclass(frozen=True)
class PlacesComparison:
    """Several plans side by side: one line per indicator, a cell per plan (None: not a target there)."""

    plans: tuple[PlanEvaluation, ...]
    indicators: tuple[str, ...]
    cells: dict[tuple[str, int], PlanRow] = field(default_factory=dict)


class Continuity:
    CONTINUES = "continues"
    NEW = "new"
    DROPPED = "dropped"


@dataclass(frozen=True)
class NextPlanRow:
    indicator: str
    region: str
    continuity: str  # Continuity
    previous: PlanRow | None  # the row of the earlier plan
    target: PlanRow | None  # the row of the next plan
    trend: tuple[tuple[int, float], ...] = ()  # the actuals the projection is fitted to
    projection: float | None = None  # the straight line's value at the new target's year
    versus_trend: float | None = None  # percent the new target (as a level) lies above (+) or under the line


@dataclass(frozen=True)
class NextPlanComparison:
    previous: PlanEvaluation
    next: PlanEvaluation
    rows: tuple[NextPlanRow, ...]

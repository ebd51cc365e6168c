"""How far a target is met: progress from the baseline (percent), the share of the period gone
by, and the status. Numbers in, numbers out."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model.plans import PlanStatus, TargetKind

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Reading:
    """What is known of a target at the latest year reported."""

    kind: str
    target: float  # the level, rate (%) or increase aimed at
    target_year: int
    base_year: int
    year: int  # of the actual
    actual: float  # the level (for a growth target: the level too, when a baseline is known)
    baseline: float | None = None
    bound: bool = False  # the actual is only a lower bound (超过900家)
    average: bool = True  # a growth target per year (年均), else over the whole period
    rate_only: bool = False  # a growth target known only from reported rates: `actual` is the rate


def implied_level(baseline: float, rate: float, years: int, average: bool) -> float:
    """The level a growth target means: 年均增长 r% over n years, or r% over the whole period."""
    return baseline * (1 + rate / 100) ** years if average else baseline * (1 + rate / 100)


def average_rate(baseline: float, level: float, years: int) -> float | None:
    """The yearly growth (percent) from a baseline to a level `years` later."""
    if baseline <= 0 or level < 0 or years <= 0:
        return None
    return float((level / baseline) ** (1 / years) - 1) * 100


def expected_share(reading: Reading) -> float:
    """Percent of the plan's period gone by at the actual's year."""
    span = reading.target_year - reading.base_year
    if span <= 0:
        return 100.0
    return max(0.0, min(100.0, (reading.year - reading.base_year) / span * 100))


def _goal(reading: Reading) -> float | None:
    """The level (or increase) the target means, in the actual's terms."""
    if reading.kind == TargetKind.GROWTH and not reading.rate_only:
        if reading.baseline is None:
            return None
        years = reading.target_year - reading.base_year
        return implied_level(reading.baseline, reading.target, max(years, 1), reading.average)
    return reading.target


def progress(reading: Reading) -> float | None:
    """Percent of the way from the baseline to the target (None without a baseline)."""
    goal = _goal(reading)
    if goal is None:
        return None
    if reading.kind == TargetKind.CHANGE or reading.rate_only:
        return reading.actual / goal * 100 if abs(goal) > TOLERANCE else None
    if reading.baseline is None or abs(goal - reading.baseline) <= TOLERANCE:
        return None
    return (reading.actual - reading.baseline) / (goal - reading.baseline) * 100


def met(reading: Reading) -> bool | None:
    goal = _goal(reading)
    if goal is None:
        return None
    if reading.kind == TargetKind.CEILING:
        return reading.actual <= goal + TOLERANCE
    return reading.actual >= goal - TOLERANCE


def status(reading: Reading) -> tuple[str, float | None, float]:
    """(status, progress, expected share of the period) of a target with an actual."""
    done = met(reading)
    share = expected_share(reading)
    moved = progress(reading)
    if done and reading.rate_only and reading.year < reading.target_year:
        return PlanStatus.ON_TRACK, moved, share  # the rate so far is enough; the period is not over
    if done:
        return PlanStatus.MET, moved, share
    if done is None:
        return PlanStatus.UNCLEAR, moved, share
    if reading.bound and reading.kind != TargetKind.CEILING:
        return PlanStatus.UNCLEAR, moved, share  # 超过900家 against 1100家: it may be reached
    if reading.year >= reading.target_year:
        return PlanStatus.BEHIND, moved, share
    if reading.rate_only:
        return (PlanStatus.ON_TRACK if moved is not None and moved >= 100 - TOLERANCE else PlanStatus.BEHIND), \
            moved, share
    if moved is None and reading.baseline is not None and reading.kind in (TargetKind.LEVEL, TargetKind.CEILING):
        return PlanStatus.BEHIND, moved, share  # a level to hold (保持) that the actual fell below
    if moved is None:
        return PlanStatus.UNCLEAR, moved, share
    return (PlanStatus.ON_TRACK if moved >= share - TOLERANCE else PlanStatus.BEHIND), moved, share

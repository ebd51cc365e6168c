"""Every target of the store with its outcome, for the 目标 view: met, not met, no actual yet, or
not checked (the check compares a full-year target with an indicator and a place only).

Unlike the checks panel, which lists by default only what needs attention, this lists every
target: a met target is a result a reviewer wants to see too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from viewer.model.review import Verdict
from viewer.store import targets as store_targets
from viewer.store.connection import Queryable


class TargetStatus:
    MET = "met"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"  # no actual reported for the target's year yet
    CANNOT_CHECK = "cannot_check"  # the actual is a bound on the wrong side (超过900家 for 1100家)
    UNCHECKED = "unchecked"  # no indicator, place or single year: the check cannot compare it

    ALL = (MET, MISSED, NOT_REPORTED, CANNOT_CHECK, UNCHECKED)


_STATUS = {Verdict.MET: TargetStatus.MET, Verdict.MISSED: TargetStatus.MISSED,
           Verdict.NOT_REPORTED: TargetStatus.NOT_REPORTED, Verdict.CANNOT_CHECK: TargetStatus.CANNOT_CHECK}


@dataclass(frozen=True)
class TargetRow:
    figure_id: int
    doc_id: int
    doc_title: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str  # the target as written: 500家
    indicator: str
    region: str
    year: int | None
    period: str
    value: float | None
    unit: str
    status: str  # TargetStatus
    actual_text: str = ""  # the latest actual the check compared it with
    actual_year: int | None = None
    actual_figure_id: int | None = None
    actual_doc_id: int | None = None
    finding_id: int | None = None


def target_rows(db: Queryable) -> list[TargetRow]:
    """Every target figure (not excluded), by indicator, place, year and document, with its outcome."""
    verdicts = store_targets.target_verdicts(db)
    actuals = store_targets.compared_actuals(db)
    rows = []
    for target in store_targets.target_figures(db):
        check_id, verdict = verdicts.get(target["figure_id"], (None, ""))
        actual = actuals.get(check_id, {}) if check_id is not None else {}
        rows.append(TargetRow(
            figure_id=target["figure_id"], doc_id=target["doc_id"], doc_title=target["doc_title"] or "",
            start=target["start"], end=target["end"], sentence_start=target["sentence_start"],
            sentence_end=target["sentence_end"], text=target["text"], indicator=target["indicator"] or "",
            region=target["region"] or "", year=target["year"], period=target["period"] or "",
            value=target["value"], unit=target["unit"] or "", status=_STATUS.get(verdict, TargetStatus.UNCHECKED),
            actual_text=actual.get("text") or "", actual_year=actual.get("year"),
            actual_figure_id=actual.get("figure_id"), actual_doc_id=actual.get("doc_id"), finding_id=check_id,
        ))
    return rows


def status_counts(rows: list[TargetRow]) -> dict[str, int]:
    """status -> how many targets have it (every status, 0 when none)."""
    counted = Counter(row.status for row in rows)
    return {status: counted.get(status, 0) for status in TargetStatus.ALL}

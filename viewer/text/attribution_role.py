"""Which role a figure plays, from its words (viewer.text.roles), its neighbours and its period."""

from __future__ import annotations

import re

from viewer.model import Figure, Role
from viewer.text.attribution_period import SOURCE_HEADING, SOURCE_TARGET
from viewer.text.periods import Period
from viewer.text.roles import SentenceModality, measure_role

LIST_GAP = re.compile(r"^[\s、和及与以及,，]*$")


def figure_measure(
    text: str, figure: Figure, clause_start: int, previous: Figure | None, previous_measure: str | None
) -> str | None:
    """Change, growth rate, share or rank from the words before the figure in its clause.

    A figure listed right after another in the same clause (3家、5家) measures the same.
    """
    same_clause_previous = previous is not None and previous.end > clause_start
    local_start = max(clause_start, previous.end) if previous is not None and same_clause_previous else clause_start
    local_prefix = text[local_start : figure.start]
    measure = measure_role(figure.kind, local_prefix)
    if measure is None and same_clause_previous and LIST_GAP.match(local_prefix):
        return previous_measure
    if measure is None and same_clause_previous and "、" in (local_prefix.strip()[:1], local_prefix.strip()[-1:]) \
            and previous_measure == Role.CHANGE:
        return Role.CHANGE  # 新增示范基地3家、星创天地5家; 新建7家平台、6家孵化器
    return measure


def level_role(
    cues: SentenceModality, figure: Figure, period: Period | None, source: str, current_year: int | None,
    section_role: str | None = None,
) -> str:
    """Actual, estimate or target for a figure that is a level of its indicator.

    In a section of targets (三、2023年工作计划) a level of the document's year or later is a
    target; in a section of results a year read from a heading does not make one.
    """
    future = period is not None and current_year is not None and period.year > current_year
    present_or_future = period is not None and current_year is not None and period.year >= current_year
    cue = cues.modality(figure.start, figure.end, pursue_is_target=present_or_future)
    if cue != Role.ACTUAL:
        return cue
    if source == SOURCE_TARGET or future:
        return Role.TARGET
    if present_or_future and section_role is not None:
        return section_role
    if source == SOURCE_HEADING and present_or_future:
        return Role.TARGET
    return Role.ACTUAL

"""Provisional indicators to map: the list the reviewer works through, and filing one under an
indicator of the taxonomy (or renaming it) in one action.

One action is: write the mapping to the user's lexicon ([[provisional]]), then analyse again the
documents that have figures under the phrase, so that the store (chart, checks, exports) moves at
once. `plan_mapping` says beforehand how many figures in how many documents are the phrase's:
those are the figures the mapping moves (a reviewer's correction of one stays the reviewer's).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.model.provisional import MappingPlan, ProvisionalIndicator
from viewer.store import open_store
from viewer.store import provisional as store_provisional
from viewer.store.connection import Queryable
from viewer.text.indicators import load_lexicon
from viewer.text.user_lexicon import UserLexiconError
from viewer.text.user_lexicon_merge import indicator_named

if TYPE_CHECKING:
    from viewer.services.reanalysis import ProgressCallback, ReanalysisReport

__all__ = [
    "MappingError",
    "MappingResult",
    "map_provisional_indicator",
    "plan_mapping",
    "provisional_indicators",
]


class MappingError(ValueError):
    """A mapping that cannot be made; the message says why."""


@dataclass(frozen=True)
class MappingResult:
    plan: MappingPlan
    lexicon_changed: bool  # False: the user's lexicon had the mapping already
    report: ReanalysisReport

    @property
    def remaining(self) -> int:
        """Documents of the plan not analysed again (cancelled or failed): they still show the phrase."""
        done = {d.doc_id for d in self.report.reanalysed_documents()}
        return sum(1 for doc_id in self.plan.doc_ids if doc_id not in done)


def provisional_indicators(db: Queryable, examples: int = 3) -> list[ProvisionalIndicator]:
    """Every provisional indicator of the store with its figure and document counts, units and
    up to `examples` example figures with their sentences; most figures first."""
    return store_provisional.provisional_indicators(db, examples)


def plan_mapping(db: Queryable, phrase: str, indicator: str) -> MappingPlan:
    """What filing the provisional indicator `phrase` under `indicator` (a taxonomy indicator by
    name or alias, else a new name for the phrase) will move. Raises MappingError when it cannot
    be done."""
    phrase, indicator = phrase.strip(), indicator.strip()
    lexicon = load_lexicon()
    if not indicator:
        raise MappingError(f"no indicator or new name given for {phrase!r}")
    if lexicon.get(phrase) is not None:
        raise MappingError(f"{phrase!r} is an indicator of the taxonomy, not a provisional one")
    try:
        target = indicator_named(lexicon, indicator, f"[[provisional]] {phrase!r}")
    except UserLexiconError as error:
        raise MappingError(str(error)) from error
    if target == phrase:
        raise MappingError(f"{phrase!r} would be filed under itself")
    figures = store_provisional.provisional_figures(db, phrase)
    if not figures:
        raise MappingError(f"no figure of the store is filed under the provisional indicator {phrase!r}")
    doc_ids = tuple(sorted({doc_id for _, doc_id in figures}))
    return MappingPlan(phrase, target, lexicon.get(target) is not None, len(figures), doc_ids)


def map_provisional_indicator(
    store_path: str | Path,
    phrase: str,
    indicator: str,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    processes: int | None = None,
    lexicon_path: Path | None = None,
    doc_ids: Sequence[int] | None = None,
    waiting: Callable[[], None] | None = None,
) -> MappingResult:
    """File the provisional indicator `phrase` under `indicator` in the user's lexicon, then
    analyse again the documents with figures under it (or `doc_ids`; `waiting` as for `reanalyze`). Cancelled, the lexicon
    keeps the mapping and the documents not yet done keep the phrase: mapping again finishes them.
    Raises MappingError, or UserLexiconError when the lexicon cannot take the mapping."""
    # Imported here: listing the provisional indicators (at the window's start) needs no analysis.
    from viewer.services import lexicon as lexicon_service
    from viewer.services.reanalysis import reanalyze

    db = open_store(store_path)
    try:
        plan = plan_mapping(db, phrase, indicator)
    finally:
        db.conn.close()
    edit = lexicon_service.map_provisional(plan.phrase, plan.target, path=lexicon_path)
    report = reanalyze(store_path, list(doc_ids if doc_ids is not None else plan.doc_ids), progress=progress,
                       cancel=cancel, processes=processes, waiting=waiting)
    return MappingResult(plan, edit.changed, report)

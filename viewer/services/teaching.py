"""Teach the lexicon from a correction (应用到所有文档): the phrase of the text becomes an alias
of the chosen indicator or place (or a provisional indicator is mapped to it) in the user's
lexicon, and the documents it can change are analysed again.

`plan_lesson` previews it first: the entry is checked, put in use in this process only for a
re-analysis of those documents that is rolled back, and the lexicon in use is then restored,
so the reviewer sees how many figures in how many documents will change before anything is
written. `teach` writes the entry and re-analyses the documents that change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.model import Figure
from viewer.services import lexicon
from viewer.services.reanalysis import (
    ReanalysisPreview,
    ReanalysisReport,
    documents_containing,
    preview_reanalysis,
    reanalyze,
)
from viewer.store import documents as store_documents
from viewer.store import provisional as store_provisional
from viewer.store.connection import Queryable
from viewer.text.lexicon_in_use import use_user_lexicon_text, user_lexicon_in_use

if TYPE_CHECKING:
    import threading

    import sqlite_utils

INDICATOR, PLACE, PROVISIONAL = "indicator", "place", "provisional"


class LessonError(ValueError):
    """The lesson cannot be taught; the message says why."""


@dataclass(frozen=True)
class Lesson:
    kind: str  # indicator: phrase becomes an alias of target; place: of the place target;
    # provisional: figures of the provisional indicator phrase are filed under target
    phrase: str
    target: str


@dataclass(frozen=True)
class LessonPlan:
    lesson: Lesson
    doc_ids: tuple[int, ...]  # the documents the entry can change (holding the phrase)
    preview: ReanalysisPreview  # what re-analysing them with the entry changes
    new: bool  # False: the lexicon had the entry already


@dataclass(frozen=True)
class LessonResult:
    lesson: Lesson
    written: bool  # the entry was added to the lexicon (False: it was there)
    report: ReanalysisReport


def suggested_lesson(db: Queryable, figure: Figure, changes: dict[str, Any]) -> Lesson | None:
    """What a correction can teach: a provisional indicator mapped to the reviewer's indicator,
    or (the reviewer fills in the phrase) an alias of the indicator or place they chose."""
    if changes.get("excluded"):
        return None
    indicator = changes.get("indicator")
    if indicator:
        if figure.provisional and figure.indicator and figure.indicator != indicator:
            return Lesson(PROVISIONAL, figure.indicator, indicator)
        return Lesson(INDICATOR, "", indicator)
    region = changes.get("region")
    if region:
        return Lesson(PLACE, "", region)
    return None


def _edit(lesson: Lesson, path: Path | None, dry_run: bool) -> lexicon.LexiconEdit:
    phrase = lesson.phrase.strip()
    if lesson.kind == INDICATOR:
        return lexicon.add_indicator_alias(phrase, lesson.target, path=path, dry_run=dry_run)
    if lesson.kind == PLACE:
        return lexicon.add_place_alias(phrase, lesson.target, path=path, dry_run=dry_run)
    if lesson.kind == PROVISIONAL:
        return lexicon.map_provisional(phrase, lesson.target, path=path, dry_run=dry_run)
    raise LessonError(f"no such lesson: {lesson.kind}")


def lesson_documents(db: Queryable, lesson: Lesson) -> list[int]:
    """The documents a lesson can change: those holding the phrase, or, for a provisional
    indicator, those with figures under it."""
    if lesson.kind == PROVISIONAL:
        return sorted({doc_id for _figure_id, doc_id in store_provisional.provisional_figures(db, lesson.phrase)})
    return documents_containing(db, lesson.phrase.strip())


def plan_lesson(
    db: sqlite_utils.Database, lesson: Lesson, path: Path | None = None,
    cancel: threading.Event | None = None,
) -> LessonPlan:
    """Check the lesson and preview it on the documents it can change (see the module's doc).
    Raises LessonError (with the lexicon's reason) when it cannot be taught."""
    try:
        edit = _edit(lesson, path, dry_run=True)
    except lexicon.UserLexiconError as error:
        raise LessonError(str(error)) from error
    doc_ids = lesson_documents(db, lesson)
    in_use = user_lexicon_in_use()
    try:
        if edit.changed and edit.text is not None:
            use_user_lexicon_text(edit.text, in_use[0] if in_use else str(path or lexicon.user_lexicon_path()))
        preview = preview_reanalysis(db, doc_ids, cancel=cancel)
    finally:
        use_user_lexicon_text(in_use[1] if in_use else None, in_use[0] if in_use else "")
    return LessonPlan(lesson, tuple(doc_ids), preview, edit.changed)


def teach(
    store_path: str | Path, lesson: Lesson, doc_ids: list[int] | None = None, path: Path | None = None,
    progress: Callable[..., None] | None = None, cancel: threading.Event | None = None,
    processes: int | None = None, waiting: Callable[[], None] | None = None,
) -> LessonResult:
    """Write the lesson to the user's lexicon, then analyse again `doc_ids` (default: every
    document it can change); `waiting` as for `reanalyze`."""
    try:
        edit = _edit(lesson, path, dry_run=False)
    except lexicon.UserLexiconError as error:
        raise LessonError(str(error)) from error
    if doc_ids is None:
        from viewer.store import open_store

        db = open_store(store_path)
        try:
            doc_ids = lesson_documents(db, lesson)
        finally:
            db.conn.close()
    report = reanalyze(store_path, doc_ids, progress=progress, cancel=cancel, processes=processes, waiting=waiting)
    return LessonResult(lesson, edit.changed, report)


def phrase_in_sentence(db: Queryable, figure: Figure, phrase: str) -> bool:
    """Whether the phrase stands in the figure's sentence (an alias that is not there would not
    even move this figure)."""
    doc = store_documents.get_document(db, figure.doc_id or 0)
    return doc is not None and bool(phrase.strip()) and \
        phrase.strip() in doc.text[figure.sentence_start : figure.sentence_end]

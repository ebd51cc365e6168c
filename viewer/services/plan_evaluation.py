"""A plan's evaluation: one row per target with its baseline, the latest actual any later report
gives, the progress from baseline to target and the status; the reviewer's corrections of
figures count as corrected (and are marked), and a row the reviewer excluded keeps its reason."""

from __future__ import annotations

import datetime
import getpass
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from viewer.model import Figure, Modality, Qualifier
from viewer.model.plans import PlanDocument, PlanEvaluation, PlanRow, PlanSource, PlanStatus, TargetKind
from viewer.services import plan_progress
from viewer.services.plan_actuals import Found, Index, similar_actual
from viewer.services.plan_targets import Target, is_plan, plan_targets, stated_base_year, stated_end_year
from viewer.store import Queryable
from viewer.store import plans as store_plans

if TYPE_CHECKING:
    import sqlite_utils


def _plan(row: store_plans.DocumentRow) -> PlanDocument:
    doc_id, title, region, year, kind, path, head, targets = row
    planned = is_plan(title, kind, head, targets)
    return PlanDocument(doc_id=doc_id, title=title, region=region, year=year, kind=kind, targets=targets, path=path,
                        is_plan=planned, end_year=stated_end_year(title, head) if planned else None)


def plan_documents(db: Queryable) -> list[PlanDocument]:
    """Every document with targets (plans first, then the latest)."""
    found = [_plan(row) for row in store_plans.documents_with_targets(db)]
    return sorted(found, key=lambda p: (not p.is_plan, -(p.year or 0), p.title))


def default_plan(plans: list[PlanDocument], this_year: int | None = None) -> PlanDocument | None:
    """The plan most likely under review when no open report says which: the plan whose period
    ended most recently, this year included (in 2026 a 十四五 plan, its targets set for 2025: its
    evaluation is the one written now), not the newest draft (a 十五五 draft's targets lie ahead,
    no report measures them yet). Among plans of that period, the one with the most targets, then
    the latest. With none ended, the plan whose period ends soonest; with no plan, the first listed."""
    year = this_year if this_year is not None else datetime.date.today().year
    dated = [p for p in plans if p.is_plan and p.end_year is not None]
    ended = [p for p in dated if (p.end_year or 0) <= year]
    if ended:
        return max(ended, key=lambda p: (p.end_year or 0, p.targets, p.year or 0, -p.doc_id))
    if dated:
        return min(dated, key=lambda p: (p.end_year or 0, -p.targets, -(p.year or 0), p.doc_id))
    return plans[0] if plans else None


def plan_document(db: Queryable, doc_id: int) -> PlanDocument | None:
    row = store_plans.document_with_targets(db, doc_id)
    return _plan(row) if row else None


def evaluate_plan(db: Queryable, doc_id: int) -> PlanEvaluation:
    """The evaluation of the document `doc_id` (KeyError when there is none)."""
    plan = plan_document(db, doc_id)
    text = store_plans.document_text(db, doc_id)
    if plan is None or text is None:
        raise KeyError(f"no document {doc_id} with targets")
    targets, dropped = plan_targets(store_plans.plan_figures(db, doc_id), text, plan.region)
    base = stated_base_year(plan.title, text) if plan.is_plan else None
    indicators = sorted({t.figure.indicator for t in targets if t.figure.indicator})
    regions = sorted({t.figure.region for t in targets if t.figure.region})
    index = Index(store_plans.figures_of(db, indicators, regions))
    rows = [_row(t, _base_year(t.figure, base, plan.year), index, plan.title) for t in targets]
    rows = _other_names(db, rows, regions)
    excluded = store_plans.exclusions(db, plan.path)
    sentences = store_plans.sentences(db, sorted({s.figure_id for r in rows for s in r.sources}))
    rows = [_with_sentences(r, sentences, excluded.get(r.key)) for r in rows]
    rows.sort(key=lambda r: (r.target_year, r.indicator == "" or r.indicator.startswith("（"), r.sources[0].start))
    return PlanEvaluation(plan=plan, base_year=base, rows=tuple(rows), dropped=tuple(dict.fromkeys(dropped)))


def exclude_row(db: sqlite_utils.Database, plan: PlanDocument, key: str, reason: str) -> None:
    """Leave a row out of the counts, with the reviewer's reason (kept across re-imports)."""
    if not reason.strip():
        raise ValueError("an exclusion needs a reason")
    try:
        author = getpass.getuser()
    except (OSError, KeyError, ImportError):
        author = ""
    store_plans.exclude(db, plan.path, key, reason.strip(), author)


def include_row(db: sqlite_utils.Database, plan: PlanDocument, key: str) -> None:
    store_plans.include(db, plan.path, key)


def _base_year(target: Figure, stated: int | None, doc_year: int | None) -> int:
    year = target.year or 0
    if stated is not None and stated < year:
        return stated
    return min(doc_year, year) - 1 if doc_year else year - 1


def _source(found: Found, label: str) -> PlanSource:
    f = found.figure
    return PlanSource(label=label, doc_id=f.doc_id or 0, doc_title=found.title, figure_id=f.id or 0, start=f.start,
                      end=f.end, sentence_start=f.sentence_start, sentence_end=f.sentence_end, text=f.text,
                      year=f.year, reviewer=f.source == "reviewer")


def _row(target: Target, base: int, index: Index, plan_title: str) -> PlanRow:
    figure = target.figure
    assert figure.value is not None and figure.year is not None
    indicator, region = figure.indicator or "", figure.region or ""
    level_unit = index.level_unit(indicator, region, figure.unit if target.kind != TargetKind.GROWTH else None)
    baseline = index.baseline(indicator, region, level_unit, base) if indicator else None
    history = index.history(indicator, region, level_unit) if indicator else ()
    row = PlanRow(
        key=target.key, indicator=target.name, region=region, unit=figure.unit, kind=target.kind,
        target_value=figure.value, target_high=figure.value_high if figure.qualifier == Qualifier.RANGE else None,
        target_year=figure.year, target_text=figure.text, base_year=base, qualifier=target.qualifier,
        binding=target.binding, level_unit=level_unit,
        baseline_value=baseline.figure.value if baseline else None,
        baseline_year=baseline.figure.year if baseline else None, history=history,
    )
    sources = [_source(Found(f, None, plan_title), "target") for f in target.figures]
    if baseline:
        sources.append(_source(baseline, "baseline"))
    reading, actual = _reading(target, base, baseline, index, level_unit) if indicator else (None, None)
    corrected = ["target"] if any(f.source == "reviewer" for f in target.figures) else []
    if baseline and baseline.figure.source == "reviewer":
        corrected.append("baseline")
    if reading is None or actual is None:
        return _replace(row, sources=tuple(sources), corrected=tuple(corrected))
    status, moved, share = plan_progress.status(reading)
    shown: float | None = reading.actual
    if target.kind == TargetKind.GROWTH and not reading.rate_only and reading.baseline:
        years = reading.year - base
        shown = plan_progress.average_rate(reading.baseline, reading.actual, years) if target.average \
            else (reading.actual / reading.baseline - 1) * 100
    sources.append(_source(actual, "actual"))
    if actual.figure.source == "reviewer":
        corrected.append("actual")
    return _replace(row, actual_value=shown, actual_year=reading.year, actual_text=actual.figure.text,
                    actual_estimate=actual.figure.modality == Modality.ESTIMATE, progress=moved, expected=share,
                    status=status, sources=tuple(sources), corrected=tuple(corrected))


def _reading(target: Target, base: int, baseline: Found | None, index: Index, level_unit: str,
             ) -> tuple[plan_progress.Reading | None, Found | None]:
    figure = target.figure
    assert figure.value is not None and figure.year is not None
    indicator, region, year = figure.indicator or "", figure.region or "", figure.year
    start = plan_progress.Reading(kind=target.kind, target=figure.value, target_year=year, base_year=base, year=year,
                                  actual=0.0, average=target.average)
    known = baseline.figure.value if baseline else None
    at_base = known if baseline is not None and baseline.figure.year == base else None
    level = index.latest_level(indicator, region, level_unit, base, year)
    if target.kind in (TargetKind.LEVEL, TargetKind.CEILING):
        if level is None:
            return None, None
        return replace(start, year=level.year, actual=level.value, bound=level.bound, baseline=known), level.found
    if target.kind == TargetKind.CHANGE:
        if level is not None and at_base is not None:
            return replace(start, year=level.year, actual=level.value - at_base), level.found
        total = index.total_change(indicator, region, figure.unit, base, year)
        if total is None:
            return None, None
        return replace(start, year=total.year, actual=total.value, bound=total.bound), total.found
    # a growth target: from the levels when the base year's level is known, else the reported rates
    if level is not None and at_base:
        return replace(start, year=level.year, actual=level.value, baseline=at_base), level.found
    rate = index.rate(indicator, region, base, year, target.average)
    if rate is None:
        return None, None
    return replace(start, year=rate.year, actual=rate.value, rate_only=True), rate.found


def _other_names(db: Queryable, rows: list[PlanRow], regions: list[str]) -> list[PlanRow]:
    """A target with no actual of its own, where a similar name was reported in its place and years."""
    missing = [r for r in rows if r.actual_year is None and r.status == PlanStatus.NOT_REPORTED]
    if not missing:
        return rows
    first = min(r.base_year for r in missing) + 1
    last = max(r.target_year for r in missing)
    candidates = store_plans.region_levels(db, regions, first, last)
    found: dict[str, PlanRow] = {}
    for row in missing:
        hit = similar_actual(row, candidates)
        if hit is None:
            continue
        figure, title = hit
        source = _source(Found(figure, None, title), "actual")
        found[row.key] = _replace(row, status=PlanStatus.OTHER_NAME, actual_value=figure.value,
                                  actual_year=figure.year, actual_text=figure.text,
                                  actual_indicator=figure.indicator or "", sources=(*row.sources, source))
    return [found.get(r.key, r) for r in rows]


def _with_sentences(row: PlanRow, sentences: dict[int, str], excluded: str | None = None) -> PlanRow:
    sources = tuple(_replace_source(s, sentences.get(s.figure_id, s.sentence)) for s in row.sources)
    return _replace(row, sources=sources, excluded=excluded)


def _replace_source(source: PlanSource, sentence: str) -> PlanSource:
    return replace(source, sentence=sentence)


def _replace(row: PlanRow, **changes: Any) -> PlanRow:
    return replace(row, **changes)

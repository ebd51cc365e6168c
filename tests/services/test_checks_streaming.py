"""A check run holds one document or one series at a time, never every figure of the store, and
finds what a run over every figure held at once finds."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import pytest
import sqlite_utils
from checks_support import finding_key

from viewer.model import Figure
from viewer.services.checks import (
    Scopes,
    change,
    compute_scoped,
    conflicts,
    levels,
    outliers,
    part_year,
    parts,
    scopes_of,
    targets,
    update_checks,
)
from viewer.services.checks.context import Corpus
from viewer.services.checks.scopes import scope_of
from viewer.store import check_reads, open_store
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.text.analysis import analyze_text

CITIES = ("株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市")
YEARS = (2019, 2020, 2021, 2022, 2023)


def invented_report(city: str, year: int, seed: int) -> str:
    """An invented yearly report: a level with its growth, parts of a total, a target, and a
    value now and then a power of ten off (conflicts, outliers)."""
    amount = 100 + 17 * seed + 9 * (year - 2019)
    if seed % 7 == 3:
        amount *= 10
    firms = 400 + 11 * seed
    return (
        f"{city}{year}年工作总结\n\n"
        f"{year}年，{city}技术合同成交额{amount}亿元，比上年增长{5 + seed % 9}%。\n\n"
        f"全市各类科技创新平台达{firms}家，其中国家级{seed % 50 + 10}家、省级{seed % 80 + 100}家。\n\n"
        f"{year}年，{city}高新技术企业{firms + 30}家，同比增长{3 + seed % 5}%。\n\n"
        f"{year - 1}年，{city}高新技术企业{419 + 11 * seed + seed % 3}家。\n\n"
        f"力争{year + 2}年{city}高新技术企业达到{firms + 200}家。\n"
    )


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    database = open_store(":memory:")
    seed = 0
    for city in CITIES:
        for year in YEARS:
            seed += 1
            store_documents.save_document(
                database, analyze_text(f"/r/{city}{year}.txt", invented_report(city, year, seed), f"{seed:064d}"))
    yield database
    database.conn.close()


def held_run(db: sqlite_utils.Database) -> list[str]:
    """Every finding on figures from a corpus holding every figure of the store at once."""
    corpus = Corpus.load(db)
    found = [*change.check(corpus), *conflicts.check(corpus), *outliers.check(corpus), *part_year.check(corpus),
             *targets.check(corpus), *parts.check(corpus)]
    return sorted(scope_of(f, corpus) + finding_key(f) for f in found)


class LiveFigures:
    """Counts the figures read from the store that are alive at once."""

    def __init__(self) -> None:
        self.read = 0
        self.alive = 0
        self.most = 0

    def wrap(self, reader: Any) -> Any:
        def counted(row: Any) -> Figure:
            figure = reader(row)
            self.read += 1
            self.alive += 1
            self.most = max(self.most, self.alive)
            weakref.finalize(figure, self._gone)
            return figure
        return counted

    def _gone(self) -> None:
        self.alive -= 1


def figure_count(db: sqlite_utils.Database, where: str = "1") -> int:
    return int(db.execute(f"SELECT count(*) FROM figures WHERE excluded = 0 AND {where}").fetchone()[0])


def test_a_run_finds_what_a_run_holding_every_figure_finds(db: sqlite_utils.Database) -> None:
    streamed = sorted(scope + finding_key(f) for scope, f in compute_scoped(db) if not scope.startswith("paragraph:"))
    kinds = {f.kind for _, f in compute_scoped(db)}
    assert kinds >= {"change", "conflict", "outlier", "target", "parts"}
    assert streamed == held_run(db)


def test_a_run_never_holds_every_figure(db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveFigures()
    monkeypatch.setattr(store_figures, "figure_from_row", live.wrap(store_figures.figure_from_row))
    monkeypatch.setattr(check_reads, "check_figure", live.wrap(check_reads.check_figure))
    monkeypatch.setattr(levels, "KEPT_LOOKUPS", 2)
    update_checks(db)
    total = figure_count(db)
    per_document = max(r[0] for r in db.execute("SELECT count(*) FROM figures GROUP BY doc_id"))
    per_series = max(r[0] for r in db.execute("SELECT count(*) FROM figures GROUP BY indicator, region"))
    assert live.read >= total  # every figure was read
    # one document (with the levels of the lookups kept) or one series at a time
    assert live.most <= per_document + per_series + 2 * len(YEARS) * 2
    assert live.most < total / 4
    assert store_checks.finding_counts(db)


def test_an_incremental_run_reads_levels_only_of_the_series_it_keeps(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    update_checks(db)
    doc = int(db.execute("SELECT min(id) FROM documents").fetchone()[0])
    scopes = scopes_of(db, [doc])
    asked: list[tuple[str, str]] = []
    reader = check_reads.year_level_rows

    def recorded(db: Any, indicator: str, units: Any, region: str, year: int) -> list[check_reads.LevelRow]:
        asked.append((indicator, region))
        return reader(db, indicator, units, region, year)

    monkeypatch.setattr(check_reads, "year_level_rows", recorded)
    scoped = compute_scoped(db, scopes)
    assert asked and set(asked) <= scopes.series
    wanted = scopes.keys()
    assert {scope for scope, _ in scoped} <= wanted
    full = {scope + finding_key(f) for scope, f in compute_scoped(db, None) if scope in wanted}
    assert {scope + finding_key(f) for scope, f in scoped} == full


def test_an_empty_scope_reads_nothing(db: sqlite_utils.Database) -> None:
    assert compute_scoped(db, Scopes()) == []


def test_the_findings_per_document_count_each_finding_once_per_document(db: sqlite_utils.Database) -> None:
    from viewer.model.review import Verdict
    from viewer.store import finding_counts

    update_checks(db)
    expected: dict[int, tuple[set[int], set[int]]] = {}
    attention = set(Verdict.ATTENTION)
    for check_id, doc_id, verdict in db.execute(
            "SELECT e.check_id, e.doc_id, c.verdict FROM check_evidence e JOIN checks c ON c.id = e.check_id"):
        found, needing = expected.setdefault(doc_id, (set(), set()))
        found.add(check_id)
        if verdict in attention:
            needing.add(check_id)
    counts = finding_counts.document_finding_counts(db.conn)
    assert counts == {doc: (len(found), len(needing)) for doc, (found, needing) in expected.items()}
    assert any(total > needing > 0 for total, needing in counts.values())  # both kinds of finding occur

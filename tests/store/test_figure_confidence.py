"""Migration 12: how each figure was attributed (provisional, indicator_how, region_how, period_how,
modality) and the analysis version of each document, written at ingest, read back with figures
and series points, defaults for stores written before it; the chart's query keeps its index."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from viewer.model import AnalyzedDocument, Document, Figure, Paragraph, Role, Sentence, weak_slots
from viewer.store import connection, open_store
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures

# Invented text (not from the corpus).
TEXT = "青溪区科技工作总结。全区技术合同登记额达到8.5亿元。区级财政科技专项经费3000万元。"


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def figures() -> list[Figure]:
    sure = Figure(*span("8.5亿元"), "8.5亿元", 8.5e8, "元", "money", year=2023, period="2023",
                  indicator="技术合同成交额", region="青溪区", sentence_start=10, sentence_end=27,
                  indicator_how="alias", region_how="clause", period_how="running")
    weak = Figure(*span("3000万元"), "3000万元", 3e7, "元", "money", year=2023, period="2023",
                  indicator="区级财政科技专项经费", region="青溪区", role=Role.TARGET, sentence_start=27,
                  sentence_end=len(TEXT), provisional=True, indicator_how="provisional", region_how="guessed",
                  period_how="fallback", modality="target")
    return [sure, weak]


def analysed(version: int = 7) -> AnalyzedDocument:
    return AnalyzedDocument(
        document=Document(path="/r/青溪区.txt", sha256="ab" * 32, text=TEXT, title="青溪区科技工作总结",
                          region="青溪区", year=2023),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None],
        sentences=[Sentence(0, 0, 10, 0), Sentence(1, 10, 27, 0), Sentence(2, 27, len(TEXT), 0)],
        figures=figures(), analysis_version=version,
    )


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    database = open_store(":memory:")
    yield database
    database.conn.close()


def test_figures_keep_how_they_were_attributed(db: sqlite_utils.Database) -> None:
    doc_id = store_documents.save_document(db, analysed())
    stored = store_figures.document_figures(db, doc_id)
    attribution = [(f.provisional, f.indicator_how, f.region_how, f.period_how, f.modality) for f in stored]
    assert attribution == [(False, "alias", "clause", "running", "actual"),
                           (True, "provisional", "guessed", "fallback", "target")]
    assert [weak_slots(f) for f in stored] == [(), ("indicator", "region", "year")]
    assert store_figures.get_figure(db, stored[1].id or 0) == stored[1]
    assert [replace(f, id=None, doc_id=None) for f in stored] == figures()  # every field read back in its place
    assert [f.region_how for _file, _sentence, f in store_figures.all_figures(db)] == ["clause", "guessed"]
    assert store_documents.stored_analysis(db, "/r/青溪区.txt") == (doc_id, "ab" * 32, 7)


def test_series_points_say_which_slots_are_weak(db: sqlite_utils.Database) -> None:
    store_documents.save_document(db, analysed())
    roles = (Role.ACTUAL, Role.TARGET)
    [sure] = [store_figures.point(r) for r in store_figures.series_rows(db, "技术合同成交额", "元", roles)]
    [weak] = [store_figures.point(r) for r in store_figures.series_rows(db, "区级财政科技专项经费", "元", roles)]
    assert sure.weak == () and (sure.indicator_how, sure.region_how, sure.modality) == ("alias", "clause", "actual")
    assert weak.weak == ("indicator", "region", "year") and weak.provisional and weak.period_how == "fallback"
    by_id = store_figures.points_by_id(db, [weak.figure_id])  # what the chart reads for its markers
    assert by_id[weak.figure_id].weak == weak.weak and by_id[weak.figure_id].modality == "target"


def test_the_chart_query_still_reads_only_its_covering_index(db: sqlite_utils.Database) -> None:
    """The weak marks are read with each marker's own row (points_by_id), not by the grouped query."""
    store_documents.save_document(db, analysed())
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)  # the statement as run, its parameters filled in
    assert store_figures.series_spots(db, "技术合同成交额", "元", (Role.ACTUAL, Role.TARGET)) != []
    db.conn.set_trace_callback(None)
    [query] = statements
    plan = " | ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + query))
    assert "SEARCH f USING COVERING INDEX figures_series" in plan, plan


def old_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store as version 11 of the schema left it, with a document and two figures."""
    first_eleven = connection.migration_files()[:11]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migration_files", lambda: first_eleven)
        old = open_store(path)
    old.conn.execute(
        "INSERT INTO documents (id, path, file_name, sha256, title, text, chars, imported_at) "
        "VALUES (1, '/r/a.txt', 'a.txt', 'cd', '青溪区', ?, ?, '2026-01-01')", [TEXT, len(TEXT)])
    for (start, end), role in ((span("8.5亿元"), "actual"), (span("3000万元"), "target")):
        old.conn.execute(
            "INSERT INTO figures (doc_id, span_start, span_end, text, value, unit, kind, year, indicator, region, "
            "role, sentence_start, sentence_end) VALUES (1, ?, ?, ?, 1.0, '元', 'money', 2023, '技术合同成交额', "
            "'青溪区', ?, 0, 10)", [start, end, TEXT[start:end], role])
    old.conn.commit()
    assert old.execute("PRAGMA user_version").fetchone()[0] == 11
    old.conn.close()


def test_an_older_store_is_upgraded_with_defaults_for_its_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    old_store(path, monkeypatch)
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version() >= 12
    actual, target = store_figures.document_figures(db, 1)
    assert (actual.provisional, actual.indicator_how, actual.region_how, actual.period_how) == (False, "", "", "")
    assert (actual.modality, target.modality) == ("actual", "target"), "the modality follows the stored role"
    assert weak_slots(actual) == ("region", "year"), "not recorded counts as weak until analysed again"
    assert store_documents.stored_analysis(db, "/r/a.txt") == (1, "cd", 1), "stored by analysis version 1"
    db.conn.close()

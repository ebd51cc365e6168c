"""Re-analysis of the stored texts (`viewer.services.reanalysis`): no original file needed; only
what the analysis derives is rewritten; a changed analysis moves figures, the preview says
exactly what the re-analysis then changes; notes, corrections and edited metadata are kept; the
checks follow; a cancelled run leaves every document either done or untouched."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from viewer.model import AnalyzedDocument, NoteStatus, Source
from viewer.services import corrections, notes, reanalysis
from viewer.services import reanalysis_document as one_document
from viewer.services.checks import compute_findings, compute_scoped, update_checks
from viewer.services.ingest import ingest_paths
from viewer.services.reanalysis import (
    ReanalysisProgress,
    documents_containing,
    preview_reanalysis,
    reanalyze,
)
from viewer.services.search import search
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import open_store
from viewer.text.analysis import ANALYSIS_VERSION, analyze_text

# Invented reports (not from the corpus).
TEXTS = {
    "a.txt": ("岳阳市2023年科技工作总结\n\n"
              "2023年，全市研发经费投入达到12.5亿元，比上年增长25%。2022年全市研发经费投入10亿元。\n\n"
              "全市新增高新技术企业46家，培育青苗计划入选企业18家。\n"),
    "b.txt": ("岳阳市2024年科技工作要点\n\n"
              "2023年全市技术合同成交额38亿元，新增青苗计划入选企业21家。\n\n"
              "全市有效发明专利达到5200件。\n"),
    "c.txt": ("常德市2023年科技创新情况通报\n\n"
              "2023年全市高新技术产业增加值突破900亿元，科技型中小企业达到1300家。\n"),
}
OLD = "旧指标"


def slots(figures: list[Any]) -> list[tuple[Any, ...]]:
    return [(f.start, f.end, f.value, f.unit, f.indicator, f.region, f.year, f.role) for f in figures]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Path, dict[str, int]]]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "s.db"
    report = ingest_paths(path, [folder], processes=0)
    assert report.ok, report.outcomes
    yield path, {Path(o.path).name: o.doc_id for o in report.outcomes if o.doc_id is not None}


def age(path: Path, doc_ids: list[int]) -> None:
    """Make documents look as an older analysis stored them."""
    db = open_store(path)
    with db.conn:
        for doc_id in doc_ids:
            db.conn.execute("UPDATE documents SET analysis_version = 1 WHERE id = ?", [doc_id])
            db.conn.execute("UPDATE figures SET indicator = ? WHERE doc_id = ?", [OLD, doc_id])
    db.conn.close()


def figures_of(path: Path, doc_id: int) -> list[Any]:
    db = open_store(path)
    try:
        return store_figures.document_figures(db, doc_id)
    finally:
        db.conn.close()


def rename_indicator(monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    """A new program or lexicon: figures of `old` are now filed under `new`."""
    real = one_document.analyze_text

    def analysis(path: str, text: str, sha256: str, with_index: bool = True) -> AnalyzedDocument:
        analysed = real(path, text, sha256, with_index)
        analysed.figures = [dataclasses.replace(f, indicator=new) if f.indicator == old else f
                            for f in analysed.figures]
        return analysed

    monkeypatch.setattr(one_document, "analyze_text", analysis)


def test_reanalysis_needs_no_file_and_rewrites_only_what_the_analysis_derives(
        store: tuple[Path, dict[str, int]]) -> None:
    path, ids = store
    db = open_store(path)
    kept = {
        "sentences": db.execute("SELECT doc_id, idx, paragraph_idx, span_start, span_end FROM sentences ORDER BY doc_id, idx").fetchall(),
        "paragraphs": db.execute("SELECT doc_id, idx, span_start, span_end, text_hash FROM paragraphs ORDER BY doc_id, idx").fetchall(),
        "texts": db.execute("SELECT id, text FROM documents ORDER BY id").fetchall(),
    }
    db.conn.close()
    for name in TEXTS:
        (path.parent / "reports" / name).unlink()
    age(path, list(ids.values()))

    report = reanalyze(path, processes=0)

    assert report.ok and report.reanalysed == 3
    total = sum(len(analyze_text(n, t, "").figures) for n, t in TEXTS.items())
    assert report.figures_changed == total == report.figures
    assert sorted(report.changed_documents) == sorted(ids.values())
    db = open_store(path)
    for name, doc_id in ids.items():
        stored = store_figures.document_figures(db, doc_id)
        document = store_documents.get_document(db, doc_id)
        assert document is not None
        assert slots(stored) == slots(analyze_text(document.path, TEXTS[name], "").figures)
    assert {r[0] for r in db.execute("SELECT analysis_version FROM documents")} == {ANALYSIS_VERSION}
    assert db.execute("SELECT doc_id, idx, paragraph_idx, span_start, span_end FROM sentences ORDER BY doc_id, idx").fetchall() \
        == kept["sentences"]
    assert db.execute("SELECT doc_id, idx, span_start, span_end, text_hash FROM paragraphs ORDER BY doc_id, idx").fetchall() \
        == kept["paragraphs"]
    assert db.execute("SELECT id, text FROM documents ORDER BY id").fetchall() == kept["texts"]
    assert [h.doc_id for h in search(db, "青苗计划")] == [ids["a.txt"], ids["b.txt"]]
    db.conn.close()


def test_a_changed_analysis_moves_figures_as_the_preview_said(
        store: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = store
    before = {doc_id: figures_of(path, doc_id) for doc_id in ids.values()}
    rename_indicator(monkeypatch, "青苗计划入选企业数", "青苗企业数")

    preview = preview_reanalysis(path, processes=0)

    assert preview.documents == 3
    assert preview.changed_documents == (ids["a.txt"], ids["b.txt"])
    assert preview.figures_changed == 2
    assert [(c.before.indicator, c.after.indicator, c.after.text) for c in preview.examples
            if c.before and c.after] == [("青苗计划入选企业数", "青苗企业数", "18家"),
                                         ("青苗计划入选企业数", "青苗企业数", "21家")]
    assert "青苗计划入选企业18家" in preview.examples[0].sentence
    assert {doc_id: figures_of(path, doc_id) for doc_id in ids.values()} == before  # nothing kept

    report = reanalyze(path, processes=0)

    assert tuple(report.changed_documents) == preview.changed_documents
    assert report.figures_changed == preview.figures_changed
    after = {doc_id: figures_of(path, doc_id) for doc_id in ids.values()}
    assert [f.text for d in after.values() for f in d if f.indicator == "青苗企业数"] == ["18家", "21家"]
    assert not [f for d in after.values() for f in d if f.indicator == "青苗计划入选企业数"]
    assert after[ids["c.txt"]] == before[ids["c.txt"]]  # same rows, same ids: not rewritten
    assert preview_reanalysis(path, processes=0).figures_changed == 0


def test_documents_containing_a_phrase_are_the_ones_to_reanalyse(
        store: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = store
    db = open_store(path)
    found = documents_containing(db, "青苗计划入选企业")
    assert found == [ids["a.txt"], ids["b.txt"]]
    assert documents_containing(db, ["有效发明专利", "科技型中小企业"]) == [ids["b.txt"], ids["c.txt"]]
    assert documents_containing(db, "没有这个短语") == []
    assert documents_containing(db, "") == []
    rename_indicator(monkeypatch, "青苗计划入选企业数", "青苗企业数")
    preview = preview_reanalysis(db, found)  # an open database: in this process, on that connection
    db.conn.close()
    assert (preview.documents, preview.documents_changed, preview.figures_changed) == (2, 2, 2)
    report = reanalyze(path, found, processes=0)
    assert sorted(d.doc_id for d in report.documents) == found


def test_notes_and_corrections_stay_on_their_figures(
        store: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = store
    doc_id = ids["a.txt"]
    db = open_store(path)
    figures = {f.text: f for f in store_figures.document_figures(db, doc_id)}
    note = notes.add_note(db, doc_id, figures["18家"].start, figures["18家"].end, "核对入选名单")
    assert figures["46家"].id is not None
    corrections.correct_figure(db, figures["46家"].id, {"year": 2023, "role": "actual"}, author="审阅人")
    db.conn.close()
    rename_indicator(monkeypatch, "青苗计划入选企业数", "青苗企业数")

    preview = preview_reanalysis(path, [doc_id], processes=0)
    report = reanalyze(path, [doc_id], processes=0)

    assert preview.figures_changed == report.figures_changed == 1  # the corrected figure stays as corrected
    db = open_store(path)
    now = {f.text: f for f in store_figures.document_figures(db, doc_id)}
    assert (now["46家"].year, now["46家"].role, now["46家"].source) == (2023, "actual", Source.REVIEWER)
    assert now["18家"].indicator == "青苗企业数"
    [kept] = notes.list_notes(db, doc_id)
    assert (kept.id, kept.start, kept.end, kept.status) == (note.id, note.start, note.end, NoteStatus.ANCHORED)
    [correction] = corrections.list_corrections(db, doc_id)
    assert correction.status == "applied"
    db.conn.close()


def test_metadata_a_reviewer_edited_is_kept_the_rest_follows_the_analysis(
        store: tuple[Path, dict[str, int]]) -> None:
    path, ids = store
    db = open_store(path)
    with db.conn:
        db.conn.execute("UPDATE documents SET title = '旧标题', year = 1999 WHERE id = ?", [ids["a.txt"]])
    store_documents.update_metadata(db, ids["b.txt"], title="审阅人改的标题", region="岳阳市")
    db.conn.close()

    report = reanalyze(path, processes=0)

    assert [d.doc_id for d in report.documents if d.metadata_changed] == [ids["a.txt"]]
    db = open_store(path)
    a, b = (store_documents.get_document(db, ids[n]) for n in ("a.txt", "b.txt"))
    assert a is not None and b is not None
    assert (a.title, a.year) == ("岳阳市2023年科技工作总结", 2023)
    assert (b.title, b.region) == ("审阅人改的标题", "岳阳市")
    db.conn.close()


def stored_findings(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return sorted(db.execute("SELECT kind, verdict, message, stated, computed FROM checks").fetchall())


def test_the_checks_follow_the_rewritten_figures(store: tuple[Path, dict[str, int]]) -> None:
    path, ids = store
    db = open_store(path)
    imported = stored_findings(db)
    assert any(kind == "change" for kind, *_ in imported)
    with db.conn:  # an older analysis read last year's figure differently
        db.conn.execute("UPDATE figures SET value = 8e8 WHERE doc_id = ? AND text = '10亿元'", [ids["a.txt"]])
    update_checks(db)
    assert stored_findings(db) != imported
    db.conn.close()

    report = reanalyze(path, processes=0)

    assert report.changed_documents == [ids["a.txt"]] and report.figures_changed == 1
    db = open_store(path)
    assert stored_findings(db) == imported
    assert sorted((f.kind, f.verdict, f.message) for f in compute_findings(db)) == \
        sorted((k, v, m) for k, v, m, *_ in imported)
    assert db.execute("SELECT count(*) FROM check_evidence e LEFT JOIN figures f ON f.id = e.figure_id "
                      "WHERE e.figure_id IS NOT NULL AND f.id IS NULL").fetchone()[0] == 0
    db.conn.close()


def test_a_cancelled_reanalysis_leaves_each_document_done_or_untouched(store: tuple[Path, dict[str, int]]) -> None:
    path, ids = store
    age(path, list(ids.values()))
    cancel = threading.Event()
    seen: list[ReanalysisProgress] = []

    def progress(p: ReanalysisProgress) -> None:
        seen.append(p)
        cancel.set()

    report = reanalyze(path, progress=progress, cancel=cancel, processes=0)

    assert report.cancelled and not report.ok
    assert [d.doc_id for d in report.documents] == [min(ids.values())] and len(seen) == 1
    assert (seen[0].done, seen[0].total) == (1, 3)
    for doc_id in ids.values():
        indicators = {f.indicator for f in figures_of(path, doc_id)}
        assert (OLD in indicators) == (doc_id != min(ids.values()))


def test_a_document_split_otherwise_now_is_written_whole(store: tuple[Path, dict[str, int]]) -> None:
    path, ids = store
    doc_id = ids["b.txt"]
    db = open_store(path)
    right = db.execute("SELECT span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
    with db.conn:  # as if an older program had split the text elsewhere
        db.conn.execute("UPDATE sentences SET span_end = span_end - 2 WHERE doc_id = ? AND idx = 1", [doc_id])
    db.conn.close()

    report = reanalyze(path, processes=0)

    assert [d.doc_id for d in report.documents if d.whole] == [doc_id]
    db = open_store(path)
    assert db.execute("SELECT span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY idx",
                      [doc_id]).fetchall() == right
    assert [h.doc_id for h in search(db, "有效发明专利")] == [doc_id]
    db.conn.close()
    whole = reanalyze(path, processes=0, whole=True)
    assert all(d.whole for d in whole.documents) and whole.figures_changed == 0


def test_a_document_whose_analysis_fails_is_named_and_left_as_it_was(
        store: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = store
    age(path, list(ids.values()))
    real = one_document.analyze_text

    def analysis(path_: str, text: str, sha256: str, with_index: bool = True) -> AnalyzedDocument:
        if path_.endswith("b.txt"):
            raise ValueError("broken rule")
        return real(path_, text, sha256, with_index)

    monkeypatch.setattr(one_document, "analyze_text", analysis)
    report = reanalyze(path, processes=0)

    assert [(d.doc_id, d.reason) for d in report.failed] == [
        (ids["b.txt"], "internal error while analysing: ValueError: broken rule")]
    assert report.reanalysed == 2
    assert {f.indicator for f in figures_of(path, ids["b.txt"])} == {OLD}
    assert OLD not in {f.indicator for f in figures_of(path, ids["a.txt"])}


def test_figures_moving_to_another_series_take_their_findings_along(
        store: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = store
    others = path.parent / "others"
    others.mkdir()
    for number, place in enumerate(("益阳市", "常德市", "娄底市", "邵阳市")):
        (others / f"{number}.txt").write_text(
            f"{place}2023年科技工作总结\n\n2023年全市技术合同成交额{20 + number}亿元，比上年增长10%。\n",
            encoding="utf-8")
    assert ingest_paths(path, [others], processes=0).ok
    rename_indicator(monkeypatch, "研发经费投入", "全社会研发经费")
    scoped: list[object] = []
    monkeypatch.setattr(reanalysis, "update_checks", lambda *a, **k: scoped.append(update_checks(*a, **k)))

    report = reanalyze(path, processes=0)

    assert report.changed_documents == [ids["a.txt"]]
    assert scoped and scoped[0] is not None  # only the findings the moved figures reach were recomputed
    db = open_store(path)
    stored = sorted(db.execute("SELECT s.scope, kind, verdict, message FROM checks c "
                                  "JOIN check_scopes s ON s.id = c.scope_id").fetchall())
    assert stored == sorted((scope, f.kind, f.verdict, f.message) for scope, f in compute_scoped(db))
    assert [scope for scope, kind, *_ in stored if kind == "change"] == ["series:全社会研发经费\t岳阳市"]
    db.conn.close()


def test_a_figure_leaving_a_series_has_that_series_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without it, two neighbours of the series are far apart: a finding that cites neither the
    document nor its new series, so only the series it left can bring it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for year, value in ((2021, 10), (2022, 30), (2023, 60)):
        (folder / f"娄底{year}.txt").write_text(
            f"娄底市{year}年科技工作总结\n\n{year}年全市技术合同成交额{value}亿元。\n", encoding="utf-8")
    for number, place in enumerate(("益阳市", "常德市", "邵阳市", "怀化市", "永州市")):
        (folder / f"其他{number}.txt").write_text(
            f"{place}2023年科技工作总结\n\n2023年全市高新技术企业{100 + number}家。\n", encoding="utf-8")
    path = tmp_path / "s.db"
    assert ingest_paths(path, [folder], processes=0).ok
    db = open_store(path)
    assert not db.execute("SELECT 1 FROM checks WHERE kind = 'outlier'").fetchall()
    db.conn.close()
    real = one_document.analyze_text

    def analysis(path_: str, text: str, sha256: str, with_index: bool = True) -> AnalyzedDocument:
        analysed = real(path_, text, sha256, with_index)
        if path_.endswith("娄底2022.txt"):
            analysed.figures = [dataclasses.replace(f, indicator="技术交易额") for f in analysed.figures]
        return analysed

    monkeypatch.setattr(one_document, "analyze_text", analysis)
    scoped: list[object] = []
    monkeypatch.setattr(reanalysis, "update_checks", lambda *a, **k: scoped.append(update_checks(*a, **k)))

    report = reanalyze(path, processes=0)

    assert len(report.changed_documents) == 1 and scoped and scoped[0] is not None
    db = open_store(path)
    stored = sorted(db.execute("SELECT s.scope, kind, verdict, message FROM checks c "
                                  "JOIN check_scopes s ON s.id = c.scope_id").fetchall())
    assert stored == sorted((scope, f.kind, f.verdict, f.message) for scope, f in compute_scoped(db))
    assert [scope for scope, kind, *_ in stored if kind == "outlier"] == ["series:技术合同成交额\t娄底市"]
    db.conn.close()

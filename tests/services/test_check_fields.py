"""The checks read figures with only some of their fields (`check_reads.CHECK_COLUMNS`): every
field a check uses is read as stored, and no check uses a field left out."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from viewer.model import Figure
from viewer.services.checks.context import document_passages
from viewer.store import check_reads, open_store
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.text.analysis import analyze_text

CHECKS = Path(__file__).parents[2] / "viewer" / "services" / "checks"
TEXT = ("株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额182.6亿元，比2020年增长20%。\n\n"
        "全市各类科技创新平台达100家，其中国家级60家、省级50家。\n\n力争2023年株洲市高新技术企业达到1100家。\n")


def left_out() -> set[str]:
    read = {column.strip() for column in check_reads.CHECK_COLUMNS.split(",")}
    renamed = {"span_start": "start", "span_end": "end"}
    return {f.name for f in dataclasses.fields(Figure)} - {renamed.get(c, c) for c in read}


def test_no_check_uses_a_field_the_checks_do_not_read() -> None:
    assert left_out() == {"confidence", "provisional", "indicator_how", "region_how", "period_how", "modality",
                          "source", "excluded"}
    used = {node.attr for path in CHECKS.glob("*.py") for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Attribute)}
    assert used & left_out() == set()


def test_the_checks_read_each_field_they_use_as_stored_and_no_excluded_figure() -> None:
    db = open_store(":memory:")
    doc = store_documents.save_document(db, analyze_text("/r/a.txt", TEXT, "a" * 64))
    db.execute("UPDATE figures SET confidence = 0.5, indicator_how = 'alias', modality = 'target', source = 'reviewer'")
    stored = store_figures.document_figures(db, doc)
    excluded = stored[1]
    db.execute("UPDATE figures SET excluded = 1 WHERE id = ?", [excluded.id])
    db.conn.commit()
    kept = [f for f in stored if f.id != excluded.id]
    sentences = check_reads.sentences_with_figures(db, doc)
    read = [f for _, _, _, figures in sentences for f in figures]
    assert [f.id for f in read] == [f.id for f in kept] and len(read) >= 4
    assert all(TEXT[start:end] == text and all(start <= f.start < f.end <= end for f in figures)
               for start, end, text, figures in sentences)
    same = [f.name for f in dataclasses.fields(Figure) if f.name not in left_out()]
    for checked, full in zip(read, kept, strict=True):
        assert [getattr(checked, name) for name in same] == [getattr(full, name) for name in same]
    by_id = check_reads.figures_by_id(db, [kept[-1].id or 0, kept[0].id or 0])
    assert [[getattr(f, name) for name in same] for f in by_id] == [
        [getattr(f, name) for name in same] for f in (kept[-1], kept[0])]
    series = list(check_reads.series_figures(db, kept[0].indicator or ""))
    assert series and all(f.id != excluded.id and f.indicator == kept[0].indicator for f in series)
    db.conn.close()


def test_some_sentences_read_as_the_whole_document_reads_them() -> None:
    db = open_store(":memory:")
    doc = store_documents.save_document(db, analyze_text("/r/a.txt", TEXT, "a" * 64))
    everything = document_passages(db, doc)
    assert len(everything) >= 3
    chosen = [everything[0], everything[-1]]
    assert document_passages(db, doc, {(p.start, p.end) for p in chosen}) == chosen
    db.conn.close()

"""Teaching the lexicon from a correction: the preview counts what will move without writing the
lexicon or keeping any change; teaching then moves every matching figure of the store and no
other. Invented reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from viewer.model import Figure
from viewer.services import lexicon
from viewer.services.ingest import ingest_paths
from viewer.services.teaching import (
    INDICATOR,
    PROVISIONAL,
    Lesson,
    LessonError,
    phrase_in_sentence,
    plan_lesson,
    suggested_lesson,
    teach,
)
from viewer.store import figures as store_figures
from viewer.store import open_store

REPORTS = {
    "甲.txt": "衡阳市2023年科技工作总结\n\n2023年，全市科创投入总额达到50亿元。\n",
    "乙.txt": "邵阳市2023年科技工作总结\n\n2023年，全市科创投入总额为31亿元，技术合同成交额12亿元。\n",
    "丙.txt": "岳阳市2023年科技工作总结\n\n2023年，全市研发经费投入达到64亿元。\n",
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Path, sqlite_utils.Database, dict[str, int]]]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest_paths(tmp_path / "s.db", [folder], processes=0)
    assert report.ok, report.outcomes
    ids = {Path(o.path).name: o.doc_id or 0 for o in report.outcomes}
    db = open_store(tmp_path / "s.db")
    yield tmp_path / "s.db", db, ids
    db.conn.close()


def money(db: sqlite_utils.Database, doc_id: int) -> dict[str, tuple[str | None, bool]]:
    return {f.text: (f.indicator, f.provisional) for f in store_figures.document_figures(db, doc_id)}


def test_a_provisional_figure_corrected_suggests_mapping_its_phrase() -> None:
    figure = Figure(0, 4, "50亿元", 5e9, "元", "money", indicator="科创投入总额", provisional=True, doc_id=1)
    assert suggested_lesson(None, figure, {"indicator": "研发经费投入"}) == Lesson(  # type: ignore[arg-type]
        PROVISIONAL, "科创投入总额", "研发经费投入")
    taxonomy = Figure(0, 4, "50亿元", 5e9, "元", "money", indicator="技术合同成交额", doc_id=1)
    assert suggested_lesson(None, taxonomy, {"indicator": "研发经费投入"}) == Lesson(  # type: ignore[arg-type]
        INDICATOR, "", "研发经费投入")
    assert suggested_lesson(None, taxonomy, {"excluded": True}) is None  # type: ignore[arg-type]


def test_the_preview_counts_without_writing_and_teaching_moves_every_match_and_no_other(
        store: tuple[Path, sqlite_utils.Database, dict[str, int]]) -> None:
    path, db, ids = store
    before = {name: money(db, doc_id) for name, doc_id in ids.items()}
    assert before["甲.txt"]["50亿元"][0] != "研发经费投入"
    lesson = Lesson(INDICATOR, "科创投入总额", "研发经费投入")
    plan = plan_lesson(db, lesson)
    assert plan.new and sorted(plan.doc_ids) == sorted([ids["甲.txt"], ids["乙.txt"]])
    assert (plan.preview.figures_changed, len(plan.preview.changed_documents)) == (2, 2)
    assert not lexicon.user_lexicon_path().exists(), "a preview writes nothing"
    assert {name: money(db, doc_id) for name, doc_id in ids.items()} == before, "and keeps nothing"
    db.conn.close()

    result = teach(path, lesson, processes=0)
    assert result.written and result.report.figures_changed == 2
    db = open_store(path)
    try:
        after = {name: money(db, doc_id) for name, doc_id in ids.items()}
        assert after["甲.txt"]["50亿元"] == ("研发经费投入", False)
        assert after["乙.txt"]["31亿元"] == ("研发经费投入", False)
        assert after["乙.txt"]["12亿元"] == before["乙.txt"]["12亿元"]
        assert after["丙.txt"] == before["丙.txt"]
        assert [e.value for e in lexicon.list_entries()] == ["科创投入总额"]
    finally:
        db.conn.close()


def test_a_lesson_the_lexicon_refuses_is_explained(store: tuple[Path, sqlite_utils.Database, dict[str, int]]) -> None:
    _, db, ids = store
    with pytest.raises(LessonError, match="not an indicator of the taxonomy"):
        plan_lesson(db, Lesson(INDICATOR, "科创投入总额", "没有这个指标啊"))
    [figure] = [f for f in store_figures.document_figures(db, ids["甲.txt"]) if f.text == "50亿元"]
    assert phrase_in_sentence(db, figure, "科创投入总额") and not phrase_in_sentence(db, figure, "技术合同")

"""Every check kind on the five real reports: their true arithmetic comes out consistent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus_support import corpus_name
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks import findings, run_checks
from viewer.store import open_store


@pytest.fixture(scope="module")
def checked(corpus_store: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    """The corpus store copied (the session store is read-only) and checked once."""
    copy = tmp_path_factory.mktemp("checked") / "corpus.db"
    source, target = sqlite3.connect(corpus_store), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    db = open_store(copy)
    try:
        run_checks(db)
        return findings(db)
    finally:
        db.conn.close()


def of(found: list[Finding], kind: str, *texts: str, prefix: str | None = None) -> list[Finding]:
    """Findings of a kind whose evidence includes all these figure texts (in a file with this prefix)."""
    return [
        f for f in found
        if f.kind == kind and set(texts) <= {e.text for e in f.evidence}
        and (prefix is None or any(e.file_name.startswith(prefix) for e in f.evidence))
    ]


def test_growth_from_to_in_003_is_consistent(checked: list[Finding]) -> None:
    [finding] = of(checked, CheckKind.CHANGE, "12.78亿元", "34.94亿元", "173%", prefix="003")
    assert finding.verdict == Verdict.CONSISTENT and finding.pattern == "growth"
    assert finding.computed == pytest.approx((34.94 / 12.78 - 1) * 100)
    assert {e.label for e in finding.evidence} == {"from", "to", "stated"}
    assert all(e.file_name == corpus_name("003") and "增幅" in e.sentence for e in finding.evidence)


def test_times_more_in_003_is_consistent(checked: list[Finding]) -> None:
    [finding] = of(checked, CheckKind.CHANGE, "900万", "2700万", prefix="003")
    assert finding.pattern == "times_more" and finding.verdict == Verdict.CONSISTENT
    assert finding.stated == 2 and finding.computed == pytest.approx(2)


def test_change_and_rate_in_000_are_consistent(checked: list[Finding]) -> None:
    [finding] = of(checked, CheckKind.CHANGE, "463家", "78家", "20.3%", prefix="000")
    assert finding.pattern == "yoy" and finding.verdict == Verdict.CONSISTENT
    assert finding.computed == pytest.approx(78 / (463 - 78) * 100)


def test_no_true_statement_of_the_reports_is_called_inconsistent(checked: list[Finding]) -> None:
    changes = [f for f in checked if f.kind == CheckKind.CHANGE]
    assert sum(f.verdict == Verdict.CONSISTENT for f in changes) >= 3
    assert [f.message for f in changes if f.verdict == Verdict.INCONSISTENT] == []


def test_multiples_of_a_base_year_without_its_value_cannot_be_checked(checked: list[Finding]) -> None:
    [finding] = of(checked, CheckKind.CHANGE, "3749件", "2.5倍", prefix="003")
    assert finding.verdict == Verdict.CANNOT_CHECK and "2015" in finding.message


def test_parts_and_totals_of_000_add_up(checked: list[Finding]) -> None:
    [platforms] = of(checked, CheckKind.PARTS, "529家", "44家", "251家", "234家", prefix="000")
    assert platforms.verdict == Verdict.CONSISTENT and platforms.pattern == "adds_up"
    [within] = of(checked, CheckKind.PARTS, "619家", "52家", "297家", prefix="001")
    assert within.verdict == Verdict.CONSISTENT and within.pattern == "within"
    assert within.computed == 349
    parts = [f for f in checked if f.kind == CheckKind.PARTS]
    assert len(parts) >= 5 and all(f.verdict == Verdict.CONSISTENT for f in parts)


def test_repeated_paragraphs_of_001_are_one_finding_per_text(checked: list[Finding]) -> None:
    repeats = [f for f in checked if f.kind == CheckKind.REPEAT]
    assert len({f.message for f in repeats}) == len(repeats)
    in_001 = [f for f in repeats if f.evidence[0].file_name == corpus_name("001")]
    assert len(in_001) >= 3
    for finding in in_001:
        assert finding.verdict == Verdict.REPEATED and len(finding.evidence) >= 2
        first = finding.evidence[0]
        assert all(e.sentence == first.sentence for e in finding.evidence if e.doc_id == first.doc_id)


def test_targets_have_a_status_with_the_actual_as_evidence(checked: list[Finding]) -> None:
    targets = [f for f in checked if f.kind == CheckKind.TARGET]
    assert {f.verdict for f in targets} <= {Verdict.MET, Verdict.MISSED, Verdict.NOT_REPORTED, Verdict.CANNOT_CHECK}
    assert any(f.verdict == Verdict.NOT_REPORTED for f in targets)
    [research] = of(targets, CheckKind.TARGET, "140亿元", prefix="001")
    assert research.verdict == Verdict.NOT_REPORTED
    for finding in targets:
        assert finding.evidence[0].label == "target"
        actuals = [e for e in finding.evidence if e.label == "actual"]
        assert bool(actuals) == (finding.verdict != Verdict.NOT_REPORTED)
        if actuals:
            gap = (actuals[0].value or 0) - (finding.stated or 0)
            assert (gap >= 0) == (finding.verdict == Verdict.MET) or finding.pattern == "ceiling"


def test_conflicts_and_outliers_cite_every_source(checked: list[Finding]) -> None:
    for finding in checked:
        if finding.kind == CheckKind.CONFLICT:
            assert finding.verdict in (Verdict.CONFLICT, Verdict.QUESTION)
            if finding.verdict == Verdict.QUESTION:  # far apart: worded as a question, never "cannot both be"
                assert "?" in finding.message_en and "cannot" not in finding.message_en
            values = {e.value for e in finding.evidence}
            assert len(values) >= 2 and all(e.file_name and e.title for e in finding.evidence)
        if finding.kind == CheckKind.OUTLIER:
            assert finding.verdict == Verdict.QUESTION and "?" in finding.message_en
            assert any(e.label == "neighbour" for e in finding.evidence)


def test_every_evidence_span_is_in_its_sentence(checked: list[Finding], corpus: dict[str, str]) -> None:
    assert {f.kind for f in checked} >= {CheckKind.CHANGE, CheckKind.TARGET, CheckKind.PARTS, CheckKind.REPEAT}
    for finding in checked:
        for e in finding.evidence:
            text = corpus[e.file_name]
            assert e.sentence_start <= e.start < e.end <= e.sentence_end
            assert text[e.sentence_start : e.sentence_end] == e.sentence
            if finding.kind != CheckKind.REPEAT:
                assert text[e.start : e.end] == e.text

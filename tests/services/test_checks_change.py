"""Stated changes on constructed reports: wrong arithmetic is flagged with the computed value,
right arithmetic passes, each pattern on its own sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks import run_checks
from viewer.services.ingest import ingest_paths
from viewer.store import open_store

# (sentence, pattern, verdict, computed value)
CASES = [
    ("全市研发经费由2015年12.78亿元增长至2020年34.94亿元，五年间增幅达180%。", "growth", Verdict.INCONSISTENT, 173.40),
    ("全市研发经费由2015年12.78亿元增长至2020年34.94亿元，五年间增幅达173%。", "growth", Verdict.CONSISTENT, 173.40),
    ("市级科技专项经费由2016年的900万元增长到2020年的2700万元，增加了三倍。", "times_more", Verdict.INCONSISTENT, 2.0),
    ("市级科技专项经费由2016年的900万元增长到2020年的3600万元，增加了三倍。", "times_more", Verdict.CONSISTENT, 3.0),
    ("全市高新技术企业由2015年的100家增加到2020年的300家，翻了一番。", "doubling", Verdict.INCONSISTENT, 3.0),
    ("全市高新技术企业由2015年的150家增加到2020年的300家，翻了一番。", "doubling", Verdict.CONSISTENT, 2.0),
    ("全市专利授权量由2015年的1000件增长到2020年的2100件，年均增长20%。", "cagr", Verdict.INCONSISTENT, 16.0),
    ("全市专利授权量由2015年的1000件增长到2020年的2100件，年均增长16%。", "cagr", Verdict.CONSISTENT, 16.0),
    ("2020年，组织463家企业备案，较去年增加78家，同比增长25%。", "yoy", Verdict.INCONSISTENT, 20.26),
    ("研发投入强度由2015年的1.5%提高到2020年的2.5%，提高1.5个百分点。", "points", Verdict.INCONSISTENT, 1.0),
    ("有效发明专利由2015年的400件增长到2020年的1100件，是2015年的2倍。", "multiple_of", Verdict.INCONSISTENT, 2.75),
    ("技术合同登记数由2019年的800项减少到2020年的600项，下降25%。", "growth", Verdict.CONSISTENT, 25.0),
    ("全年技术合同成交额60.5亿元，比2020年的50亿元增长30%。", "growth", Verdict.INCONSISTENT, 21.0),
    ("全年技术合同成交额65亿元，比2020年的50亿元增长30%。", "growth", Verdict.CONSISTENT, 30.0),
]


def ingest_text(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    store = tmp_path / "store.db"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = ingest_paths(store, [path], processes=0)
    assert report.ok, report.outcomes
    return store


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    folder = tmp_path_factory.mktemp("change")
    store = ingest_text(folder, "株洲市科技工作报告\n\n" + "\n\n".join(sentence for sentence, *_ in CASES) + "\n")
    db = open_store(store)
    try:
        return [f for f in run_checks(db) if f.kind == CheckKind.CHANGE]
    finally:
        db.conn.close()


@pytest.mark.parametrize(("sentence", "pattern", "verdict", "computed"), CASES)
def test_stated_change_is_recomputed(
    checked: list[Finding], sentence: str, pattern: str, verdict: str, computed: float
) -> None:
    mine = [f for f in checked if f.evidence and f.evidence[0].sentence == sentence]
    assert len(mine) == 1, [f.message for f in checked]
    finding = mine[0]
    assert (finding.pattern, finding.verdict) == (pattern, verdict), finding.message
    assert finding.computed == pytest.approx(computed, abs=0.01)
    [stated] = [e for e in finding.evidence if e.label == "stated"]
    assert stated.text in sentence and stated.value == finding.stated
    if verdict == Verdict.INCONSISTENT:
        assert "不符" in finding.message and "inconsistent" in finding.message_en


def test_a_base_year_value_from_another_document_is_used(tmp_path: Path) -> None:
    ingest_text(tmp_path, "株洲市2015年工作总结\n\n2015年，株洲市有效发明专利数400件。\n", "a.txt")
    store = ingest_text(tmp_path, "株洲市2020年工作总结\n\n2020年，株洲市有效发明专利数1300件，是2015年的3倍。\n", "b.txt")
    db = open_store(store)
    try:
        [finding] = [f for f in run_checks(db) if f.kind == CheckKind.CHANGE]
    finally:
        db.conn.close()
    assert finding.pattern == "multiple_of" and finding.verdict == Verdict.CONSISTENT
    assert finding.computed == pytest.approx(3.25)
    assert [e.label for e in finding.evidence] == ["current", "stated", "base"]
    assert finding.evidence[2].doc_id != finding.evidence[0].doc_id


def test_a_missing_base_year_value_cannot_be_checked(tmp_path: Path) -> None:
    store = ingest_text(tmp_path, "株洲市2020年工作总结\n\n2020年，株洲市有效发明专利数1300件，是2015年的3倍。\n")
    db = open_store(store)
    try:
        [finding] = [f for f in run_checks(db) if f.kind == CheckKind.CHANGE]
    finally:
        db.conn.close()
    assert finding.verdict == Verdict.CANNOT_CHECK and finding.computed is None
    assert "2015" in finding.message and "cannot check" in finding.message_en


def changes(tmp_path: Path, texts: dict[str, str]) -> list[Finding]:
    for name, text in texts.items():
        ingest_text(tmp_path, text, name)
    db = open_store(tmp_path / "store.db")
    try:
        return [f for f in run_checks(db) if f.kind == CheckKind.CHANGE]
    finally:
        db.conn.close()


def test_a_change_over_last_year_is_not_paired_with_the_from_value(tmp_path: Path) -> None:
    """由2015年的A提高到B，比上年提高N: N is against the previous year, not against A."""
    sentence = "全市研发投入强度由2015年的1.50%提高到2020年的2.40%，比上年提高0.20个百分点。"
    [finding] = changes(tmp_path, {"a.txt": f"株洲市2020年工作总结\n\n{sentence}\n"})
    assert finding.verdict == Verdict.CANNOT_CHECK and finding.pattern == "points"
    assert "2019" in finding.message and "2015" not in finding.message
    assert [e.text for e in finding.evidence] == ["2.40%", "0.20个百分点"]


def test_a_change_over_last_year_is_checked_against_last_years_value(tmp_path: Path) -> None:
    sentence = "全市研发投入强度由2015年的1.50%提高到2020年的2.40%，比上年提高0.20个百分点。"
    found = changes(tmp_path, {
        "old.txt": "株洲市2019年工作总结\n\n2019年，株洲市研发投入强度2.20%。\n",
        "new.txt": f"株洲市2020年工作总结\n\n{sentence}\n",
    })
    [finding] = [f for f in found if f.pattern == "points"]
    assert finding.verdict == Verdict.CONSISTENT and finding.computed == pytest.approx(0.2)
    assert [e.label for e in finding.evidence] == ["current", "stated", "base"]
    assert finding.evidence[2].text == "2.20%"


def test_a_change_against_the_from_year_named_again_is_checked_inline(tmp_path: Path) -> None:
    sentence = "全市研发投入强度由2015年的1.50%提高到2020年的2.40%，较2015年提高0.20个百分点。"
    [finding] = changes(tmp_path, {"a.txt": f"株洲市2020年工作总结\n\n{sentence}\n"})
    assert finding.verdict == Verdict.INCONSISTENT and finding.computed == pytest.approx(0.9)


def test_a_growth_against_a_named_year_uses_that_years_value(tmp_path: Path) -> None:
    found = changes(tmp_path, {
        "old.txt": "株洲市2015年工作总结\n\n2015年，株洲市技术合同成交额40亿元。\n",
        "mid.txt": "株洲市2019年工作总结\n\n2019年，株洲市技术合同成交额90亿元。\n",
        "new.txt": "株洲市2020年工作总结\n\n2020年，株洲市技术合同成交额100亿元，比2015年增长150%。\n",
    })
    [finding] = [f for f in found if f.stated == 150]
    assert finding.verdict == Verdict.CONSISTENT and finding.pattern == "growth_base"
    assert finding.computed == pytest.approx(150) and finding.evidence[2].text == "40亿元"


def test_a_count_change_and_a_rate_over_different_bases_are_not_paired(tmp_path: Path) -> None:
    """比2015年增加N家 and 同比增长x% measure against different years: no yoy arithmetic."""
    sentence = "2020年，全市备案企业463家，比2015年增加300家，同比增长20.3%。"
    found = changes(tmp_path, {"a.txt": f"株洲市2020年工作总结\n\n{sentence}\n"})
    assert [f.message for f in found if f.verdict in (Verdict.CONSISTENT, Verdict.INCONSISTENT)] == []

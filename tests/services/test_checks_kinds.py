"""Conflicts, outliers, targets, parts and repeats on constructed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks import repeats, run_checks
from viewer.services.ingest import ingest_paths
from viewer.store import open_store


def check_texts(tmp_path: Path, texts: dict[str, str]) -> list[Finding]:
    store = tmp_path / "store.db"
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = ingest_paths(store, [tmp_path / name for name in texts], processes=0)
    assert report.ok, report.outcomes
    db = open_store(store)
    try:
        return run_checks(db)
    finally:
        db.conn.close()


def kind(found: list[Finding], name: str) -> list[Finding]:
    return [f for f in found if f.kind == name]


def test_conflicting_values_list_both_sources_and_rounding_is_no_conflict(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额超过150亿元。\n",
        "b.txt": "株洲市科技统计\n\n2021年，株洲市技术合同成交额150.3亿元。\n",
    })
    assert kind(found, CheckKind.CONFLICT) == []
    found = check_texts(tmp_path, {"c.txt": "株洲市科技快报\n\n2021年，株洲市技术合同成交额180亿元。\n"})
    conflicts = kind(found, CheckKind.CONFLICT)
    assert len(conflicts) == 1
    [conflict] = conflicts
    assert conflict.verdict == Verdict.CONFLICT
    assert {e.file_name for e in conflict.evidence} >= {"c.txt"} and len({e.file_name for e in conflict.evidence}) >= 2
    assert {e.text for e in conflict.evidence} >= {"180亿元"}
    assert "180亿元" in conflict.message and "《" in conflict.message


def test_a_value_out_of_line_is_a_question_with_its_neighbours(tmp_path: Path) -> None:
    years = {2018: "12.5亿元", 2019: "13.1亿元", 2020: "140亿元", 2021: "14.2亿元", 2022: "15.8亿元"}
    text = "株洲市2023年技术合同统计公报\n\n" + "\n\n".join(
        f"{year}年，株洲市技术合同成交额{value}。" for year, value in years.items()
    ) + "\n"
    outliers = kind(check_texts(tmp_path, {"series.txt": text}), CheckKind.OUTLIER)
    assert len(outliers) == 1
    [outlier] = outliers
    assert outlier.verdict == Verdict.QUESTION and outlier.needs_attention
    assert [e.text for e in outlier.evidence if e.label == "value"] == ["140亿元"]
    assert sorted(e.text for e in outlier.evidence if e.label == "neighbour") == ["13.1亿元", "14.2亿元"]
    assert outlier.message.endswith("请核实。") and outlier.message_en.endswith("Please check.")
    assert outlier.computed == pytest.approx(140 / ((13.1 + 14.2) / 2))


def test_a_steady_steep_series_has_no_outlier(tmp_path: Path) -> None:
    text = "株洲市2023年技术合同统计公报\n\n" + "\n\n".join(
        f"{year}年，株洲市技术合同成交额{value}亿元。" for year, value in ((2019, 1), (2020, 8), (2021, 60))
    ) + "\n"
    assert kind(check_texts(tmp_path, {"steep.txt": text}), CheckKind.OUTLIER) == []


def test_targets_are_met_missed_or_not_reported_with_the_gap(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "plan.txt": "株洲市2022年工作要点\n\n力争2022年株洲市技术合同成交额达到200亿元，全社会研发经费达到140亿元，"
                    "高新技术企业达到800家。\n",
        "report.txt": "株洲市2022年工作总结\n\n2022年，株洲市技术合同成交额180亿元。2022年，株洲市高新技术企业达到812家。\n",
    })
    targets = {f.evidence[0].text: f for f in kind(found, CheckKind.TARGET)}
    assert targets["200亿元"].verdict == Verdict.MISSED
    assert targets["200亿元"].computed == 180e8 and "-20亿元" in targets["200亿元"].message
    assert [e.file_name for e in targets["200亿元"].evidence] == ["plan.txt", "report.txt"]
    assert targets["140亿元"].verdict == Verdict.NOT_REPORTED
    assert targets["800家"].verdict == Verdict.MET


def test_parts_exceeding_their_total_are_inconsistent(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {"p.txt": "株洲市平台建设\n\n全市各类科技创新平台达100家，其中国家级60家、省级50家。\n\n"
                                            "全市新型研发机构达到30家，其中省级12家、市级18家。\n"})
    parts = {f.evidence[0].text: f for f in kind(found, CheckKind.PARTS)}
    assert parts["100家"].verdict == Verdict.INCONSISTENT and parts["100家"].computed == 110
    assert [e.label for e in parts["100家"].evidence] == ["total", "part", "part"]
    assert parts["30家"].verdict == Verdict.CONSISTENT and parts["30家"].pattern == "adds_up"


def test_a_repeated_paragraph_is_one_finding_citing_every_copy(tmp_path: Path) -> None:
    paragraph = "坚持创新在现代化建设全局中的核心地位，把科技自立自强作为城市发展的战略支撑，全面塑造发展新优势。"
    found = check_texts(tmp_path, {
        "one.txt": f"第一份\n\n{paragraph}\n\n其他内容与此不同，讲的是另外一件事情，篇幅也足够长。\n\n{paragraph}\n",
        "two.txt": f"第二份\n\n{paragraph}\n",
    })
    [one] = kind(found, CheckKind.REPEAT)  # repeated within one.txt: a finding, though without figures
    assert [(e.label, e.file_name) for e in one.evidence] == [
        ("paragraph", "one.txt"), ("paragraph", "one.txt"), ("paragraph", "two.txt")]
    assert one.pattern == "within" and one.stated == 2 and one.computed == 3
    assert "出现3次" in one.message and "见于2篇文档" in one.message and "《" in one.message
    assert all(e.sentence.strip() == paragraph for e in one.evidence)


def test_a_paragraph_in_many_documents_cites_the_first_copies_and_counts_all(tmp_path: Path) -> None:
    paragraph = "全市累计支持青年科技人才2800余名，其中博士学历的近600名，带动新增就业岗位上万个，成效明显。"
    copies = repeats.SHOWN_COPIES + 5
    found = check_texts(tmp_path, {f"r{n:02}.txt": f"第{n}份材料\n\n{paragraph}\n" for n in range(copies)})
    [finding] = kind(found, CheckKind.REPEAT)
    assert finding.pattern == "elsewhere" and finding.computed == finding.stated == copies
    assert [e.file_name for e in finding.evidence] == [f"r{n:02}.txt" for n in range(repeats.SHOWN_COPIES)]
    assert f"{copies} documents" in finding.message_en and "等" in finding.message


def test_a_bound_met_by_the_exact_value_is_no_conflict(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额突破160亿元。\n",
        "b.txt": "株洲市科技统计\n\n2021年，株洲市技术合同成交额182.6亿元。\n",
    })
    assert kind(found, CheckKind.CONFLICT) == []


def test_a_bound_far_below_the_exact_value_is_a_question_not_a_conflict(tmp_path: Path) -> None:
    """超过200亿元 beside 520.4亿元: both can hold, but the bound is likely about a zone or a company."""
    found = check_texts(tmp_path, {
        "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市高新技术产业增加值超过200亿元。\n",
        "b.txt": "株洲市科技统计\n\n2021年，株洲市高新技术产业增加值520.4亿元。\n",
    })
    [finding] = kind(found, CheckKind.CONFLICT)
    assert finding.verdict == Verdict.QUESTION and finding.pattern == "scope" and finding.needs_attention
    assert "不能同时成立" not in finding.message and "口径" in finding.message
    assert "cannot" not in finding.message_en and finding.message_en.endswith("Please check.")
    assert {e.text for e in finding.evidence} == {"超过200亿元", "520.4亿元"}


def test_an_exact_value_below_a_bound_conflicts(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额超过200亿元。\n",
        "b.txt": "株洲市科技统计\n\n2021年，株洲市技术合同成交额180亿元。\n",
    })
    [finding] = kind(found, CheckKind.CONFLICT)
    assert finding.verdict == Verdict.CONFLICT and "不能同时成立" in finding.message


def test_a_unit_slip_is_a_conflict_whatever_the_distance(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额38.9亿元。\n\n"
                 "全市技术合同登记工作稳步推进。2021年，株洲市技术合同成交额38.9万元。\n",
    })
    [finding] = kind(found, CheckKind.CONFLICT)
    assert (finding.verdict, finding.pattern) == (Verdict.CONFLICT, "unit_slip")
    assert "万" in finding.message and "亿" in finding.message


def test_a_paragraph_with_figures_shared_by_two_documents_is_one_finding(tmp_path: Path) -> None:
    with_figures = "全市累计支持青年科技人才2800余名，其中博士学历的近600名，带动新增就业岗位上万个，成效明显。"
    notice = "本文为内部交流材料，所述内容仅供参考，不代表任何机构的正式意见，请勿对外转载或引用。"
    found = check_texts(tmp_path, {
        "one.txt": f"第一份\n\n{notice}\n\n{with_figures}\n",
        "two.txt": f"第二份\n\n{notice}\n\n{with_figures}\n",
    })
    [finding] = kind(found, CheckKind.REPEAT)  # the notice without figures is ordinary
    assert [e.file_name for e in finding.evidence] == ["one.txt", "two.txt"]
    assert finding.evidence[0].text.startswith("全市累计") and finding.pattern == "elsewhere"


def test_a_lower_bound_below_a_target_cannot_tell_whether_it_was_met(tmp_path: Path) -> None:
    found = check_texts(tmp_path, {
        "plan.txt": "株洲市2022年工作要点\n\n力争2022年株洲市高新技术企业达到1100家，技术合同成交额达到200亿元。\n",
        "report.txt": "株洲市2022年工作总结\n\n2022年，株洲市高新技术企业超过900家。2022年，株洲市技术合同成交额突破210亿元。\n",
    })
    targets = {f.evidence[0].text: f for f in kind(found, CheckKind.TARGET)}
    assert targets["1100家"].verdict == Verdict.CANNOT_CHECK and not targets["1100家"].needs_attention
    assert "超过900家" in targets["1100家"].message and "不能确定" in targets["1100家"].message
    assert targets["200亿元"].verdict == Verdict.MET

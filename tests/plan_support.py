"""Invented reports for the plan evaluation's tests: a five-year plan with 2025 targets, a later
work report with the 2023 actuals, a 十五五 draft, and a second city's plan."""

from __future__ import annotations

from pathlib import Path

PLAN = """岳阳市“十四五”科技创新发展规划

岳阳市科学技术局 2021年6月

规划基年为2020年，规划期限为2021-2025年。

一、发展基础

2020年，全市高新技术企业达到400家，研发经费投入强度为1.8%，技术合同成交额为50亿元，高新技术产业增加值为300亿元，高新技术产业增加值占GDP比重为20%，科技型中小企业达到500家。

二、发展目标

到2025年，全市高新技术企业数达到800家以上，研发经费投入强度达到2.6%（预期性），技术合同成交额达到100亿元，高新技术产业增加值年均增长10%，高新技术产业增加值占GDP比重达到30%，每万人口发明专利拥有量达到8件，科技型中小企业达到1000家。

到2025年，全社会研发经费投入年均增长12%以上，新增省级工程技术研究中心30家，省级众创空间达到40家。
"""

REPORT = """2024年岳阳市科技工作总结

岳阳市科学技术局 2024年1月

2023年，全市高新技术企业达到820家，研发经费投入强度达到2.0%，技术合同成交额达到90亿元，高新技术产业增加值达到420亿元，高新技术产业增加值占GDP比重达到25%，入库科技型中小企业980家。

2023年，全社会研发经费投入增长9%，新增省级工程技术研究中心8家，省级以上众创空间达到36家。
"""

EARLIER = """2022年岳阳市科技工作总结

岳阳市科学技术局 2022年2月

2021年，全市高新技术企业达到520家，研发经费投入强度达到1.9%，技术合同成交额达到62亿元。
"""

NEXT_PLAN = """岳阳市“十五五”科技创新发展规划（征求意见稿）

岳阳市科学技术局 2025年10月

规划基年为2025年，规划期限为2026-2030年。

到2030年，全市高新技术企业数达到1500家，研发经费投入强度达到3.2%，技术合同成交额达到200亿元，科技型企业达到3000家。
"""

OTHER_CITY = """常德市“十四五”科技创新规划

常德市科学技术局 2021年8月

规划基年为2020年，规划期限为2021-2025年。

2020年，全市高新技术企业达到300家，研发经费投入强度为1.6%。

到2025年，全市高新技术企业数达到700家，研发经费投入强度达到2.2%。
"""

OTHER_REPORT = """2024年常德市科技工作总结

常德市科学技术局 2024年2月

2023年，全市高新技术企业达到720家，研发经费投入强度达到1.7%。
"""

FILES = {"plan.txt": PLAN, "report2024.txt": REPORT, "report2022.txt": EARLIER, "next.txt": NEXT_PLAN,
         "changde_plan.txt": OTHER_CITY, "changde_report.txt": OTHER_REPORT}


def plan_store(folder: Path, names: tuple[str, ...] = tuple(FILES)) -> Path:
    """A fresh store holding the invented reports named (all by default)."""
    from viewer.services.ingest import ingest_paths

    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for name in names:
        (texts / name).write_text(FILES[name], encoding="utf-8")
    store = folder / "plans.db"
    report = ingest_paths(store, [texts / n for n in names], processes=0)
    assert report.ok, report.outcomes
    return store


def doc_id(conn: object, title_part: str) -> int:
    row = conn.execute("SELECT id FROM documents WHERE title LIKE ?", [f"%{title_part}%"]).fetchone()  # type: ignore[attr-defined]
    assert row, title_part
    return int(row[0])

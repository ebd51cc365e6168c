"""A plan evaluation in Word and xlsx: the summary per status, the table with its source column,
charts of the rows behind schedule, plans side by side, the next plan; text cells stay text."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from plan_support import doc_id, plan_store

from viewer.model.plans import PlanDocument, PlanEvaluation, PlanRow, PlanSource, PlanStatus, TargetKind
from viewer.services.plan_compare import compare_next
from viewer.services.plan_evaluation import evaluate_plan, exclude_row
from viewer.services.plan_export import behind, write_plan_docx, write_plan_xlsx
from viewer.services.plan_words import summary
from viewer.store import open_store


def png(width: int = 4, height: int = 3) -> bytes:
    """A small white PNG, made here (the charts themselves are drawn by the window's code)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG = png()


@pytest.fixture(scope="module")
def evaluations(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[PlanEvaluation], object]:
    db = open_store(plan_store(tmp_path_factory.mktemp("export")))
    yueyang = evaluate_plan(db, doc_id(db, "十四五”科技创新发展规划"))
    exclude_row(db, yueyang.plan, next(r.key for r in yueyang.rows if r.indicator == "每万人口发明专利拥有量"),
                "指标已调整")
    yueyang = evaluate_plan(db, yueyang.plan.doc_id)
    changde = evaluate_plan(db, doc_id(db, "常德市"))
    following = compare_next(db, yueyang.plan.doc_id, doc_id(db, "十五五"))
    return [yueyang, changde], following


def text_of(doc: object) -> str:
    parts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    for table in doc.tables:  # type: ignore[attr-defined]
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_the_summary_counts_each_status(evaluations: tuple[list[PlanEvaluation], object]) -> None:
    yueyang = evaluations[0][0]
    lines = summary(yueyang)
    assert lines[0].startswith("共评估目标9项：已完成目标1项，未完成7项（其中进度正常3项、进度滞后4项）")
    assert "另有1项经评审人员排除" in lines[0]
    assert any(line.startswith("已排除（1项）：每万人口发明专利拥有量") for line in lines)
    assert summary(yueyang, "en")[0].startswith("9 targets evaluated: 1 met, 7 not met")


def test_docx_holds_summary_table_sources_charts_places_and_next_plan(
        evaluations: tuple[list[PlanEvaluation], object], tmp_path: Path) -> None:
    plans, following = evaluations
    charts = {row.key: PNG for row in behind(plans[0])}
    out = tmp_path / "评估.docx"
    write_plan_docx(plans, out, charts, following)  # type: ignore[arg-type]
    doc = Document(str(out))
    text = text_of(doc)
    assert "已完成目标1项，未完成7项" in text
    assert "排除理由：指标已调整" in text
    assert "实际：《2024年岳阳市科技工作总结》2023年，全市高新技术企业达到820家" in text
    assert len(doc.inline_shapes) == len(charts) == 4
    assert "各地对比" in text and "下一期规划" in text and "取消" in text and "新增" in text
    yueyang_table = doc.tables[0]
    assert len(yueyang_table.rows) == 1 + len(plans[0].rows)


def test_xlsx_has_rows_sources_and_summary(evaluations: tuple[list[PlanEvaluation], object], tmp_path: Path) -> None:
    plans, following = evaluations
    out = tmp_path / "评估.xlsx"
    write_plan_xlsx(plans, out, following)  # type: ignore[arg-type]
    book = load_workbook(out)
    assert book.sheetnames == ["评估", "来源", "汇总", "对比", "下一期"]
    header = [c.value for c in book["评估"][1]]
    assert header[:3] == ["规划", "指标", "地区"]
    statuses = [row[header.index("状态")] for row in book["评估"].iter_rows(min_row=2, values_only=True)]
    assert statuses.count("已完成") == 2 and statuses.count("已排除") == 1
    labels = [row[2] for row in book["来源"].iter_rows(min_row=2, values_only=True)]
    assert {"目标", "基期", "实际"} <= set(labels)


def test_text_from_reports_never_becomes_a_formula(tmp_path: Path) -> None:
    source = PlanSource(label="target", doc_id=1, doc_title="=HYPERLINK(\"x\")", figure_id=1, start=0, end=2,
                        sentence_start=0, sentence_end=4, text="5家", year=2025, sentence="@SUM(A1)\x07")
    row = PlanRow(key="k", indicator="=1+1", region="-某地", unit="家", kind=TargetKind.LEVEL, target_value=5,
                  target_year=2025, target_text="5家", base_year=2020, sources=(source,))
    plan = PlanDocument(doc_id=1, title="+规划", region=None, year=2021, kind="plan", targets=1, is_plan=True)
    evaluation = PlanEvaluation(plan=plan, base_year=2020, rows=(row,))
    out = tmp_path / "e.xlsx"
    write_plan_xlsx([evaluation], out)
    sheet = load_workbook(out)["评估"]
    cells = next(iter(sheet.iter_rows(min_row=2, max_row=2)))
    assert cells[0].value == "+规划" and cells[0].data_type == "s" and cells[1].value == "=1+1"
    assert cells[1].data_type == "s" and cells[1].quotePrefix
    write_plan_docx([evaluation], tmp_path / "e.docx")
    assert "=1+1" in text_of(Document(str(tmp_path / "e.docx")))
    assert evaluation.counts()[PlanStatus.NOT_REPORTED] == 1

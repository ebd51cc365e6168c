"""A small in-memory library with invented text, for pane tests that need no store."""

from __future__ import annotations

from viewer.model import Document, Entity, Figure, Mention, Paragraph, Point, Role, Series
from viewer.model.review import CheckKind, Evidence, Finding, Note, NoteStatus, Verdict

ASTRAL = "\U00020000"  # outside the Basic Multilingual Plane: two UTF-16 units

TEXT = (
    "甲市科技工作回顾\n"
    f"{ASTRAL}甲市全年研发投入达到34.94亿元，同比增长12.5%。\n"
    "全市高新技术企业超过312家，计划到2025年达到500家。\n"
    "全市高新技术企业超过312家，计划到2025年达到500家。\n"
    "乙市研发投入预计为20亿元。"
)


def _span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_document(doc_id: int = 1) -> Document:
    return Document(path=f"/tmp/doc{doc_id}.txt", sha256="0" * 64, text=TEXT, title="甲市科技工作回顾",
                    region="甲市", year=2022, kind="report", id=doc_id, published="2023-01-05")


def make_paragraphs() -> list[Paragraph]:
    spans, start = [], 0
    for index, line in enumerate(TEXT.split("\n")):
        repeats = 2 if "超过312家" in line else 1
        spans.append(Paragraph(index, start, start + len(line), repeats))
        start += len(line) + 1
    return spans


def make_figures(doc_id: int = 1) -> list[Figure]:
    def figure(fid: int, needle: str, value: float, unit: str, kind: str, role: str = Role.ACTUAL,
               indicator: str | None = None, year: int = 2022, qualifier: str = "",
               occurrence: int = 0) -> Figure:
        start, end = _span(TEXT, needle, occurrence)
        # read from the text (not weak), but for figure 2, which has no indicator
        return Figure(start, end, needle, value, unit, kind, qualifier=qualifier, year=year,
                      period=str(year), indicator=indicator, region="甲市", role=role,
                      sentence_start=start - 5, sentence_end=end + 3, id=fid, doc_id=doc_id,
                      indicator_how="alias" if indicator else "", region_how="clause", period_how="clause",
                      modality=role if role in (Role.TARGET, Role.ESTIMATE) else Role.ACTUAL)

    return [
        figure(1, "34.94亿元", 34.94e8, "元", "money", indicator="研发投入"),
        figure(2, "12.5%", 12.5, "%", "percent", Role.GROWTH),
        figure(3, "312家", 312, "家", "count", indicator="高新技术企业数", qualifier="more_than"),
        figure(4, "500家", 500, "家", "count", Role.TARGET, indicator="高新技术企业数", year=2025),
    ]


def make_mentions() -> list[Mention]:
    mentions = []
    for needle, kind in (("甲市", "place"), ("乙市", "place"), ("高新技术企业", "org")):
        start = TEXT.find(needle)
        while start >= 0:
            mentions.append(Mention(start, start + len(needle), needle, kind, needle))
            start = TEXT.find(needle, start + len(needle))
    return mentions


def make_series(indicator: str = "研发投入") -> Series:
    def point(year: int, value: float, region: str, role: str = Role.ACTUAL, qualifier: str = "",
              figure_id: int = 100, doc_id: int = 1) -> Point:
        return Point(year, value, region, role, qualifier, figure_id, doc_id, "甲市科技工作回顾",
                     10, 17, "全年研发投入达到", "34.94亿元", str(year))

    return Series(indicator, "元", "money", [
        point(2020, 25e8, "甲市", figure_id=101),
        point(2021, 30e8, "甲市", figure_id=102),
        point(2022, 34.94e8, "甲市", figure_id=1),
        point(2025, 50e8, "甲市", Role.TARGET, figure_id=103),
        point(2021, 15e8, "乙市", figure_id=104, doc_id=2),
        point(2022, 20e8, "乙市", Role.ESTIMATE, figure_id=105, doc_id=2),
        point(2023, 22e8, "乙市", qualifier="more_than", figure_id=106, doc_id=2),
    ])


def make_entities() -> list[Entity]:
    return [Entity("甲市", "place", id=1, mentions=4, documents=2),
            Entity("乙市", "place", id=2, mentions=1, documents=1),
            Entity("高新技术企业", "org", id=3, mentions=2, documents=1),
            Entity("《科技创新规划》", "policy", id=4, mentions=1, documents=1)]


def make_findings(doc_id: int = 1) -> list[Finding]:
    """An inconsistent growth rate (needs attention), a conflict across two documents, a met target."""
    figures = {f.id: f for f in make_figures(doc_id)}

    def evidence(figure_id: int, label: str, in_doc: int = doc_id) -> Evidence:
        f = figures[figure_id]
        return Evidence(label, in_doc, f.start, f.end, f.text, f.sentence_start, f.sentence_end,
                        figure_id=figure_id, value=f.value, unit=f.unit, year=f.year,
                        file_name=f"doc{in_doc}.txt", title=f"文档{in_doc}", sentence=TEXT[f.start:f.end + 3])

    return [
        Finding(CheckKind.CHANGE, Verdict.INCONSISTENT, "增速与数值不符", "the rate does not fit the values",
                (evidence(1, "current"), evidence(2, "stated")), id=11),
        Finding(CheckKind.CONFLICT, Verdict.CONFLICT, "两份文档数值不同", "two documents differ",
                (evidence(3, "value"), evidence(3, "other value", in_doc=2)), id=12),
        Finding(CheckKind.TARGET, Verdict.MET, "目标已完成", "target met", (evidence(4, "target"),), id=13),
        Finding(CheckKind.PARTS, Verdict.CONSISTENT, "分项相符", "parts fit", (evidence(1, "total"),), id=14),
    ]


def make_notes(doc_id: int = 1) -> list[Note]:
    start, end = _span(TEXT, "研发投入达到")
    gone = Note(doc_id, "/tmp/doc1.txt", 3, 6, "已删去的原文", "找不到了", status=NoteStatus.ORPHANED, id=2)
    return [Note(doc_id, "/tmp/doc1.txt", start, end, TEXT[start:end], "核对口径", ("存疑",), id=1), gone]

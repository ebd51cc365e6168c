"""Shared by the checks: a verdict from intervals, and wording of verdicts and figures."""

from __future__ import annotations

from viewer.model import Figure
from viewer.model.review import Verdict
from viewer.services.checks.numeric import Interval, point

VERDICT_ZH = {
    Verdict.CONSISTENT: "相符",
    Verdict.INCONSISTENT: "不符",
    Verdict.CANNOT_CHECK: "无法核对",
    Verdict.CONFLICT: "数据冲突",
    Verdict.QUESTION: "请核实",
    Verdict.MET: "已完成",
    Verdict.MISSED: "未完成",
    Verdict.NOT_REPORTED: "尚无实际数据",
    Verdict.REPEATED: "段落重复",
}
VERDICT_EN = {
    Verdict.CONSISTENT: "consistent",
    Verdict.INCONSISTENT: "inconsistent",
    Verdict.CANNOT_CHECK: "cannot check",
    Verdict.CONFLICT: "conflict",
    Verdict.QUESTION: "please check",
    Verdict.MET: "met",
    Verdict.MISSED: "missed",
    Verdict.NOT_REPORTED: "not yet reported",
    Verdict.REPEATED: "repeated",
}


def compare(stated: Interval | None, computed: Interval | None) -> str:
    if stated is None or computed is None:
        return Verdict.CANNOT_CHECK
    return Verdict.CONSISTENT if stated.overlaps(computed) else Verdict.INCONSISTENT


def amount(value: float, unit: str) -> str:
    """A value in a base unit, in the words a report would use (1278000000 元 -> 12.78亿元)."""
    if unit in ("元", "美元", "") and abs(value) >= 1e8:
        return f"{point(value / 1e8)}亿{unit}"
    if unit in ("元", "美元", "") and abs(value) >= 1e4:
        return f"{point(value / 1e4)}万{unit}"
    return f"{point(value)}{unit}"


def where(figure: Figure) -> str:
    """Indicator, region and period of a figure, for messages."""
    parts = [figure.region or "", figure.indicator or "", figure.period or (str(figure.year) if figure.year else "")]
    return " ".join(p for p in parts if p)

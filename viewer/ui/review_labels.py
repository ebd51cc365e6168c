"""Words, colours and icons for check findings and notes, and which figures they flag."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from viewer.model.review import CheckKind, Finding, NoteStatus, Verdict
from viewer.ui.i18n import tr

ALERT_COLOUR = "#c92a2a"  # inconsistent, conflict, missed: the reviewer must look
QUESTION_COLOUR = "#e8590c"  # an outlier or a repeated paragraph: worth a look
FINE_COLOUR = "#2b8a3e"  # consistent, met
MUTED_COLOUR = "#868e96"  # cannot check, not reported

# Chart flags of a figure (a point): a value in doubt, or a target's outcome.
FLAG_CONFLICT, FLAG_OUTLIER, FLAG_MET, FLAG_MISSED = "conflict", "outlier", "met", "missed"


def check_kind_label(kind: str) -> str:
    labels = {
        CheckKind.CHANGE: tr("增减核算"),
        CheckKind.CONFLICT: tr("数据冲突"),
        CheckKind.OUTLIER: tr("异常值"),
        CheckKind.PART_YEAR: tr("部分年度超全年"),
        CheckKind.TARGET: tr("目标完成"),
        CheckKind.PARTS: tr("分项与总数"),
        CheckKind.REPEAT: tr("重复段落"),
    }
    return labels.get(kind, kind)


def verdict_label(verdict: str) -> str:
    labels = {
        Verdict.CONSISTENT: tr("相符"),
        Verdict.INCONSISTENT: tr("不符"),
        Verdict.CANNOT_CHECK: tr("无法核对"),
        Verdict.CONFLICT: tr("数据冲突"),
        Verdict.QUESTION: tr("请核实"),
        Verdict.MET: tr("已完成"),
        Verdict.MISSED: tr("未完成"),
        Verdict.NOT_REPORTED: tr("尚无实际数据"),
        Verdict.REPEATED: tr("段落重复"),
    }
    return labels.get(verdict, verdict)


def evidence_label(label: str) -> str:
    labels = {
        "current": tr("本期值"), "stated": tr("文中所述"), "base": tr("基期值"), "from": tr("起始值"),
        "to": tr("终止值"), "change": tr("增减量"), "value": tr("数值"), "other value": tr("另一数值"),
        "also": tr("同值来源"), "neighbour": tr("相邻年份"), "total": tr("总数"), "part": tr("分项"),
        "target": tr("目标"), "actual": tr("实际"), "paragraph": tr("段落"), "elsewhere": tr("另见"),
        "full_year": tr("全年数值"),
    }
    return labels.get(label, label)


def note_status_label(status: str) -> str:
    labels = {
        NoteStatus.ANCHORED: tr("已定位"),
        NoteStatus.MOVED: tr("已重新定位"),
        NoteStatus.ORPHANED: tr("原文已变更，找不到原文"),
    }
    return labels.get(status, status)


def verdict_colour(verdict: str) -> QColor:
    if verdict in (Verdict.INCONSISTENT, Verdict.CONFLICT, Verdict.MISSED):
        return QColor(ALERT_COLOUR)
    if verdict in Verdict.ATTENTION:
        return QColor(QUESTION_COLOUR)
    if verdict in (Verdict.CONSISTENT, Verdict.MET):
        return QColor(FINE_COLOUR)
    return QColor(MUTED_COLOUR)


@cache
def verdict_icon(verdict: str) -> QIcon:
    """A filled dot for verdicts that need attention, a ring for the others."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = verdict_colour(verdict)
    if verdict in Verdict.ATTENTION:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(1, 1, 12, 12)
    else:
        painter.setPen(colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


def finding_message(finding: Finding, language: str) -> str:
    return finding.message_en if language == "en" and finding.message_en else finding.message


def findings_by_figure(findings: Iterable[Finding], doc_id: int | None) -> dict[int, list[Finding]]:
    """figure id -> the findings citing it, for the figures of one document."""
    by_figure: dict[int, list[Finding]] = {}
    for finding in findings:
        for evidence in finding.evidence:
            if evidence.doc_id == doc_id and evidence.figure_id is not None:
                listed = by_figure.setdefault(evidence.figure_id, [])
                if finding not in listed:
                    listed.append(finding)
    return by_figure


def figure_flags(findings: Iterable[Finding]) -> dict[int, str]:
    """figure id -> chart flag: values in a conflict or an outlier, targets met or missed.

    A value in doubt outranks a target's outcome when a figure has both.
    """
    return flags_from_rows((e.figure_id, f.kind, f.verdict, e.label)
                           for f in findings for e in f.evidence if e.figure_id is not None)


def flags_from_rows(rows: Iterable[tuple[int, str, str, str]]) -> dict[int, str]:
    """`figure_flags` from (figure id, check kind, verdict, evidence label) rows."""
    flags: dict[int, str] = {}
    for figure_id, kind, verdict, label in rows:
        flag = _flag(kind, verdict, label)
        if flag is not None and not (flag in (FLAG_MET, FLAG_MISSED) and figure_id in flags):
            flags[figure_id] = flag
    return flags


def _flag(kind: str, verdict: str, label: str) -> str | None:
    if kind == CheckKind.CONFLICT and verdict == Verdict.CONFLICT:
        return FLAG_CONFLICT
    if kind in (CheckKind.OUTLIER, CheckKind.PART_YEAR) and verdict == Verdict.QUESTION and label == "value":
        return FLAG_OUTLIER
    if kind == CheckKind.TARGET and label == "target" and verdict in (Verdict.MET, Verdict.MISSED):
        return FLAG_MET if verdict == Verdict.MET else FLAG_MISSED
    return None

"""Tooltips of the document pane: rich text built only from escaped pieces, so document text
is never interpreted as markup."""

from __future__ import annotations

import html
from collections.abc import Sequence

from viewer.model import Figure, Mention, weak_slots
from viewer.model.review import Finding, Note
from viewer.ui.attribution_labels import SLOTS, WEAK_COLOUR, figure_slot_words, slot_name
from viewer.ui.i18n import colon, tr
from viewer.ui.labels import entity_type_label, figure_kind_label, role_label
from viewer.ui.review_labels import check_kind_label, finding_message, verdict_colour, verdict_label
from viewer.ui.units import qualified_value


def figure_tooltip(figure: Figure) -> str:
    rows = [
        (tr("原文"), figure.text),
        (tr("类型"), figure_kind_label(figure.kind)),
        (tr("规范值"), qualified_value(figure, figure.unit)),
        (tr("时期"), figure.period or (str(figure.year) if figure.year else "—")),
        (tr("指标"), figure.indicator or tr("（未关联）")),
        (tr("地区"), figure.region or "—"),
        (tr("角色"), role_label(figure.role)),
    ]
    cells = "".join(
        f"<tr><td style='color:#666;padding-right:8px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>" for label, value in rows
    )
    return f"<table>{cells}</table>" + attribution_tooltip(figure)


def attribution_tooltip(figure: Figure) -> str:
    """How the figure's indicator, place and year were found; the weak ones marked 需核对."""
    weak = weak_slots(figure)
    words = figure_slot_words(figure)
    mark = f" <span style='color:{WEAK_COLOUR}'>{html.escape(tr('需核对'))}</span>"
    cells = "".join(
        f"<tr><td style='color:#666;padding-right:8px'>{html.escape(slot_name(slot))}</td>"
        f"<td>{html.escape(words[slot])}{mark if slot in weak else ''}</td></tr>" for slot in SLOTS
    )
    return f"<hr><b>{html.escape(tr('判定依据'))}</b><table>{cells}</table>"


def findings_tooltip(findings: Sequence[Finding], language: str) -> str:
    items = "".join(
        f"<li><b style='color:{verdict_colour(f.verdict).name()}'>"
        f"{html.escape(check_kind_label(f.kind))} · {html.escape(verdict_label(f.verdict))}</b><br>"
        f"{html.escape(finding_message(f, language))}</li>" for f in findings
    )
    return f"<hr><b>{html.escape(tr('核查'))}</b><ul style='margin:0'>{items}</ul>"


def notes_tooltip(notes: Sequence[Note]) -> str:
    items = "".join(
        f"<li>{html.escape(n.body or tr('（无内容）'))}"
        + (f" <span style='color:#0ca678'>#{html.escape(' #'.join(n.tags))}</span>" if n.tags else "")
        + "</li>" for n in notes
    )
    return f"<hr><b>{html.escape(tr('批注'))}</b><ul style='margin:0'>{items}</ul>"


def mention_tooltip(mention: Mention) -> str:
    return f"<b>{html.escape(entity_type_label(mention.type))}</b>{colon()}{html.escape(mention.canonical)}"


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` as it is (line breaks kept): escaped, never read as markup."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def plain_message(text: str) -> str:
    """The text of a message box that quotes report text or file names: escaped rich text, so
    that Qt never guesses markup in it (a static QMessageBox call reads its text as rich text
    when the first line looks like HTML)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"

"""Check kind 6: paragraphs that occur more than once (found at ingest), listed per document.

A paragraph repeated within a document is always listed. One that occurs once in a document and
again only in other documents is listed when it carries figures (they may be stale there): a
shared notice or a quoted policy passage without figures is ordinary, not a finding.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from viewer.model.review import CheckKind, Evidence, Finding, Verdict
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    pass

_SHOWN = 40  # characters of a paragraph kept as the evidence text


def check(db: Queryable) -> list[Finding]:
    sql = (
        "SELECT p.text_hash, p.doc_id, p.span_start, p.span_end, substr(d.text, p.span_start + 1, ?), "
        "d.title, d.file_name, EXISTS (SELECT 1 FROM figures f WHERE f.doc_id = p.doc_id "
        "AND f.span_start >= p.span_start AND f.span_end <= p.span_end) "
        "FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
        "WHERE p.repeats > 1 AND p.text_hash IS NOT NULL ORDER BY p.doc_id, p.span_start"
    )
    occurrences: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
    with_figures: set[str] = set()
    for text_hash, doc_id, start, end, text, title, file_name, has_figures in db.execute(sql, [_SHOWN]):
        occurrence = Evidence(label="paragraph", doc_id=doc_id, start=start, end=end, text=text,
                              sentence_start=start, sentence_end=end)
        occurrences[text_hash].append((occurrence, title or file_name))
        if has_figures:
            with_figures.add(text_hash)
    findings = []
    for text_hash, found in occurrences.items():
        for doc_id in dict.fromkeys(e.doc_id for e, _ in found):
            within = sum(e.doc_id == doc_id for e, _ in found) > 1
            if within or text_hash in with_figures:
                findings.append(_finding(doc_id, found))
    return findings


def _finding(doc_id: int, found: list[tuple[Evidence, str]]) -> Finding:
    here = [e for e, _ in found if e.doc_id == doc_id]
    elsewhere = [(e, title) for e, title in found if e.doc_id != doc_id]
    other_titles = list(dict.fromkeys(title for _, title in elsewhere))
    zh = f"段落“{here[0].text}…”在本文中出现{len(here)}次"
    en = f"The paragraph “{here[0].text}…” occurs {len(here)} times in this document"
    if other_titles:
        zh += "，另见于" + "、".join(f"《{t}》" for t in other_titles)
        en += ", and also in " + ", ".join(f"“{t}”" for t in other_titles)
    proof = tuple(here) + tuple(replace(e, label="elsewhere") for e, _ in elsewhere)
    return Finding(
        kind=CheckKind.REPEAT, verdict=Verdict.REPEATED, pattern="elsewhere" if other_titles else "within",
        message=zh, message_en=en, stated=float(len(here)), computed=float(len(found)), unit="次", evidence=proof,
    )

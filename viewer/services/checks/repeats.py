"""Check kind 6: paragraphs that occur more than once (found at ingest): one finding per text.

A paragraph repeated within a document is always a finding. One that occurs once in each of
several documents is a finding when it carries figures (they may be stale in one of them): a
shared notice or a quoted policy passage without figures is ordinary, not a finding.
The evidence is the first SHOWN_COPIES copies in document order; `computed` counts them all and
`stated` counts the documents, so a paragraph pasted into every report stays one small finding.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from viewer.model.review import CheckKind, Evidence, Finding, Verdict
from viewer.services.checks.scopes import paragraph_scope
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

SHOWN_CHARS = 40  # characters of a paragraph kept as the evidence text
SHOWN_COPIES = 20  # copies cited as evidence
_NAMED_DOCUMENTS = 5  # titles named in the message


@dataclass
class _Copies:
    evidence: list[Evidence] = field(default_factory=list)
    per_document: dict[int, int] = field(default_factory=dict)
    figures: bool = False


def check(db: Queryable, hashes: Collection[int] | None = None) -> list[tuple[str, Finding]]:
    """(scope, finding) per repeated paragraph text (only these fingerprints, when given)."""
    groups: dict[int, _Copies] = {}
    for text_hash, doc_id, start, end, text, has_figures in store_checks.repeated_paragraphs(db, hashes, SHOWN_CHARS):
        copies = groups.setdefault(text_hash, _Copies())
        copies.per_document[doc_id] = copies.per_document.get(doc_id, 0) + 1
        copies.figures = copies.figures or bool(has_figures)
        if len(copies.evidence) < SHOWN_COPIES:
            copies.evidence.append(Evidence(label="paragraph", doc_id=doc_id, start=start, end=end, text=text,
                                            sentence_start=start, sentence_end=end))
    if not groups:
        return []
    titles = {doc_id: title for doc_id, (_, title) in store_checks.document_labels(db).items()}
    return [
        (paragraph_scope(text_hash), _finding(copies, titles))
        for text_hash, copies in groups.items()
        if copies.figures or max(copies.per_document.values()) > 1
    ]


def _finding(copies: _Copies, titles: dict[int, str]) -> Finding:
    total, documents = sum(copies.per_document.values()), len(copies.per_document)
    within = max(copies.per_document.values()) > 1
    shown = copies.evidence[0].text
    named = [titles.get(doc_id, "") for doc_id in list(copies.per_document)[:_NAMED_DOCUMENTS]]
    more = documents - len(named)
    if documents == 1:
        zh = f"段落“{shown}…”在《{named[0]}》中出现{total}次"
        en = f"The paragraph “{shown}…” occurs {total} times in “{named[0]}”"
    else:
        zh = f"段落“{shown}…”出现{total}次，见于{documents}篇文档：" + "、".join(f"《{t}》" for t in named) + (
            "等" if more else "")
        en = f"The paragraph “{shown}…” occurs {total} times in {documents} documents: " + ", ".join(
            f"“{t}”" for t in named) + (f" and {more} more" if more else "")
    return Finding(
        kind=CheckKind.REPEAT, verdict=Verdict.REPEATED, pattern="within" if within else "elsewhere",
        message=zh, message_en=en, stated=float(documents), computed=float(total), unit="次",
        evidence=tuple(copies.evidence),
    )

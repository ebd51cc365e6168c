"""Check kind 1: stated changes (growth rates, multiples, 翻番, CAGR, percentage points) against
the stated values — in the same sentence first, then against a base year reported elsewhere."""

from __future__ import annotations

from viewer.model.review import Finding
from viewer.services.checks import change_base, change_inline
from viewer.services.checks.context import Corpus


def check(corpus: Corpus) -> list[Finding]:
    findings: list[Finding] = []
    for passage in corpus.passages:
        inline, used = change_inline.check_passage(passage)
        findings.extend(inline)
        findings.extend(change_base.check_passage(corpus, passage, used))
    return findings

"""What the check tests compare findings by."""

from __future__ import annotations

from viewer.model.review import Finding


def finding_key(finding: Finding) -> str:
    """A finding without its id, with its evidence as stored."""
    evidence = [(e.label, e.doc_id, e.start, e.end, e.text, e.figure_id, e.value, e.unit, e.year)
                for e in finding.evidence]
    return repr((finding.kind, finding.verdict, finding.pattern, finding.message, finding.message_en,
                 finding.stated, finding.computed, finding.unit, evidence))

"""A reviewer's correction of a figure: what changed, from what, when and by whom."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Source:
    MACHINE = "machine"
    REVIEWER = "reviewer"


class CorrectionStatus:
    APPLIED = "applied"
    MOVED = "moved"  # found again at another place of a changed text
    ORPHANED = "orphaned"  # the figure is gone from its document's text or analysis


# The fields of a Figure a reviewer can set, and `excluded` (not a data point).
CORRECTABLE = ("indicator", "region", "year", "period", "period_start", "period_end", "role", "value",
               "value_high", "unit", "excluded")


@dataclass
class Correction:
    doc_path: str
    start: int  # the figure's span in the document's text when last applied
    end: int
    quote: str  # the figure as written
    changes: dict[str, Any]  # field -> the reviewer's value
    machine: dict[str, Any] = field(default_factory=dict)  # the same fields as the analysis gave them
    context_before: str = ""
    context_after: str = ""
    doc_id: int | None = None
    author: str = ""
    status: str = CorrectionStatus.APPLIED
    created_at: str = ""
    updated_at: str = ""
    id: int | None = None
    # Filled when listed:
    sentence: str = ""
    title: str = ""

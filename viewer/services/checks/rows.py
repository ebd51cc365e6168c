"""Findings as export rows: `policy-viewer export checks --format jsonl|csv`."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from viewer.model.review import Finding
from viewer.services.tables import write_rows
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    pass

CHECK_COLUMNS: tuple[str, ...] = (
    "id", "kind", "verdict", "pattern", "message", "message_en", "stated", "computed", "unit",
    "documents", "titles", "spans", "figures", "values", "sentences",
)


def finding_row(finding: Finding) -> dict[str, Any]:
    evidence = finding.evidence
    return {
        "id": finding.id,
        "kind": finding.kind,
        "verdict": finding.verdict,
        "pattern": finding.pattern,
        "message": finding.message,
        "message_en": finding.message_en,
        "stated": finding.stated,
        "computed": finding.computed,
        "unit": finding.unit,
        "documents": list(dict.fromkeys(e.file_name for e in evidence)),
        "titles": list(dict.fromkeys(e.title for e in evidence)),
        "spans": [f"{e.file_name}:{e.start}-{e.end}" for e in evidence],
        "figures": [f"{e.label}: {e.text}" for e in evidence],
        "values": [e.value for e in evidence],
        "sentences": list(dict.fromkeys(e.sentence for e in evidence)),
    }


def check_rows(db: Queryable) -> list[dict[str, Any]]:
    """One row per stored finding: kind, verdict, documents, spans, sentences, stated and computed."""
    return [finding_row(f) for f in store_checks.list_findings(db)]


def export_checks(db: Queryable, fmt: str, out: Path | None, stdout: IO[str] | None = None) -> int:
    """Write the stored findings as jsonl/csv (or xlsx); returns the number of rows."""
    rows = check_rows(db)
    write_rows(rows, CHECK_COLUMNS, fmt, out, stdout, sheet="checks")
    return len(rows)

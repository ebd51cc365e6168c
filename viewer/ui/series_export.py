"""Write a series' points to CSV or Excel, each row citing its source and saying how its figure was
attributed (and which slots to check). Written by services.tables: text never becomes a formula."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.model import Series
from viewer.services.confidence import CONFIDENCE_COLUMNS, point_columns
from viewer.services.tables import write_rows

COLUMNS = ["indicator", "region", "year", "period", "value", "value_high", "unit", "role", "qualifier",
           "text", "document", "doc_id", "start", "end", *CONFIDENCE_COLUMNS, "sentence"]


def series_rows(series: Series) -> list[dict[str, Any]]:
    return [{"indicator": series.indicator, "region": p.region, "year": p.year, "period": p.period,
             "value": p.value, "value_high": p.value_high, "unit": series.unit, "role": p.role,
             "qualifier": p.qualifier, "text": p.text, "document": p.doc_title, "doc_id": p.doc_id,
             "start": p.start, "end": p.end, **point_columns(p), "sentence": p.sentence}
            for p in sorted(series.points, key=lambda p: (p.region, p.year))]


def write_series(series: Series, path: Path) -> None:
    """CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx by the file's suffix."""
    fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
    write_rows(series_rows(series), COLUMNS, fmt, path, sheet="series")

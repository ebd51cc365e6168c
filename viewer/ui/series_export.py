"""Write a series' points to CSV or Excel, each row citing its source."""

from __future__ import annotations

import csv
from pathlib import Path

from viewer.model import Series

COLUMNS = ["indicator", "region", "year", "period", "value", "value_high", "unit", "role", "qualifier",
           "text", "document", "doc_id", "start", "end", "sentence"]


def series_rows(series: Series) -> list[list[object]]:
    return [[series.indicator, p.region, p.year, p.period, p.value, p.value_high, series.unit, p.role,
             p.qualifier, p.text, p.doc_title, p.doc_id, p.start, p.end, p.sentence]
            for p in sorted(series.points, key=lambda p: (p.region, p.year))]


def write_series(series: Series, path: Path) -> None:
    """CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx by the file's suffix."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "series"
        sheet.append(COLUMNS)
        for row in series_rows(series):
            sheet.append(row)
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(series_rows(series))

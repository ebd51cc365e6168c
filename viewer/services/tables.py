"""Write rows as JSON lines, CSV (UTF-8 with BOM, so Excel keeps the Chinese) or xlsx.

Text is never turned into a formula: in xlsx a text cell is stored as text even when it starts
with "=", and in CSV a text cell that a spreadsheet would read as a formula (=, +, -, @, a tab or
a carriage return first) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as the text it is."""
    value = _cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, out: Path | None,
               stdout: IO[str] | None = None, sheet: str = "data") -> None:
    """Write to `out`, or to `stdout` for text formats when `out` is None."""
    if fmt == "xlsx":
        if out is None:
            raise ValueError("xlsx needs --out FILE")
        write_xlsx({sheet: (columns, list(rows))}, out)
        return
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    buffer = io.StringIO()
    if fmt == "jsonl":
        for row in rows:
            buffer.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
    if out is None:
        assert stdout is not None
        stdout.write(buffer.getvalue())
    else:
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        out.write_text(buffer.getvalue(), encoding=encoding, newline="")


def write_xlsx(sheets: dict[str, tuple[Sequence[str], list[dict[str, Any]]]], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for name, (columns, rows) in sheets.items():
        ws = book.create_sheet(title=name[:31])
        ws.append(list(columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [_display_width(str(c)) for c in columns]
        for number, row in enumerate(rows, start=2):
            values = [_cell(row.get(c)) for c in columns]
            ws.append(values)
            for column, value in enumerate(values, start=1):
                if isinstance(value, str) and value.startswith("="):  # openpyxl would make it a formula
                    ws.cell(row=number, column=column).data_type = "s"
            widths = [max(w, _display_width("" if v is None else str(v))) for w, v in zip(widths, values, strict=True)]
        for index, width in enumerate(widths, start=1):
            letter = ws.cell(row=1, column=index).column_letter
            ws.column_dimensions[letter].width = min(max(width + 2, 6), 60)
            if width > 60:
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    book.save(out)


def _display_width(text: str) -> int:
    """Columns a string needs in a spreadsheet: Chinese characters are two wide."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

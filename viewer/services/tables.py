"""Write rows as JSON lines, CSV (UTF-8 with BOM, so Excel keeps the Chinese) or xlsx.

Text from the reports never becomes a formula (OWASP's CSV-injection rule). A text cell that a
spreadsheet would read as a formula (=, +, -, @, their full-width forms, a tab or a carriage return
first) is prefixed with an apostrophe in CSV; in xlsx every text cell is an explicit string and such
a cell carries Excel's quote prefix (the stored form of a typed apostrophe), so the text stays
exact. Numbers (int, float) stay numbers, negative ones included; text stays text even when it
reads "-2".
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Control characters xlsx cannot hold (openpyxl refuses them): shown as U+FFFD.
_XLSX_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def reads_as_formula(value: Any) -> bool:
    """Whether a spreadsheet would take this text cell for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as the text it is."""
    value = _cell(value)
    if reads_as_formula(value):
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
            for column, value in enumerate(values, start=1):
                _put(ws.cell(row=number, column=column), value)
            widths = [max(w, _display_width("" if v is None else str(v))) for w, v in zip(widths, values, strict=True)]
        for index, width in enumerate(widths, start=1):
            letter = ws.cell(row=1, column=index).column_letter
            ws.column_dimensions[letter].width = min(max(width + 2, 6), 60)
            if width > 60:
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    book.save(out)


def _put(cell: Any, value: Any) -> None:
    """Text as an explicit string: openpyxl would make "=…" a formula and "#REF!" an error."""
    if not isinstance(value, str):
        cell.value = value
        return
    cell.value = _XLSX_ILLEGAL.sub("\ufffd", value)
    cell.data_type = "s"
    if reads_as_formula(value):
        cell.quotePrefix = True


def _display_width(text: str) -> int:
    """Columns a string needs in a spreadsheet: Chinese characters are two wide."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

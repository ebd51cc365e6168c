"""Arguments the command line refuses before touching the store, each with one line saying why:
text that is not valid UTF-8 (bytes a shell passed through as surrogates), a year outside the
range a report can have, a publication date that is not a date."""

from __future__ import annotations

import argparse
import datetime
import re

YEARS = (1949, 2100)  # a report's year: from the founding of the PRC to the end of any plan in sight
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Paths may hold any bytes the file system allows; every other argument is text for the store.
_PATH_ARGUMENTS = frozenset({"paths", "file", "out"})


def invalid_text(args: argparse.Namespace) -> str | None:
    """Why an argument cannot be used as text, or None."""
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _is_utf8(text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                return f"{_option(name)}: not valid UTF-8 text ({shown!r}); check the terminal's encoding"
    return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _option(name: str) -> str:
    if name in ("query", "document", "alias", "canonical", "name", "phrase"):
        return name.upper()
    return "--" + name.replace("sub_", "").replace("_", "-")


def metadata_problem(year: int | None, published: str | None) -> str | None:
    """Why `meta --year` or `--published` cannot be stored, or None."""
    low, high = YEARS
    if year is not None and not low <= year <= high:
        return f"--year must be between {low} and {high}, not {year}"
    if published:
        match = _PUBLISHED.match(published)
        if match is None:
            return f"--published must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not {published!r}"
        year_text, month, day = match.groups()
        try:
            datetime.date(int(year_text), int(month or 1), int(day or 1))
        except ValueError:
            return f"--published: {published!r} is not a date"
        if not low <= int(year_text) <= high:
            return f"--published must fall between {low} and {high}, not {published!r}"
    return None

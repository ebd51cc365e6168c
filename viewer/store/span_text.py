"""Mention spans as the store writes them: "start+length" by start, space separated.

"53+27 87+8" holds the spans [53, 80) and [87, 95) (code points into the document's text).
Plain text, readable in sqlite3 and split by the `mentions` view (migration 17), at a third of
the size of the JSON list of [start, end] pairs it replaced.
"""

from __future__ import annotations

from collections.abc import Iterable


def spans_text(spans: Iterable[tuple[int, int]]) -> str:
    """The stored form of `spans`, sorted by start."""
    return " ".join(f"{start}+{end - start}" for start, end in sorted(spans))


def text_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of a stored spans text, in its order."""
    found = []
    for item in text.split():
        start, _plus, length = item.partition("+")
        found.append((int(start), int(start) + int(length)))
    return found

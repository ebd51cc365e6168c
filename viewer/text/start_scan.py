"""The matches of a pattern found from the characters they may begin with.

The regex engine tries a pattern that opens with a look-ahead (?=[…]) at every position of a
text; a pattern that opens with a character class it tries only where the class matches, which
it finds by a loop in C. `start_scan` gives a pattern the second form for finding where its
matches begin; `matches` then matches it in full there, as finditer would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def start_scan(first_chars: str, pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A scan matching the first character of each match of `pattern`, every one of which begins
    with a character of the class `first_chars` (a class body: "0-9年")."""
    return re.compile(rf"[{first_chars}](?<=(?={pattern.pattern})[\s\S])", pattern.flags)


def matches(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), for a pattern that never matches an empty string and its start_scan."""
    position = 0
    while (start := starts.search(text, position)) is not None:
        match = pattern.match(text, start.start())
        assert match is not None  # the scan looked ahead for it
        yield match
        position = match.end()

"""Convert between Python code-point offsets and Qt's UTF-16 offsets within one text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Offsets agree until the first character outside the Basic Multilingual Plane;
    each such character takes two UTF-16 units."""

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # UTF-16 offset just after each astral character.
        self._astral_ends = [cp + n + 2 for n, cp in enumerate(self._astral)]
        self.length = len(text) + len(self._astral)

    def to_utf16(self, code_point: int) -> int:
        if not self._astral:
            return code_point
        return code_point + bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int) -> int:
        """A position inside a surrogate pair maps to its character."""
        if not self._astral:
            return utf16
        before = bisect_right(self._astral_ends, utf16)
        if before < len(self._astral) and self._astral_ends[before] - 1 == utf16:
            return self._astral[before]
        return utf16 - before

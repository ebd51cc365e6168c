"""Fingerprints of paragraphs, so that a paragraph pasted twice (in one or two documents) is found."""

from __future__ import annotations

import hashlib
import re

MIN_CHARS = 20  # shorter paragraphs (headings, captions) repeat legitimately


_ALNUM_RUN = re.compile(r"[^\W_]+")


def normalised(fragment: str) -> str:
    """The letters and digits of `fragment` (str.isalnum's sense), nothing else."""
    core = "".join(_ALNUM_RUN.findall(fragment))  # the runs kept: faster than a sub of the rest
    if not core or core.isalnum():
        return core
    return "".join(ch for ch in core if ch.isalnum())


def paragraph_hash(fragment: str) -> int | None:
    """The fingerprint of a paragraph's letters and digits: the first 8 bytes of their SHA-1 digest
    as a signed 64-bit integer (what SQLite stores in 8 bytes); None for a short paragraph."""
    if len(fragment) < MIN_CHARS:
        return None  # its letters and digits are fewer still
    core = normalised(fragment)
    if len(core) < MIN_CHARS:
        return None
    return int.from_bytes(hashlib.sha1(core.encode("utf-8")).digest()[:8], "big", signed=True)

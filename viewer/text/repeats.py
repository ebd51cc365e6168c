"""Fingerprints of paragraphs, so that a paragraph pasted twice (in one or two documents) is found."""

from __future__ import annotations

import hashlib
import re

MIN_CHARS = 20  # shorter paragraphs (headings, captions) repeat legitimately


_NOT_ALNUM = re.compile(r"[\W_]+")


def normalised(fragment: str) -> str:
    """The letters and digits of `fragment` (str.isalnum's sense), nothing else."""
    core = _NOT_ALNUM.sub("", fragment)
    if not core or core.isalnum():
        return core
    return "".join(ch for ch in core if ch.isalnum())


def paragraph_hash(fragment: str) -> str | None:
    core = normalised(fragment)
    if len(core) < MIN_CHARS:
        return None
    return hashlib.sha1(core.encode("utf-8")).hexdigest()[:20]

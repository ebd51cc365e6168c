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


def paragraph_hash(fragment: str) -> str | None:
    if len(fragment) < MIN_CHARS:
        return None  # its letters and digits are fewer still
    core = normalised(fragment)
    if len(core) < MIN_CHARS:
        return None
    return hashlib.sha1(core.encode("utf-8")).hexdigest()[:20]

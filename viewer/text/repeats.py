"""Fingerprints of paragraphs, so that a paragraph pasted twice (in one or two documents) is found."""

from __future__ import annotations

import hashlib

MIN_CHARS = 20  # shorter paragraphs (headings, captions) repeat legitimately


def normalised(fragment: str) -> str:
    return "".join(ch for ch in fragment if ch.isalnum())


def paragraph_hash(fragment: str) -> str | None:
    core = normalised(fragment)
    if len(core) < MIN_CHARS:
        return None
    return hashlib.sha1(core.encode("utf-8")).hexdigest()[:20]

"""Sections of targets and sections of results, read from numbered headings.

A heading that is a section marker (一、…, （一）…, 1.…, ## …, 【…】, 第一章…) opens a section
that lasts until the next marker of the same or a higher level. Its words say what the
section's figures are: 目标/计划/任务/重点工作/展望 plans, 成效/成绩/回顾/进展 results. The
innermost section that says something decides.
"""

from __future__ import annotations

import re

from viewer.model import Role

# One alternative per level, named by it (0 is the highest); Markdown is the count of #.
_MARKER = re.compile(
    r"[ \t*]*(?:(?P<l0>第[一二三四五六七八九十]{1,3}[章部篇])|(?P<l1>[一二三四五六七八九十]{1,3}、)"
    r"|(?P<l2>[（(][一二三四五六七八九十]{1,3}[）)]|【)|(?P<l3>\d{1,2}(?:[、．]|\.(?!\d)))"
    r"|(?P<l4>[（(]\d{1,2}[）)])|(?P<md>#{1,6})\s)"
)
# A programme's or a document's name: “青苗”计划, 《…三年行动计划》.
_NAMED = re.compile(r"(?:“[^”]*”|\"[^\"]*\")(?:计划|行动|工程|专项)?|《[^》]*》")
_PLANNED = re.compile(r"目标|计划|任务|重点工作|工作要点|工作安排|展望|打算")
_ACHIEVED = re.compile(r"成效|成绩|回顾|进展")
_MET = re.compile(r"完成情况")
# A numbered line this short that ends in 。 is a heading run into its paragraph: （二）主要目标。
INLINE_HEADING_MAX = 16
_UNNUMBERED = 99  # below every numbered level: the next numbered heading closes it


def marker_level(sentence: str) -> int | None:
    """The level of the section marker the sentence opens with (0 is the highest), or None."""
    match = _MARKER.match(sentence)
    if match is None:
        return None
    name = match.lastgroup or ""
    return len(match.group("md")) if name == "md" else int(name[1:])


def inline_heading(sentence: str) -> bool:
    """Whether a sentence ending in 。 is a numbered heading: （二）主要目标。"""
    body = sentence.strip()
    return len(body) <= INLINE_HEADING_MAX and body.endswith("。") and "，" not in body


def heading_role(heading: str) -> str | None:
    """Role.TARGET for a heading of plans, Role.ACTUAL for one of results, else None."""
    words = _NAMED.sub("", heading)
    if _MET.search(words):
        return Role.ACTUAL
    planned, achieved = bool(_PLANNED.search(words)), bool(_ACHIEVED.search(words))
    if planned == achieved:
        return None
    return Role.TARGET if planned else Role.ACTUAL


class Sections:
    """The open sections while the text is read in order, innermost last."""

    def __init__(self) -> None:
        self._open: list[tuple[int, str | None]] = []
        self.role: str | None = None  # what the innermost section that says something says

    def enter(self, level: int, role: str | None) -> None:
        while self._open and self._open[-1][0] >= level:
            self._open.pop()
        self._open.append((level, role))
        self._settle()

    def replace_innermost(self, role: str | None) -> None:
        """An unnumbered heading takes the place of the innermost section."""
        level = self._open.pop()[0] if self._open else _UNNUMBERED
        self._open.append((level, role))
        self._settle()

    def _settle(self) -> None:
        self.role = next((role for _, role in reversed(self._open) if role is not None), None)

"""Named documents written without 《》: a title standing on its own line, and plans named in
running text (自创区发展规划纲要、…建设规划经市委审议).

A line that is nothing but a title (a place name or 关于 opening it, a document kind closing
it, no clause punctuation) names a document: the report's own title or one it quotes. Work
summaries and outlines (…工作总结, …工作思路) are reports about work, not named documents. In
running text only document kinds that are never common nouns close a name (发展规划, 规划纲要,
实施方案, 管理办法 …, not 规划 or 方案 alone), the name stands between clause boundaries, and its
body must say what the document is about, not only what kind of plan it is (科技发展规划).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import EntityType
from viewer.text.entity_common import NAME_BREAKERS, Candidate
from viewer.text.entity_places import PlaceHit
from viewer.text.entity_words import is_category, is_stop, tagged

TITLE_ENDINGS = (
    "规划", "计划", "纲要", "办法", "细则", "方案", "意见", "条例", "规定", "通知", "决定", "要点",
    "报告",
)
TITLE_OPENERS = ("关于", "中共", "国务院")
LINE = re.compile(r"[^\n]+")
CLAUSE_MARKS = frozenset("，。；：,;:！？!?《》|｜")
RUNNING_ENDINGS = (
    "发展规划纲要", "规划纲要", "发展规划", "建设规划", "专项规划", "总体规划", "实施方案", "行动方案",
    "工作方案", "总体方案", "实施意见", "指导意见", "管理办法", "实施办法", "实施细则", "若干政策",
    "若干措施", "若干意见",
)
RUNNING = re.compile("|".join(RUNNING_ENDINGS))
MAX_BODY = 16
# Verbs that issue or draft a named document (a document improved or built is a generic one).
ISSUING = frozenset({"出台", "推出", "颁布", "制定", "研究制定", "印发", "编制", "发布", "修订", "起草", "审议", "审议通过"})
CLOSERS = ("经", "等", "已", "获", "和", "及", "正式", "通过", "出台", "印发", "发布")


def find_title_lines(text: str, hits: list[PlaceHit]) -> Iterator[Candidate]:
    """A line that is only a document's title: 包头市昆都仑区“十三五”科学技术发展规划."""
    starts = {hit.start for hit in hits}
    for line in LINE.finditer(text):
        raw = line.group()
        title = raw.strip()
        if not 6 <= len(title) <= 60 or not title.endswith(TITLE_ENDINGS):
            continue
        if not CLAUSE_MARKS.isdisjoint(title) or title.count("“") != title.count("”"):
            continue
        start = line.start() + len(raw) - len(raw.lstrip())
        if start in starts or title.startswith(TITLE_OPENERS):
            yield Candidate(start, start + len(title), EntityType.POLICY, title, rank=2)


def find_running(text: str) -> Iterator[Candidate]:
    """自创区发展规划纲要: a plan named between clause boundaries in running text."""
    for match in RUNNING.finditer(text):
        if not _right_boundary(text, match.end()):
            continue
        body = _body(text, match.start())
        if body is not None:
            start = match.start() - len(body)
            yield Candidate(start, match.end(), EntityType.POLICY, text[start : match.end()], rank=1)


def _body(text: str, end: int) -> str | None:
    """The words before a document kind back to the clause's verb or punctuation, if they name it."""
    start = end
    while start > end - MAX_BODY and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    words = tagged(text[start:end])
    kept: list[tuple[str, str]] = []
    stopped = start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff"
    for word, tag in reversed(words):
        if is_stop(word, tag):
            stopped = word in ISSUING or tag == "x"  # 出台|…, not 完善|科研诚信管理办法
            break
        kept.append((word, tag))
    kept.reverse()
    body = "".join(word for word, _ in kept)
    if not stopped or len(body) < 3 or is_category(kept) or any(char in NAME_BREAKERS for char in body):
        return None
    return body


def _right_boundary(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in "，、；。：\n,;:）)" or text.startswith(CLOSERS, end)

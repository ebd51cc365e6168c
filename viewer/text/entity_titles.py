"""Named documents and programmes: titles in 《》, quoted policy nicknames, “春晓”行动, 七大创新工程."""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate

TITLE = re.compile(r"《(?P<title>(?:[^《》<>\n]|<[^《》<>\n]{1,40}>|〈[^《》\n]{1,40}〉){2,80})》")
POLICY_ENDINGS = (
    "规划", "计划", "纲要", "办法", "细则", "方案", "意见", "条例", "规定", "通知", "决定", "建议",
    "法", "政策", "措施", "标准", "指南", "制度", "章程", "清单", "目录", "要点", "公告", "报告",
)
MEDIA_ENDINGS = ("日报", "晚报", "报", "杂志", "周刊", "学报")
TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,20}[)）]$")

QUOTED = re.compile("“(?P<inner>[^“”\\n]{2,24})”(?P<tail>行动计划|行动|工程|计划|战略|专项|活动|改革)?")
POLICY_NICKNAME = re.compile(r"(?:\d+|[一二三四五六七八九十]+)条$|(?:规划|办法|细则|方案|意见|条例|政策)$")
PROGRAMME_ENDINGS = ("行动计划", "行动", "工程", "计划", "专项", "攻坚战", "大赛")
GENERIC_QUOTED = frozenset({"工作方案", "行动计划", "三年行动计划", "实施方案", "实施意见"})
NUMBERED_PROGRAMME = re.compile(
    f"(?P<name>(?:百项|千项|[一二三四五六七八九十]{{1,2}}大)[{CJK}]{{2,10}}?(?:工程|行动|攻关项目))"
)


# Named actions in an enumeration of work: 实施核心技术攻关提升行动、“六大工程”攻坚行动.
ACTION_END = re.compile("行动(?=[、。，,；;\\n])")
ACTION_OPENERS = ("实施", "推进", "开展", "、")
ACTION_BODY = re.compile(f"[{CJK}“”]{{4,16}}$")


def title_kind(title: str) -> str | None:
    """Whether a 《》 title names a policy document, a newspaper (an org), or neither."""
    core = TRAILING_NOTE.sub("", title)
    if core.endswith(MEDIA_ENDINGS):
        return EntityType.ORG
    if core.endswith(POLICY_ENDINGS):
        return EntityType.POLICY
    return None


def find_titles(text: str) -> Iterator[Candidate]:
    for match in TITLE.finditer(text):
        title = match.group("title")
        kind = title_kind(title)
        if kind is not None:
            yield Candidate(match.start(), match.end(), kind, title, rank=4)


def find_quoted(text: str) -> Iterator[Candidate]:
    for match in QUOTED.finditer(text):
        inner, tail = match.group("inner"), match.group("tail")
        if inner in GENERIC_QUOTED or any(c in inner for c in "，。；,;"):
            continue
        if not tail and POLICY_NICKNAME.search(inner):
            yield Candidate(match.start() + 1, match.end() - 1, EntityType.POLICY, inner, rank=2)
        elif tail:
            canonical = f"“{inner}”{tail}"
            yield Candidate(match.start(), match.end(), EntityType.PROGRAMME, canonical, rank=2)
        elif inner.endswith(PROGRAMME_ENDINGS) and len(inner) >= 4:
            yield Candidate(match.start() + 1, match.end() - 1, EntityType.PROGRAMME, inner, rank=2)


def find_actions(text: str) -> Iterator[Candidate]:
    for match in ACTION_END.finditer(text):
        window = text[max(0, match.start() - 18) : match.start()]
        best = max((window.rfind(opener) + len(opener) for opener in ACTION_OPENERS if opener in window), default=-1)
        if best < 0:
            continue
        body = window[best:]
        quoted_inside = "“" in body and not body.startswith("“")  # 企业“春晓”行动: the quote rule's
        balanced = body.count("“") == body.count("”")
        if ACTION_BODY.match(body) and balanced and not quoted_inside and not any(c in NAME_BREAKERS for c in body):
            start = match.start() - len(body)
            yield Candidate(start, match.end(), EntityType.PROGRAMME, text[start : match.end()], rank=1)


def find_numbered(text: str) -> Iterator[Candidate]:
    for match in NUMBERED_PROGRAMME.finditer(text):
        yield Candidate(match.start("name"), match.end("name"), EntityType.PROGRAMME, match.group("name"), rank=1)

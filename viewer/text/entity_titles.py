"""Named documents and programmes: titles in 《》, quoted policy nicknames, “春晓”行动, 七大创新工程."""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import EntityType
from viewer.text.entity_bodies import names_something
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate

TITLE = re.compile(r"《(?P<title>(?:[^《》<>\n]|<[^《》<>\n]{1,40}>|〈[^《》\n]{1,40}〉){2,80})》")
POLICY_ENDINGS = (
    "规划", "计划", "纲要", "办法", "细则", "方案", "意见", "条例", "规定", "通知", "决定", "建议",
    "法", "政策", "措施", "标准", "指南", "制度", "章程", "清单", "目录", "要点", "公告", "报告",
)
MEDIA_ENDINGS = ("日报", "晚报", "报", "杂志", "周刊", "学报")
TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,20}[)）]$")

QUOTED = re.compile("“(?P<inner>[^“”\\n]{2,24})”(?P<tail>行动计划|行动|工程|计划|战略|专项|活动|改革|体系)?")
# A quoted code and the rest of a programme's name: “315”科技创新体系建设工程.
NAME_REST = re.compile(f"[{CJK}]{{1,12}}?(?:行动计划|专项行动|工程|计划|专项|行动)")
# A quoted name described as a brand: “科里科气‘科创荟’”科技成果转化项目路演品牌.
BRAND_REST = re.compile(f"[{CJK}]{{0,14}}?品牌")
NUMBERED = re.compile("^[0-9一二三四五六七八九十百千万+＋·]+$")
POLICY_NICKNAME = re.compile(r"(?:\d+|[一二三四五六七八九十]+)条$|(?:规划|办法|细则|方案|意见|条例|政策)$")
PROGRAMME_ENDINGS = ("行动计划", "行动", "工程", "计划", "专项", "攻坚战", "大赛")
GENERIC_QUOTED = frozenset({"工作方案", "行动计划", "三年行动计划", "实施方案", "实施意见"})
# 百项…, 千项…, 十大… (two numerals at most): it opens with one character class, so the engine
# skips other text in C instead of trying the alternatives at every position.
NUMBERED_PROGRAMME = re.compile(
    f"(?P<name>[百千一二三四五六七八九十](?:(?<=[百千])项|(?<![百千])[一二三四五六七八九十]?大)"
    f"[{CJK}]{{2,10}}?(?:工程|行动|攻关项目))"
)


# Named actions in an enumeration of work: 实施核心技术攻关提升行动、“六大工程”攻坚行动; named
# plans, projects and special programmes too when their name holds a proper word (甬江引才工程).
ACTION_END = re.compile("(?:行动|工程|计划|专项)(?=[、。，,；;\\n])")
ACTION_OPENERS = ("实施", "推进", "开展", "、")
_CLAUSE_MARK = re.compile("[，。；,;]")  # a quotation holding one is a clause, not a name
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


def _name_rest(text: str, end: int) -> int | None:
    """Where a programme's name ends after its quoted code, if the words after it name one."""
    rest = NAME_REST.match(text, end)
    if rest is None or any(char in NAME_BREAKERS for char in rest.group()):
        return None
    return rest.end()


def _described_as_brand(text: str, end: int) -> bool:
    rest = BRAND_REST.match(text, end)
    return rest is not None and not any(char in NAME_BREAKERS for char in rest.group())


def find_quoted(text: str) -> Iterator[Candidate]:
    for match in QUOTED.finditer(text):
        inner, tail = match.group("inner"), match.group("tail")
        if inner in GENERIC_QUOTED or _CLAUSE_MARK.search(inner):
            continue
        if tail == "体系" and not NUMBERED.match(inner):
            tail = None
        rest = None if tail else _name_rest(text, match.end())
        if rest is not None and NUMBERED.match(inner):
            canonical = text[match.start() : rest]
            yield Candidate(match.start(), rest, EntityType.PROGRAMME, canonical, rank=2)
        elif not tail and _described_as_brand(text, match.end()):
            yield Candidate(match.start() + 1, match.end() - 1, EntityType.PROGRAMME, inner, rank=2)
        elif not tail and POLICY_NICKNAME.search(inner):
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
            if match.group() != "行动" and not names_something(body.strip("“”")):
                continue  # 引才引智工程 is a kind of work; 甬江引才工程 is a named programme
            start = match.start() - len(body)
            yield Candidate(start, match.end(), EntityType.PROGRAMME, text[start : match.end()], rank=1)


def find_numbered(text: str) -> Iterator[Candidate]:
    for match in NUMBERED_PROGRAMME.finditer(text):
        yield Candidate(match.start("name"), match.end("name"), EntityType.PROGRAMME, match.group("name"), rank=1)

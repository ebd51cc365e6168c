"""Organisations found by their suffix: 湖南工业大学, 株洲齿轮有限责任公司, 甬江实验室.

Three rules, from the surest to the widest. A place name, a short body and a suffix
(益阳市创新创业研究院); a company suffix that names a company by itself (玖龙纸业(湖北)有限公司);
and any organisation suffix whose body, found by entity_bodies, holds something proper
(甬江实验室, 盈诺孵化器, 中石化宁波新材料研究院) — a body of category words (省级企业研究院,
国际科技创新中心) is a kind of body, not a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from viewer.model import EntityType
from viewer.text.entity_bodies import body_before, is_core
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate
from viewer.text.entity_places import PlaceHit
from viewer.text.word_matcher import compiled_trie

_LAST_BREAKER = re.compile(f"[\\s\\S]*[{''.join(sorted(NAME_BREAKERS))}]")  # up to the last of them
# Suffixes that close an organisation's name when a place name opens it.
ANCHORED_SUFFIXES = (
    "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "大学", "学院", "研究院", "研究所",
    "研究中心", "实验室", "科学院", "科技馆", "协会", "学会", "联合会", "商会", "促进会", "日报",
    "报社", "电视台", "银行", "医院", "中心", "众创空间", "产业园", "科技园", "创新园", "孵化园",
    "孵化基地", "孵化器", "大学城", "领导小组", "工作站", "分市场", "大市场", "创新港", "联盟",
    "产学研基地", "研发基地",
)
# Suffixes distinctive enough to stand without a place name: 玖龙纸业(湖北)有限公司.
FREE_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团有限公司")
# Suffixes that close a name whose body holds something proper: 甬江实验室, 盈诺孵化器.
NAMED_SUFFIXES = (
    "公司", "集团", "大学", "学院", "研究院", "研究所", "研究中心", "实验室", "中心", "协会", "学会",
    "研究会", "联合会", "商会", "促进会", "基金会", "联盟", "孵化器", "众创空间", "科技园", "产业园",
    "创新园", "医院", "银行",
)
BODY = f"[{CJK}()（）—]"
COUNT_BEFORE = re.compile("[0-9一二三四五六七八九十两几多][个家所批座]$")
MAX_BODY = 14
# Words that open a clause before a name and are not part of it.
LEAD_WORDS = (
    "参观了", "参观", "引进", "引入", "支持", "推动", "组织", "依托", "联合", "包括", "以及", "携手",
    "推进", "建设", "打造", "培育", "组建", "成立", "设立", "与", "和", "同", "由", "对", "向", "在",
)
# A suffix followed by one of these is not the end of a name (大学生, 中心城区).
NOT_AFTER = {
    "大学": "生城", "中心": "城任镇", "学院": "派", "集团": "化军", "公司": "化制", "产业园": "区",
    "科技园": "区", "创新园": "区",
}
# Bodies that only say what kind of body it is, not which one: 湖南省重点实验室.
GENERIC_BODIES = frozenset({"", "省", "市", "省级", "市级", "国家", "国家级", "省重点", "市重点", "重点"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    anchored = compiled_trie(ANCHORED_SUFFIXES)
    free = compiled_trie(FREE_SUFFIXES)
    named = compiled_trie(NAMED_SUFFIXES)
    assert anchored is not None and free is not None and named is not None
    tail = re.compile(f"(?P<body>{BODY}{{0,{MAX_BODY}}})(?P<suffix>{anchored.pattern})")
    left = re.compile(f"{BODY}{{1,{MAX_BODY + 4}}}$")
    return tail, free, left, named


def _clean_body(body: str) -> bool:
    balanced = body.count("(") == body.count(")") and body.count("（") == body.count("）")
    return balanced and "()" not in body and not any(char in NAME_BREAKERS for char in body)


def _ends_name(text: str, end: int, suffix: str) -> bool:
    following = NOT_AFTER.get(suffix, "")
    return not (following and end < len(text) and text[end] in following)


def _anchored(text: str, hits: list[PlaceHit]) -> Iterator[tuple[Candidate, str]]:
    tail = _patterns()[0]
    for hit in hits:
        match = tail.match(text, hit.end)
        if match is None:
            continue
        body, suffix = match.group("body"), match.group("suffix")
        if _clean_body(body) and body not in GENERIC_BODIES and _ends_name(text, match.end(), suffix):
            surface = text[hit.start : match.end()]
            yield Candidate(hit.start, match.end(), EntityType.ORG, surface, rank=1), body


def find_anchored(text: str, hits: list[PlaceHit]) -> list[tuple[Candidate, str]]:
    """A place name, a short body, an organisation suffix: 湖南工业大学, 益阳市科技信息研究所;
    with each its body (东方理工 of 宁波东方理工大学)."""
    return list(_anchored(text, hits))


def cores(anchored: list[tuple[Candidate, str]]) -> set[str]:
    """The distinctive middles of place-anchored names (东方理工, not 高新技术)."""
    return {body for _, body in anchored if "(" not in body and is_core(body)}


def find_free(text: str) -> Iterator[Candidate]:
    """Companies without a place name in front: 玖龙纸业(湖北)有限公司."""
    _, free, left, _ = _patterns()
    for match in free.finditer(text):
        window = text[max(0, match.start() - MAX_BODY - 4) : match.start()]
        run = left.search(window)
        if run is None:
            continue
        body = run.group()
        start = match.start() - len(body)
        last = _LAST_BREAKER.match(body)  # the body begins after the last breaker in it
        cut = last.end() - 1 if last is not None else -1
        if cut >= 0:
            start += cut + 1
            body = body[cut + 1 :]
        for word in LEAD_WORDS:
            if body.startswith(word) and len(body) - len(word) >= 2:
                start += len(word)
                body = body[len(word) :]
                break
        if len(body) >= 2:
            yield Candidate(start, match.end(), EntityType.ORG, text[start : match.end()], rank=1)


def _counted(text: str, start: int, end: int) -> bool:
    """A kind of body being counted, not one named: 3个重庆实验室, 新增陕西实验室5家."""
    return COUNT_BEFORE.search(text, max(0, start - 4), start) is not None or text[end : end + 1].isdigit()


def find_named(text: str, cores: Iterable[str] = ()) -> Iterator[Candidate]:
    """Any organisation suffix after a body that holds a proper name: 甬江实验室, 盈诺孵化器."""
    named = _patterns()[3]
    known = tuple(cores)
    for match in named.finditer(text):
        suffix, before = match.group(), text[match.start() - 1 : match.start()]
        if not before or before in "的了和与及或是" or not "\u4e00" <= before <= "\u9fff":
            continue  # 、中心, 的中心: no body (Latin-only bodies are left to the lists)
        if not _ends_name(text, match.end(), suffix):
            continue
        body = body_before(text, match.start(), known)
        if body is None or not body.proper or body.text.endswith(("有限", "股份")):
            continue
        if body.counted or _counted(text, body.start, match.end()):
            continue
        yield Candidate(body.start, match.end(), EntityType.ORG, text[body.start : match.end()], rank=1)

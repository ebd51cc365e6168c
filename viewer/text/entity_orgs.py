"""Organisations found by their suffix: 湖南工业大学, 株洲齿轮有限责任公司, 益阳市创新创业研究院."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate
from viewer.text.entity_lexicon import trie_pattern
from viewer.text.entity_places import PlaceHit

# Suffixes that close an organisation's name when a place name opens it.
ANCHORED_SUFFIXES = (
    "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "大学", "学院", "研究院", "研究所",
    "研究中心", "实验室", "科学院", "科技馆", "协会", "学会", "联合会", "商会", "促进会", "日报",
    "报社", "电视台", "银行", "医院", "中心", "众创空间", "产业园", "科技园", "创新园", "孵化园",
    "孵化基地", "孵化器", "大学城", "领导小组", "工作站", "分市场", "大市场", "创新港", "联盟",
)
# Suffixes distinctive enough to stand without a place name: 玖龙纸业(湖北)有限公司.
FREE_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团有限公司")
BODY = f"[{CJK}()（）—]"
MAX_BODY = 14
# Words that open a clause before a name and are not part of it.
LEAD_WORDS = (
    "参观了", "参观", "引进", "引入", "支持", "推动", "组织", "依托", "联合", "包括", "以及", "携手",
    "推进", "建设", "打造", "培育", "组建", "成立", "设立", "与", "和", "同", "由", "对", "向", "在",
)
# A suffix followed by one of these is not the end of a name (大学生, 中心城区).
NOT_AFTER = {"大学": "生城", "中心": "城区任", "学院": "派", "集团": "化"}
# Bodies that only say what kind of body it is, not which one: 湖南省重点实验室.
GENERIC_BODIES = frozenset({"", "省", "市", "省级", "市级", "国家", "国家级", "省重点", "市重点", "重点"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    anchored = trie_pattern(ANCHORED_SUFFIXES)
    free = trie_pattern(FREE_SUFFIXES)
    assert anchored is not None and free is not None
    tail = re.compile(f"(?P<body>{BODY}{{0,{MAX_BODY}}})(?P<suffix>{anchored.pattern})")
    left = re.compile(f"{BODY}{{1,{MAX_BODY + 4}}}$")
    return tail, free, left


def _clean_body(body: str) -> bool:
    balanced = body.count("(") == body.count(")") and body.count("（") == body.count("）")
    return balanced and "()" not in body and not any(char in NAME_BREAKERS for char in body)


def _ends_name(text: str, end: int, suffix: str) -> bool:
    following = NOT_AFTER.get(suffix, "")
    return not (following and end < len(text) and text[end] in following)


def find_anchored(text: str, hits: list[PlaceHit]) -> Iterator[Candidate]:
    """A place name, a short body, an organisation suffix: 湖南工业大学, 益阳市科技信息研究所."""
    tail = _patterns()[0]
    for hit in hits:
        match = tail.match(text, hit.end)
        if match is None:
            continue
        body, suffix = match.group("body"), match.group("suffix")
        if _clean_body(body) and body not in GENERIC_BODIES and _ends_name(text, match.end(), suffix):
            yield Candidate(hit.start, match.end(), EntityType.ORG, text[hit.start : match.end()], rank=1)


def find_free(text: str) -> Iterator[Candidate]:
    """Companies without a place name in front: 玖龙纸业(湖北)有限公司."""
    _, free, left = _patterns()
    for match in free.finditer(text):
        window = text[max(0, match.start() - MAX_BODY - 4) : match.start()]
        run = left.search(window)
        if run is None:
            continue
        body = run.group()
        start = match.start() - len(body)
        cut = max((body.rfind(char) for char in NAME_BREAKERS), default=-1)
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

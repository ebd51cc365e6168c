"""Which place each stretch of a document is about: the places named as subjects.

A place named in a clause is its subject unless the words around it make it something else:
a comparison or a scope (占全市的, 居全省第一, 高于全国), part of a name (包头市科技进步奖,
苏州实验室, 《宁波市…方案》), or one of several places listed together (醴陵、茶陵等). Words that
point at a place (全市, 我区, 全省, 全国) are resolved against the document's own place; so are a
zone named by its kind (自创区, 高新区) and the document's short name (昆区 for 昆都仑区).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from viewer.text.measure_words import VERB
from viewer.text.measures import AliasIndex
from viewer.text.places import Place, PlaceTable, place_table

# How a figure's place was found: the confidence a reviewer sees.
HOW_CLAUSE, HOW_SENTENCE, HOW_SECTION, HOW_DOCUMENT = "clause", "sentence", "section", "document"
HOW_GUESSED = "guessed"  # the document's place, itself inferred from the weight of its words

_RELATIVE = re.compile(
    r"全国|我国|全省|我省|本省|全市|我市|本市|全区|我区|本区|全县|我县|本县|全州|我州|全盟|全旗|我旗|"
    r"全自治区|市域|县域|区域内"
)
_RELATIVE_LEVEL = {
    "全国": "country", "我国": "country", "全省": "province", "我省": "province", "本省": "province",
    "全自治区": "province", "全市": "city", "我市": "city", "本市": "city", "市域": "city", "全区": "district",
    "我区": "district", "本区": "district", "全县": "county", "我县": "county", "本县": "county", "县域": "county",
    "全州": "city", "我州": "city", "全盟": "city", "全旗": "county", "我旗": "county",
}
_ZONE_WORDS = re.compile(r"自创区|国家自主创新示范区|高新区|经开区|自贸区|自贸试验区")
_ZONE_KINDS = {
    "自创区": ("自创区",), "国家自主创新示范区": ("自创区",), "高新区": ("国家级高新区", "省级高新区"),
    "经开区": ("国家级经开区",), "自贸区": ("自贸试验区",), "自贸试验区": ("自贸试验区",),
}
# Words before a place that make it a comparison, a scope or a destination, not the subject.
_REFERENCE_BEFORE = re.compile(
    r"(?:占|居|位居|位列|列|排|排名|高于|低于|高出|超过|超出|快于|慢于|比|较|相比|同比|领先|赴|到|来|向|相当于|"
    r"至|与|和|同|及|对|在|为|辐射|带动|覆盖|全国第|助力|服务|支援|对口)\s*$"
)
_REFERENCE_AFTER = re.compile(
    r"\s*(?:(?:各?(?:市州|地市|城市|县市区|县区|区县|省份|省市|同类城市|副省级城市))?(?:中|内)?\s*"
    r"(?:第|前列|首位|前茅|排名|排位|位次|领先)|的?平均|均值|同期|[（(]\s*\d|各地|以外|之外|等)"
)
# A place that opens a name: 包头市科技进步奖, 苏州实验室, 宁波东方理工大学.
_NAME_AFTER = re.compile(
    r"[\u3400-\u9fff]{0,14}?(?:大学|学院|研究院|研究所|实验室|公司|集团|银行|医院|协会|学会|联盟|基金会?|"
    r"[^\u3400-\u9fff]?奖|计划|工程|专项|日报|晚报|电视台|商会|论坛|博览会|大会|峰会|方案|规划|意见|办法|条例|"
    r"学校|中学|小学|科技局|政府|委员会|党委|法院|检察院)"
)
_SEPARATORS = "，,。；;：:、！？!?\n"
_LAST_SEPARATOR = re.compile(rf"[{_SEPARATORS}][^{_SEPARATORS}]*$")
_CLAUSE_REACH = 80
# What follows a place that is the subject of its clause: a break, a verb or an adverb, or
# (checked apart) a measure. Anything else makes it a modifier of a noun (漳州核电, 全国统一大市场).
_SUBJECT_AFTER = re.compile(
    r"\s*(?:[，,、：:；;（(]|的|实现|完成|新增|净增|累计|全年|当年|年内|共|拥有|有|达|已|将|要|正|在|大力|加快|积极|深入|"
    r"持续|全面|着力|以|把|坚持|推动|推进|围绕|聚焦|获批|入选|获得|获评|荣获|成功|首次|率先|新|建成|出台|印发|开展|"
    r"实施|培育|引进|组织|不断|进一步|稳步|主要|各项|全社会|规上|规模以上|居|位居|排名|连续|成为|被|列|先后|"
    r"相继|还|也|又|均|都|总|整体|科技|创新|研发|经济|GDP|本级)"
)
_LIST_AFTER = re.compile(r"\s*[、和及与]")
_LIST_BEFORE = re.compile(r"[、和及与]\s*$")
_VERB_AFTER = re.compile(r"\s*(?:实现|完成|新增|累计|全年|共|拥有|达到|已|将|要|正|在)")


@dataclass(frozen=True, slots=True)
class SubjectMention:
    start: int
    end: int
    label: str  # the place's label, or a provisional name for a zone not in the gazetteer
    listed: bool = False  # one of several places named together: their figures are not one place's


def relative_place(table: PlaceTable, word: str, document: Place | None) -> Place | None:
    """The place 全市, 我区, 全省 or 全国 points at in a document about `document`."""
    level = _RELATIVE_LEVEL.get(word)
    if level == "country":
        return table.country()
    if document is None:
        return None
    if level == "province":
        return table.province_of(document)
    if level == "city":
        if document.level == "county" and document.kind == "县级市":
            return document
        city = table.city_of(document)
        if city is not None:
            return city
        return document if document.level == "province" and document.kind == "直辖市" else None
    if level == "district":
        if document.level in ("county", "zone") or (document.level == "province" and document.kind == "自治区"):
            return document
        return None
    if level == "county":
        return document if document.level == "county" else None
    return None


class SubjectPlaces:
    """The subject places of a document, found once, looked up per clause."""

    def __init__(
        self, text: str, document: Place | None, table: PlaceTable | None = None,
        aliases: AliasIndex | None = None,
    ) -> None:
        self.table = table or place_table()
        self.aliases = aliases
        self.document = document
        self.text = text
        self.mentions: list[SubjectMention] = []
        self._starts: list[int] = []
        self._covered: set[tuple[int, int]] = set()
        self._zones: dict[str, tuple[Place | None, str]] = {}

    def cover(self, start: int, end: int, until: int) -> None:
        """Find the subject mentions of text[start:end] (a sentence) that begin before `until` (its
        last figure: a figure's place is named before it), once."""
        if (start, end) in self._covered:
            return
        self._covered.add((start, end))
        found = self._find(start, end, until)
        if found:
            self.mentions = sorted([*self.mentions, *found], key=lambda m: m.start)
            self._starts = [m.start for m in self.mentions]

    def _find(self, offset: int, stop: int, until: int) -> list[SubjectMention]:
        table, document, text = self.table, self.document, self.text
        chunk = text[offset:stop]
        spans: list[tuple[int, int, Place | None, str]] = []
        for place_match in table.find(chunk, document, until - offset):
            spans.append((offset + place_match.start, offset + place_match.end, place_match.place, ""))
        for found in _RELATIVE.finditer(chunk):
            place = relative_place(table, found.group(), document)
            spans.append((offset + found.start(), offset + found.end(), place, ""))
        for found in _ZONE_WORDS.finditer(chunk):
            if not _inside(spans, offset + found.start()):
                spans.append((offset + found.start(), offset + found.end(), *self._zone(found.group())))
        if document is not None:
            for short in _document_short_names(document):
                for found in _short_pattern(short).finditer(chunk):
                    if not _inside(spans, offset + found.start()):
                        spans.append((offset + found.start(), offset + found.end(), document, ""))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        mentions: list[SubjectMention] = []
        last_end = -1
        for start, end, place, provisional in spans:
            if start >= until:
                break
            if start < last_end:
                continue
            last_end = end
            label = place.label if place is not None else provisional
            if not label or not self._is_subject(text, start, end):
                continue
            mentions.append(SubjectMention(start, end, label, _listed(text, start, end)))
        return mentions

    def _zone(self, word: str) -> tuple[Place | None, str]:
        """The zone a kind word names in this document: the one zone of that kind in its place."""
        if word not in self._zones:
            self._zones[word] = self._zone_of(word)
        return self._zones[word]

    def _zone_of(self, word: str) -> tuple[Place | None, str]:
        document = self.document
        if document is None:
            return None, ""
        anchor = self.table.city_of(document) or document
        for candidate in (document, anchor):
            zones = [z for kind in _ZONE_KINDS[word] for z in self.table.zones_of(candidate, kind)]
            own = [z for z in zones if z.parent == candidate.code]  # the city's own, not a county's
            for chosen in (own, zones):
                if len(chosen) == 1:
                    return chosen[0], ""
        short = "自创区" if word == "国家自主创新示范区" else word
        return None, _short_name(anchor) + short

    def _is_subject(self, text: str, start: int, end: int) -> bool:
        window = max(0, start - _CLAUSE_REACH)
        last = _LAST_SEPARATOR.search(text, window, start)
        clause_start = last.start() + 1 if last is not None else window
        if _REFERENCE_BEFORE.search(text, max(clause_start, start - 4), start):
            return False
        if _REFERENCE_AFTER.match(text, end):
            return False
        if _NAME_AFTER.match(text, end) and not _breaks_name(text, end):
            return False
        if _quoted(text, clause_start, start):
            return False
        if end < len(text) and text[end] in "市区县旗" and text[end - 1] not in "市区县旗":
            end += 1  # 醴陵区 written for 醴陵市: the short name with a suffix of its own
        followed = _SUBJECT_AFTER.match(text, end) is not None or VERB.match(text, end) is not None or end >= len(text)
        aliases = self.aliases
        return followed or (aliases is not None and any(aliases.starting_at(end + gap) for gap in range(3)))

    def subjects(self, start: int, end: int) -> list[SubjectMention]:
        """Subject mentions that begin inside text[start:end], in order."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def _inside(spans: list[tuple[int, int, Place | None, str]], position: int) -> bool:
    return any(s <= position < e for s, e, _, _ in spans)


def _breaks_name(text: str, end: int) -> bool:
    """A verb or clause cue right after the place: the place is a subject (苏州实现…)."""
    return _VERB_AFTER.match(text, end, end + 4) is not None


def _quoted(text: str, clause_start: int, position: int) -> bool:
    before = text[clause_start:position]
    return before.rfind("《") > before.rfind("》") or before.rfind("“") > before.rfind("”")


def _listed(text: str, start: int, end: int) -> bool:
    """One of a list of places (醴陵、茶陵等县市区): the figure is theirs together."""
    if _LIST_AFTER.match(text, end):
        return True
    return _LIST_BEFORE.search(text, max(0, start - 2), start) is not None


def _document_short_names(document: Place) -> list[str]:
    """昆区 for 昆都仑区: a district's or county's first character with its suffix, in its own reports."""
    name = document.name
    if document.level == "county" and len(name) >= 4 and name[-1] in "区县旗":
        return [name[0] + name[-1]]
    return []


@lru_cache(maxsize=256)
def _short_pattern(short: str) -> re.Pattern[str]:
    return re.compile(re.escape(short))


def _short_name(place: Place) -> str:
    """株洲市 -> 株洲: the shortest of a place's names, for naming a zone the gazetteer lacks."""
    return min((place.name, *place.aliases), key=len)

"""Science and technology awards: 国家科技进步奖, 省科学技术奖, 包头市科技进步奖.

The awards of the national system (国家最高科学技术奖, 国家自然科学奖, 国家技术发明奖,
国家科学技术进步奖, 中华人民共和国国际科学技术合作奖) and their provincial and city
counterparts, written after their level (国家, 省, 市, 自治区) or their place. 科技 is the usual
short form of 科学技术 in their names, so 自治区科技进步奖 in a 包头 report is
内蒙古自治区科学技术进步奖. 奖励 and 奖补 (rewards, subsidies) are not awards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import EntityType
from viewer.text.entity_common import Candidate, Region
from viewer.text.entity_places import PlaceHit
from viewer.text.entity_words import opens_clause

KINDS = "(?:科学技术|科技)(?:进步|合作|创新|突出贡献)?|技术发明|自然科学|最高科学技术|专利|青年科技"
AWARD = re.compile(f"(?P<level>国家|自治区|省|市)?(?P<kind>{KINDS})奖$")
LONGEST = 12  # characters before 奖 that an award's level and kind can take


def _awards(text: str) -> Iterator[re.Match[str]]:
    """Award names ending at each 奖 that is not 奖励, 奖补 or 奖金 (searched back from 奖)."""
    at = text.find("奖")
    while at >= 0:
        if text[at + 1 : at + 2] not in ("励", "补", "金"):
            match = AWARD.search(text, max(0, at - LONGEST), at + 1)
            if match is not None:
                yield match
        at = text.find("奖", at + 1)


def find_awards(text: str, hits: list[PlaceHit], region: Region) -> Iterator[Candidate]:
    by_end = {hit.end: hit for hit in hits}
    for match in _awards(text):
        level, kind = match.group("level"), match.group("kind")
        start = match.start()
        hit = by_end.get(match.start("kind"))
        if hit is not None:
            owner, start = hit.place.name, hit.start
        elif level is None or not opens_clause(text, start):
            continue
        elif level == "国家":
            owner = "国家"
        elif (level == "自治区" and region.province is not None and region.province.name.endswith("自治区")) or (level == "省" and region.province is not None):
            owner = region.province.name
        elif level == "市" and region.city is not None:
            owner = region.city.name
        else:
            continue
        if kind == "专利" and owner == "国家":
            continue  # the national patent award is 中国专利奖
        full = "科学技术" + kind[2:] if kind.startswith("科技") else kind
        canonical = owner + full + "奖"
        yield Candidate(start, match.end(), EntityType.PROGRAMME, canonical, rank=2)

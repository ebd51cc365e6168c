"""People: bylines (记者 陈驰), titles (副局长李黎明), and names that open a clause (冯江华先后获得)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习屠阎鄢匡鞠萧蔺栗"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙")
# Characters that do not occur in given names in running text (units, places, verbs of office).
NOT_IN_NAME = NAME_BREAKERS | frozenset("市省县区局厅委办党中心院所部年月日人名家个项们说到来去")

BYLINE = re.compile(
    r"(?:全媒体记者|记者|通讯员|文|设计|摄影|摄|编辑|责编|作者|图)(?:[^\S\n]*[/／:：][^\S\n]*|[^\S\n]+)"
    f"(?P<names>[{CJK}]{{2,4}}(?:[^\\S\\n]+[{CJK}]{{2,4}})*)"
)
TITLES = (
    "副主席", "主席", "副书记", "书记", "副省长", "省长", "副市长", "市长", "副区长", "区长", "副县长",
    "县长", "副局长", "局长", "副厅长", "厅长", "副部长", "部长", "副主任", "主任", "助理", "副秘书长",
    "秘书长", "院士", "教授", "研究员", "科学家", "董事长", "总经理", "总工程师", "校长", "院长", "所长",
    "处长", "科长",
)
TITLE_BEFORE = re.compile(f"(?:{'|'.join(TITLES)})(?P<name>[{CJK}]{{2,3}})")
TITLE_AFTER = re.compile("总书记|院士|教授|同志|董事长|总经理")
# A clause that opens with a name and goes on with one of these: 冯江华先后获得…
CLAUSE_CUES = re.compile("先后|荣获|获得|当选|入选|介绍|表示|指出|一行")
ENUMERATED = re.compile("等(?:\\d+|[一二三四五六七八九十]+)人")
CLAUSE_BREAKS = frozenset("，。；：,;:\n、")
FOLLOWERS = (
    "一行", "说", "介绍", "表示", "指出", "认为", "强调", "等", "去年", "今年", "来", "在", "带队", "率",
    "出席", "主持", "参加", "陪同", "讲话", "致辞", "获", "荣获", "带领", "调研", "考察",
)
# A news item's author in parentheses at the end of its paragraph: …经验。(刘标)
CLOSING_CREDIT = re.compile(f"[。！？!?][^\\S\\n]*[(（](?P<name>[{CJK}]{{2,3}})[)）][^\\S\\n]*(?:\\n|$)")


def is_name(candidate: str) -> bool:
    if len(candidate) not in (2, 3, 4) or not all("\u4e00" <= char <= "\u9fff" for char in candidate):
        return False
    given = candidate[2:] if candidate[:2] in COMPOUND_SURNAMES else candidate[1:]
    if candidate[:2] not in COMPOUND_SURNAMES and (candidate[0] not in SURNAMES or len(candidate) == 4):
        return False
    return 1 <= len(given) <= 2 and not any(char in NOT_IN_NAME for char in given)


def _after_title(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The name after a title: three characters if a follower word comes next, else two."""
    start = match.start("name")
    for length in (3, 2):
        end = start + length
        rest = text[end : end + 2]
        boundary = end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff")
        if (boundary or rest.startswith(FOLLOWERS)) and is_name(text[start:end]):
            return start, end
    return None


def _name_before(text: str, end: int, clause_start: bool = False) -> tuple[int, int] | None:
    """The name ending at `end`: three characters if they read as a name, else two."""
    for length in (3, 2):
        start = end - length
        if start < 0 or not is_name(text[start:end]):
            continue
        if clause_start and start > 0 and text[start - 1] not in CLAUSE_BREAKS:
            continue
        return start, end
    return None


def photo_credits(text: str) -> Iterator[int]:
    """Where the blanks before a 摄 begin (记者 陈驰 摄): found from the rare 摄 backwards, not by
    a scan that tries every blank of the text."""
    at = text.find("摄")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] != "\n" and text[start - 1].isspace():
            start -= 1
        if start < at:
            yield start
        at = text.find("摄", at + 1)


def find_people(text: str) -> Iterator[Candidate]:
    def person(span: tuple[int, int]) -> Candidate:
        return Candidate(span[0], span[1], EntityType.PERSON, text[span[0] : span[1]], rank=2)

    for match in BYLINE.finditer(text):
        offset = match.start("names")
        for part in re.finditer(f"[{CJK}]+", match.group("names")):
            if is_name(part.group()):
                yield person((offset + part.start(), offset + part.end()))
    for credit in photo_credits(text):
        span = _name_before(text, credit)
        if span is not None:
            yield person(span)
    for pattern, clause_start in ((TITLE_AFTER, False), (ENUMERATED, False), (CLAUSE_CUES, True)):
        for match in pattern.finditer(text):
            span = _name_before(text, match.start(), clause_start)
            if span is not None:
                yield person(span)
    for match in CLOSING_CREDIT.finditer(text):
        if is_name(match.group("name")):
            yield person((match.start("name"), match.end("name")))
    for match in TITLE_BEFORE.finditer(text):
        after = _after_title(text, match)
        if after is not None:
            yield person(after)

"""Title, region, publisher, date and kind of a report, read from its text.

These are first guesses stored with the document; a reviewer can correct them in the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.text.document_place import document_place

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ISO_DATE = re.compile(
    r"(?:时间|日期|发布时间|发布日期|成文日期|印发日期)\s*[:：][\s|｜]*((?:19|20)\d{2})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?"
)
_BARE_DATE = re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\s+\S{0,20})?\s*$")
# The year's first digit apart, so that the scan opens with a character class (skipped in C).
_CN_DATE = re.compile(r"([〇零一二三四五六七八九][〇零一二三四五六七八九]{3})年([一二三四五六七八九十]{1,2})月")
_ARABIC_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
_DATELINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,16}\s*)?(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?(?:\s*第?\s*\d+\s*版)?\s*$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_FORWARD = re.compile(r"(?:到|至|力争|目标|展望|远景|[-－—~～])\S{0,2}$")
_PAGE_MARK = re.compile(
    r"^第\s*\d+\s*版|^[|｜\s]*$|^(?:点击数|来源|作者|时间|责任编辑|编辑)[:：]|"
    r"^(?:索引号|主题分类|成文日期|发布机构|体裁分类|公开方式|文号|发文字号|有效性|发布日期|所属机构)\s*[:：|｜]|"
    r"您的位置|当前位置|首页\s*[>＞›]|[>＞›]\s*(?:正文|动态|新闻)|[|｜].*[|｜].*[|｜]"
)
_SENTENCE_LIKE = re.compile(r"[。；;]|(?:[,，].*){3}")
_TITLE_MAX = 60
_SENTENCE_END = re.compile(r"[。！？；;]")
_NEWSPAPER = re.compile(r"([\u4e00-\u9fff]{2,4}(?:日报|晚报|商报|时报|新闻网|融媒体中心))")
_SOURCE = re.compile(r"(?:来源|发布单位|发布机构|发文单位)\s*[:：]\s*([\u4e00-\u9fff]{2,20})")
_BYLINE = re.compile(r"记者|通讯员|文\s*/|供图")


@dataclass(frozen=True)
class Metadata:
    title: str
    region: str | None
    publisher: str | None
    published: str | None
    year: int | None
    kind: str
    region_how: str = ""  # title, issuer or body: how the document's place was found


def extract_metadata(text: str) -> Metadata:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = "\n".join(lines[:4])
    title, is_title = _title(lines)
    region, region_how = _region(title if is_title else "", head, text)
    published = _published(text)
    year = int(published[:4]) if published else _reported_year(head) or _body_year(text)
    return Metadata(
        title=title,
        region=region,
        publisher=_publisher(head, text, region),
        published=published,
        year=year,
        kind=_kind(title, head),
        region_how=region_how,
    )


def _title(lines: list[str]) -> tuple[str, bool]:
    """The first line in the head that reads as a title: short, not a sentence, not page furniture
    (breadcrumbs, index tables, bylines); else the first line, for display only."""
    for line in lines[:15]:
        candidate = line.lstrip("#").strip().strip("|｜").strip()
        if _PAGE_MARK.search(candidate) or candidate.startswith(("——", "--", "【虚构")):
            continue
        if _BYLINE.search(candidate) or len(candidate) <= 5 or _BARE_DATE.match(candidate):
            continue
        if len(candidate) > _TITLE_MAX or _SENTENCE_LIKE.search(candidate):
            continue
        return candidate[:120], True
    if not lines:
        return "", False
    first = _SENTENCE_END.split(lines[0], maxsplit=1)[0]  # a report that opens with its text
    return (first if len(first) >= 6 else lines[0])[:_TITLE_MAX], False


def _region(title: str, head: str, text: str) -> tuple[str | None, str]:
    place, how = document_place(title, head, text)
    return (place.label, how) if place is not None else (None, "")


def _cn_number(digits: str) -> int:
    return int("".join(str(_CN_DIGITS[ch]) for ch in digits))


def _cn_month(month: str) -> int:
    if month == "十":
        return 10
    if month.startswith("十"):
        return 10 + _CN_DIGITS[month[1]]
    return _CN_DIGITS[month[0]]


def _published(text: str) -> str | None:
    """The document's own date, in this order: a signature in Chinese numerals (二〇二一年十一月);
    a date line at the end (白鹭市科学技术局 / 2023年1月30日) or in the head (青岚日报 2021年1月18日
    第03版, …办公室 2021年8月); a labelled date (时间:2023-04-04, 发布日期：2023年1月30日)."""
    found = list(_CN_DATE.finditer(text))
    if found:
        last = found[-1]
        return f"{_cn_number(last.group(1))}-{_cn_month(last.group(2)):02d}"
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in [*lines[-3:][::-1], *lines[:6]]:
        if _DATELINE.match(line):
            match = _ARABIC_DATE.search(line)
            if match:
                return _iso(*match.groups())
    match = _ISO_DATE.search(text[:3000])
    if match:
        return _iso(*match.groups())
    for line in lines[:8]:
        bare = _BARE_DATE.match(line)
        if bare:
            return _iso(*bare.groups())
    return None


def _iso(year: str, month: str, day: str | None) -> str:
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _reported_year(text: str) -> int | None:
    """The latest year the text reports on; years that are targets (到2025年) do not count."""
    years = [
        int(m.group(1)) for m in _YEAR.finditer(text) if not _FORWARD.search(text[max(0, m.start() - 4) : m.start()])
    ]
    return max(years) if years else None


def _body_year(text: str) -> int | None:
    """The latest year reported on, or the year after it when the text speaks of 今年 and names
    that year as a finished statistical year (截至3月底，全市2022年度…)."""
    latest = _reported_year(text)
    if latest is None or "今年" not in text:
        return latest
    return latest + 1 if f"{latest}年度" in text else latest


def _publisher(head: str, text: str, region: str | None) -> str | None:
    paper = _NEWSPAPER.search(head)
    if paper:
        return paper.group(1)
    source = _SOURCE.search(text)
    if source:
        name = source.group(1)
        if name.startswith("市") and region:
            name = region + name[1:]
        return name.replace("科技局", "科学技术局") if name.endswith("科技局") else name
    return None


def _kind(title: str, head: str) -> str:
    if re.search(r"工作总结|工作报告|工作要点|政府工作", title):
        return "report"
    if re.search(r"规划|纲要|计划|方案|意见|办法", title):
        return "plan"
    if re.search(r"工作报告|政府工作|报告$", title) and not _BYLINE.search(head):
        return "report"
    return "news"

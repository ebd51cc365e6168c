"""Whole-text scans rewritten to open with a character class or a rare character (so that the
regex engine skips other text in C) find exactly what their first forms found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.text.entity_common import CJK
from viewer.text.entity_people import photo_credits
from viewer.text.entity_titles import NUMBERED_PROGRAMME
from viewer.text.metadata import _CN_DATE

_PLAIN_NUMBERED_PROGRAMME = re.compile(
    f"(?P<name>(?:百项|千项|[一二三四五六七八九十]{{1,2}}大)[{CJK}]{{2,10}}?(?:工程|行动|攻关项目))"
)
_PLAIN_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月")
_PLAIN_PHOTO_CREDIT = re.compile(r"[^\S\n]+摄")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("百千项一二十大三工程行动攻关项目科技a、"), max_size=20))
def test_numbered_programme_scan_finds_what_the_alternation_finds(text):
    assert [(m.span(), m.span("name")) for m in NUMBERED_PROGRAMME.finditer(text)] == [
        (m.span(), m.span("name")) for m in _PLAIN_NUMBERED_PROGRAMME.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("〇零二一九年月十三2 "), max_size=16))
def test_chinese_date_scan_finds_what_the_repeat_finds(text):
    assert [(*m.groups(), m.span()) for m in _CN_DATE.finditer(text)] == [
        (*m.groups(), m.span()) for m in _PLAIN_CN_DATE.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("摄影陈驰 \t\u3000\n记者a"), max_size=16))
def test_photo_credits_start_where_the_blank_scan_matches(text):
    assert list(photo_credits(text)) == [m.start() for m in _PLAIN_PHOTO_CREDIT.finditer(text)]

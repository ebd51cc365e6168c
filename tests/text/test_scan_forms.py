"""Whole-text scans rewritten to open with a character class or a rare character (so that the
regex engine skips other text in C) find exactly what their first forms found."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS
from viewer.text.entity_departments import _patterns as department_patterns
from viewer.text.entity_lexicon import Entry, Gazetteer
from viewer.text.entity_orgs import _LAST_BREAKER
from viewer.text.entity_people import photo_credits
from viewer.text.entity_titles import NUMBERED_PROGRAMME
from viewer.text.figures import _FIGURE, _NUMERAL_CHARS
from viewer.text.measure_words import CLAUSAL_VERBS
from viewer.text.metadata import _CN_DATE
from viewer.text.numbers import _WIDE, _WIDE_RUN, _narrow
from viewer.text.provisional import _LEVEL_BEFORE, _after_clausal_verb
from viewer.text.repeats import normalised
from viewer.text.sentences import _TERMINAL
from viewer.text.start_scan import matches
from viewer.text.word_matcher import TrieScan, compiled_trie

_PLAIN_NUMBERED_PROGRAMME = re.compile(
    f"(?P<name>(?:百项|千项|[一二三四五六七八九十]{{1,2}}大)[{CJK}]{{2,10}}?(?:工程|行动|攻关项目))"
)
_PLAIN_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月")
_PLAIN_PHOTO_CREDIT = re.compile(r"[^\S\n]+摄")
# The figure scan as first written: every numeral read as a share (三分之一) before as an amount.
_PLAIN_FIGURE = re.compile(_FIGURE.pattern.replace(f"(?=[{_NUMERAL_CHARS}]*+分)", ""))


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


_NAMES = st.lists(st.text(alphabet="甬江实验室宁波大学a", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


@settings(max_examples=500, deadline=None)
@given(_NAMES, st.text(alphabet="甬江实验室宁波大学ab", max_size=30))
def test_gazetteer_finds_what_its_word_matcher_finds(names, text):
    gazetteer = Gazetteer(Entry(name, EntityType.ORG, name) for name in names)
    assert gazetteer._scan is not None  # the trie-shaped regex
    assert [(start, end) for start, end, _ in gazetteer.find(text, None)] == list(gazetteer.matcher.finditer(text))


def test_a_gazetteer_of_many_first_characters_keeps_the_word_matcher():
    names = [chr(0x4E00 + i) + "所" for i in range(300)]
    gazetteer = Gazetteer(Entry(name, EntityType.ORG, name) for name in names)
    assert gazetteer._scan is None
    text = "".join(names[::7]) + "所"
    assert [(start, end) for start, end, _ in gazetteer.find(text, None)] == list(gazetteer.matcher.finditer(text))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("株洲a1_，。 \n①²ⅣＡ-"), max_size=20))
def test_normalised_keeps_what_removing_the_rest_keeps(text):
    core = re.sub(r"[\W_]+", "", text)
    assert normalised(text) == (core if not core or core.isalnum() else "".join(c for c in core if c.isalnum()))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.text(alphabet="新发技术企业a", min_size=1, max_size=4), min_size=1, max_size=10, unique=True),
       st.text(alphabet="新发技术企业ab", max_size=30))
def test_a_trie_scanned_from_the_first_two_characters_finds_what_the_trie_finds(words, text):
    plain = compiled_trie(words)
    assert plain is not None
    assert list(TrieScan(words).spans(text)) == [m.span() for m in plain.finditer(text)]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["1", "2.5", "3,000", "0", "三", "一", "十", "百", "万", "亿", "点", "多", "余", "几", "分",
                                  "之", "分之", " ", "\u3000", "%", "家", "元", "个百分点", "约", "-", "至", "第", "成", "a"]),
                max_size=12).map("".join))
@example("三点一分之一，1 万分之3，3,000分之2.5，约三 分 之 一")
def test_figure_scan_finds_what_it_found_reading_every_numeral_as_a_share(text):
    assert _PLAIN_FIGURE.pattern != _FIGURE.pattern
    assert [(m.span(), m.groupdict()) for m in _FIGURE.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _PLAIN_FIGURE.finditer(text)]



_, _RELATIVE_DEPARTMENT, _RELATIVE_STARTS = department_patterns()
# The scan for departments as first written: the pattern after a look-ahead for its first characters.
_PLAIN_RELATIVE_DEPARTMENT = re.compile("(?=[人区卫县发工市省自])" + _RELATIVE_DEPARTMENT.pattern)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["市", "省", "区", "县", "自治区", "科技局", "发改委", "工信局", "统计局", "人社局", "卫健委",
                                  "财政局", "人大", "政府", "委", "局", "科", "技", "和", "的", "，", "a"]),
                max_size=14).map("".join))
def test_department_scan_from_its_first_characters_finds_what_the_lookahead_form_finds(text):
    assert [(m.span(), m.groupdict()) for m in matches(_RELATIVE_DEPARTMENT, _RELATIVE_STARTS, text)] == [
        (m.span(), m.groupdict()) for m in _PLAIN_RELATIVE_DEPARTMENT.finditer(text)]



_PLAIN_WIDE_RUN = re.compile(_WIDE.pattern + "+")
_PLAIN_TERMINAL = re.compile(r"[。！？!?]+[”’」』）)\]】]*")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("１２３０．％ＡＢａ12株洲，。！？!?”）】 "), max_size=24))
def test_runs_opened_by_one_character_match_what_the_repeats_match(text):
    assert _WIDE_RUN.pattern != _PLAIN_WIDE_RUN.pattern and _TERMINAL.pattern != _PLAIN_TERMINAL.pattern
    assert _WIDE_RUN.sub(_narrow, text) == _PLAIN_WIDE_RUN.sub(_narrow, text)
    assert [m.span() for m in _WIDE_RUN.finditer(text)] == [m.span() for m in _PLAIN_WIDE_RUN.finditer(text)]
    assert [m.span() for m in _TERMINAL.finditer(text)] == [m.span() for m in _PLAIN_TERMINAL.finditer(text)]


def _after_clausal_verb_listing_every_verb(phrase: str) -> str:
    """provisional._after_clausal_verb as first written: the verbs listed before any is known to be there."""
    verbs = [m for m in CLAUSAL_VERBS.finditer(phrase, 1, 8) if m.end() <= len(phrase) - 2]
    if not verbs:
        return phrase
    level = _LEVEL_BEFORE.search(phrase[: verbs[-1].start()])
    if level is None or level.start() > 0:
        return phrase
    return level.group() + phrase[verbs[-1].end() :]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["本级", "省级", "省", "市", "昆区", "安排", "实施", "新增", "科技", "项目", "中心", "培育", "a"]),
                max_size=7).map("".join))
def test_a_phrase_without_a_clausal_verb_is_left_after_one_search(phrase):
    assert _after_clausal_verb(phrase) == _after_clausal_verb_listing_every_verb(phrase)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甬江实验的了和此那a \n", max_size=20))
def test_the_last_name_breaker_is_what_a_search_for_each_breaker_finds(body: str) -> None:
    last = _LAST_BREAKER.match(body)
    assert (last.end() - 1 if last is not None else -1) == max((body.rfind(c) for c in NAME_BREAKERS), default=-1)

"""The words of a stated change, as the checks read them: the verbs of an increase or a
decrease, the cues of a rate, a multiple or a number of points, and the phrases that tie a change
to its base (see change_bases). Used by viewer.services.checks.change_inline (a change checked
against values of the same sentence) and change_base (against a base year's level)."""

from __future__ import annotations

import re

from viewer.text.change_bases import BASE

CLAUSE = r"[^，,；;。：:]"  # a stretch within one clause

# -- within a sentence: 由A增长到B，增幅x% ----------------------------------------------------
FROM_A = re.compile(rf"(?:由|从){CLAUSE}{{0,12}}$")
DOWN_WORDS = "下降|减少|降低|回落|缩小|缩减"
TO_B = re.compile(
    rf"^{CLAUSE}{{0,6}}?(?:(?P<verb>增长|增加|提高|提升|上升|跃升|扩大|攀升|{DOWN_WORDS})了?(?:到|至|为)"
    rf"|(?P<short>增至|升至|降至|到|至))了?[^，,；;。：:由从]{{0,12}}$"
)
YEAR_OF_A = re.compile(r"((?:19|20)\d{2})\s*年")
RATE_CUE = re.compile(rf"(?P<cue>增幅|增长率|增长|增速|提高|提升|上升|增加|涨幅|降幅|{DOWN_WORDS})[了为达到约近超过]*$")
DECREASE = re.compile(rf"降幅|降至|{DOWN_WORDS}")
TIMES_MORE = re.compile(r"(?:增加|增长|提高|提升|扩大)了?$")
MULTIPLE_OF = re.compile(rf"(?:是|为|相当于|达到?){CLAUSE}{{0,10}}的$")
CHANGE_CUE = re.compile(r"(?:增加|新增|净增|增长|多|减少|下降)了?$")
YOY_RATE = re.compile(rf"^[，,、\s]*(?:同比|比上年|较上年|比去年|较去年)?(?:增长|增幅|提高|上升|{DOWN_WORDS})[了为达]*$")
AGAINST_STATED = re.compile(rf"^[，,\s]*(?:比|较|与|同)\s*{BASE}的$")

# -- against a base year: V，比2015年增长N倍 ---------------------------------------------------
NAMED_BASE = rf"(?P<base>{BASE})"
MULTIPLE_OF_BASE = re.compile(rf"(?:是|为|相当于){NAMED_BASE}{CLAUSE}{{0,8}}的$")
AGAINST_BASE = rf"(?:(?:较|比|与|同){NAMED_BASE}|同比)"
TIMES_MORE_THAN_BASE = re.compile(rf"{AGAINST_BASE}{CLAUSE}{{0,10}}(?:增长|增加|提高|提升)了?$")
POINTS_SINCE_BASE = re.compile(rf"{AGAINST_BASE}{CLAUSE}{{0,10}}(?P<verb>提高|提升|上升|增加|下降|降低|减少)了?$")
LIST_GAP = re.compile(r"^\s*[、和及与,，]\s*$")
PLAN_NAME = re.compile(r"十[一二三四五]五")
YOY_CUE = re.compile(r"(?:增长|增幅|增速)[了为达]*$")

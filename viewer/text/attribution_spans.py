"""A figure under a span of years (十四五, 2016—2020年, 五年来): the span's, or its last year's.

A total, an increase or a growth rate over the span (累计, 共, 新增, 年均增长) is a figure of the
span. A level reached (达到, 突破, 拥有) is the level at the span's end: its last year. A rank is
of a year. The first value of a from-to pair (从X提高到Y) is handled by attribution_period.
"""

from __future__ import annotations

import re

from viewer.model import Figure, Role
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.periods import Period, year_period

_SPAN_ROLES = (Role.GROWTH, Role.CHANGE, Role.PROGRESS)
_CUMULATIVE = re.compile(r"累计|共计|合计|总计|(?<![总公])共(?![同享建识赢])|年均|期间共|总共")
# Verbs of things done over the span (实施攻关项目482个, 承担国家项目347个): counts of the span.
_ACTIVITY = re.compile(
    r"实施|承担|获批|获得|荣获|获|组织|开展|建设|建成|新建|打造|培育|引进|引育|支持|攻克|突破|布局|组建|认定|争取|落地|"
    r"重组|入列|入选|"
    r"招引|创建|牵头|立项|资助|奖励|转化|完成了?(?!.{0,4}(?:增加值|产值|收入|投资|总值))"
)
_LEVEL_VERBS = re.compile(
    r"达到?|增至|增长到|增长至|增加到|增加至|提高到|提高至|提升到|提升至|上升到|上升至|升至|突破|超过|拥有|保有|总数|总量|规模"
)


def settle_span(
    text: str, figure: Figure, sentence: LogicalSentence, clause_start: int, period: Period, role: str | None,
    flow: bool = False,
) -> Period:
    """The figure's period under a span: the span for totals, increases and flows (城镇新增就业),
    the last year for levels."""
    if period.start == period.end or role in _SPAN_ROLES:
        return period
    if role == Role.RANK:
        return year_period(period.end)
    lead = text[clause_start : figure.start]
    if _CUMULATIVE.search(lead) or (_ACTIVITY.search(lead) and not _LEVEL_VERBS.search(lead)) or flow:
        return period
    return year_period(period.end)

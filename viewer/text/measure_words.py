"""The words around a measure phrase in report Chinese: cues, leads, verbs, levels, generic nouns.

General statistical usage, not any one report's: 全市 / 全年 / 新增 / 达到 frame a measure
phrase (全市全年新增高新技术企业达到120家) without being part of what is measured.
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.text.word_matcher import trie_regex

# Nouns of platforms, which take a level (全国重点实验室, 省级众创空间) instead of a place.
PLATFORM_NOUNS = (
    "重点实验室|实验室|工程技术研究中心|工程研究中心|技术创新中心|企业技术中心|研究中心|技术中心|孵化器|众创空间|"
    "星创天地|科技园|新型研发机构|研发机构|创新中心|工作站|基地|创新平台|平台|研究院"
)
_RELATIVE_PLACES = r"全市|全区|全县|全省|全国|全州|全盟|全旗|我市|我区|我县|我省|我国|本市|本区|本县|本省"

# Cue words between a measure phrase and its figure, taken off the end of a lead.
_TAIL_WORDS = (
    "的|了|均|约|近|超过|超|逾|突破|达到|达|为|是|有|共计|共|累计|合计|总计|分别|同比|比上年|比去年|较上年|较去年|"
    "增长到|增长至|增长|增加到|增加至|增加|增至|增到|提高到|提高|提升到|提升|上升|升至|达至|降至|降到|减至|下降到|下降至|"
    "下降|减少到|减少至|减少|回落|新增|净增|年均|实现|完成|以上|全年|"
    "居|位居|排名|排|名列|列|稳居|保持|继续|连续|第|至|到|由|从|预计|力争|争取|目标|约为|首次|首破|再创新高|创新高|"
    "增速|增幅|增长率|年均增速|年均增幅|同期|以来|左右|已经|已|将|再|又|也|都|年增长|年增幅|年增速|稳步|快速|大幅|"
    "持续|进一步|涨幅|年底|年末|较|比|入库|评价入库|备案|通过认定|获批|基数为|基数|基期值|基期|目标值|时期|"
    + _RELATIVE_PLACES
).split("|")
# The same cues written backwards, for matching the reversed end of a lead (linear in its
# length, where a forward search tries every starting position).
_TAIL_PATTERNS_REVERSED = (
    r"[\s,，、:：“”\"'（(]",
    r"(?:底|末)?度?年\s*\d{2}(?:91|02)",
    r"(?:来|间)?年[\d两二三四五六七八九十]{1,2}(?!\d)",
    r"(?:期时|间期|末期|末)?[”\"]?五[一二三四五]十[“\"]?",
)
CUE_TAIL_REVERSED = re.compile(
    "(?:" + "|".join([*_TAIL_PATTERNS_REVERSED, trie_regex(w[::-1] for w in _TAIL_WORDS)]) + ")+"
)


_TAIL_PATTERNS = (
    r"[\s,，、:：“”\"'（(]",
    r"(?:19|20)\d{2}\s*年度?(?:底|末)?",
    r"[\d两二三四五六七八九十]{1,2}年(?:来|间)?",
    r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|末期|末)?",
)
CUE_TAIL = re.compile("(?:" + "|".join([*_TAIL_PATTERNS, trie_regex(_TAIL_WORDS)]) + ")+$")
_TAIL_SLACK = 6


@lru_cache(maxsize=4096)  # leads repeat (同比增长, 达到): half the calls of a document hit
def tail_length(lead: str) -> int:
    """How many characters at the end of `lead` are cue words (约, 达到, 同比增长 …): the longest
    such run. Matched backwards first (linear); a forward search over a few more characters
    settles a boundary the backward match cut short (较去年增长: 年增长 or 去年 + 增长)."""
    found = CUE_TAIL_REVERSED.match(lead[::-1])
    length = found.end() if found else 0
    window = max(0, len(lead) - length - _TAIL_SLACK)
    longer = CUE_TAIL.search(lead, window)
    return max(length, len(lead) - longer.start()) if longer else length


# One word that may open a lead before the measure phrase: connectives, adverbs, time and
# place words (a place word right before a platform's name is its level, and stays).
LEAD_WORDS = re.compile(
    r"[\s,，、:：“”\"'）)]+|其中|并且|并|且|同时|另外|此外|以及|和|及|与|还|也|又|均|都|分别|共计|共|累计|合计|总计|"
    r"先后|相继|年内|全年|当年|目前|现有|现已|现|已经|已|再|持续|不断|积极|大力|加快|着力|成功|首次|首批|"
    r"全力|深入|有效推进|当前|截至目前|截止目前|至今|一年来|期间|以来|区内|市内|县内|省内|境内|辖区内|域内|全域|"
    r"【[^】]{0,12}】|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d)|"
    r"在(?![建库研孵岗校职线])|其|是|为|相当于|日均|年均|月均|截至到|截至|截止|(?:到|至|从|由|自)(?=\s*(?:\d|[“\"]?十[一二三四五]五|今年|去年|明年))|预计|力争|争取|计划|确保|预期|目标|要|将|拟|全年度|年度|相比去年|相比上年|较去年|较上年|同比|"
    r"(?:" + _RELATIVE_PLACES + r")(?!" + PLATFORM_NOUNS + r")"
)
PERIOD_WORDS = re.compile(
    r"(?:19|20)\d{2}\s*年度?(?:以来|底|末|初)?|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|以来|末)?|"
    r"前三季度|上半年|下半年|第?[一二三四]季度|\d{1,2}\s*[-—–~～至]\s*\d{1,2}\s*月|今年|去年|上年|本年|"
    r"(?:过去|近)?[两二三四五六七八九十\d]{1,2}年(?:来|间|以来)?"
)
# Verbs that open a measure phrase and say what was done, not what is measured (taken off).
_DOING = (
    "实现", "完成", "达到", "新增", "净增", "新认定", "认定", "获批", "获得", "获", "建成", "建设", "新建",
    "组建", "新组建", "打造", "培育", "新培育", "组织", "开展", "实施", "推进", "安排", "拥有", "有", "备案",
    "授牌", "入库", "招引", "落地", "攻关", "支持", "摸排", "设立", "举办", "创建", "布局", "搭建", "评选",
    "评定", "授予", "获评", "入选", "列入", "立项", "承担", "牵头", "参与", "主持", "吸引", "集聚", "聚集",
    "扶持", "落实", "发布", "出台", "制定", "修订", "举行", "召开", "帮助", "对接", "解决", "新引进",
    "培养", "新获批", "净新增", "重组", "入列", "重组入列", "纳入", "选派", "派驻", "组派", "推荐", "申报", "遴选", "明确", "确定", "共建", "联合", "推动", "加快", "促进", "引导", "新设立", "新落地", "新建成", "建立",
)
# Verbs that make a flow of what they act on (引育高层次人才 2355人 is not the stock of 高层次人才).
FLOW_VERBS = frozenset(("引进", "引育", "引培", "发放", "使用", "兑现", "兑付", "征集", "签约", "资助", "奖励",
                        "补助", "补贴", "减免"))
# Verbs that say what is measured: kept in a provisional name after their object
# (使用创新券 -> 创新券使用额, 发放宣传资料 -> 宣传资料发放数).
MEASURING_VERBS = frozenset((
    "使用", "发放", "兑现", "兑付", "征集", "签约", "登记", "引进", "引育", "引培", "争取", "吸纳", "输出",
    "资助", "奖励", "补助", "补贴", "减免", "带动", "投入",
))
VERB = re.compile("(?:新|净)?(?:" + "|".join(sorted({*_DOING, *MEASURING_VERBS}, key=len, reverse=True)) + ")")
# Level words written before a platform's name, and the level each means.
LEVELS = {
    "国家级": "国家级", "国家": "国家级", "全国": "国家级", "国字号": "国家级", "国家级以上": "国家级",
    "省级": "省级", "省": "省级", "全省": "省级", "自治区级": "省级", "自治区": "省级",
    "市级": "市级", "市": "市级", "区级": "区级", "县级": "县级",
    "省级以上": "省级以上", "省部级": "省部级", "市级以上": "市级以上", "省部级以上": "省部级以上",
    "本级": "本级",
}
# Verbs inside a provisional phrase that end its subject (昆区本级 安排 科技项目).
CLAUSAL_VERBS = re.compile(r"安排|实施|组织|开展|获得|获批|建成|打造|拥有|完成|选派|落实|兑现|引进|认定|培育|新增")
# Words that place a rank among others (居全省第二, 排名第四): the lead's measure ends before them.
RANK_VERBS = re.compile(r"居|位居|位列|排名|排位|排|列|名列|稳居|跃居|升至|上升|进入")
# Words that may stand before an alias without narrowing what it measures.
NEUTRAL_PREFIX = re.compile(r"有效|现有|全部|各类|各级|新认定|新|新增|累计|入库|在库|库内|认定|备案|地方|全社会|[的共总]")
# Nouns that alone say nothing about what is counted or spent.
GENERIC = frozenset({
    "项目", "企业", "单位", "资金", "平台", "机构", "人", "人员", "成果", "活动", "家", "个", "项", "次",
    "元", "经费", "金额", "数量", "总数", "总量", "总额", "规模", "数", "量", "其他", "县市区", "地区",
    "乡镇", "村", "个人", "群众", "人次", "批", "场", "期", "年", "月", "家企业", "重点", "任务", "工作",
    "目标", "指标", "水平", "能力", "增速", "增幅", "比重", "占比", "比例", "总值", "投资", "收入", "成果转化",
    "领域", "方面", "行业", "产业", "园区", "基地", "团队", "人才", "专利", "合同", "资金规模", "名", "位",
    "市州", "地市", "城市", "县区", "区县", "县市", "省份", "市县", "全省市州", "副省级城市", "国家级", "省级",
    "市级", "区级", "县级", "省级以上", "市级以上", "基数", "基期", "目标值", "在建", "新建", "情况下", "背景下", "形势下", "基础上", "前提下",
})
GENERIC_HEAD = re.compile(r"^(?:总数|数量|总量|总额|金额|规模|数|量|总计|合计|总体|整体)$")
# Words for the whole economy: its growth (经济增长5%) is that of 地区生产总值; 经济总量 is it in
# any role. (name, whether the word names it in every role)
ECONOMY_WORDS = {"经济": ("地区生产总值", False), "经济总量": ("地区生产总值", True),
                 "全省经济": ("地区生产总值", False), "全市经济": ("地区生产总值", False)}
# Abbreviations a provisional name is written out in full with.
ABBREVIATIONS = (("营收", "营业收入"), ("规模以上", "规上"))
# A phrase that is a circumstance, not a measure: 在外贸承压的情况下.
CIRCUMSTANCE = re.compile(r"(?:情况|背景|形势|前提|基础|条件)[下上中]$|过程中$|同时$|^的")
# A list summed up by a count (集成电路、生物医药和人工智能三大先导产业): the summary names it.
LIST_SUMMARY = re.compile(r"[一二三四五六七八九十两]大[\u3400-\u9fff]+$")

"""Word lists for the figure recognizer: units by kind, qualifier words and money cues."""

from __future__ import annotations

from viewer.model import FigureKind, Qualifier

# Written unit -> (kind, base unit, factor to the base unit).
MONEY_UNITS: dict[str, tuple[str, float]] = {
    "元人民币": ("元", 1.0),
    "人民币": ("元", 1.0),
    "元": ("元", 1.0),
    "圆": ("元", 1.0),
    "美元": ("美元", 1.0),
    "美圆": ("美元", 1.0),
    "欧元": ("欧元", 1.0),
    "港元": ("港元", 1.0),
    "港币": ("港元", 1.0),
    "日元": ("日元", 1.0),
    "韩元": ("韩元", 1.0),
    "英镑": ("英镑", 1.0),
    "澳元": ("澳元", 1.0),
    "卢布": ("卢布", 1.0),
    "瑞士法郎": ("瑞士法郎", 1.0),
    "新台币": ("新台币", 1.0),
    "台币": ("新台币", 1.0),
    "奈拉": ("奈拉", 1.0),
}
PERCENT_UNITS = ("%", "个百分点", "百分点", "成", "折")
MULTIPLE_UNITS = ("倍",)
COUNT_UNITS = tuple(
    [
        "人次",
        "家次",
        "项次",
        "个",
        "家",
        "件",
        "项",
        "人",
        "名",
        "台",
        "套",
        "次",
        "场",
        "所",
        "座",
        "户",
        "批",
        "条",
        "位",
        "只",
        "辆",
        "部",
        "本",
        "篇",
        "种",
        "类",
        "处",
        "支",
        "栋",
        "间",
        "张",
        "册",
        "份",
        "株",
        "棵",
        "艘",
        "架",
        "款",
        "门",
        "例",
        "宗",
        "块",
        "首",
        "期",
    ]
)
# Physical units keep the unit as written (its scale, 万千瓦 -> 千瓦 x 1e4, goes to the value).
PHYSICAL_UNITS = [
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "km",
    "米",
    "公分",
    "厘米",
    "cm",
    "CM",
    "毫米",
    "mm",
    "吨",
    "公斤",
    "千克",
    "kg",
    "克",
    "毫克",
    "微克",
    "斤",
    "千瓦时",
    "kWh",
    "千瓦",
    "kW",
    "KW",
    "兆瓦",
    "MW",
    "GW",
    "瓦",
    "升",
    "标准箱",
    "TEU",
    "字节",
    "兆字节",
    "千字节",
    "比特",
    "千比特",
]
# A unit that a numeral's trailing 千/兆 may belong to: 12千米 is 12 千米, not 12000 米.
PREFIXED_UNITS = {"千": ("米", "克", "瓦", "瓦时", "字节", "比特"), "兆": ("瓦", "字节")}

PREFIX_QUALIFIERS: dict[str, str] = {
    "超过": Qualifier.MORE_THAN,
    "超": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "多于": Qualifier.MORE_THAN,
    "突破": Qualifier.AT_LEAST,
    "不少于": Qualifier.AT_LEAST,
    "至少": Qualifier.AT_LEAST,
    "将近": Qualifier.ABOUT,
    "接近": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "约": Qualifier.ABOUT,
    "近": Qualifier.ABOUT,
    "不到": Qualifier.UNDER,
    "不足": Qualifier.UNDER,
    "不超过": Qualifier.UNDER,
}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": Qualifier.AT_LEAST,
    "左右": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
    "以内": Qualifier.UNDER,
    "以下": Qualifier.UNDER,
}
INNER_QUALIFIERS = {"多": Qualifier.MORE_THAN, "余": Qualifier.MORE_THAN}

# Words that make a bare 900万 / 36亿 money when they occur shortly before it.
MONEY_CUES = [
    "资金",
    "经费",
    "投入",
    "收入",
    "产值",
    "营收",
    "金额",
    "补助",
    "补贴",
    "奖补",
    "奖励",
    "税",
    "利润",
    "投资",
    "融资",
    "贷款",
    "支出",
    "销售额",
    "交易额",
    "成交额",
    "增加值",
    "GDP",
    "总值",
    "预算",
    "基金",
    "资本",
    "出口额",
    "进口额",
    "营业额",
    "产出",
    "效益",
    "资产",
]
# After 第N these make an ordinal of an event or batch, not a rank.
ORDINAL_FOLLOWERS = frozenset("届次批期个条款项章节部年季轮家件代阶段类")
RANK_CUES = (
    "排名",
    "排",
    "位居",
    "居",
    "位列",
    "列",
    "全省",
    "全市",
    "全国",
    "全球",
    "全区",
    "全州",
    "升至",
    "跃居",
    "跃升",
    "提升至",
    "名列",
    "位次",
    "排位",
    "前移",
    "至",
)
UNIT_KINDS: dict[str, str] = {
    **dict.fromkeys(MONEY_UNITS, FigureKind.MONEY),
    **dict.fromkeys(PERCENT_UNITS, FigureKind.PERCENT),
    **dict.fromkeys(MULTIPLE_UNITS, FigureKind.MULTIPLE),
    **dict.fromkeys(COUNT_UNITS, FigureKind.COUNT),
    **dict.fromkeys(PHYSICAL_UNITS, FigureKind.PHYSICAL),
}

# Percent idioms without a written numeral, and the words that make them something else
# (半成品 is a semi-finished product, 折旧 depreciation).
PERCENT_IDIOMS = {"半成": 5.0, "对折": 50.0, "半折": 50.0}
IDIOM_FOLLOWERS_NOT_PERCENT = frozenset("品熟型本果功员长效为立就旧合算扣射叠腾中")
IDIOM_PRECEDERS_NOT_PERCENT = frozenset("一过大多减")
# Subunits that may follow a whole amount (五元三毛, 两美元又三美分), largest first.
MONEY_SUBUNITS: dict[str, tuple[tuple[str, float], ...]] = {
    "元": (("角", 0.1), ("毛", 0.1), ("分", 0.01)),
    "美元": (("美分", 0.01),),
    "欧元": (("欧分", 0.01),),
}

# What a quantity is given per, after a slash (58万元/人, 0.6元/千瓦时, 3.2吨/亩): general
# statistical denominators; longest first, so 千瓦时 is not read as 千.
PER_DENOMINATORS = tuple(sorted((
    "人", "户", "人年", "千人", "万人", "吨", "千瓦时", "度", "万元", "元", "平方米", "亩", "公顷",
    "立方米", "公里", "千米", "千克", "公斤", "年", "月", "天", "日", "小时", "台", "辆", "件", "床",
), key=len, reverse=True))

"""Write a synthetic corpus of S&T policy reports for the scale benchmarks.

    python bench/make_corpus.py OUT_DIR [--count 10000] [--size-kb 20] [--seed 1] [--workers N]

Everything comes from the templates below and the region list in resources/places.tsv, never
from real reports. The first line of every file marks it synthetic. The output depends only on
(count, size, seed): document i has its own seeded generator, and each (region, indicator) has
one seeded random-walk series shared by all documents, so charts across documents line up.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from viewer.resources import resource_path

MARKER = (
    "【合成语料·仅供基准测试】本文由程序按模板随机生成，所述数据、机构与人物均为虚构，不反映任何真实情况。"
)
FIRST_YEAR, LAST_YEAR = 2015, 2025
SERIES_START = 2008
FOCUS_CITIES, FOCUS_SHARE = 20, 0.6
CN_DIGITS = "零一二三四五六七八九十"
# Prose paragraphs added to each document's mix, so that figures per KB match the real reports
# (about 3.4 per KB in ../shared/corpus; tests/test_make_corpus.py keeps the two within 25%).
EXTRA_FILLER = 6


def words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


@dataclass(frozen=True)
class Indicator:
    name: str
    aliases: tuple[str, ...]
    unit: str
    start: tuple[float, float]  # first-year value range for a city
    step: tuple[float, float]  # yearly growth: relative, or percentage points when unit is %
    decimals: int


INDICATORS = (
    Indicator("研发经费投入", ("全社会研发经费投入", "R&D经费投入"), "亿元", (2, 25), (0.04, 0.2), 2),
    Indicator("研发投入强度", ("R&D经费支出占GDP比重", "研发经费投入强度"), "%", (0.6, 2.0), (-0.05, 0.2), 2),
    Indicator("高新技术企业数", ("高新技术企业",), "家", (15, 150), (0.05, 0.22), 0),
    Indicator("技术合同成交额", ("技术合同交易额",), "亿元", (0.5, 10), (0.0, 0.35), 2),
    Indicator("高新技术产业增加值", (), "亿元", (40, 300), (0.03, 0.18), 1),
    Indicator("科技型中小企业数", ("科技型中小企业",), "家", (30, 300), (0.05, 0.25), 0),
    Indicator("每万人发明专利拥有量", (), "件", (0.3, 3), (0.04, 0.2), 2),
    Indicator("省级以上创新平台", (), "家", (5, 50), (0.02, 0.15), 0),
    Indicator("财政科技支出", ("地方财政科技支出",), "亿元", (0.3, 5), (-0.05, 0.2), 2),
    Indicator("发明专利授权量", (), "件", (50, 800), (0.0, 0.25), 0),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武洪"
GIVEN = "志明建国华伟军丽敏静强磊洋艳勇杰娟涛超秀霞平刚桂英文辉玲鹏飞斌宇浩凯瑞晨欣怡雪梅海波晓东亮红春燕兰芳婷思远嘉宁安康正清泽润博航"
FIELDS = words(
    "新材料 先进装备制造 生物医药 电子信息 新能源 节能环保 现代农业 轨道交通 航空航天 "
    "智能网联汽车 数字经济 人工智能 大健康 现代种业 精细化工"
)
BRANDS = tuple("华瑞科创汇恒博众诚信达泰中新宏远嘉鼎")
COMPANY_KINDS = words(
    "科技有限公司 新材料股份有限公司 智能装备有限公司 生物科技有限公司 电子科技有限公司 "
    "能源科技股份有限公司 精密制造有限公司 农业科技有限公司"
)
PLATFORMS = words(
    "工程技术研究中心 重点实验室 企业技术中心 新型研发机构 产业技术研究院 科技企业孵化器 "
    "众创空间 星创天地 院士工作站 博士后科研工作站"
)
PROGRAMS = words("启航 雏鹰 英才 春风 聚才 领航 揭榜挂帅 育苗 追光 筑巢")
POLICIES = words(
    "关于加快科技创新推动高质量发展的若干意见 科技成果转化实施办法 “十四五”科技创新规划 "
    "高新技术企业培育实施方案 科技人才引进培育办法 科技型中小企业评价工作实施细则 "
    "加大全社会研发投入行动计划（{y}—{y2}年） 创新型县市建设实施方案 科技金融支持办法 "
    "关键核心技术攻关工作方案（{y}—{y2}年） 科技创新平台建设管理办法"
)
HEADINGS = words(
    "研发投入持续加大 创新主体加快壮大 平台建设提质增效 成果转化更加活跃 人才队伍不断壮大 "
    "创新生态持续优化 科技支撑乡村振兴 核心指标争先进位 区域创新协同推进 科技金融深度融合 "
    "关键技术攻关取得突破 科技服务能力提升"
)
NEWS_TITLES = words(
    "{heading} {short}创新发展再上新台阶|{short}：以科技创新赋能高质量发展|创新驱动看{short}|"
    "{short}科技创新跑出“加速度”|向“新”而行 {short}全力打造区域科技创新高地|"
    "{heading}——{short}科技工作扫描",
    "|",
)

FILLER = (
    "{region}坚持把科技创新摆在发展全局的核心位置，以{field}产业为重点，推动创新链与产业链深度融合。",
    "市科技局有关负责人介绍，今年将围绕{field}、{field2}等领域组织实施一批重点研发项目。",
    "{company}与{university}共建{platform}，联合开展{field}关键技术攻关，多项成果实现产业化。",
    "“企业是创新的主体，政府要做的是把服务做到前面。”{person}说。",
    "{person}表示，下一步将继续落实研发费用加计扣除等普惠政策，让企业敢投入、愿创新。",
    "围绕{field}产业链，{region}梳理出一批“卡脖子”技术清单，实行“揭榜挂帅”。",
    "在{region}{zone}，一批{field}企业正加快建设中试基地，新产品从实验室到生产线的周期明显缩短。",
    "{university}发挥学科优势，组建{field}创新团队，面向企业开放大型科研仪器设备。",
    "{region}持续深化科技体制改革，赋予科研人员更大的技术路线决定权和经费使用权。",
    "科技特派员深入田间地头，围绕{field}开展技术培训和现场指导，受到群众欢迎。",
    "通过“线上+线下”的方式，{region}常态化举办科技成果路演和供需对接活动。",
    "“{program}”计划实施以来，一批青年科技人才在{region}扎根成长，成为企业研发骨干。",
    "{company}负责人{person}介绍，公司近三年研发投入年均增长两成以上，新产品贡献了大部分利润。",
    "{region}大力培育创新型产业集群，{field}产业集聚效应逐步显现。",
    "聚焦企业创新需求，{region}建立“一企一策”服务机制，帮助企业解决技术、人才和融资难题。",
    "各县市区结合自身资源禀赋，探索出各具特色的创新发展路径。",
    "{region}积极对接省内外高校院所，推动优质科技资源向基层延伸。",
    "科技金融产品不断丰富，知识产权质押融资、科技保险等业务稳步开展。",
    "{zone}完善孵化服务链条，构建“众创空间—孵化器—加速器—产业园”全链条孵化体系。",
    "{region}把科技创新工作纳入高质量发展绩效考核，压紧压实各级责任。",
    "面向{field}领域，{university}与{company}签订产学研合作协议，共同培养专业人才。",
    "{region}推动规模以上工业企业研发机构建设，引导企业由“制造”向“智造”转变。",
    "{person}是{university}的一名教授，他带领团队扎根{region}多年，专注{field}研究。",
    "{region}加快建设科技创新服务平台，为中小企业提供检验检测、技术咨询等服务。",
    "对照年初确定的目标任务，{region}建立工作台账，实行清单化管理、项目化推进。",
    "{region}深入开展科技领域“放管服”改革，科技项目申报材料进一步精简。",
    "一批标志性成果在{region}转化落地，{field}领域新技术、新产品不断涌现。",
    "{region}组织企业参加各类创新创业大赛，以赛促创、以赛引才。",
    "“过去是跟着别人跑，现在是并跑甚至领跑。”{company}技术负责人{person}感慨。",
    "{region}统筹推进科普工作，公民具备科学素质的比例稳步提高。",
    "{zone}实行“拎包入驻”服务，吸引了不少{field}初创团队落户。",
    "{region}持续优化创新生态，营造尊重知识、尊重人才、尊重创造的良好氛围。",
    "围绕产业需求布局创新平台，{region}新组建了一批{platform}。",
    "{region}加强知识产权保护，建立快速维权机制，创新主体的获得感不断增强。",
    "科技创新已成为{region}高质量发展的最大变量和最强动能。",
    "通过实施“{program}”行动，{region}对科技型企业进行梯次培育、滚动支持。",
)


@dataclass(frozen=True)
class Region:
    name: str
    short: str
    level: str


@dataclass
class World:
    regions: list[Region]
    focus: list[Region]  # cities that get most documents, so their series have many points
    series: dict[tuple[str, str], dict[int, float]]  # (region, indicator) -> year -> value
    targets: dict[tuple[str, str], dict[int, float]]  # the value a document sets as that year's target
    boilerplate: dict[str, list[str]]  # region -> paragraphs reused across its documents


def load_regions() -> list[Region]:
    regions: list[Region] = []
    with resource_path("places.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["level"] not in ("city", "county"):
                continue
            name = row["name"]
            aliases = [a for a in (row.get("aliases") or "").split("|") if a]
            short = aliases[0] if aliases else name[:-1] if len(name) > 2 and name[-1] in "市县区" else name
            regions.append(Region(name, short, row["level"]))
    if not regions:
        raise SystemExit("resources/places.tsv lists no city or county")
    return regions


def walk(rng: random.Random, ind: Indicator, scale: float) -> dict[int, float]:
    low, high = ind.start
    value = rng.uniform(low, high) * (scale if ind.unit != "%" else 1.0)
    values: dict[int, float] = {}
    for year in range(SERIES_START, LAST_YEAR + 1):
        values[year] = round(value, ind.decimals)
        step = rng.uniform(*ind.step)
        value = max(0.1, value + step) if ind.unit == "%" else value * (1 + step)
    return values


def build_world(seed: int) -> World:
    regions = load_regions()
    series: dict[tuple[str, str], dict[int, float]] = {}
    targets: dict[tuple[str, str], dict[int, float]] = {}
    boilerplate: dict[str, list[str]] = {}
    for region in regions:
        scale = 1.0 if region.level == "city" else random.Random(f"{seed}|{region.name}").uniform(0.1, 0.3)
        for ind in INDICATORS:
            rng = random.Random(f"{seed}|{region.name}|{ind.name}")
            values = series[(region.name, ind.name)] = walk(rng, ind, scale)
            # A target within ±6% of the later actual value: about half are met, half missed.
            targets[(region.name, ind.name)] = {
                year: round(value * rng.uniform(0.94, 1.06), ind.decimals) for year, value in values.items()
            }
        rng = random.Random(f"{seed}|{region.name}|boilerplate")
        writer = DocWriter(rng, region, FIRST_YEAR, "news", World(regions, [], series, targets, {}))
        boilerplate[region.name] = [writer.filler_paragraph() for _ in range(3)]
    cities = [r for r in regions if r.level == "city"] or regions
    focus = random.Random(f"{seed}|focus").sample(cities, min(FOCUS_CITIES, len(cities)))
    return World(regions, focus, series, targets, boilerplate)


def fmt(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cn_number(n: int) -> str:
    if n <= 10:
        return CN_DIGITS[n]
    return ("十" if n < 20 else CN_DIGITS[n // 10] + "十") + (CN_DIGITS[n % 10] if n % 10 else "")


class DocWriter:
    """Builds one document's paragraphs from one seeded generator."""

    def __init__(self, rng: random.Random, region: Region, year: int, kind: str, world: World) -> None:
        self.rng, self.region, self.year, self.kind, self.world = rng, region, year, kind, world
        short = region.short
        self.whole = "全" + (region.name[-1] if region.name[-1] in "市县区州旗" else "市")
        self.university = f"{short}{rng.choice(('大学', '学院', '职业技术学院', '理工学院'))}"
        self.zone = f"{short}{rng.choice(('高新区', '经开区', '科技城', '产业园'))}"
        self.companies = [
            f"{short}{rng.choice(BRANDS)}{rng.choice(BRANDS)}{rng.choice(COMPANY_KINDS)}" for _ in range(3)
        ]
        self.people = [
            rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))) for _ in range(4)
        ]
        self.program = rng.choice(PROGRAMS)

    def value(self, ind: Indicator, year: int) -> float:
        return self.world.series[(self.region.name, ind.name)][year]

    def label(self, ind: Indicator) -> str:
        return self.rng.choice((ind.name, ind.name, *ind.aliases))

    def amount(self, ind: Indicator, value: float) -> str:
        unit = ind.unit
        if unit == "亿元" and self.rng.random() < 0.004:
            unit = "万元"  # a deliberate unit slip for the checks
        return f"{fmt(value, ind.decimals)}{unit}"

    def growth(self, old: float, new: float) -> str:
        rate = (new / old - 1) * 100 if old else 0.0
        if self.rng.random() < 0.03:
            rate += self.rng.choice((-1, 1)) * self.rng.uniform(2, 6)  # deliberately inconsistent
        return fmt(rate, 1)

    def figure_clause(self, ind: Indicator, year: int) -> str:
        rng, v, prev = self.rng, self.value(ind, year), self.value(ind, year - 1)
        label, amount = self.label(ind), self.amount(ind, v)
        if ind.unit == "%":
            points = fmt(v - prev, 2)
            base = year - rng.randint(3, 5)
            return rng.choice(
                (
                    f"{label}达到{amount}，比上年提高{points}个百分点",
                    f"{label}由{base}年的{fmt(self.value(ind, base), 2)}%提高到{year}年的{amount}",
                    f"{label}{amount}，居全省第{cn_number(rng.randint(1, 14))}",
                )
            )
        base = year - rng.randint(2, 5)
        old = self.value(ind, base)
        forms = [
            f"{label}{amount}，同比增长{self.growth(prev, v)}%",
            f"{label}达到{amount}，比上年增长{self.growth(prev, v)}%",
            f"{label}由{base}年的{self.amount(ind, old)}增长至{year}年的{amount}，增幅{self.growth(old, v)}%",
            f"{label}是{base}年的{fmt(v / old, 1) if old else '1'}倍",
        ]
        if ind.unit == "家":
            forms.append(f"新增{label}{int(v - prev)}家，总数达到{amount}")
        if ind.decimals == 0 and v >= 200:
            forms.append(f"{label}达{int(v // 100) * 100}余{ind.unit}")
            forms.append(f"{label}超过{int(v // 10) * 10}{ind.unit}")
        if ind.unit == "亿元" and v % 1 > 0.7:
            forms.append(f"{label}近{int(v) + 1}亿元")
        if ind.name == "省级以上创新平台":
            forms.append(f"{label}{amount}，其中国家级{max(1, int(v * rng.uniform(0.05, 0.15)))}家")
        return rng.choice(forms)

    def results_paragraph(self, year: int) -> str:
        rng = self.rng
        inds = rng.sample(INDICATORS, rng.randint(3, 5))
        clauses = [self.figure_clause(ind, year) for ind in inds]
        if rng.random() < 0.3:
            pair = rng.sample(INDICATORS, 2)
            if all(ind.unit != "%" for ind in pair):
                rates = "、".join(
                    self.growth(self.value(i, year - 1), self.value(i, year)) + "%" for i in pair
                )
                clauses.append(f"{pair[0].name}、{pair[1].name}分别增长{rates}")
        lead = rng.choice(
            (
                f"{year}年，{self.whole}",
                f"{year}年，{self.region.name}",
                "全年",
                f"截至{year}年底，{self.whole}",
            )
        )
        return lead + "；".join(clauses) + "。"

    def target_paragraph(self, year: int) -> str:
        rng = self.rng
        parts = []
        for ind in rng.sample(INDICATORS, rng.randint(3, 5)):
            target = self.world.targets[(self.region.name, ind.name)][year]
            qualifier = rng.choice(("", "", "以上", "左右"))
            parts.append(f"{ind.name}达到{fmt(target, ind.decimals)}{ind.unit}{qualifier}")
        low = rng.randint(5, 12)
        grower = rng.choice([ind for ind in INDICATORS if ind.unit == "亿元"])
        parts.append(f"{grower.name}年均增长{low}%—{low + rng.randint(2, 4)}%")
        head = rng.choice((f"力争{year}年", f"到{year}年，", f"{year}年主要目标是："))
        return head + "，".join(parts) + "。"

    def policy_paragraph(self) -> str:
        rng = self.rng
        y = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        titles = "".join(f"《{self.region.name}{p.format(y=y, y2=y + 2)}》" for p in rng.sample(POLICIES, 2))
        low = rng.randint(5, 30)
        return (
            f"{self.region.name}先后出台{titles}等政策文件，对新认定的{rng.choice(PLATFORMS)}给予"
            f"{low}万元至{low * rng.randint(2, 5)}万元奖励，全年兑现各类科技奖补资金"
            f"{fmt(rng.uniform(0.2, 5), 2)}亿元，惠及企业{rng.randint(4, 90) * 10}多家。"
        )

    def filler_paragraph(self) -> str:
        rng = self.rng
        slots = {
            "region": self.region.name,
            "zone": self.zone,
            "university": self.university,
            "company": rng.choice(self.companies),
            "person": rng.choice(self.people),
            "field": rng.choice(FIELDS),
            "field2": rng.choice(FIELDS),
            "platform": rng.choice(PLATFORMS),
            "program": self.program,
        }
        return "".join(t.format(**slots) for t in rng.sample(FILLER, rng.randint(3, 6)))


def header(w: DocWriter) -> list[str]:
    rng, region, year = w.rng, w.region, w.year
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    paper = f"{region.short}日报"
    if w.kind == "plan":
        period = "十三五" if year < 2021 else "十四五"
        return [
            f"{region.name}“{period}”科技创新发展规划",
            f"{region.name}人民政府办公室",
            f"时间:{year}-{month:02d}-{day:02d}",
        ]
    if w.kind == "report":
        return [
            f"{region.name}科学技术局{year - 1}年工作总结和{year}年工作要点",
            f"发布单位：{region.name}科学技术局",
            f"发布日期：{year}年{month}月{day}日",
        ]
    title = rng.choice(NEWS_TITLES).format(heading=rng.choice(HEADINGS), short=region.short)
    subtitle = rng.choice(("——{y}年{r}科技创新工作综述", "——{r}{y}年科技工作亮点回顾"))
    return [
        title,
        subtitle.format(y=year - 1, r=region.name),
        f"{paper}记者/{w.people[0]} 通讯员/{w.people[1]} {w.people[2]}",
        f"{paper} {year}年{month}月{day}日 第{rng.randint(1, 12):02d}版",
    ]


def make_document(world: World, seed: int, index: int, size_bytes: int) -> str:
    rng = random.Random(f"{seed}|doc|{index}")
    region = rng.choice(world.focus if rng.random() < FOCUS_SHARE else world.regions)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    kind = rng.choices(("news", "report", "plan"), weights=(5, 4, 1))[0]
    w = DocWriter(rng, region, year, kind, world)
    paragraphs = [MARKER, *header(w)]
    if kind == "plan":
        end = 2020 if year < 2021 else 2025
        makers: list[Callable[[], str]] = [
            lambda: w.results_paragraph(end - 5),
            w.filler_paragraph,
            lambda: w.target_paragraph(end),
            w.policy_paragraph,
        ]
    else:
        makers = [
            lambda: w.results_paragraph(year - 1),
            w.filler_paragraph,
            w.filler_paragraph,
            lambda: w.target_paragraph(year),
            w.policy_paragraph,
        ]
    makers += [w.filler_paragraph] * EXTRA_FILLER
    size = sum(len(p.encode()) + 2 for p in paragraphs)
    section, after_heading = 0, True
    while size < size_bytes:
        is_heading = not after_heading and rng.random() < 0.25
        if is_heading:
            section += 1
            heading = rng.choice(HEADINGS)
            paragraph = f"{cn_number(section)}、{heading}" if kind != "news" else f"【{heading}】"
        elif rng.random() < 0.06:
            paragraph = rng.choice(world.boilerplate[region.name])
        elif rng.random() < 0.03 and (earlier := [p for p in paragraphs[5:] if len(p) > 60]):
            paragraph = rng.choice(earlier)
        else:
            paragraph = rng.choice(makers)()
        paragraphs.append(paragraph)
        after_heading = is_heading
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs) + "\n"


_WORLD: World | None = None


def _init_worker(seed: int) -> None:
    global _WORLD
    _WORLD = build_world(seed)


def _write_range(out_dir: str, seed: int, start: int, stop: int, size_bytes: int) -> int:
    assert _WORLD is not None
    written = 0
    for index in range(start, stop):
        text = make_document(_WORLD, seed, index, size_bytes)
        Path(out_dir, f"syn_{index:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode())
    return written


def generate(out_dir: Path, count: int = 10000, size_kb: float = 20, seed: int = 1, workers: int = 0) -> int:
    """Write `count` documents into out_dir; returns the number of bytes written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    size_bytes = int(size_kb * 1024)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or count < 50:
        _init_worker(seed)
        return _write_range(str(out_dir), seed, 0, count, size_bytes)
    chunk = max(1, count // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(seed,)) as pool:
        futures = [
            pool.submit(_write_range, str(out_dir), seed, lo, min(lo + chunk, count), size_bytes)
            for lo in range(0, count, chunk)
        ]
        return sum(f.result() for f in futures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--size-kb", type=float, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    total = generate(args.out_dir, args.count, args.size_kb, args.seed, args.workers)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {args.count} documents, {total / 1e6:.1f} MB, to {args.out_dir} in {elapsed:.1f} s "
        f"({args.count / elapsed:.0f} docs/s)"
    )


if __name__ == "__main__":
    main()

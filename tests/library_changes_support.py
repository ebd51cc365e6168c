"""Invented reports for the tests of removal and versions: a report, and a revision of it with
one paragraph rewritten and one added."""

from __future__ import annotations

from pathlib import Path

from viewer.services.ingest import ingest_paths

TITLE = "柏川市科学技术局2024年工作总结"
HEAD = f"{TITLE}\n发布单位：柏川市科学技术局\n时间：2025-01-12\n\n"
KEPT = [
    "一年来，全市研发经费投入达到12.5亿元，同比增长8.2%，企业创新主体地位持续巩固。",
    "新认定高新技术企业46家，全市高新技术企业总数达到318家，培育梯队不断壮大。",
    "技术合同成交额完成9.6亿元，比上年增长15.3%，成果转化步伐明显加快。",
    "新建省级重点实验室3个，引进高层次创新团队7支，人才集聚效应持续增强。",
    "科技金融服务覆盖面扩大，发放科技信贷资金4.2亿元，惠及科技型企业一百余家。",
]
DROPPED = "柏川湖畔的试验田里，农业科技特派员走村入户，指导种植户用上新的滴灌设备。"
REWRITTEN = "柏川湖畔的数字农业示范园建成投用，全年接待观摩团队三十余批，带动周边农户增收。"
ADDED = "下一步，全市将围绕产业链部署创新链，力争研发经费投入强度提高到2.6%以上。"

VERSION_1 = HEAD + "\n\n".join([*KEPT, DROPPED]) + "\n"
VERSION_2 = HEAD + "\n\n".join([*KEPT, REWRITTEN, ADDED]) + "\n"

OTHER = ("松漠县农业农村局2024年工作总结\n发布单位：松漠县农业农村局\n时间：2025-01-20\n\n"
         "全县粮食播种面积稳定在八十万亩以上，高标准农田建设任务全面完成。\n\n"
         f"{KEPT[0]}\n\n"
         "农村人居环境整治扎实推进，改造农村户厕两千余户，村容村貌明显改善。\n")


def ingest_file(store: Path, path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report = ingest_paths(store, [path], processes=0)
    assert report.ok, report.outcomes
    doc_id = report.outcomes[0].doc_id
    assert doc_id is not None, report.outcomes
    return doc_id

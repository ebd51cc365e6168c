"""What every import worker loads before its first file, loaded once by the fork server that forks
them (viewer.services.worker_pool.spawn_context): importing this module imports the analysis and
the store's writer, loads jieba's dictionary, and analyses a short invented text, which builds the
bundled tables and matchers the analysis builds on first use. A worker then starts with them; a
user lexicon is applied in each worker after the fork (viewer.services.ingest._start_worker)."""

from __future__ import annotations

import contextlib

from viewer.store.connection import import_sqlite_utils

import_sqlite_utils()  # the store's writer: imported here, once

import viewer.services.ingest  # noqa: E402
import viewer.services.reanalysis_pool  # noqa: E402, F401
from viewer.text.analysis import analyze_text  # noqa: E402
from viewer.text.entity_words import tagged  # noqa: E402

_SAMPLE = ("示例市2024年科技工作报告\n示例市人民政府\n"
           "2023年，全市研发经费投入增长12.5%，高新技术企业达到356家，技术合同成交额58.3亿元。"
           "示例市科学技术局联合示例大学建设省级重点实验室3个。\n")

with contextlib.suppress(Exception):  # the server must start: a worker meets any such error on its own file
    tagged("示例")
    analyze_text("warm-up.txt", _SAMPLE, "0" * 64, with_index=False)

"""Invented reports for the search and entity-navigation tests: one crowded with the word 澜江
and imported first, one that names it once, one that names it 21 times, and a long one whose
deputy director 姚沐川 is first named far down the text."""

from __future__ import annotations

from pathlib import Path

WORD = "澜江"
PERSON = "姚沐川"
CROWDED_HITS, CROWDED_OCCURRENCES = 121, 122
QUIET_HITS, MIDDLE_HITS = 1, 21
TOTAL_HITS = CROWDED_HITS + QUIET_HITS + MIDDLE_HITS
TOTAL_OCCURRENCES = CROWDED_OCCURRENCES + QUIET_HITS + MIDDLE_HITS


def _filler(place: str, first: int, count: int) -> list[str]:
    return [f"{place}推进第{i}批科技项目，各项工作有序开展，企业创新活力持续增强。" for i in range(first, first + count)]


REPORTS = {
    "a_crowded.txt": ["甲市科技走廊建设情况通报",
                      *[f"{WORD}走廊第{i}号项目开工建设。" for i in range(120)],
                      f"{WORD}东岸与{WORD}西岸联动发展。"],
    "b_quiet.txt": ["乙县科技工作总结", "乙县召开科技工作会议，部署全年任务。", f"会议提到{WORD}一次。",
                    *_filler("乙县", 0, 5)],
    "c_middle.txt": ["丙区创新发展报告", *[f"丙区{WORD}试验区完成第{i}项任务。" for i in range(21)]],
    "d_long.txt": ["丁市科技局年度工作报告", *_filler("丁市", 0, 40), f"副局长{PERSON}出席会议并讲话。",
                   *_filler("丁市", 40, 40), f"{PERSON}表示，要加快科技成果转化。", *_filler("丁市", 80, 40),
                   f"副局长{PERSON}调研高新技术企业。", *_filler("丁市", 120, 10)],
}


def write_reports(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, lines in REPORTS.items():
        path = folder / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_reports(folder: Path, store: Path) -> Path:
    from viewer.services.ingest import ingest_paths

    report = ingest_paths(store, write_reports(folder), processes=0)
    assert report.count("imported") == len(REPORTS), report.outcomes
    return store

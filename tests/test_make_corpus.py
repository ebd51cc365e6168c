"""The synthetic-corpus generator in bench/make_corpus.py: count, size, determinism, marking."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "make_corpus.py"
CORPUS = ROOT.parent / "shared" / "corpus"
SIZE_KB = 8


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # dataclasses and worker pickling look it up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="module")
def docs(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("corpus")
    generator.generate(out, count=20, size_kb=SIZE_KB, seed=3, workers=1)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_writes_count_files_of_about_the_requested_size(docs: dict[str, bytes]) -> None:
    assert len(docs) == 20
    target = SIZE_KB * 1024
    for name, data in docs.items():
        assert 0.7 * target <= len(data) <= 1.3 * target, (name, len(data))


def test_every_file_is_marked_synthetic_on_its_first_line(docs: dict[str, bytes]) -> None:
    for name, data in docs.items():
        first = data.decode("utf-8").splitlines()[0]
        assert "合成" in first and "虚构" in first, name


def test_same_seed_same_bytes_other_seed_other_bytes(
    generator: ModuleType, docs: dict[str, bytes], tmp_path: Path
) -> None:
    generator.generate(tmp_path / "again", count=20, size_kb=SIZE_KB, seed=3, workers=1)
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == docs
    generator.generate(tmp_path / "other", count=20, size_kb=SIZE_KB, seed=4, workers=1)
    other = {p.name: p.read_bytes() for p in (tmp_path / "other").iterdir()}
    assert other.keys() == docs.keys()
    assert all(other[name] != docs[name] for name in docs)


def test_output_does_not_depend_on_the_number_of_workers(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path / "one", count=60, size_kb=2, seed=5, workers=1)
    generator.generate(tmp_path / "two", count=60, size_kb=2, seed=5, workers=2)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert len(one) == 60 and one == two


def test_documents_carry_figures_titles_and_dates(docs: dict[str, bytes]) -> None:
    for name, data in docs.items():
        lines = [line for line in data.decode("utf-8").splitlines() if line]
        assert re.search(r"\d{4}(-\d{2}-\d{2}|年\d{1,2}月\d{1,2}日)", "\n".join(lines[1:6])), name
        body = "\n".join(lines)
        assert re.search(r"\d+(\.\d+)?亿元", body) and re.search(r"\d+(\.\d+)?%", body), name


GROWTH = re.compile(r"由(\d{4})年的([\d.]+)(亿元|家|件)增长至(\d{4})年的([\d.]+)\3，增幅(-?[\d.]+)%")


def test_stated_growth_rates_mostly_match_the_stated_values(docs: dict[str, bytes]) -> None:
    checked = consistent = 0
    for data in docs.values():
        for match in GROWTH.finditer(data.decode("utf-8")):
            old, new, stated = float(match[2]), float(match[5]), float(match[6])
            checked += 1
            consistent += abs((new / old - 1) * 100 - stated) < 0.2
    assert checked >= 20
    # A few are deliberately wrong (for the checks); the rest must be right.
    assert consistent >= 0.85 * checked


def test_stated_values_follow_one_series_per_region_and_indicator(
    docs: dict[str, bytes], generator: ModuleType
) -> None:
    world = generator.build_world(3)
    names = sorted((r.name for r in world.regions), key=len, reverse=True)
    checked = 0
    for name, data in docs.items():
        text = data.decode("utf-8")
        header = "\n".join(text.splitlines()[1:8])
        region = next(n for n in names if n in header)
        for ind in generator.INDICATORS:
            if ind.unit == "%":
                continue
            for label in (ind.name, *ind.aliases):
                unit = re.escape(ind.unit)
                pattern = rf"(?<![\u4e00-\u9fff]){re.escape(label)}由(\d{{4}})年的([\d.]+){unit}增长至(\d{{4}})年的([\d.]+){unit}"
                for match in re.finditer(pattern, text):
                    series = world.series[(region, ind.name)]
                    assert float(match[2]) == series[int(match[1])], (name, match[0])
                    assert float(match[4]) == series[int(match[3])], (name, match[0])
                    checked += 1
    assert checked >= 10


def test_cli_writes_the_same_files_and_never_imports_the_gui(docs: dict[str, bytes], tmp_path: Path) -> None:
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['make_corpus.py', {str(tmp_path)!r}, '--count', '20', '--size-kb', '{SIZE_KB}',"
        " '--seed', '3', '--workers', '1']\n"
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('viewer.ui', 'PySide6', 'pyqtgraph')))\n"
        "print('GUI-MODULES', bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "GUI-MODULES []" in result.stdout, result.stdout
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == docs


def test_no_long_run_of_a_real_report_is_copied(docs: dict[str, bytes]) -> None:
    if not CORPUS.is_dir():
        pytest.fail(f"the real corpus is missing: expected the reports in {CORPUS}")
    window = 24
    shingles: set[str] = set()
    for path in CORPUS.glob("*.txt"):
        text = re.sub(r"\s+", "", path.read_text(encoding="utf-8"))
        shingles.update(text[i : i + window] for i in range(len(text) - window + 1))
    assert shingles, f"no reports in {CORPUS}"
    for name, data in docs.items():
        text = re.sub(r"\s+", "", data.decode("utf-8"))
        copied = [
            text[i : i + window] for i in range(len(text) - window + 1) if text[i : i + window] in shingles
        ]
        assert not copied, (name, copied[:3])


def test_figure_density_matches_the_real_reports(docs: dict[str, bytes], corpus: dict[str, str]) -> None:
    """Store size and ingest speed per MB depend on how many figures a KB of text holds."""
    from viewer.text.figures import find_figures

    def per_kb(texts: list[str]) -> float:
        return sum(len(find_figures(t)) for t in texts) / (sum(len(t.encode()) for t in texts) / 1000)

    synthetic = per_kb([d.decode("utf-8") for d in docs.values()])
    real = per_kb(list(corpus.values()))
    assert abs(synthetic - real) / real < 0.25, (synthetic, real)

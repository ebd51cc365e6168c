"""Limits per file: a small PDF that would take many minutes, a PDF and a .docx that would take
gigabytes are each named with the reason, and the rest of the batch is imported."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hostile_files import MB, docx_bomb, good_report, pdf_bomb, slow_pdf, unpacked_stream_bytes
from reliability_table import Record

from viewer.services.file_limits import FileLimits
from viewer.services.ingest import IngestReport, ingest_paths

SECONDS = 3.0
SLOW_KB = 256_000  # 250 MB of operators, packed into a few KB


def _outcomes(report: IngestReport) -> dict[str, tuple[str, str]]:
    return {Path(o.path).name: (o.status, o.reason) for o in report.outcomes}


def _batch(folder: Path, hostile: Path) -> list[Path]:
    return [good_report(folder / "甲.txt", 1), hostile, good_report(folder / "乙.txt", 2)]


def _unlimited_pdf_seconds(tmp_path: Path) -> float:
    """How long the slow PDF would take without a limit: a thousandth of it timed, times 1000."""
    from viewer.text.readers.pdf_text import read_pdf

    sample = slow_pdf(tmp_path / "sample.pdf", SLOW_KB // 1000).read_bytes()
    started = time.perf_counter()
    with pytest.raises(Exception, match="no text layer"):
        read_pdf(sample)
    return (time.perf_counter() - started) * 1000


def test_a_small_pdf_that_would_run_for_minutes_is_stopped_and_named(tmp_path: Path, record: Record) -> None:
    pdf = slow_pdf(tmp_path / "慢.pdf", SLOW_KB)
    unlimited = _unlimited_pdf_seconds(tmp_path)
    assert pdf.stat().st_size < 4000 and unlimited > 20 * SECONDS
    started = time.perf_counter()
    report = ingest_paths(tmp_path / "s.db", _batch(tmp_path, pdf), processes=2,
                          limits=FileLimits(seconds=SECONDS, seconds_per_mb=0))
    took = time.perf_counter() - started
    outcomes = _outcomes(report)
    status, reason = outcomes["慢.pdf"]
    record(f"{pdf.stat().st_size:,} B PDF, {SLOW_KB // 1000} MB of operators (~{unlimited:.0f} s unlimited)",
           f"named after {SECONDS:.0f} s, batch goes on", f"{status}: {reason}; batch {took:.1f} s")
    assert status == "failed" and f"took longer than {SECONDS:.0f} s" in reason
    assert outcomes["甲.txt"][0] == outcomes["乙.txt"][0] == "imported"
    assert took < unlimited / 4


def test_the_time_limit_holds_in_process_on_the_main_thread(tmp_path: Path, record: Record) -> None:
    pdf = slow_pdf(tmp_path / "慢.pdf", SLOW_KB)
    report = ingest_paths(tmp_path / "s.db", _batch(tmp_path, pdf), processes=0,
                          limits=FileLimits(seconds=SECONDS, seconds_per_mb=0))
    status, reason = _outcomes(report)["慢.pdf"]
    record("slow PDF, processes=0 (main thread)", "named after the limit", f"{status}: {reason}")
    assert status == "failed" and "took longer than" in reason
    assert report.count("imported") == 2


@pytest.mark.skipif(sys.platform == "win32", reason="the address-space limit is POSIX's RLIMIT_AS")
def test_a_pdf_bomb_is_stopped_at_the_memory_limit_and_named(tmp_path: Path, record: Record) -> None:
    limit = 640 * MB
    pdf = pdf_bomb(tmp_path / "炸弹.pdf", 1024)
    unpacked = unpacked_stream_bytes(pdf)
    assert unpacked > limit and pdf.stat().st_size < 8000
    report = ingest_paths(tmp_path / "s.db", _batch(tmp_path, pdf), processes=2,
                          limits=FileLimits(seconds=120, memory_bytes=limit))
    outcomes = _outcomes(report)
    status, reason = outcomes["炸弹.pdf"]
    record(f"{pdf.stat().st_size:,} B PDF unpacking to {unpacked / 2**30:.1f} GB",
           f"named at the {limit // MB} MB limit", f"{status}: {reason}")
    assert status == "failed" and "needed more than 0.6 GB of memory" in reason
    assert outcomes["甲.txt"][0] == outcomes["乙.txt"][0] == "imported"


_DOCX_MEMORY = """
import sys
import docx
def peak():  # kB; ru_maxrss would carry the parent's peak over the exec
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
before = peak()
docx.Document(sys.argv[1])
print((peak() - before) * 1024)
"""


def _docx_memory_per_mb(tmp_path: Path) -> float:
    """Bytes of memory python-docx takes per MB of document XML, measured on a small file."""
    sample = docx_bomb(tmp_path / "sample.docx", 12)
    used = subprocess.run([sys.executable, "-c", _DOCX_MEMORY, str(sample)], capture_output=True, text=True,
                          check=True).stdout
    return int(used) / 12


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measures memory in /proc")
def test_a_docx_zip_bomb_is_named_before_it_is_unpacked(tmp_path: Path, record: Record) -> None:
    docx = docx_bomb(tmp_path / "炸弹.docx", 600)
    unlimited = _docx_memory_per_mb(tmp_path) * 600  # sample and bomb: 12 and 600 paragraph blocks
    assert docx.stat().st_size < 3 * MB and unlimited > 2 * 2**30
    started = time.perf_counter()
    report = ingest_paths(tmp_path / "s.db", _batch(tmp_path, docx), processes=0)
    took = time.perf_counter() - started
    outcomes = _outcomes(report)
    status, reason = outcomes["炸弹.docx"]
    with zipfile.ZipFile(docx) as archive:
        xml = sum(member.file_size for member in archive.infolist())
    record(f"{docx.stat().st_size / MB:.1f} MB docx, {round(xml / MB)} MB of XML (~{unlimited / 2**30:.1f} GB to read)",
           "named before unpacking", f"{status}: {reason} ({took:.1f} s for the batch)")
    assert status == "failed" and f"unpacks to {round(xml / MB)} MB" in reason and "zip bomb" in reason
    assert outcomes["甲.txt"][0] == outcomes["乙.txt"][0] == "imported"

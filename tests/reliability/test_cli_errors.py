"""The command line answers bad arguments, bad files and unusable stores with one line and a
documented exit code, never a traceback."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_files import good_report
from mounts import mount, read_only_folder
from reliability_table import Record

from viewer.services.ingest import ingest_paths

EXIT_FAILED, EXIT_USAGE, EXIT_TOO_NEW, EXIT_NOT_A_STORE, EXIT_UNAVAILABLE = 1, 2, 3, 4, 5


def _cli(*args: str | bytes, store: Path | None = None) -> subprocess.CompletedProcess[str]:
    command: list[str | bytes] = [sys.executable, "-m", "viewer.cli"]
    if store is not None:
        command += ["--store", str(store)]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(command + list(args), capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=300, env=environment)


def _check(record: Record, case: str, result: subprocess.CompletedProcess[str], code: int,
           says: str = "") -> None:
    errors = [line for line in result.stderr.splitlines() if line.startswith("policy-viewer")]
    record(case, f"exit {code}, one line", f"exit {result.returncode}: {errors[0] if errors else result.stderr[-120:]}")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == code, result.stderr
    if code not in (0, EXIT_FAILED) or errors:
        assert len(errors) == 1 and says in errors[0], result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-store")
    path = folder / "s.db"
    report = ingest_paths(path, [good_report(folder / "甲.txt", 1), good_report(folder / "乙.txt", 2)],
                          processes=0)
    assert report.count("imported") == 2
    return path


@pytest.mark.parametrize(("year", "says"), [("99999999999999999999", "between 1949 and 2100"),
                                            ("0", "not 0"), ("-5", "not -5")])
def test_meta_refuses_a_year_out_of_range(store: Path, record: Record, year: str, says: str) -> None:
    _check(record, f"meta --year {year}", _cli("meta", "甲.txt", "--year", year, store=store), EXIT_USAGE, says)


@pytest.mark.parametrize("published", ["notadate", "2021-02-30", "1800-01-01"])
def test_meta_refuses_a_date_that_is_not_one(store: Path, record: Record, published: str) -> None:
    _check(record, f"meta --published {published}", _cli("meta", "甲.txt", "--published", published, store=store),
           EXIT_USAGE, "--published")


def test_meta_takes_a_good_date_and_year(store: Path, record: Record) -> None:
    result = _cli("meta", "甲.txt", "--published", "2021-02", "--year", "2021", store=store)
    _check(record, "meta --published 2021-02 --year 2021", result, 0)
    assert "2021-02" in result.stdout


def test_a_bad_out_is_one_line(store: Path, tmp_path: Path, record: Record) -> None:
    missing = tmp_path / "没有" / "x.csv"
    _check(record, "export --out in a missing folder",
           _cli("export", "figures", "--format", "csv", "--out", str(missing), store=store), EXIT_FAILED,
           "No such file or directory")
    _check(record, "export --out a folder", _cli("export", "figures", "--format", "csv", "--out", str(tmp_path),
                                                 store=store), EXIT_FAILED, "Is a directory")


@pytest.mark.skipif(sys.platform == "win32", reason="argv bytes that are not UTF-8 are a POSIX matter")
def test_arguments_that_are_not_utf8_are_refused(store: Path, record: Record) -> None:
    _check(record, "search with invalid UTF-8 bytes", _cli(b"search", b"\xff\xfe", store=store), EXIT_USAGE,
           "QUERY: not valid UTF-8")
    _check(record, "meta --title with invalid UTF-8 bytes", _cli(b"meta", "甲.txt".encode(), b"--title", b"\xff",
                                                                 store=store), EXIT_USAGE, "--title")


@pytest.mark.skipif(sys.platform == "win32", reason="file names are not bytes on Windows")
def test_a_file_name_that_is_not_utf8_is_named_and_the_batch_goes_on(tmp_path: Path, record: Record) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    good_report(folder / "甲.txt", 1)
    shutil.copy(folder / "甲.txt", os.fsencode(folder) + b"/\xff\xfe.txt")
    good_report(folder / "乙.txt", 2)
    result = _cli("ingest", str(folder), "--processes", "0", store=tmp_path / "s.db")
    _check(record, "ingest a folder with a file name of invalid UTF-8", result, EXIT_FAILED)
    assert "2 imported" in result.stdout and "file name is not valid UTF-8" in result.stdout


def test_stores_that_cannot_be_used(tmp_path: Path, store: Path, record: Record) -> None:
    newer = tmp_path / "newer.db"
    shutil.copy(store, newer)
    with contextlib.closing(sqlite3.connect(newer)) as conn:
        conn.execute("PRAGMA user_version = 999")
    _check(record, "search a store of a newer version", _cli("search", "增长", store=newer), EXIT_TOO_NEW,
           "newer version")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a store at all " * 400)
    _check(record, "search a file that is not a store", _cli("search", "增长", store=junk), EXIT_NOT_A_STORE,
           "not a policy-viewer store")


def test_a_store_whose_table_list_is_damaged_names_repair(tmp_path: Path, store: Path, record: Record) -> None:
    damaged = tmp_path / "damaged.db"
    shutil.copy(store, damaged)
    with contextlib.closing(sqlite3.connect(damaged)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with damaged.open("r+b") as file:  # page 1 past the file header: the root of the table list
        file.seek(100)
        file.write(b"\xab" * (page_size - 100))
    before = damaged.read_bytes()
    new = tmp_path / "new"
    new.mkdir()
    result = _cli("ingest", str(good_report(new / "丙.txt", 3)), "--processes", "0", store=damaged)
    _check(record, "import into a store whose table list is damaged", result, EXIT_NOT_A_STORE,
           "policy-viewer repair")
    assert str(damaged) in result.stderr and damaged.read_bytes() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read-only folder by chmod or bind mount")
def test_a_store_in_a_read_only_folder_is_read_not_written(tmp_path: Path, store: Path, record: Record) -> None:
    shared = tmp_path / "共享"
    shared.mkdir()
    copy = shared / "s.db"
    with contextlib.closing(sqlite3.connect(store)) as conn:
        conn.execute(f"VACUUM INTO '{copy}'")  # one file, no -wal beside it
    with read_only_folder(shared):
        found = _cli("search", "增长", store=copy)
        _check(record, "search a store in a read-only folder", found, 0)
        assert "hits in 2 documents" in found.stderr
        _check(record, "meta (show) in a read-only folder", _cli("meta", "甲.txt", store=copy), 0)
        _check(record, "ingest into a store in a read-only folder",
               _cli("ingest", str(store.parent / "乙.txt"), store=copy), EXIT_UNAVAILABLE, "read-only")
        assert sorted(p.name for p in shared.iterdir()) == ["s.db"]  # nothing written beside it


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), open(folder / "filler", "ab") as filler:
        while True:
            filler.write(b"\0" * 65536)
            filler.flush()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a small tmpfs")
def test_a_full_disk_is_one_line(tmp_path: Path, store: Path, record: Record) -> None:
    small = tmp_path / "小盘"
    small.mkdir()
    reports = [good_report(tmp_path / f"报告{n}.txt", n) for n in range(6)]
    for report in reports:
        report.write_text(report.read_text(encoding="utf-8") * 150, encoding="utf-8")
    with mount(small, "-t", "tmpfs", "-o", "size=600k", "tmpfs"):
        _check(record, "ingest onto a full disk", _cli("ingest", *map(str, reports), store=small / "s.db"),
               EXIT_UNAVAILABLE, "the disk is full")
        _fill(small)
        _check(record, "export onto a full disk",
               _cli("export", "figures", "--format", "csv", "--out", str(small / "x.csv"), store=store), EXIT_FAILED,
               "No space left on device")


def test_two_imports_from_the_command_line_at_once(tmp_path: Path, record: Record) -> None:
    store = tmp_path / "s.db"
    batches = [[str(good_report(tmp_path / f"{side}{n}.txt", n + 50 * i)) for n in range(6)]
               for i, side in enumerate("甲乙")]
    command = [sys.executable, "-m", "viewer.cli", "--store", str(store), "ingest", "--processes", "1"]
    running = [subprocess.Popen(command + batch, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                encoding="utf-8") for batch in batches]
    results = [(process.wait(300), *process.communicate()) for process in running]
    said = [err for _, _, err in results if "waiting for another import" in err]
    record("two CLI imports into one store at once", "both exit 0, one waits",
           f"exits {[code for code, _, _ in results]}; waited: {len(said)}")
    assert [code for code, _, _ in results] == [0, 0]
    assert all("Traceback" not in err for _, _, err in results)
    assert all("6 imported" in out for _, out, _ in results)

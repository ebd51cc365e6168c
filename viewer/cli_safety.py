"""`policy-viewer backup`, `repair` and `restore-work`: the store's safety commands, and the check
a command runs before it writes (a damaged store: one line, exit code 4, nothing written)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DAMAGED = 0, 1, 2, 4
COMMANDS = ("backup", "repair", "restore-work")


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="copy the store (SQLite's online backup; safe while it is in use)")
    backup.add_argument("--out", type=Path, help="the copy (default: beside the store, named by the time)")
    backup.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    repair = sub.add_parser("repair", help="rebuild a damaged store from what can be read, plus the journal "
                                           "of notes, corrections, metadata edits and merges")
    repair.add_argument("--out", type=Path, help="write the repaired store here and leave the damaged one "
                                                 "(default: the repaired store takes its place, the damaged "
                                                 "file is kept beside it)")
    repair.add_argument("--processes", type=int, help="worker processes (default: one per core)")
    repair.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    restore = sub.add_parser("restore-work", help="put the notes, corrections, metadata edits and merges of a "
                                                  "journal into the store (after importing the reports again)")
    restore.add_argument("journal", type=Path, metavar="JOURNAL", help="a store's *.work-journal.jsonl")
    restore.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)


def run(store: Path, args: argparse.Namespace) -> int:
    if args.command == "backup":
        return _backup(store, args.out)
    if args.command == "repair":
        return _repair(store, args.out, args.processes)
    return _restore(store, args.journal)


def guard(store: Path) -> None:
    """Before a command writes: raise StoreDamagedError (exit 4 through the store-problem handler)
    for a damaged store; bring the journal level with a sound one."""
    from viewer.services.store_guard import check_before_writing
    from viewer.store import connect

    conn = connect(store)
    try:
        check_before_writing(conn, store)
    finally:
        conn.close()


def _backup(store: Path, out: Path | None) -> int:
    from viewer.services.backup import backup_store

    try:
        made = backup_store(store, out)
    except (ValueError, OSError) as error:
        print(f"policy-viewer: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ValueError) else EXIT_FAILED
    print(f"backup -> {made.out} ({made.size / 1e6:.1f} MB in {made.seconds:.1f} s)")
    if made.problems:
        print(f"policy-viewer: the copy is as damaged as the store ({made.problems[0]}); keep it, and run "
              f"`policy-viewer repair`", file=sys.stderr)
        return EXIT_DAMAGED
    return EXIT_OK


def _repair(store: Path, out: Path | None, processes: int | None) -> int:
    from viewer.services.repair import repair_store

    made = repair_store(store, out, processes=processes)
    print(f"repaired store -> {made.store}: {made.documents} documents rebuilt in {made.seconds:.1f} s")
    if made.damaged is not None:
        print(f"the damaged file is kept as {made.damaged}")
    for table in made.tables:
        if table.unreadable:
            print(f"  {table.table}: could not be read at all")
        elif table.gaps:
            print(f"  {table.table}: {table.rows} rows read; unreadable rows skipped in {len(table.gaps)} places")
    if made.work is not None:
        print(made.work.summary())
        for path in made.work.waiting:
            print(f"  metadata edit waiting for its document: {path}")
    else:
        print("no journal beside the store: only the work the damaged file still held was kept")
    if made.lost_documents:
        print(f"{len(made.lost_documents)} documents could not be read; import them again:")
        for path in made.lost_documents:
            print(f"  {path}")
    for failure in made.failed:
        print(f"  not analysed: {failure}")
    if made.problems:
        print(f"policy-viewer: the repaired store is not sound ({made.problems[0]})", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _restore(store: Path, journal: Path) -> int:
    from viewer.services.work_restore import restore_work
    from viewer.store import open_store

    if not journal.is_file():
        print(f"policy-viewer: {journal}: no such journal", file=sys.stderr)
        return EXIT_USAGE
    guard(store)
    db = open_store(store)
    try:
        restored = restore_work(db, journal)
    finally:
        db.conn.close()
    print(f"{restored.summary()} -> {store}")
    for path in restored.waiting:
        print(f"  metadata edit waiting for its document (import it, then run this again): {path}")
    if restored.missing_documents:
        print(f"{len(restored.missing_documents)} documents of the journal are not in this store; import them "
              f"and run this again to restore their metadata edits:")
        for path in restored.missing_documents:
            print(f"  {path}")
    return EXIT_OK


def checks_complete(conn: Any) -> None:
    """After a full run of the checks: the store's findings are no longer pending."""
    from viewer.store.state import clear_checks_pending

    with conn:
        clear_checks_pending(conn)


def warn_if_checks_pending(conn: Any) -> None:
    """Before exporting findings: say so when an interrupted import left them incomplete."""
    from viewer.store.state import checks_pending

    if checks_pending(conn):
        print("policy-viewer: the findings are incomplete (an import stopped during its checks); run "
              "`policy-viewer check` or import again to complete them", file=sys.stderr)

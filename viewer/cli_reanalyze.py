"""`policy-viewer reanalyze`: analyse the stored reports again, without their files, after a
program or lexicon update; or, with --preview, say what that would change."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from viewer.model import Figure
    from viewer.services.reanalysis import FigureChange, ReanalysisProgress

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("reanalyze", help="analyse the stored reports again (no files needed), "
                                              "after a program or lexicon update")
    parser.add_argument("documents", nargs="*", metavar="PATH",
                        help="stored documents: their path as imported, file name or id")
    parser.add_argument("--all", action="store_true", help="every document of the store")
    parser.add_argument("--containing", action="append", metavar="TEXT",
                        help="the documents whose text holds TEXT (repeatable)")
    parser.add_argument("--preview", action="store_true", help="only say what would change; store nothing")
    parser.add_argument("--whole", action="store_true",
                        help="rewrite everything, search indexes included (after a change to segmentation)")
    parser.add_argument("--processes", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)


def run(store: Path, args: argparse.Namespace) -> int:
    from viewer.services import reanalysis
    from viewer.services.library import Library
    from viewer.services.store_problems import exit_code
    from viewer.store import StoreError

    chosen = bool(args.documents) + bool(args.all) + bool(args.containing)
    if chosen != 1:
        print("policy-viewer reanalyze: name documents (paths, file names or ids), or give --containing TEXT, "
              "or --all (one of the three)", file=sys.stderr)
        return EXIT_USAGE
    try:
        library = Library(store)
        try:
            doc_ids, unknown = _chosen(library, args)
        finally:
            library.close()
        if unknown:
            print(f"policy-viewer: no stored document {unknown[0]!r} in {store}", file=sys.stderr)
            return EXIT_FAILED
        cancel = threading.Event()
        show = _progress_printer(sys.stderr)
        if args.preview:
            preview = reanalysis.preview_reanalysis(store, doc_ids, progress=show, cancel=cancel,
                                                    processes=args.processes)
            _end_progress(sys.stderr)
            print(f"would change {preview.figures_changed} figures in {preview.documents_changed} of "
                  f"{preview.documents} documents (nothing stored) -> {store}")
            _print_examples(preview.examples)
            failed = list(preview.failed)
        else:
            report = reanalysis.reanalyze(store, doc_ids, progress=show, cancel=cancel, processes=args.processes,
                                          whole=args.whole, waiting=lambda: _say_waiting(store))
            _end_progress(sys.stderr)
            print(f"{report.reanalysed} documents re-analysed, {report.figures_changed} figures changed in "
                  f"{len(report.changed_documents)} documents, {len(report.failed)} failed  "
                  f"({report.elapsed:.1f} s, of which checks {report.checks_seconds:.1f} s) -> {store}")
            _print_examples(report.examples())
            failed = report.failed
    except StoreError as error:  # the codes of every command: 3 newer version, 4 damaged, 5 unavailable
        print(f"policy-viewer: {error}", file=sys.stderr)
        return exit_code(error)
    except KeyboardInterrupt:
        print("\ninterrupted; the documents re-analysed so far are kept (`policy-viewer check` brings the "
              "findings up to date)", file=sys.stderr)
        return EXIT_INTERRUPTED
    for document in failed:
        print(f"  failed: {document.title or document.doc_id}: {document.reason}")
    return EXIT_FAILED if failed else EXIT_OK


def _say_waiting(store: Path) -> None:
    print(f"waiting for another import or re-analysis into {store} to finish…", file=sys.stderr, flush=True)


def _chosen(library: Any, args: argparse.Namespace) -> tuple[list[int] | None, list[str]]:
    """The ids of the documents asked for (None: all), and the names that match none."""
    from viewer.services.reanalysis import documents_containing

    if args.all:
        return None, []
    if args.containing:
        return documents_containing(library.conn, args.containing), []
    documents = library.documents()
    ids: list[int] = []
    unknown: list[str] = []
    for name in args.documents:
        resolved = str(Path(name).absolute())
        found = [d.id for d in documents
                 if d.id is not None and (name in (str(d.id), d.path, Path(d.path).name) or d.path == resolved)]
        ids.extend(i for i in found if i is not None)
        if not found:
            unknown.append(name)
    return sorted(set(ids)), unknown


def _progress_printer(stream: TextIO) -> Any:
    tty = hasattr(stream, "isatty") and stream.isatty()
    last = [-1]

    def show(p: ReanalysisProgress) -> None:
        fraction = p.chars_done / p.chars_total if p.chars_total else 1.0
        eta = p.eta_seconds
        eta_text = f"{int(eta // 60)}:{int(eta % 60):02d}" if eta is not None else "--:--"
        line = (f"[{'#' * int(fraction * 30):.<30}] {p.done}/{p.total} documents  ETA {eta_text}  "
                f"{p.current[:30]}")
        if tty:
            stream.write("\r" + line.ljust(100))
        elif int(fraction * 10) != last[0]:
            last[0] = int(fraction * 10)
            stream.write(line + "\n")
        stream.flush()

    return show


def _end_progress(stream: TextIO) -> None:
    if hasattr(stream, "isatty") and stream.isatty():
        stream.write("\n")


def _slots(figure: Figure | None) -> str:
    if figure is None:
        return "(no figure)"
    period = figure.period or (str(figure.year) if figure.year else "-")
    return f"{figure.indicator or '-'} | {figure.region or '-'} | {period} | {figure.role}"


def _print_examples(examples: tuple[FigureChange, ...] | list[FigureChange]) -> None:
    for change in examples:
        figure = change.after or change.before
        text = figure.text if figure else ""
        print(f"  {change.title}: {text}  {_slots(change.before)}  ->  {_slots(change.after)}")

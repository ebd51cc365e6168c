"""`policy-viewer`: the GUI, and subcommands to ingest, search, extract and export."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Any

from viewer import cli_documents, cli_reanalyze, cli_safety, cli_search

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-viewer",
        description="Offline viewer for Chinese policy reports. Without a subcommand, opens the window.",
    )
    parser.add_argument("--store", help="store file (default: $POLICY_VIEWER_STORE, else the user data folder)")
    parser.add_argument("--self-test", action="store_true", help="open the window, click through, print timings")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: Chinese)")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo: the bundled fictional samples in a store of their own")
    sub = parser.add_subparsers(dest="command")

    ingest = sub.add_parser("ingest", help="import report files or folders into the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)
    ingest.add_argument("--processes", type=int, help="worker processes (default: one per core)")
    ingest.add_argument("--replace-versions", action="store_true",
                        help="a file that is a new version of a stored report (same title, most paragraphs "
                             "shared) replaces it; notes and corrections move to the new text")

    cli_search.add_parser(sub)

    extract = sub.add_parser("extract", help="print the figures of a text, without touching the store")
    extract.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    extract.add_argument("--json", action="store_true", help="JSON lines (default: a readable table)")

    export = sub.add_parser("export", help="export figures, series, entities, checks, corrections or a review report")
    export.add_argument("what", choices=("figures", "series", "entities", "checks", "corrections", "review"))
    export.add_argument("--format", default=None, choices=("jsonl", "csv", "xlsx", "html"),
                        help="jsonl (default), csv or xlsx; review: xlsx or html")
    export.add_argument("--out", type=Path)
    export.add_argument("--indicator")
    export.add_argument("--region")
    export.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the review report")
    export.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    merge = sub.add_parser("merge", help="merge one entity into another of the same type (kept across re-imports)")
    merge.add_argument("alias", help="the entity to fold in, e.g. 株洲所")
    merge.add_argument("canonical", help="the entity that remains, e.g. 中车株洲电力机车研究所有限公司")
    merge.add_argument("--type", required=True, choices=("place", "org", "person", "policy", "programme", "indicator"))
    merge.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    meta = sub.add_parser("meta", help="show or correct a document's metadata (kept across re-imports)")
    meta.add_argument("document", help="document id, or its file name")
    for field in ("title", "region", "publisher", "published", "kind"):
        meta.add_argument(f"--{field}")
    meta.add_argument("--year", type=int)
    meta.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    from viewer.cli_lexicon import add_lexicon_parser

    add_lexicon_parser(sub)

    check = sub.add_parser("check", help="run the figure checks again and print what they found")
    check.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)

    cli_reanalyze.add_parser(sub)
    cli_documents.add_parser(sub)
    cli_safety.add_parsers(sub)
    from viewer.cli_evaluate import add_parser as add_evaluate_parser

    add_evaluate_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from viewer.cli_arguments import invalid_text

    refused = invalid_text(args)
    if refused is not None:
        print(f"policy-viewer: {refused}", file=sys.stderr)
        return EXIT_USAGE
    from viewer.cli_lexicon import configure_lexicon, run_lexicon

    if args.command == "lexicon":
        return run_lexicon(args)
    stopped = configure_lexicon(args.command)  # the user's lexicon, merged over the bundled one
    if stopped is not None:
        return stopped
    store_arg = getattr(args, "sub_store", None) or args.store
    try:
        if args.command is None:
            if args.demo:
                from viewer.services.demo import demo_store_path

                store_arg = str(demo_store_path())
            return _gui(store_arg, args.self_test, args.lang)
        if args.command == "extract":
            return _extract(args.file, args.json)
        from viewer.services.locations import store_path

        store = store_path(store_arg)
        if args.command == "ingest":
            return _ingest(store, args.paths, args.processes, args.replace_versions)
        if args.command == "search":
            return cli_search.run(_open(store), args)
        if args.command == "export":
            return _export(store, args)
        if args.command == "check":
            return _check(store)
        if args.command == "meta":
            return _meta(store, args)
        if args.command == "merge":
            return _merge(store, args.alias, args.canonical, args.type)
        if args.command == "reanalyze":
            return cli_reanalyze.run(store, args)
        if args.command == "remove":
            return cli_documents.run_remove(store, args)
        if args.command == "evaluate":
            from viewer import cli_evaluate

            return cli_evaluate.run(store, args)
        if args.command in cli_safety.COMMANDS:
            return cli_safety.run(store, args)
    except KeyboardInterrupt:
        print("\ninterrupted; everything imported so far is kept", file=sys.stderr)
        return 130
    except Exception as error:
        return _store_problem(error, store_arg)
    return EXIT_USAGE


def _store_problem(error: Exception, store_arg: str | None) -> int:
    """A store that cannot be used: its message, and the exit code for the reason (3 written by a
    newer version, 4 not a store or damaged, 5 cannot be opened or written: permissions, a lock, a
    full disk). The window exits with the same codes. A file other than the store that cannot be
    read or written (an export's --out): its message, exit code 1. Anything else is a bug: raised again."""
    from viewer.services.locations import store_path
    from viewer.services.store_problems import as_store_error, exit_code

    problem = as_store_error(error, store_path(store_arg))
    if problem is None and isinstance(error, OSError):
        print(f"policy-viewer: {_os_problem(error)}", file=sys.stderr)
        return EXIT_FAILED
    if problem is None:
        raise error
    print(f"policy-viewer: {problem}", file=sys.stderr)
    return exit_code(problem)


def _os_problem(error: OSError) -> str:
    what = error.strerror or type(error).__name__
    return f"{error.filename}: {what}" if error.filename else what


def _open(store: Path) -> Any:
    from viewer.services.library import Library

    return Library(store)


def _gui(store_arg: str | None, self_test: bool, lang: str | None) -> int:
    from viewer.services.locations import store_path

    store = store_path(store_arg)
    if self_test:
        from viewer.ui.self_test import run_self_test

        return run_self_test(store)
    from viewer import cli_lexicon
    from viewer.ui.startup import run_gui

    return run_gui(store, lang=lang, lexicon_problem=cli_lexicon.problem)


def _ingest(store: Path, paths: list[str], processes: int | None, replace_versions: bool = False) -> int:
    from viewer.services.ingest import ingest_paths

    bar = _ProgressBar(sys.stderr)
    cancel = threading.Event()
    report = ingest_paths(store, paths, progress=bar.update, cancel=cancel, processes=processes,
                          waiting=lambda: print(f"waiting for another import or re-analysis into {store} to finish…",
                                                file=sys.stderr, flush=True))
    bar.finish()
    counts = {s: report.count(s) for s in ("imported", "replaced", "reanalysed", "unchanged", "skipped", "failed")}
    print(
        f"{counts['imported']} imported, {counts['replaced']} replaced, {counts['reanalysed']} reanalysed, "
        f"{counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped, {counts['failed']} failed  "
        f"({report.bytes_analysed / 1e6:.2f} MB in {report.elapsed:.1f} s) -> {store}"
    )
    for outcome in report.outcomes:
        if outcome.status in ("failed", "skipped"):
            print(f"  {outcome.status}: {outcome.path}: {outcome.reason}")
    cli_documents.report_versions(store, report, replace_versions)
    return EXIT_OK if not report.failed else EXIT_FAILED


class _ProgressBar:
    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_percent = -1

    def update(self, p: Any) -> None:
        fraction = p.bytes_done / p.bytes_total if p.bytes_total else 1.0
        eta = p.eta_seconds
        eta_text = f"{int(eta // 60)}:{int(eta % 60):02d}" if eta is not None else "--:--"
        filled = int(fraction * 30)
        line = (f"[{'#' * filled}{'.' * (30 - filled)}] {p.done}/{p.total} documents  "
                f"{p.mb_per_second:.2f} MB/s  ETA {eta_text}  {Path(p.current).name[:40]}")
        if self.tty:
            self.stream.write("\r" + line.ljust(110))
        elif int(fraction * 10) != self.last_percent:
            self.last_percent = int(fraction * 10)
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def _extract(file: str, as_json: bool) -> int:
    from dataclasses import asdict

    from viewer.model import weak_slots
    from viewer.services.extract import extract_figures

    if file == "-":
        text = sys.stdin.read()
    else:
        from viewer.services.extract import read_text

        try:
            text = read_text(Path(file))
        except ValueError as error:
            print(f"policy-viewer: {error}", file=sys.stderr)
            return EXIT_FAILED
    for figure in extract_figures(text):
        # how the attribution was found (indicator_how, region_how, period_how, provisional,
        # modality) and "weak": the slots guessed rather than read, which a reviewer should check
        row = {k: v for k, v in asdict(figure).items() if k not in ("id", "doc_id")}
        row["weak"] = list(weak_slots(figure))
        if as_json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            check = f"  check: {','.join(row['weak'])}" if row["weak"] else ""
            print(f"{figure.start:>6}  {figure.text:<16} {figure.value!s:<14} {figure.unit:<5} {figure.kind:<9} "
                  f"{figure.year or '':<5} {figure.indicator or '':<14} {figure.role}{check}")
    return EXIT_OK


def _export(store: Path, args: argparse.Namespace) -> int:
    from viewer.services.checks.rows import export_checks
    from viewer.services.exports import export

    library = _open(store)
    if args.what in ("checks", "review"):
        cli_safety.warn_if_checks_pending(library.conn)
    fmt = args.format or ("xlsx" if args.what == "review" else "jsonl")
    try:
        if args.what == "review":
            if args.out is None:
                raise ValueError("export review needs --out FILE")
            library.write_review(fmt, args.out, args.lang)
            print(f"review report -> {args.out}", file=sys.stderr)
            return EXIT_OK
        if fmt == "html":
            raise ValueError("html is for the review report; use jsonl, csv or xlsx")
        if args.what == "checks":
            count = export_checks(library.db, fmt, args.out, sys.stdout)
        else:
            count = export(library.db, args.what, fmt, args.out, sys.stdout, args.indicator, args.region)
    except ValueError as error:
        print(f"policy-viewer: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.out is not None:
        print(f"{count} rows -> {args.out}", file=sys.stderr)
    return EXIT_OK


def _meta(store: Path, args: argparse.Namespace) -> int:
    from viewer.cli_arguments import metadata_problem

    refused = metadata_problem(args.year, args.published)
    if refused is not None:
        print(f"policy-viewer: {refused}", file=sys.stderr)
        return EXIT_USAGE
    library = _open(store)
    docs = library.documents()
    found = [d for d in docs if str(d.id) == args.document or Path(d.path).name == args.document]
    if len(found) != 1:
        print(f"policy-viewer: no single document {args.document!r} in {store}", file=sys.stderr)
        return EXIT_FAILED
    doc = found[0]
    changes = {k: getattr(args, k) for k in ("title", "region", "publisher", "published", "kind", "year")
               if getattr(args, k) is not None}
    if changes and doc.id is not None:
        cli_safety.guard(store)  # a damaged store is not written
        library.update_metadata(doc.id, **changes)
        doc = library.document(doc.id)
    for key in ("id", "title", "region", "publisher", "published", "year", "kind", "path"):
        print(f"{key:<10} {getattr(doc, key)}")
    return EXIT_OK


def _merge(store: Path, alias: str, canonical: str, type_: str) -> int:
    library = _open(store)
    try:
        cli_safety.guard(store)
        library.merge_entity_names(alias, canonical, type_)
    except (KeyError, ValueError) as error:
        print(f"policy-viewer: {error.args[0]}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{alias} -> {canonical} ({type_}); kept across re-imports")
    return EXIT_OK


def _check(store: Path) -> int:
    from viewer.services.checks import check_counts

    library = _open(store)
    counts = check_counts(library.db)  # counted in the store: the findings are not read back
    cli_safety.checks_complete(library.conn)  # a full run: findings no longer pending
    for kind, verdict, count in counts:
        print(f"{kind:<20} {verdict:<16} {count}")
    print(f"{sum(count for _, _, count in counts)} findings", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""`policy-viewer evaluate`: a plan's targets against what later reports say, printed or written
as Word (.docx, with charts of the targets behind schedule) or xlsx. Several plans side by side;
`--next` adds the next plan (continuing, new and dropped indicators, each against the trend)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.model.plans import PlanDocument, PlanEvaluation

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("evaluate", help="evaluate a plan: each target against the actuals of later reports")
    parser.add_argument("plans", nargs="*", metavar="PLAN",
                        help="document id, file name, stored path or part of the title; several: side by side "
                             "(none: list the documents with targets)")
    parser.add_argument("--format", choices=("docx", "xlsx"), help="docx or xlsx (default: from --out)")
    parser.add_argument("--out", type=Path, help="file to write (default: print the table)")
    parser.add_argument("--next", dest="next_plan", metavar="PLAN", help="the next plan (a 十五五 draft) to compare")
    parser.add_argument("--no-charts", action="store_true", help="docx without the charts (no Qt needed)")
    parser.add_argument("--lang", dest="export_lang", choices=("zh", "en"), default="zh", help="language of the export")
    parser.add_argument("--store", dest="sub_store", help=argparse.SUPPRESS)


def run(store: Path, args: argparse.Namespace) -> int:
    from viewer.services import plan_evaluation
    from viewer.store import connect

    conn = connect(store)
    try:
        plans = plan_evaluation.plan_documents(conn)
        if not args.plans:
            _list(plans)
            return EXIT_OK
        chosen = [_resolve(plans, name) for name in args.plans]
        following = _resolve(plans, args.next_plan) if args.next_plan else None
        if None in chosen or (args.next_plan and following is None):
            return EXIT_USAGE
        evaluations = [plan_evaluation.evaluate_plan(conn, p.doc_id) for p in chosen if p is not None]
        comparison = None
        if following is not None:
            from viewer.services.plan_compare import next_plan_rows

            comparison = next_plan_rows(evaluations[0], plan_evaluation.evaluate_plan(conn, following.doc_id))
        if args.out is None:
            _print(evaluations, args.export_lang)
            return EXIT_OK
        return _write(evaluations, comparison, args)
    finally:
        conn.close()


def _list(plans: list[PlanDocument]) -> None:
    if not plans:
        print("no document in the store states a target", file=sys.stderr)
    for plan in plans:
        kind = "plan" if plan.is_plan else "    "
        print(f"{plan.doc_id:>6}  {kind}  {plan.year or '':>4}  {plan.region or '':<8}  {plan.targets:>3} targets  "
              f"{plan.title}")


def _resolve(plans: list[PlanDocument], name: str) -> PlanDocument | None:
    """The document a PLAN argument names (told on stderr when none or several)."""
    if name.isdigit():
        found = [p for p in plans if p.doc_id == int(name)]
    else:
        found = [p for p in plans if name in (p.path, Path(p.path).name)] or [p for p in plans if name in p.title]
    if len(found) == 1:
        return found[0]
    if not found:
        print(f"policy-viewer evaluate: no document with targets is named {name!r} "
              "(run `policy-viewer evaluate` to list them)", file=sys.stderr)
    else:
        print(f"policy-viewer evaluate: {name!r} names {len(found)} documents; give one of their ids:", file=sys.stderr)
        for plan in found:
            print(f"  {plan.doc_id}  {plan.title}", file=sys.stderr)
    return None


def _print(evaluations: list[PlanEvaluation], lang: str) -> None:
    from viewer.services import plan_words

    for evaluation in evaluations:
        print(f"== {evaluation.plan.title}" + (f"  (base year {evaluation.base_year})" if evaluation.base_year else ""))
        for line in plan_words.summary(evaluation, lang):
            print(line)
        for row in evaluation.rows:
            cells = plan_words.row_cells(row, lang)
            names = plan_words.HEADERS[lang]
            shown = "  ".join(f"{cells[n]}" for n in names[:-1] if cells[n] not in ("", None))
            print(f"  {shown}")


def _write(evaluations: list[PlanEvaluation], comparison: Any, args: argparse.Namespace) -> int:
    from viewer.services.plan_export import against_trend, behind, write_plan_docx, write_plan_xlsx

    out: Path = args.out
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("docx", "xlsx"):
        print(f"policy-viewer evaluate: {out}: say --format docx or xlsx (or name the file .docx or .xlsx)",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        if fmt == "xlsx":
            write_plan_xlsx(evaluations, out, comparison, args.export_lang)
        else:
            charts: dict[str, bytes] = {}
            if not args.no_charts:
                charts = _charts([row for e in evaluations for row in behind(e)], against_trend(comparison))
            write_plan_docx(evaluations, out, charts, comparison, args.export_lang)
    except OSError as error:
        print(f"policy-viewer evaluate: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    rows = sum(len(e.rows) for e in evaluations)
    print(f"{rows} targets of {len(evaluations)} plan(s) -> {out}", file=sys.stderr)
    return EXIT_OK


def _charts(rows: list[Any], following: list[Any]) -> dict[str, bytes]:
    """The charts of the rows behind schedule and of the next plan's targets against the trend,
    drawn by the window's chart code; none when Qt cannot start."""
    if not rows and not following:
        return {}
    try:
        from viewer.ui.plan_chart import render_charts

        return render_charts(rows, following)
    except (ImportError, RuntimeError) as error:
        print(f"policy-viewer evaluate: charts left out ({error})", file=sys.stderr)
        return {}

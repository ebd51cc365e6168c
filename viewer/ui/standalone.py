"""Helpers to run one pane on its own (python -m viewer.ui.chart_pane STORE)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from viewer.services.library import Library
from viewer.services.locations import store_path
from viewer.services.store_problems import StoreError, exit_code
from viewer.ui.app import application


def open_library(path: str | None) -> Library:
    """The store given, else the program's default one ($POLICY_VIEWER_STORE or the user's). A
    pane run alone opens an existing store only: anything else ends with its usage (an option
    such as --help, a file that is not there) or with what is wrong with the store, in one line."""
    if path is not None and (path.startswith("-") or not Path(path).is_file()):
        sys.exit(f"usage: python -m viewer.ui.{_module()} [STORE]\n"
                 "STORE: an existing store file (without it, the program's own store)")
    application()
    try:
        return Library(store_path(path))
    except StoreError as error:
        print(f"policy-viewer: {error}", file=sys.stderr)
        sys.exit(exit_code(error))


def folder_argument(default: str) -> Path:
    """The one optional argument of a docs' screenshot tool: the folder its pictures go to."""
    arguments = sys.argv[1:]
    if len(arguments) > 1 or (arguments and arguments[0].startswith("-")):
        sys.exit(f"usage: python -m viewer.ui.{_module()} [OUT_FOLDER]  (default: {default})")
    return Path(arguments[0] if arguments else default)


def _module() -> str:
    return Path(sys.argv[0]).stem if sys.argv and sys.argv[0] else "<pane>"


SMOKE_VARIABLE = "POLICY_VIEWER_SMOKE"  # set: show the pane, say so on stdout, quit (tests/ui/test_panes_alone.py)


def run_alone(widget: QWidget, title: str) -> int:
    app = application()
    widget.setWindowTitle(title)
    widget.resize(1100, 800)
    widget.show()
    if os.environ.get(SMOKE_VARIABLE):
        QTimer.singleShot(0, lambda: _report_and_quit(widget))
    return app.exec()


def _report_and_quit(widget: QWidget) -> None:
    loaded = sorted(name for name in sys.modules if name.startswith("viewer.ui."))
    print(json.dumps({"title": widget.windowTitle(), "visible": widget.isVisible(),
                      "widgets": len(widget.findChildren(QWidget)), "ui_modules": loaded}, ensure_ascii=False))
    sys.stdout.flush()
    application().quit()

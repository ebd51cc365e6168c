"""Helpers to run one pane on its own (python -m viewer.ui.chart_pane STORE)."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from viewer.services.library import Library
from viewer.services.locations import store_path
from viewer.ui.app import application


def open_library(path: str | None) -> Library:
    """The store given, else the program's default one ($POLICY_VIEWER_STORE or the user's)."""
    application()
    return Library(store_path(path))


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

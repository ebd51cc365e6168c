"""Helpers to run one pane on its own (python -m viewer.ui.chart_pane STORE)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from viewer.services.library import Library
from viewer.services.locations import store_path
from viewer.ui.app import application


def open_library(path: str | None) -> Library:
    """The store given, else the program's default one ($POLICY_VIEWER_STORE or the user's)."""
    application()
    return Library(store_path(path))


def run_alone(widget: QWidget, title: str) -> int:
    app = application()
    widget.setWindowTitle(title)
    widget.resize(1100, 800)
    widget.show()
    return app.exec()

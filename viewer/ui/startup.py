"""The GUI entry point: the main window on a store, a store that cannot be used told in a dialog.
Apart from viewer.ui.app so that a pane run alone never loads the main window."""

from __future__ import annotations

import gc
import importlib
import threading
from pathlib import Path

from viewer.ui.app import application

CHART_MODULE = "viewer.ui.chart_pane"  # pyqtgraph and numpy: 0.4-0.6 s of imports


def run_gui(store_path: str | Path, lang: str | None = None, lexicon_problem: str = "") -> int:
    """The GUI; `lang` ("zh"/"en") overrides the language setting for this run. A store that
    cannot be used is told in a dialog, and the exit code is the command line's for it.
    `lexicon_problem`: why the user's lexicon is not used, told once the window shows."""
    import time

    started = time.perf_counter()
    loader: threading.Thread | None = None
    app = application(language=lang)
    from viewer.services.store_problems import as_store_error
    from viewer.ui.main_window import MainWindow
    from viewer.ui.store_errors import show_store_error

    try:
        window = MainWindow(store_path)
        window.restore_session()
        window.show()
        loader = load_chart_in_background()  # while the window is painted
        window.startup_seconds = time.perf_counter() - started
        if lexicon_problem:
            window.tell_lexicon_problem(lexicon_problem)
        window.start_up_work()  # the demo built, or a reviewer's store offered the removal of old samples
        from viewer.ui.bench_hooks import stamp_startup_if_asked

        stamp_startup_if_asked(window, window.document_pane.view.viewport())  # bench/launch.py
    except Exception as error:
        if loader is not None:
            loader.join()  # the interpreter does not end inside an import
        problem = as_store_error(error, store_path)
        if problem is None:
            raise
        return show_store_error(None, problem)
    code = app.exec()
    loader.join()
    return code


def load_chart_in_background() -> threading.Thread:
    """Import the chart's modules in a thread while the window is painted (the UI thread spends
    most of that in Qt, without the GIL); the chart, built once the window is painted, then finds
    them loaded. Started once the window is shown, not before: sooner, the import would take the
    GIL from building the window and delay its first paint. Its own imports are done by then, so
    the two threads never wait on each other's half-imported modules. The objects alive after
    the import (modules, classes, the window) are frozen out of the collector's full passes, which
    would otherwise walk them all every few seconds on the UI thread (60-120 ms at start-up)."""
    def load() -> None:
        importlib.import_module(CHART_MODULE)
        gc.freeze()

    thread = threading.Thread(target=load, name="chart import", daemon=True)
    thread.start()
    return thread

"""In the Qt-free run (scripts/test.sh) Qt cannot be imported at all; in the full run this test
checks that the services it reaches load without Qt."""

from __future__ import annotations

import importlib
import os
import sys

import pytest


def test_the_qt_free_run_blocks_qt() -> None:
    if not os.environ.get("POLICY_VIEWER_QT_BLOCKED"):
        pytest.skip("the full run: pytest-qt has loaded PySide6")
    assert not [name for name in sys.modules if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")]
    with pytest.raises(ImportError, match="Qt-free run"):
        importlib.import_module("PySide6.QtCore")

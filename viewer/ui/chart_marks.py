"""Marks drawn over a chart's points (flags, the reviewer's frames, the emphasis ring)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg


class MarkScatter(pg.ScatterPlotItem):  # type: ignore[misc]
    """A scatter that never takes a click: pyqtgraph gives a click to the topmost item with a
    spot under the cursor whatever its accepted mouse buttons, so a flag drawn over a point would
    swallow the click meant for the point below."""

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()

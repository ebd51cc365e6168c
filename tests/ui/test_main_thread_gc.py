"""The collector runs on the UI thread only: automatic collection is off, and the timer collects
the generation that is over its threshold, as Python would."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication

from viewer.ui.main_thread_gc import MainThreadCollector, collect_on_main_thread


def test_automatic_collection_is_off_and_the_timer_collects(qapp: QCoreApplication) -> None:
    collector = collect_on_main_thread(qapp)
    assert collect_on_main_thread(qapp) is collector and isinstance(collector, MainThreadCollector)
    assert not gc.isenabled() and collector.timer.isActive()

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    for _ in range(collector.thresholds[0] + 50):
        Cycle()
    assert gc.get_count()[0] > collector.thresholds[0]
    collector.collect()
    assert gc.get_count()[0] < collector.thresholds[0]

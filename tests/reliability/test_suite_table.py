"""The table the reliability suite prints holds the rows its cases record."""

from __future__ import annotations

from reliability_table import OBSERVED, Record


def test_a_recorded_case_is_kept_for_the_table(record: Record) -> None:
    before = len(OBSERVED)
    record("table row", "kept", "kept")
    assert OBSERVED[before:] and OBSERVED[-1].case == "table row"

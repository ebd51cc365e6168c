"""The reliability suite: each case records what was expected and what was observed; the run
prints them as one table at the end (pytest -s not needed) and a case that fails its assertion
fails as usual. Hostile files are generated at run time in tmp folders."""

from __future__ import annotations

import pytest
from reliability_table import OBSERVED, Observation, Record


@pytest.fixture
def record() -> Record:
    """record(case, expected, observed): one row of the printed table."""

    def add(case: str, expected: str, observed: str) -> None:
        OBSERVED.append(Observation(case, expected, observed))

    return add


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not OBSERVED:
        return
    terminalreporter.section("reliability: case | expected | observed")
    width = max(len(o.case) for o in OBSERVED)
    for o in OBSERVED:
        terminalreporter.write_line(f"{o.case:<{width}} | {o.expected} | {o.observed}")

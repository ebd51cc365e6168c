#!/usr/bin/env bash
# The whole test suite: lint, types, layer contracts, the bundle's smoke test, then pytest
# (last, so its summary closes the output; it must run tests: exit 5 fails this script).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
[ -d ../shared/corpus ] || { echo "../shared/corpus is missing: the tests read the reports from there" >&2; exit 1; }
echo "== ruff";          .venv/bin/ruff check viewer tests bench scripts
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== bundle";        bash scripts/bundle_smoke.sh .venv/bin/python
# text, store and services without Qt: pytest-qt off and PySide6/pyqtgraph imports refused
echo "== pytest, Qt-free"; PYTHONPATH=tests .venv/bin/python -m pytest -q -p no:cacheprovider -p no:pytest-qt \
    -p qt_blocker -W "ignore::pytest.PytestConfigWarning" tests/text tests/store tests/services
echo "== pytest";        .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

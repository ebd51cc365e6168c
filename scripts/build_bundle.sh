#!/usr/bin/env bash
# Build the one-folder bundle dist/policy-viewer/ from build.spec, and print its size and the
# build time. Usage: bash scripts/build_bundle.sh [PYTHON]   (default: .venv/bin/python)
# The Python must have the project and PyInstaller installed: pip install -e ".[bundle]".
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-${PYTHON:-.venv/bin/python}}
[ -x "$python" ] || python=$(command -v "$python") || { echo "no Python at $1" >&2; exit 1; }
"$python" -c "import PyInstaller" 2>/dev/null || {
  echo "PyInstaller is missing: $python -m pip install -e '.[bundle]'" >&2; exit 1; }

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
elapsed=$(( $(date +%s) - started ))

bundle=dist/policy-viewer
exe=$bundle/policy-viewer
[ -f "$exe" ] || exe=$bundle/policy-viewer.exe
[ -f "$exe" ] || { echo "build finished but $bundle has no policy-viewer executable" >&2; exit 1; }
size=$(du -sh "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "bundle: $bundle  ($size, $files files)  built in ${elapsed}s"

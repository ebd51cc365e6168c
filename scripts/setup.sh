#!/usr/bin/env bash
# Set up a fresh Debian machine with Python 3.11: system libraries Qt needs, a CJK font,
# Xvfb for screenshots, then a virtual environment in .venv with the package and test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
          libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-wqy-microhei strace)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[test,bundle]" 2>&1 | grep -v -i "warning" || true
.venv/bin/python -c "import viewer, PySide6, jieba, sqlite_utils, pyqtgraph" || { echo "setup failed" >&2; exit 1; }
echo "set up: .venv ready"

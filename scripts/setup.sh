#!/usr/bin/env bash
# Set up a fresh Debian machine with Python 3.11: system libraries Qt needs, a CJK font,
# Xvfb for screenshots, then a virtual environment in .venv with the package and test tools.
# Prints one line per step; what apt and pip say goes to a log, shown only when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp "${TMPDIR:-/tmp}/policy-viewer-setup.XXXXXX")
started=$SECONDS
step() { echo "[$1/5] $2"; }
fail() {
  echo "setup failed: $1" >&2
  echo "---- last lines of $log ----" >&2
  tail -n 25 "$log" >&2
  exit 1
}
# Runs a command with its output in the log; while it runs, a line every 30 s says it still does.
quietly() {
  "$@" >>"$log" 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
    if [ $((waited % 30)) -eq 0 ]; then echo "      … still working (${waited} s)"; fi
  done
  wait "$pid"
}

packages=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
          libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-wqy-microhei strace)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  step 1 "Debian packages: all ${#packages[@]} installed"
else
  step 1 "Debian packages: installing ${#missing[@]} (${missing[*]}) …"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  quietly $sudo apt-get update -q || fail "apt-get update"
  quietly $sudo apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" \
    || fail "apt-get install ${missing[*]}"
fi

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
if [ -x .venv/bin/python ]; then
  step 2 "virtual environment: .venv already there ($(.venv/bin/python --version 2>&1))"
else
  step 2 "virtual environment: creating .venv with $("$python" --version 2>&1 | head -n 1)"
  quietly "$python" -m venv .venv || fail "$python -m venv .venv"
fi

# pip's notices (a newer pip, scripts off PATH, running as root) are not the reader's business.
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_WARN_SCRIPT_LOCATION=1 PIP_ROOT_USER_ACTION=ignore
export PIP_PROGRESS_BAR=off PYTHONWARNINGS=ignore
step 3 "pip: upgrading"
quietly .venv/bin/python -m pip install --upgrade pip || echo "      (pip not upgraded: offline? going on with $(.venv/bin/python -m pip --version | cut -d' ' -f1-2))"

step 4 "the package and its test and bundle tools (PySide6, jieba, PyInstaller …): several minutes on a fresh machine"
step_started=$SECONDS
pip_failed=0
quietly .venv/bin/python -m pip install -e ".[test,bundle]" || pip_failed=1
echo "      done in $((SECONDS - step_started)) s"

step 5 "checking that the environment imports"
if ! .venv/bin/python -c "import viewer, PySide6, jieba, sqlite_utils, pyqtgraph" >>"$log" 2>&1; then
  fail "the environment does not import (pip install $([ $pip_failed = 1 ] && echo failed || echo succeeded))"
fi
if [ $pip_failed = 1 ]; then
  echo "      pip install reported an error (offline?), but what is installed imports; see $log"
else
  rm -f "$log"
fi
echo "set up: .venv ready ($((SECONDS - started)) s)"

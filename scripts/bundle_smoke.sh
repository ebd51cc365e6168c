#!/usr/bin/env bash
# Smoke test of the PyInstaller bundle: build it (or reuse dist/policy-viewer), then run the
# bundle's own ingest of ../shared/corpus into a fresh store, search, exports and the GUI
# self-test (offscreen). When strace is installed, every run is traced and any connect/send to
# an internet address (AF_INET, AF_INET6) fails the test. Exits non-zero on any failure.
#
#   bash scripts/bundle_smoke.sh [--rebuild] [PYTHON]     (PYTHON: for the build, default .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."

rebuild=0
if [ "${1:-}" = "--rebuild" ]; then rebuild=1; shift; fi
python=${1:-${PYTHON:-.venv/bin/python}}
bundle=dist/policy-viewer
exe=$bundle/policy-viewer
corpus=../shared/corpus

fail() { echo "bundle smoke: FAILED: $*" >&2; exit 1; }
[ -d "$corpus" ] || fail "$corpus is missing: the smoke test ingests the reports from there"

changed=""
[ ! -x "$exe" ] || changed=$(find viewer resources db/migrations build.spec scripts/pyinstaller_entry.py \
                               -newer "$exe" -type f -not -name '*.pyc' -print -quit)
if [ "$rebuild" = 1 ] || [ ! -x "$exe" ] || [ -n "$changed" ]; then
  [ -z "$changed" ] || echo "rebuilding: $changed is newer than the bundle"
  bash scripts/build_bundle.sh "$python"
else
  echo "reusing $bundle (built $(date -r "$exe" '+%Y-%m-%d %H:%M'), nothing changed since)"
fi
[ -x "$exe" ] || fail "no executable at $exe"
bundle=$(cd "$bundle" && pwd)
exe=$bundle/policy-viewer
corpus=$(cd "$corpus" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" "$work/config" "$work/data"
# A clean slate: jieba's cache, Qt's settings and the default store all go to the work folder.
export TMPDIR=$work/tmp XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data HOME=$work
export QT_QPA_PLATFORM=offscreen
unset POLICY_VIEWER_STORE
store=$work/store.db
cd "$work"  # not the checkout: the bundle must find everything in itself

tracer=()
if [ "${BUNDLE_SMOKE_STRACE:-1}" = 1 ] && command -v strace >/dev/null \
   && strace -f -qq -o /dev/null true 2>/dev/null; then
  tracer=(strace -f -qq -e trace=connect,sendto,sendmsg -e signal=none)
  echo "tracing network system calls with strace"
else
  echo "strace unavailable (or BUNDLE_SMOKE_STRACE=0): network calls are not traced"
fi

step=0
# run NAME COMMAND...: run a bundle command, time it, keep its output in $work/NAME.out/.err.
run() {
  local name=$1; shift
  step=$((step + 1))
  local trace=() started ended code=0
  [ ${#tracer[@]} -eq 0 ] || trace=("${tracer[@]}" -o "$work/$name.trace")
  started=$(date +%s%N)
  timeout 900 "${trace[@]}" "$@" >"$work/$name.out" 2>"$work/$name.err" || code=$?
  ended=$(date +%s%N)
  local ms=$(( (ended - started) / 1000000 ))
  printf '%-22s %4d.%01d s  exit %d\n' "$name" $((ms / 1000)) $((ms % 1000 / 100)) "$code"
  if [ "$code" -ne 0 ]; then
    tail -n 30 "$work/$name.err" >&2
    fail "$name exited with $code"
  fi
  if [ -f "$work/$name.trace" ] && grep -E 'AF_INET6?[,}]' "$work/$name.trace" >"$work/$name.net"; then
    head -n 5 "$work/$name.net" >&2
    fail "$name opened a network connection"
  fi
}
expect() {  # expect FILE PATTERN MESSAGE
  grep -qE "$2" "$1" || { tail -n 20 "$1" >&2; fail "$3"; }
}

echo "bundle: $bundle  $(du -sh "$bundle" | cut -f1)  $(find "$bundle" -type f | wc -l) files"
find "$bundle" -name 'rjieba*.so' -o -name 'rjieba*.pyd' | grep -q . \
  || { echo "bundle smoke: rjieba's extension is missing; segmentation would fall back to pure-Python jieba" >&2; exit 1; }

run ingest "$exe" ingest "$corpus" --store "$store"
expect "$work/ingest.out" '^5 imported, .* 0 failed' "ingest did not import the five reports"

run ingest-again "$exe" ingest "$corpus" --store "$store" --processes 0
expect "$work/ingest-again.out" '5 unchanged' "a second ingest was not a no-op"

run search "$exe" search 研发投入 --json --limit 5 --store "$store"
[ "$(grep -c '"doc_id"' "$work/search.out")" -ge 1 ] || fail "search found nothing for 研发投入"

run export-figures-csv "$exe" export figures --format csv --out "$work/figures.csv" --store "$store"
[ "$(wc -l <"$work/figures.csv")" -gt 300 ] || fail "the figures export has 300 rows or fewer"
expect "$work/figures.csv" '34\.94亿元' "the figures export lacks 34.94亿元"

run export-figures-xlsx "$exe" export figures --format xlsx --out "$work/figures.xlsx" --store "$store"
[ -s "$work/figures.xlsx" ] || fail "the xlsx export is empty"

run export-entities "$exe" export entities --format jsonl --store "$store"
expect "$work/export-entities.out" '株洲市' "the entities export lacks 株洲市"

run extract sh -c "printf '2020年研发经费投入34.5亿元，增长12%%。' | '$exe' extract - --json"
expect "$work/extract.out" '"34\.5亿元"' "extract missed 34.5亿元"

run self-test "$exe" --self-test --store "$store"
expect "$work/self-test.out" '"ok": *true' "the self-test did not report ok"
cat "$work/self-test.out"

echo "bundle smoke: OK ($step steps)"

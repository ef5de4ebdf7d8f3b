#!/bin/sh
# Runs the libFuzzer targets of tests/fuzz/ (docs/fuzzing.md).
#
#   tools/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]
#
# SECONDS-PER-TARGET defaults to 60; TARGETs default to all of them:
#   form params differential_entry differential_reference constexpr_runtime render round_trip fast_paths
#   and json where nlohmann/json, simdjson, RapidJSON and Boost.JSON are installed
#
# Sets up build-fuzz (clang++, -Dfuzz=true: ASan + UBSan + libFuzzer) if it
# is missing, builds the targets, and runs them one after the other (never
# in parallel), each for SECONDS on a scratch copy of its committed corpus
# tests/fuzz/corpus/<target>/ plus fresh seeds from tests/fuzz/make_corpus.py.
# Prints the final stats of each run; exits non-zero when any target found a
# crash, a leak, a timeout or an oracle failure (the input is then saved in
# the scratch folder's artifacts/<target>/, never in the repository).
#
# Environment:
#   FUZZ_BUILD=DIR      build folder (default build-fuzz)
#   FUZZ_SCRATCH=DIR    scratch folder (default: a new one under /tmp; kept)
#   FUZZ_MAX_LEN=N      longest input, bytes (default 8192; constexpr_runtime 64)
#   FUZZ_MERGE=1        afterwards, replace the committed corpus of each target
#                       that found nothing with the fewest inputs, out of the old
#                       corpus, the seeds and the new inputs, that reach every
#                       coverage edge (make_corpus.py --minimize; regression-*
#                       files are always kept; kept seeds keep their names)
#   FUZZ_ARGS="..."     extra libFuzzer flags
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
all_targets="form params differential_entry differential_reference constexpr_runtime render round_trip fast_paths"
# json (issue 14): only where the four JSON libraries are (meson builds it then).
if pkg-config --exists nlohmann_json simdjson RapidJSON 2>/dev/null && [ -f /usr/include/boost/json.hpp ]; then
  all_targets="$all_targets json"
fi
targets=${*:-$all_targets}
for t in $targets; do
  case " $all_targets " in
    *" $t "*) ;;
    *) echo "fuzz.sh: unknown target '$t' (targets: $all_targets)" >&2; exit 2 ;;
  esac
done
case $seconds in
  ''|*[!0-9]*) echo "usage: tools/fuzz.sh [seconds-per-target] [target...]" >&2; exit 2 ;;
esac

SNAPCHECK_EXTRA_PACKAGES="clang libclang-rt-dev" . tools/deps.sh

scratch=${FUZZ_SCRATCH:-$(mktemp -d /tmp/snapcheck-fuzz.XXXXXX)}
mkdir -p "$scratch/seeds" "$scratch/logs"

build=${FUZZ_BUILD:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  CXX=clang++ meson setup "$build" -Dfuzz=true -Dbuildtype=debugoptimized -Dbenchmarks=disabled \
    >"$scratch/logs/setup.log" 2>&1 || { cat "$scratch/logs/setup.log"; exit 1; }
fi
exes=""
for t in $targets; do exes="$exes tests/fuzz/fuzz_$t"; done
# shellcheck disable=SC2086
ninja -C "$build" $exes >"$scratch/logs/build.log" 2>&1 || { cat "$scratch/logs/build.log"; exit 1; }
# What was fuzzed: the commit, and a digest of uncommitted library changes.
if command -v git >/dev/null 2>&1 && git rev-parse HEAD >/dev/null 2>&1; then
  echo "fuzzing $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- include || echo " + uncommitted include/ changes $(git diff HEAD -- include | sha1sum | cut -c1-12)")"
fi
python3 tests/fuzz/make_corpus.py --out "$scratch/seeds" >/dev/null

# Words the mutator may splice in: names, prefixes, escapes, edge numbers.
dict="$scratch/snapcheck.dict"
cat >"$dict" <<'EOF'
"regionId"
"DiskId"
"SnapshotName"
"Description"
"Category"
"RetentionDays"
"ClientToken"
"version"
"Tag."
".Key"
".Value"
".key"
".value"
"Tag.1.Key="
"Tag.20.Value="
"Tag.21.Key="
"Tag.01.key="
"Signature"
"&"
"="
"+"
"%"
"%2"
"%25"
"%26"
"%3D"
"%2B"
"%E4%B8%AD"
"%E9%BE%A5"
"%E9%BE%A6"
"%F0%A0%80%80"
"%F0%B3%91%B9"
"%E2%80%AE"
"%E2%81%A6"
"%C2%85"
"%7F"
"%00"
"%C0%AF"
"%ED%A0%80"
"%F4%90%80%80"
"%FF"
"\xe4\xb8\xad"
"\xf0\xa0\x80\x80"
"\xe2\x80\x8f"
"\xed\xa0\x80"
"http://"
"https://"
"HTTPS://"
"auto"
"aliyun"
"acs:"
"Standard"
"Flash"
"65536"
"65537"
"00000000000000000000"
"2016-02-29"
"2015-02-29"
"\x1e"
"\x1f"
"\x1b"
EOF

status=0
failed=""
for t in $targets; do
  corpus="$scratch/corpus/$t"
  artifacts="$scratch/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "tests/fuzz/corpus/$t" ]; then cp -pR "tests/fuzz/corpus/$t"/. "$corpus"/; fi
  if [ -d "$scratch/seeds/$t" ]; then cp -pR "$scratch/seeds/$t"/. "$corpus"/; fi
  max_len=${FUZZ_MAX_LEN:-8192}
  extra="-dict=$dict"
  if [ "$t" = constexpr_runtime ]; then
    max_len=64
    extra=""
  fi
  log="$scratch/logs/$t.log"
  echo "== fuzz_$t: ${seconds}s, corpus $corpus"
  rc=0
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" $extra ${FUZZ_ARGS:-} \
    "$corpus" >"$log" 2>&1 || rc=$?
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|slowest_unit_time_sec|peak_rss_mb)' "$log" || true
  echo "corpus: $(find "$corpus" -type f | wc -l) inputs, $(du -sh --apparent-size "$corpus" | cut -f1)"
  if [ "$rc" -ne 0 ] || [ -n "$(ls -A "$artifacts")" ]; then
    echo "fuzz_$t: FAILED (exit $rc); log $log; artifacts:"
    ls -l "$artifacts"
    # The oracle's report (what failed, both sides, the input in hex) or the
    # sanitizer's, so that a CI log alone reproduces the finding.
    sed -n '/==== snapcheck fuzz oracle failed ====/,/^input (/p' "$log" | head -n 80
    grep -E -A 12 '^==[0-9]+==ERROR' "$log" | head -n 40 || true
    grep -E '^SUMMARY' "$log" | head -n 3 || true
    for a in "$artifacts"/*; do
      [ -f "$a" ] && echo "$(basename "$a") (hex): $(od -An -v -tx1 "$a" | tr -d ' \n' | cut -c1-8192)"
    done
    status=1
    failed="$failed $t"
    continue
  fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    python3 tests/fuzz/make_corpus.py --minimize "$t" --fuzzer "$build/tests/fuzz/fuzz_$t" \
      --max-len "$max_len" "$corpus"
  fi
done

echo "scratch folder: $scratch"
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: findings in:$failed"
else
  echo "fuzz.sh: no finding in: $targets"
fi
exit $status

#!/bin/sh
# The one command behind docs/performance.md: installs what is missing,
# builds the benchmarks (build-bench, buildtype=release, NDEBUG), runs
# bench_validate (snapcheck and its C++ peers), ajv in Node, the callgrind
# instruction counts, the compile-time comparison and the allocation test,
# then writes docs/performance.md and docs/performance.svg.
#   tools/bench/run.sh            full run (a few minutes)
#   tools/bench/run.sh --quick    short runs, to check the pipeline
# Results: benchmarks/results/*.json (inputs of tools/bench/report.py).
set -eu
cd "$(dirname "$0")/../.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1

SNAPCHECK_EXTRA_PACKAGES="libbenchmark-dev rapidjson-dev libvalijson-dev valgrind nlohmann-json3-dev libsimdjson-dev" . tools/deps.sh
if ! command -v node >/dev/null 2>&1; then
  echo "run.sh: installing nodejs npm"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq nodejs npm >/dev/null || echo "run.sh: no Node; ajv will be skipped" >&2
fi

build=build-bench
results=benchmarks/results
mkdir -p "$results"
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" -Dbenchmarks=enabled -Dbuildtype=release -Db_ndebug=if-release >/dev/null
else
  meson setup "$build" -Dbenchmarks=enabled -Dbuildtype=release -Db_ndebug=if-release >/dev/null
fi
ninja -C "$build" benchmarks/bench_validate benchmarks/callgrind_driver
# bench_json exists where the four JSON libraries are (meson builds it then).
json_bench=0
if ninja -C "$build" -t targets all 2>/dev/null | grep -q '^benchmarks/bench_json:'; then
  ninja -C "$build" benchmarks/bench_json
  json_bench=1
fi

if [ $quick = 1 ]; then
  bench_args="--benchmark_min_time=0.01 --benchmark_repetitions=1"
  ajv_args="--min-time 0.01 --repetitions 1"
  export CALLGRIND_N=20
else
  # Fifteen short repetitions in random order across all benchmarks: a
  # change in the shared machine's load during the run then shifts every
  # benchmark alike, where five long ones in a row could catch one alone.
  bench_args="--benchmark_min_time=0.1 --benchmark_repetitions=15 --benchmark_enable_random_interleaving=true"
  ajv_args="--min-time 0.3 --repetitions 5"
fi

echo "== bench_validate"
# shellcheck disable=SC2086
"$build/benchmarks/bench_validate" $bench_args --benchmark_display_aggregates_only=true \
  --benchmark_out="$results/bench.json" --benchmark_out_format=json

echo "== bench_json"
if [ $json_bench = 1 ]; then
  # shellcheck disable=SC2086
  "$build/benchmarks/bench_json" $bench_args --benchmark_display_aggregates_only=true \
    --benchmark_out="$results/bench_json.json" --benchmark_out_format=json
else
  echo "run.sh: nlohmann_json, simdjson, RapidJSON or Boost.JSON missing; bench_json skipped" >&2
  rm -f "$results/bench_json.json"
fi

echo "== ajv"
if command -v npm >/dev/null 2>&1; then
  (cd benchmarks/ajv && npm ci --no-audit --no-fund --silent)
  # shellcheck disable=SC2086
  node benchmarks/ajv/bench.mjs $ajv_args --out "$results/ajv.json"
else
  echo "run.sh: npm not found; ajv skipped" >&2
  rm -f "$results/ajv.json"
fi

echo "== callgrind"
tools/bench/callgrind.sh "$build" "$results/callgrind.json"

echo "== compile time"
tools/bench/compile_time.sh "$results/compile_time.json"

echo "== allocations"
# The test lives in tests/alloc (meson test no_alloc) once tests/meson.build
# includes it; here it is built on its own so the report never lacks it.
if ninja -C "$build" -t targets all 2>/dev/null | grep -q '^tests/alloc/no_alloc_test:'; then
  ninja -C "$build" tests/alloc/no_alloc_test >/dev/null
  "$build/tests/alloc/no_alloc_test" | tee "$results/alloc.txt" || true
else
  ${CXX:-g++} -std=c++20 -O2 -Iinclude -Ibenchmarks -DSNAPCHECK_BENCH_DATA="\"$PWD/benchmarks/data\"" \
    tests/alloc/no_alloc_test.cpp -o "$build/no_alloc_test"
  "$build/no_alloc_test" | tee "$results/alloc.txt" || true
fi

echo "== report"
python3 tools/bench/report.py --machine

#!/bin/sh
# CI smoke run of the benchmarks, so that they never rot: builds
# bench_validate (build-bench, release) with every peer whose package is
# installed, runs each benchmark briefly, and fails on any error, including a
# validator reaching the wrong verdict on a workload. Then ajv's script, once,
# when Node and npm are there. Takes a minute or two, mostly compiling.
#   tools/bench/smoke.sh
set -eu
cd "$(dirname "$0")/../.."
SNAPCHECK_EXTRA_PACKAGES="libbenchmark-dev rapidjson-dev libvalijson-dev" . tools/deps.sh

build=build-bench
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" -Dbenchmarks=enabled >/dev/null
else
  meson setup "$build" -Dbenchmarks=enabled -Dbuildtype=release -Db_ndebug=if-release >/dev/null
fi
ninja -C "$build" benchmarks/bench_validate

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$build/benchmarks/bench_validate" --benchmark_min_time=0.01 --benchmark_out="$out" --benchmark_out_format=json
count=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['benchmarks']))" "$out")
[ "$count" -gt 0 ] || { echo "bench smoke: no benchmark ran" >&2; exit 1; }

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  (cd benchmarks/ajv && npm ci --no-audit --no-fund --silent)
  node benchmarks/ajv/bench.mjs --min-time 0.01 --repetitions 1 >/dev/null
  echo "bench smoke: ajv ran"
else
  echo "bench smoke: no Node/npm, ajv skipped"
fi
echo "bench smoke: ok, $count benchmarks ran"

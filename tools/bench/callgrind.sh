#!/bin/sh
# Instructions per request, measured with valgrind --tool=callgrind: for each
# workload and validator, runs benchmarks/callgrind_driver with N requests and
# with 0, and reports (Ir(N) - Ir(0)) / N, so start-up and file reading cancel
# out. Instruction counts do not depend on the machine's load.
#   tools/bench/callgrind.sh [BUILD_DIR [OUT_JSON]]
# Defaults: build-bench, benchmarks/results/callgrind.json.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
out=${2:-benchmarks/results/callgrind.json}
n=${CALLGRIND_N:-200}
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
ninja -C "$build" benchmarks/callgrind_driver >/dev/null
driver="$build/benchmarks/callgrind_driver"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the total instruction count of one run of the driver.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$driver" "$1" "$2" "$3" >/dev/null 2>"$tmp/cg.err" \
    || { cat "$tmp/cg.err" >&2; exit 1; }
  awk '/^(summary|totals):/ { print $2; exit }' "$tmp/cg.out"
}

mkdir -p "$(dirname "$out")"
printf '{\n "n": %s,\n "valgrind": "%s",\n "results": [\n' "$n" "$(valgrind --version)" >"$tmp/json"
printf '%-9s %-28s %12s\n' workload validator "Ir/request"
sep=""
for w in W1:w1_typical W2:w2_max W3:w3_invalid; do
  id=${w%%:*}
  file=${w#*:}
  for mode in form_documented form_hardened params_documented params_hardened floor floor_params; do
    base=$(instructions "$mode" "$file" 0)
    full=$(instructions "$mode" "$file" "$n")
    per=$(( (full - base) / n ))
    case $mode in
      floor|floor_params) name=$mode ;;
      *) name=snapcheck_$mode ;;
    esac
    printf '%-9s %-28s %12s\n' "$id" "$name" "$per"
    printf '%s  {"name": "%s/%s", "instructions_per_request": %s}' "$sep" "$id" "$name" "$per" >>"$tmp/json"
    sep=",
"
  done
done
printf '\n ]\n}\n' >>"$tmp/json"
mv "$tmp/json" "$out"
echo "callgrind.sh: wrote $out"

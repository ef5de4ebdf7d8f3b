#!/bin/sh
# Compile time of a header-only library is part of its cost. Compiles two
# programs that do the same thing, validate one request and print the
# verdict, one with snapcheck (form body), one with RapidJSON's schema
# validator (schema file + JSON request); best of 3 for each, at -O0 and -O2,
# with each compiler found (g++, clang++). Prints seconds and the ratio
# snapcheck / RapidJSON (target: at most 0.5).
#   tools/bench/compile_time.sh [OUT_JSON]      (default benchmarks/results/compile_time.json)
set -eu
cd "$(dirname "$0")/../.."
out=${1:-benchmarks/results/compile_time.json}
[ -f /usr/include/rapidjson/schema.h ] || { echo "compile_time.sh: rapidjson-dev is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/with_snapcheck.cpp" <<'EOF'
// Validates the form body given as argument; prints the verdict.
#include <snapcheck/snapcheck.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto r = snapcheck::validate_form(argv[1]);
  std::puts(r.ok() ? "valid" : "invalid");
  return r.ok() ? 0 : 1;
}
EOF

cat >"$tmp/with_rapidjson.cpp" <<'EOF'
// Validates the JSON request given as argument against the schema file;
// prints the verdict.
#include <rapidjson/document.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/schema.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  std::FILE* f = std::fopen(argv[1], "rb");
  if (!f) return 2;
  char buffer[4096];
  rapidjson::FileReadStream in(f, buffer, sizeof buffer);
  rapidjson::Document schema_dom;
  schema_dom.ParseStream(in);
  std::fclose(f);
  if (schema_dom.HasParseError()) return 2;
  const rapidjson::SchemaDocument schema(schema_dom);
  rapidjson::Document request;
  if (request.Parse(argv[2]).HasParseError()) return 2;
  rapidjson::SchemaValidator validator(schema);
  const bool ok = request.Accept(validator) && validator.IsValid();
  std::puts(ok ? "valid" : "invalid");
  return ok ? 0 : 1;
}
EOF

# Prints the best of 3 wall-clock times (seconds) of compiling one file.
best_of_3() {
  python3 - "$@" <<'EOF'
import subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True)
    d = time.perf_counter() - t
    best = d if best is None or d < best else best
print(f"{best:.3f}")
EOF
}

mkdir -p "$(dirname "$out")"
printf '{\n "results": [\n' >"$tmp/json"
printf '%-12s %-4s %12s %12s %8s\n' compiler opt snapcheck rapidjson ratio
sep=""
for cxx in g++ clang++; do
  command -v "$cxx" >/dev/null || continue
  version=$("$cxx" --version | head -n 1)
  for opt in -O0 -O2; do
    s=$(best_of_3 "$cxx" -std=c++20 "$opt" -Iinclude -c "$tmp/with_snapcheck.cpp" -o "$tmp/s.o")
    r=$(best_of_3 "$cxx" -std=c++20 "$opt" -c "$tmp/with_rapidjson.cpp" -o "$tmp/r.o")
    ratio=$(python3 -c "print(f'{$s / $r:.2f}')")
    printf '%-12s %-4s %11ss %11ss %8s\n' "$cxx" "$opt" "$s" "$r" "$ratio"
    printf '%s  {"compiler": "%s", "version": "%s", "flags": "-std=c++20 %s -c", "snapcheck_s": %s, "rapidjson_s": %s, "ratio": %s}' \
      "$sep" "$cxx" "$version" "$opt" "$s" "$r" "$ratio" >>"$tmp/json"
    sep=",
"
  done
done
printf '\n ]\n}\n' >>"$tmp/json"
mv "$tmp/json" "$out"
echo "compile_time.sh: wrote $out"

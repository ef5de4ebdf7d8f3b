#!/bin/sh
# Drop-in use: every header alone, and the programs of examples/, compile
# with nothing but the include path, under -fno-exceptions -fno-rtti and the
# strict warning set, with each of g++ and clang++ found on PATH; the
# examples run successfully. Below C++20 the entry headers stop with one
# error that names the standard needed.
#
#   tests/dropin/check.sh SOURCE-ROOT
#
# Prints what it compiles and runs; the last line is "N passed, M failed".
set -u

if [ $# -ne 1 ] || [ ! -d "$1/include/snapcheck" ]; then
  echo "usage: $0 SOURCE-ROOT (the folder that holds include/snapcheck)"
  echo "0 passed, 1 failed"
  exit 2
fi
root=$1
examples=$root/examples
flags="-std=c++20 -I $root/include -fno-exceptions -fno-rtti -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"

work=$(mktemp -d "${TMPDIR:-/tmp}/snapcheck-dropin.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

compilers=0
for cxx in g++ clang++; do
  if ! command -v "$cxx" >/dev/null 2>&1; then
    echo "skip $cxx: not found on PATH"
    continue
  fi
  compilers=$((compilers + 1))
  # Every header compiles on its own: a user may include just the one needed.
  alone=0
  for header in $(cd "$root/include" && find snapcheck -name '*.hpp' | sort); do
    echo "#include <$header>" >"$work/alone.cpp"
    # shellcheck disable=SC2086 # flags is a list of words on purpose
    if ! "$cxx" $flags -fsyntax-only "$work/alone.cpp"; then
      fail "$cxx/$header/compiles alone"
      alone=$((alone + 1))
    fi
  done
  [ "$alone" -eq 0 ] && pass "$cxx/every header compiles alone"
  # Below C++20: exactly one error, the #error of version.hpp.
  for header in snapcheck/snapcheck.hpp snapcheck/strings.hpp; do
    echo "#include <$header>" >"$work/old.cpp"
    "$cxx" -std=c++17 -I "$root/include" -fsyntax-only "$work/old.cpp" >"$work/old.log" 2>&1
    status=$?
    errors=$(grep -c 'error:' "$work/old.log")
    if [ "$status" -ne 0 ] && [ "$errors" -eq 1 ] && grep -q 'needs C++20' "$work/old.log"; then
      pass "$cxx/$header/-std=c++17: one error naming C++20"
    else
      cat "$work/old.log"
      fail "$cxx/$header/-std=c++17: one error naming C++20 (exit $status, $errors error lines)"
    fi
  done
  # The generated one-file header (tools/amalgamate.py) in place of include/:
  # it holds what strings.hpp gives.
  for example in server client; do
    sed 's|#include <snapcheck/strings.hpp>|#include <snapcheck/snapcheck.hpp>|' "$examples/$example.cpp" >"$work/single_$example.cpp"
    bin=$work/single-$example-$cxx
    # shellcheck disable=SC2086 # flags is a list of words on purpose
    if "$cxx" $(echo "$flags" | sed "s|-I $root/include|-I $root/single_include|") "$work/single_$example.cpp" -o "$bin" &&
       "$bin" >/dev/null; then
      pass "$cxx/single_include/$example compiles and runs"
    else
      fail "$cxx/single_include/$example compiles and runs"
    fi
  done
  for example in server client; do
    src=$examples/$example.cpp
    bin=$work/$example-$cxx
    echo "compile: $cxx $flags $src -o $bin"
    # shellcheck disable=SC2086 # flags is a list of words on purpose
    if "$cxx" $flags "$src" -o "$bin"; then
      pass "$cxx/$example/compiles"
    else
      fail "$cxx/$example/compiles"
      continue
    fi
    echo "run: $bin"
    "$bin"
    status=$?
    if [ "$status" -eq 0 ]; then
      pass "$cxx/$example/runs (exit 0)"
    else
      fail "$cxx/$example/runs (exit $status)"
    fi
  done
done

if [ "$compilers" -eq 0 ]; then
  fail "no C++ compiler (g++ or clang++) found on PATH"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Guards that must stop a mistake at compile time (or, for a precondition,
# in a debug run). Each file here compiles and runs cleanly as written, and
# with -DSNAPCHECK_BREAK (the mistake) it must
#   fail to compile with an error matching its "// expect: REGEX" line, or
#   compile and fail at run time with stderr matching "// expect-run: REGEX".
# A "// compilers: NAME..." line limits the compilers (clang's lifetimebound).
# Flags: C++20, the strict warning set and -Werror, no NDEBUG.
#
#   tests/compile_fail/check.sh SOURCE-ROOT
#
# Prints PASS/FAIL lines; the last line is "N passed, M failed".
set -u
if [ $# -ne 1 ] || [ ! -d "$1/include/snapcheck" ]; then
  echo "usage: $0 SOURCE-ROOT"
  echo "0 passed, 1 failed"
  exit 2
fi
root=$1
here=$root/tests/compile_fail
flags="-std=c++20 -I $root/include -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"
work=$(mktemp -d "${TMPDIR:-/tmp}/snapcheck-compile-fail.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# Prints the text after "// KEY: " in file $1, if any.
header() { sed -n "s|^// $2: ||p" "$1" | head -n 1; }

for src in "$here"/*.cpp; do
  name=$(basename "$src" .cpp)
  expect=$(header "$src" expect)
  expect_run=$(header "$src" expect-run)
  compilers=$(header "$src" compilers)
  if [ -z "$expect$expect_run" ]; then
    fail "$name: no '// expect:' or '// expect-run:' line"
    continue
  fi
  for cxx in ${compilers:-g++ clang++}; do
    if ! command -v "$cxx" >/dev/null 2>&1; then
      fail "$cxx/$name: $cxx not found on PATH"
      continue
    fi
    # As written: compiles without a warning and runs with exit 0.
    # shellcheck disable=SC2086 # flags is a list of words on purpose
    if "$cxx" $flags "$src" -o "$work/ok" >"$work/log" 2>&1 && "$work/ok" >>"$work/log" 2>&1; then
      pass "$cxx/$name: compiles and runs as written"
    else
      cat "$work/log"
      fail "$cxx/$name: compiles and runs as written"
      continue
    fi
    # The mistake.
    # shellcheck disable=SC2086
    "$cxx" $flags -DSNAPCHECK_BREAK "$src" -o "$work/broken" >"$work/log" 2>&1
    built=$?
    if [ -n "$expect" ]; then
      if [ "$built" -ne 0 ] && grep -Eq "$expect" "$work/log"; then
        pass "$cxx/$name: the mistake does not compile ($(grep -Em1 "$expect" "$work/log" | cut -c1-150))"
      else
        cat "$work/log"
        fail "$cxx/$name: the mistake does not compile with an error matching '$expect'"
      fi
    else
      if [ "$built" -ne 0 ]; then
        cat "$work/log"
        fail "$cxx/$name: the mistake compiles (it is checked at run time)"
      elif "$work/broken" >"$work/log" 2>&1; then
        fail "$cxx/$name: the mistake stops the run with '$expect_run' (it ran to the end)"
      elif grep -Eq "$expect_run" "$work/log"; then
        pass "$cxx/$name: the mistake stops the run ($(grep -Em1 "$expect_run" "$work/log" | cut -c1-150))"
      else
        cat "$work/log"
        fail "$cxx/$name: the mistake stops the run with a message matching '$expect_run'"
      fi
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Consumer tests: the README's C++ programs built by a tiny project that takes
# snapcheck each way a user would, from a clean copy of this source tree:
#
#   meson-subproject   subprojects/snapcheck/ holds the copy; dependency('snapcheck')
#   meson-wrap         subprojects/snapcheck.wrap, wrap-git pointing at a local clone
#   cmake-subdirectory add_subdirectory() of the copy, snapcheck::snapcheck
#   cmake-fetchcontent FetchContent_MakeAvailable from a local clone
#   cmake-find-package find_package(snapcheck CONFIG) in a DESTDIR install made by CMake
#   pkg-config         pkg-config --cflags snapcheck in a DESTDIR install made by meson
#   include-path       plain -I include
#   single-header      -I single_include (the generated one-file header)
#
# The meson ones also check that an embedded snapcheck installs nothing into
# the consumer's prefix, and the installs that they hold the licence.
#
#   tests/consumers/run.sh SOURCE-ROOT [WAY...]
#
# The clean copy is every file git tracks or would track (.gitignore'd build
# folders left out), committed into a fresh repository that serves as the
# "local clone". Needs git, meson, ninja, cmake, pkg-config and a C++20
# compiler ($CXX, else c++). Prints PASS/FAIL lines; the last line is
# "N passed, M failed".
set -u

if [ $# -lt 1 ] || [ ! -f "$1/include/snapcheck/snapcheck.hpp" ]; then
  echo "usage: $0 SOURCE-ROOT [WAY...]"
  echo "0 passed, 1 failed"
  exit 2
fi
root=$(cd "$1" && pwd)
shift
ways=${*:-meson-subproject meson-wrap cmake-subdirectory cmake-fetchcontent cmake-find-package pkg-config include-path single-header}
cxx=${CXX:-c++}
strict="-Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"

work=$(mktemp -d "${TMPDIR:-/tmp}/snapcheck-consumers.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
# Runs a command, printing it and its output, and says whether it succeeded.
step() {
  echo "+ $*"
  "$@"
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

for tool in git meson ninja cmake pkg-config "$cxx"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    fail "setup/$tool is on PATH"
    finish
  fi
done

# The clean copy, as a git repository: $work/clone.
clone=$work/clone
mkdir -p "$clone"
if ! (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 sh -c '
        for f do [ -f "$f" ] && printf "%s\0" "$f"; done' sh | tar --null -T - -cf -) | tar -xf - -C "$clone"; then
  fail "setup/clean copy of $root"
  finish
fi
if ! (cd "$clone" && git init -q -b main && git add -A &&
      git -c user.name=consumer-test -c user.email=consumer-test@localhost commit -q -m "clean copy"); then
  fail "setup/git repository of the clean copy"
  finish
fi
revision=$(git -C "$clone" rev-parse HEAD)

# The README's programs.
snippets=$work/snippets
if ! python3 "$clone/tools/readme_snippets.py" "$clone/README.md" "$snippets" >"$work/snippets.list"; then
  fail "setup/README snippets extracted"
  finish
fi
programs=$(sed 's/\.cpp$//' "$work/snippets.list")
pass "setup/README snippets extracted: $(echo $programs)"

# Writes the consumer's sources: src/<program>.cpp for each README program.
sources() {
  mkdir -p "$1/src"
  for p in $programs; do cp "$snippets/$p.cpp" "$1/src/$p.cpp"; done
}

# Runs each program in folder $2 (named <program> there); $1 names the way.
run_programs() {
  for p in $programs; do
    if [ ! -x "$2/$p" ]; then
      fail "$1/$p built"
      continue
    fi
    if "$2/$p" >"$work/out" 2>&1; then
      pass "$1/$p runs (exit 0)"
    else
      cat "$work/out"
      fail "$1/$p runs"
    fi
  done
}

meson_project() {  # $1 folder; writes meson.build taking dependency('snapcheck')
  sources "$1"
  {
    echo "project('consumer', 'cpp', default_options : ['cpp_std=c++20', 'warning_level=3', 'werror=true'])"
    echo "snapcheck = dependency('snapcheck')"
    for p in $programs; do
      echo "executable('$p', 'src/$p.cpp', dependencies : snapcheck, install : true)"
    done
  } >"$1/meson.build"
}

meson_build() {  # $1 way, $2 folder: build, run, and check what an install holds
  if ! step meson setup "$2/build" "$2" --prefix=/usr/local >"$work/log" 2>&1 ||
     ! step ninja -j1 -C "$2/build" >>"$work/log" 2>&1; then
    cat "$work/log"
    fail "$1/builds"
    return
  fi
  pass "$1/builds"
  run_programs "$1" "$2/build"
  if ! DESTDIR="$2/destdir" meson install -C "$2/build" >"$work/log" 2>&1; then
    cat "$work/log"
    fail "$1/installs"
  elif [ -e "$2/destdir/usr/local/include/snapcheck" ] || [ -e "$2/destdir/usr/local/share/pkgconfig/snapcheck.pc" ]; then
    find "$2/destdir"
    fail "$1/the embedded snapcheck installs nothing into the consumer's prefix"
  else
    pass "$1/the embedded snapcheck installs nothing into the consumer's prefix"
  fi
}

cmake_project() {  # $1 folder, $2 the lines that make snapcheck::snapcheck
  sources "$1"
  {
    echo "cmake_minimum_required(VERSION 3.14)"
    echo "project(consumer LANGUAGES CXX)"
    printf '%s\n' "$2"
    for p in $programs; do
      echo "add_executable($p src/$p.cpp)"
      echo "target_link_libraries($p PRIVATE snapcheck::snapcheck)"
      echo "target_compile_options($p PRIVATE $strict)"
    done
  } >"$1/CMakeLists.txt"
}

cmake_build() {  # $1 way, $2 folder, then extra configure arguments
  way=$1
  dir=$2
  shift 2
  # No CMAKE_CXX_STANDARD: C++20 must come from the target.
  if ! step cmake -S "$dir" -B "$dir/build" -G Ninja "$@" >"$work/log" 2>&1 ||
     ! step cmake --build "$dir/build" -j 1 >>"$work/log" 2>&1; then
    cat "$work/log"
    fail "$way/builds"
    return
  fi
  pass "$way/builds"
  run_programs "$way" "$dir/build"
}

for way in $ways; do
  dir=$work/$way
  mkdir -p "$dir"
  echo "=== $way"
  case $way in
    meson-subproject)
      meson_project "$dir"
      mkdir -p "$dir/subprojects"
      cp -R "$clone" "$dir/subprojects/snapcheck"
      meson_build "$way" "$dir"
      ;;
    meson-wrap)
      meson_project "$dir"
      mkdir -p "$dir/subprojects"
      cat >"$dir/subprojects/snapcheck.wrap" <<WRAP
[wrap-git]
url = $clone
revision = $revision
depth = 1

[provide]
snapcheck = snapcheck_dep
WRAP
      meson_build "$way" "$dir"
      ;;
    cmake-subdirectory)
      cp -R "$clone" "$dir/snapcheck"
      cmake_project "$dir" "add_subdirectory(snapcheck)"
      cmake_build "$way" "$dir"
      ;;
    cmake-fetchcontent)
      cmake_project "$dir" "include(FetchContent)
FetchContent_Declare(snapcheck GIT_REPOSITORY \"$clone\" GIT_TAG $revision)
FetchContent_MakeAvailable(snapcheck)"
      cmake_build "$way" "$dir"
      ;;
    cmake-find-package)
      dest=$work/cmake-destdir
      if ! step cmake -S "$clone" -B "$work/cmake-install-build" -DCMAKE_INSTALL_PREFIX=/usr/local >"$work/log" 2>&1 ||
         ! DESTDIR=$dest step cmake --install "$work/cmake-install-build" >>"$work/log" 2>&1; then
        cat "$work/log"
        fail "$way/CMake installs snapcheck"
        continue
      fi
      for f in include/snapcheck/snapcheck.hpp include/snapcheck/version.hpp share/cmake/snapcheck/snapcheck-config.cmake \
               share/cmake/snapcheck/snapcheck-config-version.cmake share/pkgconfig/snapcheck.pc share/doc/snapcheck/LICENSE; do
        [ -f "$dest/usr/local/$f" ] || { fail "$way/the install holds $f"; continue 2; }
      done
      pass "$way/the CMake install holds headers, package files, snapcheck.pc and LICENSE"
      cmake_project "$dir" "find_package(snapcheck 0.1 CONFIG REQUIRED)"
      cmake_build "$way" "$dir" "-DCMAKE_PREFIX_PATH=$dest/usr/local"
      ;;
    pkg-config)
      dest=$work/meson-destdir
      # Without Boost.Test, examples or benchmarks: what a packager runs.
      if ! step meson setup "$work/meson-install-build" "$clone" --prefix=/usr/local -Dtests=false -Dexamples=false \
             -Dbenchmarks=disabled >"$work/log" 2>&1 ||
         ! DESTDIR=$dest step meson install -C "$work/meson-install-build" >>"$work/log" 2>&1; then
        cat "$work/log"
        fail "$way/meson installs snapcheck with -Dtests=false"
        continue
      fi
      pass "$way/meson installs snapcheck with -Dtests=false"
      [ -f "$dest/usr/local/share/doc/snapcheck/LICENSE" ] && pass "$way/the meson install holds LICENSE" ||
        fail "$way/the meson install holds LICENSE"
      cflags=$(PKG_CONFIG_PATH=$dest/usr/local/share/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest pkg-config --cflags snapcheck)
      version=$(PKG_CONFIG_PATH=$dest/usr/local/share/pkgconfig pkg-config --modversion snapcheck)
      cflags=$(echo $cflags)  # without pkg-config's trailing space
      echo "pkg-config --cflags snapcheck: $cflags (version $version)"
      [ "$cflags" = "-I$dest/usr/local/include" ] && pass "$way/--cflags names the installed include folder" ||
        fail "$way/--cflags names the installed include folder (got '$cflags')"
      for p in $programs; do
        # shellcheck disable=SC2086 # cflags and strict are lists of words
        step "$cxx" -std=c++20 $strict $cflags "$snippets/$p.cpp" -o "$dir/$p" >"$work/log" 2>&1 || cat "$work/log"
      done
      run_programs "$way" "$dir"
      ;;
    include-path | single-header)
      sources "$dir"
      inc=$clone/include
      if [ "$way" = single-header ]; then
        # The one file holds all that strings.hpp gives.
        inc=$clone/single_include
        sed -i 's|#include <snapcheck/strings.hpp>|#include <snapcheck/snapcheck.hpp>|' "$dir"/src/*.cpp
      fi
      for p in $programs; do
        # shellcheck disable=SC2086 # strict is a list of words
        step "$cxx" -std=c++20 $strict -I "$inc" "$dir/src/$p.cpp" -o "$dir/$p" >"$work/log" 2>&1 || cat "$work/log"
      done
      run_programs "$way" "$dir"
      ;;
    *)
      fail "unknown way '$way'"
      ;;
  esac
done
finish

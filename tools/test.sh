#!/bin/sh
# The whole test suite: unit tests (Boost.Test, including the conformance
# cases through both entry points), the CLI, drop-in builds with g++ and
# clang++, and the README's programs in consumer projects (CMake, meson,
# pkg-config). Ends with one line: "tests: N passed, M failed".
set -eu
cd "$(dirname "$0")/.."
SNAPCHECK_EXTRA_PACKAGES="clang cmake pkg-config git nlohmann-json3-dev libsimdjson-dev rapidjson-dev" . tools/deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build
status=0
meson test -C build --print-errorlogs || status=$?
python3 tools/test_summary.py build/meson-logs/testlog.json
exit $status

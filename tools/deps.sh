#!/bin/sh
# Installs what building and testing snapcheck needs, if it is missing
# (Debian or Ubuntu). Sourced by tools/demo.sh and tools/test.sh.
need=""
command -v meson >/dev/null 2>&1 || need="$need meson"
command -v ninja >/dev/null 2>&1 || need="$need ninja-build"
command -v g++ >/dev/null 2>&1 || need="$need g++"
command -v python3 >/dev/null 2>&1 || need="$need python3"
# Boost.Test, and Boost.JSON for the JSON adapters' tests: on Debian 12 only
# Boost 1.81 has Boost.JSON, and its headers conflict with the default 1.74
# ones, so both come from 1.81 there (apt removes a 1.74 libboost-test-dev);
# elsewhere the distribution's default set.
if [ ! -f /usr/include/boost/test/unit_test.hpp ] || [ ! -f /usr/include/boost/json.hpp ]; then
  if apt-cache show libboost-json1.81-dev >/dev/null 2>&1; then
    need="$need libboost-test1.81-dev libboost-json1.81-dev"
  elif apt-cache show libboost-json-dev >/dev/null 2>&1; then
    need="$need libboost-test-dev libboost-json-dev"
  else
    [ -f /usr/include/boost/test/unit_test.hpp ] || need="$need libboost-test-dev"
  fi
fi
# the schema test (tests/schema_crosscheck_test.py) validates with Python's jsonschema
python3 -c "import jsonschema" >/dev/null 2>&1 || need="$need python3-jsonschema"
for extra in ${SNAPCHECK_EXTRA_PACKAGES:-}; do
  dpkg -s "$extra" >/dev/null 2>&1 || need="$need $extra"
done
if [ -n "$need" ]; then
  echo "snapcheck: installing:$need"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null \
    || { echo "snapcheck: could not install:$need" >&2; exit 1; }
fi

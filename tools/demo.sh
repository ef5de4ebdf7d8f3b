#!/bin/sh
# The main job: build the CLI and validate a few real CreateSnapshot request
# bodies, one valid and several invalid, printing each verdict.
set -eu
cd "$(dirname "$0")/.."
. tools/deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build snapcheck >/dev/null

run() {
  printf '\n$ snapcheck %s%s\n' "$1" "$2"
  # shellcheck disable=SC2086
  build/snapcheck $1 "$2" | python3 -m json.tool --no-ensure-ascii || true
}
echo "A valid request:"
run "" 'regionId=cn-hangzhou&DiskId=d-bp1s5fnvk4gn2tws0abc&SnapshotName=nightly-%E5%A4%87%E4%BB%BD&Description=Before+upgrade&Category=Standard&RetentionDays=30&ClientToken=123e4567-e89b-12d3-a456-426655440000&Tag.1.Key=env&Tag.1.Value=prod'
echo "Invalid: a name that starts with a digit and holds a space, a link in a tag, a bad category:"
run "" 'regionId=cn-hangzhou&DiskId=d-1&SnapshotName=2024+backup&Tag.1.Key=see+https://example.com&Category=standard'
echo "Invalid: the required DiskId is missing, RetentionDays out of range, a misspelt parameter:"
run "" 'regionId=cn-hangzhou&RetentionDays=70000&SnapshotNmae=x'
echo "Invalid: a tag value without its key, a duplicate tag key, bad percent-encoding:"
run "" 'regionId=cn-hangzhou&DiskId=d-1&Tag.1.Key=team&Tag.2.Key=team&Tag.3.Value=orphan&Description=100%'
echo "Invalid under the hardened profile: an unknown parameter, a control character, a bad date:"
run "--profile hardened " 'regionId=cn-hangzhou&DiskId=d-1&Signature=abc&Description=line%0Abreak&version=2016-02-30'

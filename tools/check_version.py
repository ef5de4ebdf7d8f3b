#!/usr/bin/env python3
"""Checks that the version is the same everywhere it is written: meson.build,
CMakeLists.txt, include/snapcheck/version.hpp (the three numbers and the
string) and the first entry of CHANGELOG.md.

Usage: python3 tools/check_version.py [SOURCE-ROOT]

Prints each place and its version, then "N passed, M failed"; exits 1 when
they differ or one cannot be read.
"""
import pathlib
import re
import sys


def read(root, name, pattern, flags=0):
    text = (root / name).read_text(encoding="utf-8")
    m = re.search(pattern, text, flags)
    return m.groups() if m else None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    found = {}
    m = read(root, "meson.build", r"project\(\s*'snapcheck'.*?version\s*:\s*'([^']+)'", re.S)
    found["meson.build project version"] = m[0] if m else None
    m = read(root, "CMakeLists.txt", r"project\(\s*snapcheck\s+VERSION\s+([0-9.]+)")
    found["CMakeLists.txt project VERSION"] = m[0] if m else None
    header = "include/snapcheck/version.hpp"
    parts = [read(root, header, r"#define SNAPCHECK_VERSION_%s (\d+)" % p) for p in ("MAJOR", "MINOR", "PATCH")]
    found[header + " MAJOR.MINOR.PATCH"] = ".".join(p[0] for p in parts) if all(parts) else None
    m = read(root, header, r'#define SNAPCHECK_VERSION_STRING "([^"]+)"')
    found[header + " SNAPCHECK_VERSION_STRING"] = m[0] if m else None
    m = read(root, "CHANGELOG.md", r"^## ([0-9]+\.[0-9]+\.[0-9]+)", re.M)
    found["CHANGELOG.md first entry"] = m[0] if m else None

    expected = found["meson.build project version"]
    passed = failed = 0
    for place, version in found.items():
        if version is not None and version == expected:
            passed += 1
            print("PASS %s: %s" % (place, version))
        else:
            failed += 1
            print("FAIL %s: %s (meson.build says %s)" % (place, version, expected))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

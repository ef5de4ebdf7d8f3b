#!/usr/bin/env python3
"""Prints one closing line for a meson test run: 'tests: N passed, M failed'.

Counts Boost.Test cases from the unit executable's own report and the
script tests' 'N passed, M failed' lines, so the figure is the number of
checks that ran, not the number of meson targets.
"""
import json
import re
import sys

passed = failed = 0
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    t = json.loads(line)
    out = t.get('stdout', '') + t.get('stderr', '')
    ok = t.get('result') == 'OK'
    m = re.search(r'(\d+) test cases? out of (\d+) (?:passed|failed)', out)
    boost_pass = re.search(r'has passed with:\s*\n?\s*(\d+) test cases? out of (\d+) passed', out)
    plain = re.findall(r'^(?:[\w-]+: )?(\d+) passed, (\d+) failed', out, re.M)
    if boost_pass:
        passed += int(boost_pass.group(1))
    elif m:
        fails = re.search(r'(\d+) test cases? out of (\d+) failed', out)
        total = int(m.group(2))
        bad = int(fails.group(1)) if fails else (0 if ok else 1)
        passed += total - bad
        failed += bad
    elif plain:
        passed += int(plain[-1][0])
        failed += int(plain[-1][1])
    else:
        passed += ok
        failed += not ok
print(f'tests: {passed} passed, {failed} failed')

#!/usr/bin/env python3
"""snapcheck --encode [--sorted] (SPEC §8, §10), checked against Python's own
urllib.parse.quote(safe='-_.~') on the same objects: one body per line, in
the object's order or byte-wise by encoded name (stable), exit 0; exit 2 when
a line is not a JSON object of string values (an empty line is printed for it).

usage: cli_encode_test.py SNAPCHECK
"""
import json
import subprocess
import sys
import urllib.parse

OBJECTS = [
    [("regionId", "cn hz"), ("DiskId", "d-1"), ("Tag.1.Key", "a+b中~*"), ("Tag.1.Value", "")],
    [("b", "1"), ("a", "2"), ("%", "3"), ("a", "dup"), ("a b", "x"), ("a-b", "y")],
    [("SnapshotName", "😀 & = ? / \u0000 \x7f é")],
    [],
]


def enc(s):
    return urllib.parse.quote(s.encode("utf-8"), safe="-_.~")


def body(pairs, sorted_):
    if sorted_:
        pairs = sorted(pairs, key=lambda kv: enc(kv[0]))  # stable
    return "&".join(enc(k) + "=" + enc(v) for k, v in pairs)


def line_of(pairs):
    return "{" + ",".join(json.dumps(k) + ":" + json.dumps(v) for k, v in pairs) + "}"


failures = 0


def expect(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    failures += 0 if cond else 1


def run(cli, args, text):
    p = subprocess.run([cli] + args, input=text.encode("utf-8"), capture_output=True)
    return p.returncode, p.stdout.decode("utf-8")


def main():
    cli = sys.argv[1]
    text = "\n".join(line_of(o) for o in OBJECTS) + "\n"
    for args, sorted_ in (([], False), (["--sorted"], True)):
        rc, out = run(cli, ["--encode"] + args, text)
        want = "".join(body(o, sorted_) + "\n" for o in OBJECTS)
        expect(rc == 0 and out == want, "--encode %s: %d lines as urllib encodes them" % (" ".join(args), len(OBJECTS)))
    rc, out = run(cli, ["--encode"], '{"a":"1"}\n[1]\n{"a":1}\n{"a":"\\ud800"}\n{"a":"2"}')
    expect(rc == 2 and out == "a=1\n\n\n\na=2\n", "lines that are not objects of strings: exit 2, an empty line each")
    rc, _ = run(cli, ["--sorted", "-"], "")
    expect(rc == 2, "--sorted without --encode is a usage error")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets in tests/fuzz/corpus/<target>/.

Seeds come from three places:
  - the conformance cases (tests/data/cases.jsonl): for each kind of case
    (the name before '#', e.g. "len/Tag.1.Key/0"), the smallest body (a
    case with a query string: the query, '&', the body: SPEC §2.5 makes
    them one sequence);
  - the benchmark workloads (*.form in the bench folder, default
    /work/shared/bench or ../shared/bench beside the repository), if found;
  - a few hand-made edge cases (below).

Files are named seed-*. Other files in a corpus folder (regression-* inputs
that once found a bug, and inputs merged in from fuzzing runs) are left
alone; --clean removes every seed-* file first (never a regression-* one).
--out DIR writes the seeds to DIR/<target>/ instead (tools/fuzz.sh adds them
to each run's scratch corpus that way; the committed corpus holds the seeds
that a minimal merge kept, see docs/fuzzing.md).

Formats: `form`, `differential_entry` and `differential_reference` take a form
body as is. `params` takes a flags byte and then the decoded pairs, separated
by 0x1E, name and value by 0x1F, 0x1B escaping the next byte (see params.cpp).
`constexpr_runtime` takes bytes that pick its fixed (body, options) pairs.
`round_trip` takes a flags byte and then records separated by 0x1E, each a
byte that picks a member of the typed request (its index in writing order,
ROUND_TRIP_MEMBERS below; any byte picks some member) and the value, 0x1B
escaping the next byte (see round_trip.cpp).

Minimising (tools/fuzz.sh with FUZZ_MERGE=1 does this):
  make_corpus.py --minimize TARGET --fuzzer BIN [--max-len N] [--max-files N] DIR...
replaces the committed corpus of TARGET with a small set of inputs, taken
from the committed corpus, the seeds and DIRs, that reaches the coverage
edges any of them reaches: libFuzzer's merge (-use_counters=0) picks
candidates, then each candidate's edges are measured on its own and a greedy
set cover keeps the inputs that add the most new edges (the smaller on a
tie), until every edge is reached or --max-files (default 85) are kept: the
last inputs of a cover add an edge or two each, and the corpora must stay
small (six targets, under 2 MB on disk in all). regression-* files and
the hand-made seed-edge-* seeds are always kept, on top of the cap: they
hold the shapes SPEC names (version 2's SDK requests, equal repeats,
allow-listed names, ...), whose oracle checks coverage edges do not see.
A kept file keeps its name when it is one
already (a seed or a committed input); otherwise it is fuzz-<sha1>.

usage: tests/fuzz/make_corpus.py [--clean] [--bench DIR] [--out DIR]
       tests/fuzz/make_corpus.py --minimize TARGET --fuzzer BIN [--max-len N] [--max-files N] DIR...
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(ROOT, "tests", "data", "cases.jsonl")
CORPUS = os.path.join(HERE, "corpus")
BODY_TARGETS = ["form", "differential_entry", "differential_reference", "render"]

# Hand-made bodies: the edges of §2 (splitting, decoding) and of the limits.
EDGE_BODIES = {
    "empty": b"",
    "ampersands": b"&&&&",
    "equals": b"====",
    "lone-percent": b"%",
    "percent-at-end": b"regionId=cn&DiskId=d%4",
    "plus-and-escapes": b"regionId=c+n&DiskId=%64%2D%31&Description=a+%2B+b",
    "empty-name": b"=x&regionId=cn&DiskId=d",
    "no-equals": b"regionId&DiskId",
    "parameters-1024": b"&".join([b"regionId=cn", b"DiskId=d"] + [b"x"] * 1022),
    "parameters-1025": b"&".join([b"regionId=cn", b"DiskId=d"] + [b"x"] * 1023),
    "violations-65": b"&".join([b"Tag.1.Key=k"] + [b"Tag.%d.Value=acs:" % n for n in range(1, 21)] * 4),
    "all-tags-max": b"&".join(
        b"Tag.%d.Key=%s&Tag.%d.Value=%s" % (n, b"k" * 128, n, b"%E4%B8%AD" * 128) for n in range(1, 21)),
    "retention-digits": b"regionId=cn&DiskId=d&RetentionDays=" + b"0" * 300 + b"7",
    "astral-name": b"regionId=cn&DiskId=d&SnapshotName=%F0%B3%91%B9%F0%B3%91%BA",
    "overlong-name": b"%C0%AF=x&%ED%A0%80=y&%F4%90%80%80=z",
    "near-names": b"RegionId=a&diskid=b&regoId=x&Snapshotname=y&Tag1Key=z&Tag.Key=w&clientToken=t&Categroy=c",
    "category-case": b"regionId=cn&DiskId=d&Category=fLASH",
    "hardened-allowed": b"Signature=s&SignatureMethod=HMAC&regionId=cn&DiskId=d",
    # SPEC v2: what SDKs send (§2.5, §3.1, §3.2), equal repeats (§3), the
    # silent allow-list (§5; the targets allow "Signature" and "x-acs-action").
    "sdk-query": b"Format=JSON&Version=2014-05-26&AccessKeyId=LTAI4Fxyz&SignatureMethod=HMAC-SHA1"
                 b"&Timestamp=2016-02-23T12%3A46%3A24Z&SignatureVersion=1.0"
                 b"&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Action=CreateSnapshot"
                 b"&RegionId=cn-hangzhou&DiskId=d-1&SecurityToken=&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D",
    "sdk-both-spellings": b"RegionId=cn&Version=2014-05-26&regionId=cn&version=2014-05-27&DiskId=d",
    "repeat-equal": b"regionId=cn&DiskId=d&DiskId=d&DiskId=%64&DiskId=e&Tag.1.Key=k&Tag.1.key=k"
                    b"&Tag.1.Key=%6B&Category=Flash&Category=%ZZ&version=&version=",
    "allow-listed": b"x-acs-action=1&Signature=s&x-acs-action=%ZZ&X-Acs-Action=2&regionId=cn&DiskId=d",
    "common-bad": b"Action=createsnapshot&Format=xMl&SignatureMethod=HMAC-SHA256&SignatureVersion=1"
                  b"&Timestamp=2023-02-29T24%3A00%3A00Z&AccessKeyId=a+b&SecurityToken=%E4%B8%AD"
                  b"&SignatureType=%7F&SignatureNonce=%C0%AF&regionId=cn&DiskId=d",
    "timestamps": b"Timestamp=0000-01-01T00%3A00%3A00Z&regionId=cn&DiskId=d&Timestamp=2024-02-29T23%3A59%3A59Z",
    "common-long": b"Signature=" + b"A" * 257 + b"&SecurityToken=" + b"t" * 8193 + b"&regionId=cn&DiskId=d",
    "code-point-suggestion": b"region%E4%B8%ADId=cn&Signatrue=x&Timestmp=t&DiskId=d&formAt=JSON",
}

# Hand-made parameter lists (name, value) for the params target.
EDGE_PAIRS = {
    "empty-list": [],
    "raw-bytes": [(b"regionId", b"cn"), (b"DiskId", b"d\x00\x1b\x1e\x1f"), (b"\xff\xfe", b"x")],
    "percent-literal": [(b"regionId", b"%ZZ"), (b"DiskId", b"%41"), (b"Tag.1.Key", b"100%")],
    "empty-names": [(b"", b""), (b"", b"x"), (b"regionId", b"cn"), (b"DiskId", b"d")],
    "controls": [(b"regionId", b"cn"), (b"DiskId", b"d"), (b"Description", b"a\x07\x7f\xc2\x85b"),
                 (b"Tag.1.Key", b"\xe2\x80\xaek"), (b"Tag.1.Value", b"\t")],
    "sdk-repeats": [(b"RegionId", b"cn"), (b"DiskId", b"d"), (b"regionId", b"cn"), (b"Version", b"\xff"),
                    (b"version", b"\xff"), (b"Action", b"CreateSnapshot"), (b"Action", b"x"),
                    (b"x-acs-action", b"\xff"), (b"Timestamp", b"2016-02-23T12:46:24Z")],
}


def read_cases(path):
    groups = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            body = case["body"].encode("utf-8") if "body" in case else bytes.fromhex(case["body_hex"])
            query = case["query"].encode("utf-8") if "query" in case else bytes.fromhex(case.get("query_hex", ""))
            if query:
                body = query + b"&" + body
            kind = case["name"].split("#")[0]
            best = groups.get(kind)
            if best is None or len(body) < len(best[0]):
                groups[kind] = (body, case["profile"])
    return groups


def hexval(c):
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x61 <= c <= 0x66:
        return c - 0x61 + 10
    if 0x41 <= c <= 0x46:
        return c - 0x41 + 10
    return -1


def form_decode(b):
    """SPEC §2.2; None on a bad '%'."""
    out = bytearray()
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x2B:
            out.append(0x20)
        elif c == 0x25:
            if i + 2 >= len(b):
                return None
            h, l = hexval(b[i + 1]), hexval(b[i + 2])
            if h < 0 or l < 0:
                return None
            out.append(h * 16 + l)
            i += 2
        else:
            out.append(c)
        i += 1
    return bytes(out)


def decode_body(body):
    """The decoded (name, value) list of a body, or None on a bad '%'."""
    pairs = []
    for seg in body.split(b"&"):
        if not seg:
            continue
        name, eq, value = seg.partition(b"=")
        n, v = form_decode(name), form_decode(value)
        if n is None or v is None:
            return None
        pairs.append((n, v))
    return pairs


def escape(b):
    out = bytearray()
    for c in b:
        if c in (0x1B, 0x1E, 0x1F):
            out.append(0x1B)
        out.append(c)
    return bytes(out)


def encode_pairs(flags, pairs):
    return bytes([flags]) + b"\x1e".join(escape(n) + b"\x1f" + escape(v) for n, v in pairs)


# The typed request's members in writing order when the seeds were made
# (plain rows in table order, then Tag.1.Key, Tag.1.Value, ...). A seed is
# only an input: if the table grows, a pick lands on another member.
ROUND_TRIP_MEMBERS = (["regionId", "DiskId", "SnapshotName", "Description", "Category", "RetentionDays",
                       "ClientToken", "version"] +
                      [f"Tag.{n}.{part}" for n in range(1, 21) for part in ("Key", "Value")])


def encode_records(flags, pairs):
    records = []
    for n, v in pairs:
        name = n.decode("latin-1")
        pick = ROUND_TRIP_MEMBERS.index(name) if name in ROUND_TRIP_MEMBERS else sum(n) % len(ROUND_TRIP_MEMBERS)
        records.append(bytes([pick]) + bytes(b for c in v for b in ((0x1B, c) if c in (0x1B, 0x1E) else (c,))))
    return bytes([flags]) + b"\x1e".join(records)


def file_name(kind):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", kind).strip("_")


def write(root, target, name, data, written):
    folder = os.path.join(root, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)
    written[target] = written.get(target, 0) + 1


def sha1(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def edges_of(fuzzer, path, max_len, work):
    """The coverage edges (libFuzzer PC-table indexes) that one input reaches."""
    one = os.path.join(work, "one")
    out = os.path.join(work, "out")
    for d in (one, out):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    shutil.copyfile(path, os.path.join(one, "input"))
    control = os.path.join(work, "control")
    if os.path.exists(control):
        os.remove(control)  # an existing control file would resume the last merge
    subprocess.run([fuzzer, "-merge=1", "-use_counters=0", "-max_len=%d" % max_len,
                    "-merge_control_file=" + control, out, one],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    edges = set()
    if not os.path.exists(control):
        return edges  # an empty input: libFuzzer's merge skips it
    with open(control) as f:
        for line in f:
            if line.startswith("COV "):
                edges.update(int(x) for x in line.split()[2:])
    return edges


def minimize(target, fuzzer, max_len, max_files, dirs):
    committed = os.path.join(CORPUS, target)
    os.makedirs(committed, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="snapcheck-minimize-") as work:
        seeds = os.path.join(work, "seeds")
        write_seeds(seeds, {}, quiet=True)
        names = {}  # sha1 -> name to keep
        for folder in (os.path.join(seeds, target), committed):
            if os.path.isdir(folder):
                for n in sorted(os.listdir(folder)):
                    names.setdefault(sha1(os.path.join(folder, n)), n)
        candidates_dir = os.path.join(work, "candidates")
        os.makedirs(candidates_dir)
        sources = [committed, os.path.join(seeds, target)] + list(dirs)
        subprocess.run([fuzzer, "-merge=1", "-use_counters=0", "-max_len=%d" % max_len, candidates_dir]
                       + [d for d in sources if os.path.isdir(d)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        regressions = [os.path.join(committed, n) for n in sorted(os.listdir(committed))
                       if n.startswith("regression-")]
        seed_folder = os.path.join(seeds, target)
        edges = [os.path.join(seed_folder, n) for n in sorted(os.listdir(seed_folder))
                 if n.startswith("seed-edge-")] if os.path.isdir(seed_folder) else []
        covered = set()
        for r in regressions + edges:
            covered |= edges_of(fuzzer, r, max_len, work)
        pool = []
        for n in sorted(os.listdir(candidates_dir)):
            path = os.path.join(candidates_dir, n)
            pool.append((path, os.path.getsize(path), edges_of(fuzzer, path, max_len, work)))
        total = set(covered)
        for _, _, e in pool:
            total |= e
        chosen = []
        while len(chosen) < max_files:
            best = None
            for item in pool:
                gain = len(item[2] - covered)
                if gain and (best is None or gain > best[0] or (gain == best[0] and item[1] < best[1][1])):
                    best = (gain, item)
            if best is None:
                break
            chosen.append(best[1])
            covered |= best[1][2]
            pool.remove(best[1])
        for n in os.listdir(committed):
            if not n.startswith("regression-"):
                os.remove(os.path.join(committed, n))
        kept = {sha1(r) for r in regressions}
        for path in edges:
            d = sha1(path)
            if d not in kept:
                kept.add(d)
                shutil.copyfile(path, os.path.join(committed, os.path.basename(path)))
        for path, _, _ in chosen:
            d = sha1(path)
            if d in kept:
                continue
            kept.add(d)
            name = names.get(d, "fuzz-" + d)
            if name.startswith("regression-"):
                name = "fuzz-" + d
            shutil.copyfile(path, os.path.join(committed, name))
        print("%s: %d inputs (%d regression, %d hand-made edges) reach %d of the %d edges reached" %
              (target, len(os.listdir(committed)), len(regressions), len(edges), len(covered), len(total)))


def write_seeds(root, written, quiet=False, bench=None):
    bodies = {}  # name -> (body, hardened)
    for kind, (body, profile) in sorted(read_cases(CASES).items()):
        bodies["case-" + file_name(kind)] = (body, profile == "hardened")
    if bench is None:
        for candidate in ("/work/shared/bench", os.path.join(ROOT, "..", "shared", "bench")):
            if os.path.isdir(candidate):
                bench = candidate
                break
    if bench and os.path.isdir(bench):
        for f in sorted(os.listdir(bench)):
            if f.endswith(".form"):
                with open(os.path.join(bench, f), "rb") as fh:
                    bodies["bench-" + file_name(f[:-5])] = (fh.read().rstrip(b"\r\n"), False)
    elif not quiet:
        print("make_corpus: no bench folder found; workload seeds skipped", file=sys.stderr)
    for name, body in EDGE_BODIES.items():
        bodies["edge-" + name] = (body, False)

    for name, (body, hardened) in bodies.items():
        pairs = decode_body(body)
        for t in BODY_TARGETS:
            write(root, t, name, body, written)
        if pairs is not None:
            write(root, "params", name, encode_pairs(1 if hardened else 0, pairs), written)
            # Alternate the order, the extras and the buffer cut by the seed's name.
            variant = int(hashlib.sha1(name.encode()).hexdigest(), 16)
            flags = (1 if hardened else 0) | (variant & 0x06) | ((variant >> 3) & 0xF8)
            write(root, "round_trip", name, encode_records(flags, pairs), written)
    for name, pairs in EDGE_PAIRS.items():
        for flags, suffix in ((0x00, ""), (0x01, "-hardened"), (0x07, "-hardened-basic-allow"),
                              (0x08 | 0x40, "-keep3"), (0x10 | 0x20, "-max2")):
            write(root, "params", "edge-" + name + suffix, encode_pairs(flags, pairs), written)
    write(root, "constexpr_runtime", "all", b"", written)
    write(root, "constexpr_runtime", "each", bytes(range(256)), written)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="remove seed-* files first")
    ap.add_argument("--bench", help="folder of *.form workloads")
    ap.add_argument("--out", help="write to OUT/<target>/ instead of tests/fuzz/corpus/<target>/")
    ap.add_argument("--minimize", metavar="TARGET", help="minimise the committed corpus of TARGET")
    ap.add_argument("--fuzzer", help="the libFuzzer executable of TARGET (for --minimize)")
    ap.add_argument("--max-len", type=int, default=8192, help="libFuzzer -max_len (for --minimize)")
    ap.add_argument("--max-files", type=int, default=85, help="keep at most this many inputs (for --minimize)")
    ap.add_argument("dirs", nargs="*", help="more input folders (for --minimize)")
    args = ap.parse_args()
    root = os.path.abspath(args.out) if args.out else CORPUS
    if args.minimize:
        if not args.fuzzer:
            ap.error("--minimize needs --fuzzer")
        minimize(args.minimize, os.path.abspath(args.fuzzer), args.max_len, args.max_files,
                 [os.path.abspath(d) for d in args.dirs])
        return

    targets = BODY_TARGETS + ["params", "constexpr_runtime", "round_trip"]
    if args.clean:
        for t in targets:
            folder = os.path.join(root, t)
            if os.path.isdir(folder):
                for f in os.listdir(folder):
                    if f.startswith("seed-"):
                        os.remove(os.path.join(folder, f))

    written = {}
    write_seeds(root, written, bench=args.bench)
    for t in targets:
        print(f"{t}: {written.get(t, 0)} seeds")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The exported schema against outside validators (SPEC §12, docs/schema.md).

1. Runs the export program into a temporary folder and compares every output
   with the committed one (schema/, docs/parameters.md, tests/data/schema/).
2. Checks each exported JSON Schema against the draft 2020-12 meta-schema.
3. Runs Python's jsonschema, and ajv when Node and tests/schema/node_modules
   are there, with the exported CreateSnapshot schema of the case's profile
   over the JSON conformance cases: on every case whose outcome depends only
   on what JSON Schema states, the validator must agree with the case's `ok`
   (snapcheck's verdict). The other cases are counted and listed by reason.
4. Probes the patterns against snapcheck itself: values made to sit on the
   edges of each pattern (integer ranges, calendar dates, times, Han ranges,
   tag indexes, case-insensitive enums) go through the command-line tool as
   form bodies and through jsonschema; both must say the same.
5. Validates the OpenAPI documents with @apidevtools/swagger-parser when Node
   is there.

Usage: schema_crosscheck_test.py EXPORT_SCHEMA SNAPCHECK_CLI SOURCE_ROOT [--require-node]
"""
import datetime
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

try:
    import jsonschema
except ImportError:
    print("schema: Python's jsonschema is missing (Debian: apt-get install python3-jsonschema); skipped")
    sys.exit(77)
from importlib import metadata

CANONICAL = {"RegionId": "regionId", "Version": "version"}  # SPEC §3.1 spellings
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg)


def canonical(name):
    """The parameter a name stands for (SPEC §3, §3.1): aliases folded."""
    if name in CANONICAL:
        return CANONICAL[name]
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "Tag" and parts[2] in ("key", "value"):
        return "Tag.%s.%s" % (parts[1], parts[2].capitalize())
    return name


class Duplicates(Exception):
    pass


def no_duplicates(pairs):
    names = [k for k, _ in pairs]
    if len(names) != len(set(names)):
        raise Duplicates()
    return dict(pairs)


def flat_request(text):
    """The flat object of strings a JSON request (SPEC §11) stands for, or the
    reason why its outcome does not depend only on what JSON Schema states."""
    try:
        obj = json.loads(text, object_pairs_hook=no_duplicates)
    except Duplicates:
        return None, "duplicate member names (duplicate_parameter)"
    if not isinstance(obj, dict):
        return None, "not a JSON object (request-level wrong_type)"
    flat = {}
    for name, value in obj.items():
        if value is None:
            continue  # null is absent
        if name == "Tag":
            if not isinstance(value, list):
                return None, "Tag that is not an array (wrong_type on Tag)"
            for i, element in enumerate(value):
                if element is None:
                    continue
                if not isinstance(element, dict):
                    return None, "Tag element that is not an object (wrong_type)"
                for member, v in element.items():
                    if v is None:
                        continue
                    flat_name = "Tag.%d.%s" % (i + 1, member)
                    if flat_name in flat or flat_name in obj:
                        return None, "a parameter twice: Tag array element and flat member (duplicate_parameter)"
                    flat[flat_name] = v
            continue
        if name == "RetentionDays" and type(value) is int:
            value = str(value)  # checked exactly as its digit string would be
        if name in flat:
            return None, "a parameter twice: Tag array element and flat member (duplicate_parameter)"
        flat[name] = value
    seen = {}
    for name in flat:
        c = canonical(name)
        if c in seen:
            return None, "a parameter under two spellings (duplicate_parameter)"
        seen[c] = name
    keys = [v for n, v in flat.items() if canonical(n).endswith(".Key") and canonical(n).startswith("Tag.") and isinstance(v, str)]
    if len(keys) != len(set(keys)):
        return None, "equal tag keys (duplicate_tag_key)"
    return flat, None


def with_allow(schema, allow):
    """The schema with an allow-list's names added as properties (docs/schema.md)."""
    if not allow:
        return schema
    s = json.loads(json.dumps(schema))
    for name in allow:
        s["properties"].setdefault(name, {})
    return s


def check_outputs(export, root, out):
    subprocess.run([export, out], check=True)
    generated = []
    for d, _, files in os.walk(out):
        generated += [os.path.relpath(os.path.join(d, f), out) for f in files]
    for rel in sorted(generated):
        committed = os.path.join(root, rel)
        if not os.path.exists(committed) or not filecmp.cmp(committed, os.path.join(out, rel), shallow=False):
            fail("%s is not what tools/export_schema.sh writes now: run it and commit" % rel)
    for folder in ("schema", os.path.join("tests", "data", "schema")):
        for f in os.listdir(os.path.join(root, folder)):
            rel = os.path.join(folder, f)
            if os.path.isfile(os.path.join(root, rel)) and rel not in generated:
                fail("%s is not written by the export program" % rel)
    print("outputs: %d files, all equal to the committed ones" % len(generated) if not FAILURES else "outputs differ")
    return sorted(generated)


def node_ready(root):
    return shutil.which("node") and os.path.isdir(os.path.join(root, "tests", "schema", "node_modules", "ajv"))


def run_ajv(root, jobs):
    script = os.path.join(root, "tests", "schema", "ajv_check.mjs")
    text = "".join(json.dumps(j) + "\n" for j in jobs)
    r = subprocess.run(["node", script], input=text.encode(), capture_output=True, check=True)
    return [line == "true" for line in r.stdout.decode().split()]


def cross_check(root, out, use_ajv):
    schemas = {p: json.load(open(os.path.join(out, "schema", "create_snapshot.%s.schema.json" % p), encoding="utf-8"))
               for p in ("documented", "hardened")}
    cases = [json.loads(line) for line in open(os.path.join(root, "tests", "data", "cases_json.jsonl"), encoding="utf-8")
             if line.strip()]
    excluded = {}
    judged = []
    for c in cases:
        flat, why = flat_request(c["json"])
        if why:
            excluded.setdefault(why, []).append(c["name"])
            continue
        judged.append((c, flat))
    mapped = sum(1 for c, flat in judged if json.loads(c["json"]) != flat)
    agree = 0
    for c, flat in judged:
        schema = with_allow(schemas[c["profile"]], c.get("allow") if c["profile"] == "hardened" else None)
        ok = jsonschema.Draft202012Validator(schema).is_valid(flat)
        if ok == c["expect"]["ok"]:
            agree += 1
        else:
            fail("jsonschema: %s (%s) says %s, snapcheck %s" % (c["name"], c["profile"], ok, c["expect"]["ok"]))
    print("jsonschema %s: %d/%d judged cases agree; %d of %d cases not judged:" %
          (metadata.version("jsonschema"), agree, len(judged), len(cases) - len(judged), len(cases)))
    print("  (%d of the judged cases were not yet a flat object of strings: a Tag array flattened, null members"
          " dropped, an integer RetentionDays as its digits, as SPEC §11 reads them)" % mapped)
    for why, names in sorted(excluded.items(), key=lambda kv: -len(kv[1])):
        print("  %3d  %s: %s" % (len(names), why, " ".join(names[:6]) + (" ..." if len(names) > 6 else "")))
    if use_ajv:
        jobs = [{"schema": os.path.join(out, "schema", "create_snapshot.%s.schema.json" % c["profile"]),
                 "extra": (c.get("allow") or []) if c["profile"] == "hardened" else [], "instance": flat}
                for c, flat in judged]
        verdicts = run_ajv(root, jobs)
        ajv_agree = 0
        for (c, _), ok in zip(judged, verdicts):
            if ok == c["expect"]["ok"]:
                ajv_agree += 1
            else:
                fail("ajv: %s (%s) says %s, snapcheck %s" % (c["name"], c["profile"], ok, c["expect"]["ok"]))
        print("ajv: %d/%d judged cases agree" % (ajv_agree, len(judged)))
    return judged


def probes():
    """(profile, parameter name, value) probes on the edges of the patterns."""
    out = []
    for n in list(range(0, 130)) + list(range(9990, 10010)) + list(range(65520, 65545)) + [99999, 100000, 655360]:
        out.append(("documented", "RetentionDays", str(n)))
    for v in ["0001", "065536", "065537", "00000", "", "+1", "-1", " 1", "1 ", "1.0", "1e3", "\u0661", "12\n", "\uff11"]:
        out.append(("documented", "RetentionDays", v))
    for year in ("0000", "0001", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "2100", "9999"):
        for month in range(0, 14):
            for day in (0, 1, 28, 29, 30, 31, 32):
                out.append(("hardened", "version", "%s-%02d-%02d" % (year, month, day)))
    for v in ["2016-1-01", "16-01-01", "2016-01-01\n", "2016/01/01", "\uff12016-01-01", "2016-01-01T00:00:00Z"]:
        out.append(("hardened", "version", v))
    for t in ("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-12-31T23:59:59Z", "2024-12-31T24:00:00Z",
              "2024-12-31T23:60:00Z", "2024-12-31T23:59:60Z", "2024-12-31T23:59:59", "2024-12-31t23:59:59Z",
              "2024-12-31T23:59:59z", "2024-12-31 23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"):
        out.append(("hardened", "Timestamp", t))
    han = [0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24,
           0xFA27, 0xFA29, 0x20000, 0x2A6DF, 0x2A700, 0x2B81D, 0x2B820, 0x2CEAD, 0x2CEB0, 0x2EBE0, 0x2EBF0, 0x2EE5D,
           0x30000, 0x3134A, 0x31350, 0x33479]
    edges = sorted(set(h + d for h in han for d in (-1, 0, 1)))
    for cp in edges:
        out.append(("documented", "SnapshotName", chr(cp) + "a"))  # first character
        out.append(("documented", "SnapshotName", "a" + chr(cp)))  # a later one
    for c in range(0x20, 0x7F):
        out.append(("documented", "SnapshotName", "a" + chr(c) + "b"))
        out.append(("documented", "SnapshotName", chr(c) + "ab"))
        out.append(("hardened", "DiskId", "d" + chr(c)))
        out.append(("hardened", "regionId", "r" + chr(c)))
        out.append(("hardened", "ClientToken", "t" + chr(c)))
    for cp in (0x00, 0x01, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0x200D, 0x200E, 0x200F, 0x2010, 0x2029, 0x202A,
               0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0xFEFF):
        for p in ("documented", "hardened"):
            out.append((p, "Description", "ab" + chr(cp)))
            out.append((p, "Tag.1.Value", "x" + chr(cp)))
            out.append((p, "ClientToken", "x" + chr(cp)))
    for v in ("auto", "Auto", "autox", "http://x", "HTTPS://x", "httpx", "hTtP:/", "ab", "a", "a" * 128, "a" * 129):
        out.append(("documented", "SnapshotName", v))
    for v in ("aliyun", "Aliyun", "acs:", "ACS:x", "xhttp://", "xHtTpS://y", "", "k" * 128, "k" * 129):
        out.append(("documented", "Tag.1.Key", v))
    for v in ("Standard", "standard", "Flash", "FLASH", "", "Standard\n"):
        out.append(("documented", "Category", v))
    for v in ("JSON", "json", "Xml", "XMLx", "", "JSON\n"):
        out.append(("hardened", "Format", v))
    for n in ("0", "1", "01", "9", "10", "19", "20", "21", "", "x", "1.2", "+1", "1 ", "100", "\u0661"):
        for suffix in ("Key", "key", "Value", "KEY"):
            for p in ("documented", "hardened"):
                out.append((p, "Tag.%s.%s" % (n, suffix), "v"))
    return out


def probe_check(cli, out):
    schemas = {p: jsonschema.Draft202012Validator(json.load(open(os.path.join(out, "schema", "create_snapshot.%s.schema.json" % p),
                                                                 encoding="utf-8")))
               for p in ("documented", "hardened")}
    agree = total = 0
    for profile in ("documented", "hardened"):
        batch = []
        for p, name, value in probes():
            if p != profile:
                continue
            params = [(n, v) for n, v in (("regionId", "cn-hangzhou"), ("DiskId", "d-1")) if n != name] + [(name, value)]
            if name.startswith("Tag.") and name.lower().endswith(".value"):
                params.append((name[: -len("Value")] + "Key", "k"))  # the key it needs, same N
            batch.append((name, value, params))
        bodies = "".join(urllib.parse.urlencode(ps, quote_via=urllib.parse.quote) + "\n" for _, _, ps in batch)
        r = subprocess.run([cli, "--profile", profile, "-"], input=bodies.encode(), capture_output=True)
        results = [json.loads(line)["ok"] for line in r.stdout.decode().splitlines()]
        if len(results) != len(batch):
            fail("the CLI answered %d of %d probes" % (len(results), len(batch)))
            continue
        for (name, value, params), cli_ok in zip(batch, results):
            total += 1
            ok = schemas[profile].is_valid(dict(params))
            if ok == cli_ok:
                agree += 1
            else:
                fail("probe %s %s=%r: schema says %s, snapcheck %s" % (profile, name, value, ok, cli_ok))
    print("probes: %d/%d agree (jsonschema against the snapcheck CLI)" % (agree, total))


def meta_check(out, files):
    n = 0
    for rel in files:
        if rel.endswith(".schema.json"):
            jsonschema.Draft202012Validator.check_schema(json.load(open(os.path.join(out, rel), encoding="utf-8")))
            n += 1
    print("meta-schema: %d JSON Schemas are valid draft 2020-12" % n)


def openapi_check(root, out, files):
    docs = [os.path.join(out, rel) for rel in files if rel.endswith(".openapi.json")]
    script = os.path.join(root, "tests", "schema", "openapi_check.mjs")
    r = subprocess.run(["node", script] + docs, capture_output=True)
    sys.stdout.write(r.stdout.decode())
    if r.returncode != 0:
        fail("swagger-parser rejects an OpenAPI document: " + r.stderr.decode())


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    require_node = "--require-node" in sys.argv
    export, cli, root = args
    with tempfile.TemporaryDirectory() as out:
        files = check_outputs(export, root, out)
        meta_check(out, files)
        use_node = bool(node_ready(root))
        if not use_node:
            msg = "ajv and swagger-parser: not run (needs node and `npm ci --prefix tests/schema`)"
            if require_node:
                fail(msg)
            else:
                print(msg)
        cross_check(root, out, use_node)
        probe_check(cli, out)
        if use_node:
            openapi_check(root, out, files)
    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

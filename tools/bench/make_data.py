#!/usr/bin/env python3
"""Writes the JSON side of the benchmark workloads (benchmarks/data/).

* create_snapshot.schema.json: the CreateSnapshot rules of SPEC §4 (profile
  documented) as far as JSON Schema can say them, on the request as a flat
  JSON object (member names as in the form, every value a string).
* create_snapshot.hardened.schema.json: the same plus SPEC §5 (profile
  hardened, empty allow-list).
* w*.json: each w*.form body decoded into that flat object.

The peers (RapidJSON, valijson, ajv) read these files; the C++ side decodes
the form bodies itself for validate_params. Run it after editing a .form file
or a rule here; the outputs are committed.

What JSON Schema cannot say (so no peer checks it):
  - duplicate parameters (a JSON object holds one member per name: the first
    occurrence is kept here) and duplicate_tag_key (equal values of different
    members);
  - bad_encoding and invalid_utf8 (JSON text is decoded before any schema sees
    it; here a value with a bad %-escape is kept raw and ill-formed UTF-8 is
    replaced by U+FFFD);
  - warnings (unknown_parameter, deprecated_name) and their suggestions, and
    where in a value a rule broke.
Everything else of SPEC §4 is in the schema, including bad_tag_index,
value_without_key, a name and its alias both present, empty-means-absent and
the 1..65536 range of RetentionDays (as a regular expression over digits).

Regular expressions are written for code-point engines (RapidJSON's, and
JavaScript's with the u flag, which ajv uses). valijson runs them with
std::regex over UTF-8 bytes: there the Chinese-character class degrades into a
class of bytes (same verdict on these workloads, checked at start-up by the
benchmark).
"""
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "benchmarks", "data")

# SPEC §1: Unified_Ideograph=Yes, Unicode 17.0.
HAN = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFA0E, 0xFA0F), (0xFA11, 0xFA11),
       (0xFA13, 0xFA14), (0xFA1F, 0xFA1F), (0xFA21, 0xFA21), (0xFA23, 0xFA24),
       (0xFA27, 0xFA29), (0x20000, 0x2A6DF), (0x2A700, 0x2B81D), (0x2B820, 0x2CEAD),
       (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x30000, 0x3134A), (0x31350, 0x33479)]


def cls(ranges):
    """The inside of a character class: the code points themselves (json.dumps
    escapes them as \\uXXXX, with surrogate pairs above U+FFFF)."""
    out = []
    for lo, hi in ranges:
        out.append(chr(lo) if lo == hi else chr(lo) + "-" + chr(hi))
    return "".join(out)


HAN_CLASS = cls(HAN)
HTTP_PREFIX = "^[hH][tT][tT][pP][sS]?://"   # ASCII case-insensitive http:// or https://
HTTP_ANYWHERE = "[hH][tT][tT][pP][sS]?://"
# RetentionDays: digits only, value 1..65536, leading zeros allowed, any length.
RETENTION = ("^(0*([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}"
             "|655[0-2][0-9]|6553[0-6]))?$")
# Tag.N with N canonical 1..20; and every other N (empty, leading zero, > 20,
# not digits) in the same shape: bad_tag_index.
GOOD_N = "([1-9]|1[0-9]|20)"
# (N may hold dots: Tag.1.2.key is a bad index too.)
BAD_N = "([^1-9].*|[3-9].+|1[^0-9].*|1[0-9].+|2[^0].*|20.+)?"
# Hardened: the controls and bidi controls, as an alternation of single
# characters rather than a class, so that valijson's byte-wise std::regex
# matches them exactly too. U+0000 is left out: RapidJSON reads a pattern as
# a NUL-terminated string (and stops reading a value at U+0000).
CONTROLS = "|".join(["[" + cls([(0x01, 0x1F), (0x7F, 0x7F)]) + "]"]
                    + [chr(c) for c in list(range(0x80, 0xA0)) + [0x200E, 0x200F]
                       + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))])
# Hardened version: YYYY-MM-DD, a real calendar date (Gregorian leap years).
DATE = ("^([0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
        "|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)"
        "|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])"
        "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)?$")


def optional(rules):
    """An optional field whose empty value means absent (SPEC §1 'present')."""
    return {"type": "string", "anyOf": [{"maxLength": 0}, rules]}


def schema(hardened):
    no_controls = [{"pattern": CONTROLS}] if hardened else []
    props = {
        "regionId": {"type": "string", "minLength": 1},
        "DiskId": {"type": "string", "minLength": 1},
        "SnapshotName": optional({
            "minLength": 2, "maxLength": 128,
            "pattern": "^[A-Za-z" + HAN_CLASS + "][A-Za-z0-9:_" + HAN_CLASS + "-]*$",
            "not": {"anyOf": [{"pattern": HTTP_PREFIX}, {"pattern": "^auto"}]}}),
        "Description": optional({
            "minLength": 2, "maxLength": 256,
            "not": {"anyOf": [{"pattern": HTTP_PREFIX}] + no_controls}}),
        "Category": {"enum": ["", "Standard", "Flash"]},
        "RetentionDays": {"type": "string", "pattern": RETENTION},
        "ClientToken": {"type": "string", "maxLength": 64,
                        "pattern": "^[!-~]*$" if hardened else "^[^\u0080-\U0010FFFF]*$"},
        "version": {"type": "string"},
    }
    if hardened:
        props["regionId"] = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z0-9-]*$"}
        props["DiskId"] = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9_-]*$"}
        props["version"] = {"type": "string", "pattern": DATE}
    key = {"type": "string", "minLength": 1, "maxLength": 128,
           "not": {"anyOf": [{"pattern": "^aliyun"}, {"pattern": "^acs:"}, {"pattern": HTTP_ANYWHERE}]
                   + no_controls}}
    value = {"type": "string", "maxLength": 128,
             "not": {"anyOf": [{"pattern": "^acs:"}, {"pattern": HTTP_ANYWHERE}] + no_controls}}
    deps = {}
    for n in range(1, 21):
        has_key = {"anyOf": [{"required": [f"Tag.{n}.Key"]}, {"required": [f"Tag.{n}.key"]}]}
        deps[f"Tag.{n}.Value"] = has_key
        deps[f"Tag.{n}.value"] = {"allOf": [has_key, {"not": {"required": [f"Tag.{n}.Value"]}}]}
        deps[f"Tag.{n}.key"] = {"not": {"required": [f"Tag.{n}.Key"]}}
    s = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "CreateSnapshot request (" + ("hardened" if hardened else "documented") + " profile)",
        "type": "object",
        "required": ["regionId", "DiskId"],
        "maxProperties": 1024,
        "properties": props,
        "patternProperties": {
            "^Tag\\." + GOOD_N + "\\.[Kk]ey$": key,
            "^Tag\\." + GOOD_N + "\\.[Vv]alue$": value,
            "^Tag\\." + BAD_N + "\\.([Kk]ey|[Vv]alue)$": {"not": {}},
        },
        "dependencies": deps,
    }
    if hardened:
        # {"not": {}} rather than false: RapidJSON 1.1.0 applies a stale schema to
        # pattern-matched members when additionalProperties is false.
        s["additionalProperties"] = {"not": {}}
    return s


def pct_decode(b):
    """SPEC §2.2 strict decoding; None on a bad %-escape."""
    out = bytearray()
    i = 0
    hexd = b"0123456789abcdefABCDEF"
    while i < len(b):
        c = b[i]
        if c == 0x2B:
            out.append(0x20)
        elif c == 0x25:
            if i + 2 < len(b) and b[i + 1] in hexd and b[i + 2] in hexd:
                out.append(int(b[i + 1:i + 3], 16))
                i += 2
            else:
                return None
        else:
            out.append(c)
        i += 1
    return bytes(out)


def form_to_object(body):
    obj = {}
    for seg in body.split(b"&"):
        if not seg:
            continue
        name, _, value = seg.partition(b"=")
        dn = pct_decode(name)
        dv = pct_decode(value)
        n = (dn if dn is not None else name).decode("utf-8", "replace")
        v = (dv if dv is not None else value).decode("utf-8", "replace")
        if n not in obj:
            obj[n] = v
    return obj


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    write(os.path.join(DATA, "create_snapshot.schema.json"), json.dumps(schema(False), indent=1) + "\n")
    write(os.path.join(DATA, "create_snapshot.hardened.schema.json"), json.dumps(schema(True), indent=1) + "\n")
    for name in sorted(os.listdir(DATA)):
        if name.endswith(".form"):
            with open(os.path.join(DATA, name), "rb") as f:
                obj = form_to_object(f.read())
            write(os.path.join(DATA, name[:-5] + ".json"),
                  json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

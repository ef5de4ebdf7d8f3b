#!/usr/bin/env python3
"""Checks of the command-line tool against SPEC §8.

Usage: python3 tests/cli_test.py PATH-TO-SNAPCHECK-CLI

Plain Python 3 standard library. Prints one line per check, then
"N passed, M failed" as the last line; exits non-zero when a check fails.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

CLI = None
PASSED = 0
FAILED = 0

TOP_MEMBERS = {"ok", "truncated", "violations"}
REQUIRED_MEMBERS = {"field", "code", "severity", "api_code", "message"}
OPTIONAL_MEMBERS = {"at", "length", "limit", "suggestion"}
CODES = {
    "missing", "unknown_parameter", "deprecated_name", "duplicate_parameter",
    "too_many_parameters", "bad_encoding", "invalid_utf8", "bad_tag_index",
    "too_short", "too_long", "bad_start", "bad_char", "reserved_prefix",
    "forbidden_substring", "not_in_enum", "not_integer", "out_of_range",
    "bad_format", "value_without_key", "duplicate_tag_key", "wrong_type",
}


def check(name, condition, detail=""):
    global PASSED, FAILED
    if condition:
        PASSED += 1
        print("PASS " + name)
    else:
        FAILED += 1
        print("FAIL " + name + (": " + detail if detail else ""))


def run(args, stdin=b""):
    """Runs the CLI with args (str or bytes each); returns (status, stdout bytes, stderr bytes)."""
    argv = [CLI.encode() if isinstance(CLI, str) else CLI]
    argv += [a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a for a in args]
    p = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout, p.stderr


def objects(out):
    """Strictly decodes the output: UTF-8, one JSON object per line. Raises on anything else."""
    text = out.decode("utf-8", "strict")  # raises on invalid UTF-8 (including encoded surrogates)
    if not text.endswith("\n"):
        raise ValueError("output does not end with a newline")
    result = []
    for line in text[:-1].split("\n"):
        obj = json.loads(line)  # strict: raw control characters in strings are rejected
        if not isinstance(obj, dict):
            raise ValueError("not an object: " + line)
        result.append(obj)
    return result


def shape_problems(obj):
    """Returns a list of ways obj departs from the object of SPEC §8."""
    problems = []
    if set(obj) != TOP_MEMBERS:
        problems.append("top-level members %s" % sorted(obj))
        return problems
    if not isinstance(obj["ok"], bool) or not isinstance(obj["truncated"], bool):
        problems.append("ok/truncated not booleans")
    if not isinstance(obj["violations"], list):
        return problems + ["violations not a list"]
    for v in obj["violations"]:
        keys = set(v)
        if not REQUIRED_MEMBERS <= keys:
            problems.append("missing members %s" % sorted(REQUIRED_MEMBERS - keys))
        if not keys <= REQUIRED_MEMBERS | OPTIONAL_MEMBERS:
            problems.append("extra members %s" % sorted(keys - REQUIRED_MEMBERS - OPTIONAL_MEMBERS))
        for k in ("field", "code", "severity", "api_code", "message", "suggestion"):
            if k in v and not isinstance(v[k], str):
                problems.append("%s is not a string" % k)
        for k in ("at", "length", "limit"):
            if k in v and (not isinstance(v[k], int) or isinstance(v[k], bool) or v[k] < 0):
                problems.append("%s is not a non-negative integer" % k)
        if v.get("code") not in CODES:
            problems.append("unknown code %r" % v.get("code"))
        if v.get("severity") not in ("error", "warning"):
            problems.append("bad severity %r" % v.get("severity"))
        if v.get("suggestion") == "":
            problems.append("empty suggestion")
    errors = sum(1 for v in obj["violations"] if v.get("severity") == "error")
    if not obj["truncated"] and obj["ok"] != (errors == 0):
        problems.append("ok does not match the errors listed")
    return problems


def one(args, stdin=b""):
    """Runs the CLI, expecting exactly one well-formed object; returns (status, object or None, why)."""
    status, out, err = run(args, stdin)
    try:
        objs = objects(out)
    except Exception as e:  # noqa: BLE001 - any decoding problem is a failure
        return status, None, "bad output %r (%s); stderr %r" % (out[:200], e, err[:200])
    if len(objs) != 1:
        return status, None, "%d objects" % len(objs)
    problems = shape_problems(objs[0])
    if problems:
        return status, None, "; ".join(problems)
    return status, objs[0], ""


def find(obj, field, code):
    return [v for v in obj["violations"] if v["field"] == field and v["code"] == code]


def expect_violation(name, obj, field, code, **members):
    """Checks that obj has exactly one (field, code) violation whose optional
    members are exactly those given (others must be absent)."""
    if obj is None:
        check(name, False, "no object")
        return
    found = find(obj, field, code)
    if len(found) != 1:
        check(name, False, "%d %s:%s violations in %s" % (len(found), field, code, obj["violations"]))
        return
    v = found[0]
    want_optional = {k: members[k] for k in OPTIONAL_MEMBERS if k in members}
    got_optional = {k: v[k] for k in OPTIONAL_MEMBERS if k in v}
    ok = got_optional == want_optional
    for k in ("severity", "api_code"):
        if k in members:
            ok = ok and v[k] == members[k]
    check(name, ok, "got %s" % v)


def conventions(ok_body):
    """The conventions users of ajv-cli, check-jsonschema and jq expect
    (issue 12): --version, --opt=value, --file, --format, -q, write errors
    and --help."""
    bad_body = "regionId=cn&SnapshotName=2x"

    # --version: "snapcheck X.Y.Z", the version of version.hpp.
    status, out, _ = run(["--version"])
    here = os.path.dirname(os.path.abspath(__file__))
    header = open(os.path.join(here, "..", "include", "snapcheck", "version.hpp"), encoding="utf-8").read()
    want = re.search(r'SNAPCHECK_VERSION_STRING "([^"]+)"', header).group(1)
    check("version/prints_name_and_version", status == 0 and out == ("snapcheck %s\n" % want).encode(),
          "status %d, %r" % (status, out))

    # --opt=value is --opt value.
    unknown = "regionId=cn&DiskId=d-1&Bogus=x"
    for args in (["--profile=hardened", unknown], ["--profile", "hardened", unknown]):
        status, obj, why = one(args)
        check("equals/%s/hardened" % args[0], status == 1 and obj is not None and
              obj["violations"][0]["code"] == "unknown_parameter" and obj["violations"][0]["severity"] == "error", why)
    status, obj, why = one(["--profile=hardened", "--allow=Bogus", unknown])
    check("equals/allow", status == 0 and obj is not None and obj["ok"] is True, why)
    status, obj, why = one(["--query=regionId=cn", "DiskId=d-1"])
    check("equals/query_keeps_later_equals", status == 0 and obj is not None and obj["ok"] is True, why)
    status, _, err = run(["--profile=", ok_body])
    check("equals/empty_profile_is_usage_error", status == 2 and b"profile" in err, "status %d" % status)
    status, _, err = run(["--quiet=yes", ok_body])
    check("equals/flag_with_value_is_usage_error", status == 2, "status %d" % status)

    with tempfile.TemporaryDirectory() as tmp:
        # --file PATH: one body per line, as '-' reads standard input.
        path = os.path.join(tmp, "bodies.txt")
        with open(path, "wb") as f:
            f.write((ok_body + "\n" + bad_body + "\nregionId=cn\r").encode())
        status, out, _ = run(["--file", path])
        objs = objects(out) if out.endswith(b"\n") else []
        check("file/one_object_per_line", len(objs) == 3, repr(out[:200]))
        check("file/in_order", [o["ok"] for o in objs] == [True, False, False], str([o["ok"] for o in objs]))
        check("file/exit_1", status == 1, "status %d" % status)
        _, same, _ = run(["-"], (ok_body + "\n" + bad_body + "\nregionId=cn\r").encode())
        check("file/same_as_stdin", out == same)
        status, out, _ = run(["--file=" + path, "--quiet"])
        check("file/equals_form", status == 1 and out == b"", "status %d" % status)
        status, out, err = run(["--file", os.path.join(tmp, "absent.txt")])
        check("file/missing_is_exit_2", status == 2 and out == b"" and b"absent.txt" in err, "status %d %r" % (status, err))
        status, out, err = run(["--file", path, ok_body])
        check("file/and_body_is_usage_error", status == 2, "status %d" % status)
        # A path given as the body is a body, not a file (SPEC §8).
        status, obj, why = one([path])
        check("file/path_as_body_is_a_body", status == 1 and obj is not None and
              obj["violations"][0]["code"] in ("unknown_parameter", "missing"), why)

        # --format text: one line per violation, "field: message [code]".
        status, out, _ = run(["--format", "text", bad_body])
        lines = out.decode().splitlines()
        _, obj, _ = one([bad_body])
        want = ["%s: %s [%s]" % (v["field"], v["message"], v["code"]) for v in obj["violations"]]
        check("text/field_message_code", status == 1 and lines == want and len(want) >= 2, "%r vs %r" % (lines, want))
        status, out, _ = run(["--format=text", ok_body])
        check("text/ok_prints_nothing", status == 0 and out == b"", "status %d %r" % (status, out))
        status, out, _ = run(["--format", "text", "--file", path])
        lines = out.decode().splitlines()
        check("text/lines_name_source_and_line",
              len(lines) >= 2 and all(l.startswith(path + ":2: ") or l.startswith(path + ":3: ") for l in lines)
              and any(l.startswith(path + ":3: ") for l in lines), repr(lines))
        status, out, _ = run(["--format", "text", "regionId=cn&DiskId=d-1&a%0Ab=1"])
        check("text/control_characters_escaped", out.count(b"\n") == 1 and b"a\\x0ab" in out, repr(out))
        status, _, err = run(["--format", "yaml", ok_body])
        check("text/unknown_format_is_usage_error", status == 2 and b"format" in err, "status %d" % status)

    # -q / --quiet: nothing printed, the status says it all.
    for flag in ("-q", "--quiet"):
        status, out, err = run([flag, bad_body])
        check("quiet/%s/not_ok" % flag, status == 1 and out == b"" and err == b"", "status %d %r" % (status, out))
        status, out, _ = run([flag, ok_body])
        check("quiet/%s/ok" % flag, status == 0 and out == b"", "status %d %r" % (status, out))

    # Writing the output fails: an error on stderr and exit 2.
    if os.path.exists("/dev/full"):
        for args in ([ok_body], [bad_body], ["--format", "text", bad_body], ["--version"], ["--help"]):
            argv = [CLI] + args
            with open("/dev/full", "wb") as full:
                p = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, timeout=60)
            check("write_error/%s/exit_2" % " ".join(args)[:30], p.returncode == 2 and b"cannot write" in p.stderr,
                  "status %d %r" % (p.returncode, p.stderr))
    else:
        check("write_error/dev_full_exists", False, "no /dev/full on this machine")

    # --help lists every option and exits 0.
    status, out, _ = run(["--help"])
    text = out.decode()
    for option in ("--profile", "--allow", "--query", "--file", "--format", "--quiet", "-q", "--version",
                   "--help", "--opt=value"):
        check("help/lists %s" % option, status == 0 and option in text, "status %d" % status)


def main():
    global CLI
    if len(sys.argv) != 2:
        print("usage: cli_test.py PATH-TO-SNAPCHECK-CLI")
        print("0 passed, 1 failed")
        return 2
    CLI = sys.argv[1]
    ok_body = "regionId=cn-hangzhou&DiskId=d-1"

    # --- One body argument: one JSON line; exit 0 when ok, 1 when not.
    status, out, _ = run([ok_body])
    check("body/ok/exit_0", status == 0, "status %d" % status)
    check("body/ok/one_line", out.count(b"\n") == 1 and out.endswith(b"\n"), repr(out))
    try:
        obj = objects(out)[0]
    except Exception as e:  # noqa: BLE001
        obj = None
        check("body/ok/json", False, str(e))
    check("body/ok/exact_object", obj == {"ok": True, "truncated": False, "violations": []}, repr(obj))

    status, obj, why = one(["regionId=cn&DiskId=d-1&SnapshotName=a"])
    check("body/not_ok/exit_1", status == 1, "status %d" % status)
    check("body/not_ok/shape", obj is not None, why)
    if obj:
        check("body/not_ok/ok_false", obj["ok"] is False and obj["truncated"] is False)
    expect_violation("body/not_ok/too_short_members", obj, "SnapshotName", "too_short",
                     severity="error", api_code="InvalidSnapshotName.Malformed", length=1, limit=2)

    status, obj, why = one(["regionId=cn&DiskId=d-1&RegionID=x"])
    check("body/warning_only/exit_0", status == 0 and obj is not None and obj["ok"] is True, why or str(obj))

    # --- '-' reads stdin: one body per line, one object per line, in order.
    lines = [ok_body, "SnapshotName=a", "", "regionId=cn&DiskId=d&Category=x", ok_body + "&Tag.1.Key=k"]
    status, out, _ = run(["-"], ("\n".join(lines) + "\n").encode())
    try:
        objs = objects(out)
    except Exception as e:  # noqa: BLE001
        objs = []
        check("stdin/json", False, str(e))
    check("stdin/one_object_per_line", len(objs) == len(lines), "%d objects for %d lines" % (len(objs), len(lines)))
    check("stdin/exit_1_when_some_not_ok", status == 1, "status %d" % status)
    if len(objs) == len(lines):
        check("stdin/in_order/ok", [o["ok"] for o in objs] == [True, False, False, False, True],
              str([o["ok"] for o in objs]))
        check("stdin/in_order/second_is_too_short", len(find(objs[1], "SnapshotName", "too_short")) == 1)
        check("stdin/empty_line_is_an_empty_body",
              sorted((v["field"], v["code"]) for v in objs[2]["violations"])
              == [("DiskId", "missing"), ("regionId", "missing")], str(objs[2]))
        check("stdin/in_order/fourth_is_category", len(find(objs[3], "Category", "not_in_enum")) == 1)
        check("stdin/shapes", all(not shape_problems(o) for o in objs))

    status, out, _ = run(["-"], (ok_body + "\n" + ok_body).encode())  # no final newline
    check("stdin/last_line_without_newline", status == 0 and out.count(b"\n") == 2, repr(out))
    status, out, _ = run(["-"], (ok_body + "\n" + ok_body + "\n").encode())
    check("stdin/all_ok/exit_0", status == 0 and out.count(b"\n") == 2, "status %d, %r" % (status, out))
    status, out, _ = run(["-"], b"")
    check("stdin/no_input/no_output", status == 0 and out == b"", "status %d, %r" % (status, out))

    # --- A trailing '\r' is part of the body (not stripped).
    crlf = b"regionId=cn&DiskId=d-1\r\n"
    status, out, _ = run(["-"], crlf)
    try:
        obj = objects(out)[0]
    except Exception as e:  # noqa: BLE001
        obj = None
        check("crlf/json", False, str(e))
    check("crlf/documented/ok", status == 0 and obj == {"ok": True, "truncated": False, "violations": []},
          "status %d, %r" % (status, obj))
    status, out, _ = run(["--profile", "hardened", "-"], crlf)
    try:
        obj = objects(out)[0]
    except Exception as e:  # noqa: BLE001
        obj = None
        check("crlf/hardened/json", False, str(e))
    check("crlf/hardened/exit_1", status == 1, "status %d" % status)
    expect_violation("crlf/hardened/DiskId_bad_char_at_3", obj, "DiskId", "bad_char",
                     severity="error", api_code="InvalidParameter", at=3)
    if obj:
        check("crlf/hardened/only_DiskId", len(obj["violations"]) == 1, str(obj["violations"]))
    status, out, _ = run(["--profile", "hardened", "-"], b"regionId=cn&DiskId=d-1&Description=ab\r\n")
    try:
        obj = objects(out)[0]
    except Exception as e:  # noqa: BLE001
        obj = None
    expect_violation("crlf/hardened/Description_bad_char_at_2", obj, "Description", "bad_char",
                     severity="error", api_code="InvalidDescription.Malformed", at=2)
    status, out, _ = run(["-"], b"regionId=cn&DiskId=d-1&SnapshotName=ab\r\n")
    try:
        obj = objects(out)[0]
    except Exception as e:  # noqa: BLE001
        obj = None
    expect_violation("crlf/documented/SnapshotName_bad_char_at_2", obj, "SnapshotName", "bad_char",
                     severity="error", api_code="InvalidSnapshotName.Malformed", at=2)

    # --- Profiles and the allow-list (SPEC §5: allow-listed names raise nothing).
    status, obj, why = one(["--profile", "documented", ok_body + "&Gateway=s"])
    check("profile/documented/unknown_is_warning", status == 0 and obj is not None, why)
    expect_violation("profile/documented/unknown_members", obj, "Gateway", "unknown_parameter",
                     severity="warning", api_code="InvalidParameter")
    status, obj, why = one(["--profile", "hardened", ok_body + "&Gateway=s"])
    check("profile/hardened/unknown_is_error/exit_1", status == 1, "status %d %s" % (status, why))
    expect_violation("profile/hardened/unknown_is_error", obj, "Gateway", "unknown_parameter",
                     severity="error", api_code="InvalidParameter")
    for profile in ("documented", "hardened"):
        status, obj, why = one(["--profile", profile, "--allow", "Gateway", ok_body + "&Gateway=s"])
        check("allow/%s/silent" % profile, status == 0 and obj is not None and obj["ok"] is True
              and obj["violations"] == [], "status %d %s %s" % (status, why, obj))
    status, obj, why = one(["--profile", "hardened", "--allow", "Gateway", "--allow", "Trace",
                            ok_body + "&Gateway=s&Trace=t&Nonce=n"])
    check("allow/repeatable/exit_1_for_the_other", status == 1, "status %d" % status)
    if obj:
        sev = {v["field"]: v["severity"] for v in obj["violations"]}
        check("allow/repeatable", sev == {"Nonce": "error"}, str(sev))
    status, obj, why = one(["--allow", "Gateway", "--profile", "hardened", ok_body + "&Gateway=s"])
    check("allow/before_profile", status == 0 and obj is not None and obj["ok"] is True, why)
    status, obj, why = one(["--profile", "hardened", "--allow", "gateway", ok_body + "&Gateway=s"])
    check("allow/compared_exactly", status == 1, "status %d" % status)
    status, obj, why = one(["--profile", "hardened", "--allow", "Gateway", "-"],
                           (ok_body + "&Gateway=s\n").encode())
    check("allow/with_stdin", status == 0 and obj is not None and obj["ok"] is True, why)

    # --- A whole request: query string and body (SPEC §2.5, --query).
    sdk_query = ("RegionId=cn-hangzhou&Version=2014-05-26&Action=CreateSnapshot&Format=JSON"
                 "&Timestamp=2024-01-02T03%3A04%3A05Z&SignatureMethod=HMAC-SHA1&SignatureType="
                 "&SignatureVersion=1.0&SignatureNonce=3c8d&AccessKeyId=LTAI5t&Signature=abc%3D&DiskId=d-1")
    for profile in ("documented", "hardened"):
        status, obj, why = one(["--profile", profile, "--query", sdk_query, ""])
        check("query/sdk_request/%s" % profile, status == 0 and obj is not None and obj["violations"] == [],
              "status %d %s %s" % (status, why, obj))
    status, obj, why = one(["--query", "regionId=cn", "DiskId=d-1&regionId=cn-x"])
    expect_violation("query/duplicate_across_parts", obj, "regionId", "duplicate_parameter", severity="error")
    status, obj, why = one(["--query", "", "regionId=cn&DiskId=d-1"])
    check("query/empty_is_the_body_alone", status == 0 and obj is not None and obj["violations"] == [], why)

    # --- Usage errors: exit 2, and no JSON object on stdout.
    for name, args in [("no_body", []), ("no_body_after_profile", ["--profile", "hardened"]),
                       ("unknown_option", ["--frobnicate", ok_body]),
                       ("bad_profile", ["--profile", "strict", ok_body]),
                       ("profile_without_value", ["--profile"]),
                       ("allow_without_value", [ok_body, "--allow"])]:
        status, out, err = run(args)
        check("usage/" + name + "/exit_2", status == 2, "status %d" % status)
        check("usage/" + name + "/no_json_on_stdout", b"{" not in out, repr(out))
        check("usage/" + name + "/says_why_on_stderr", len(err) > 0)

    # --- Valid UTF-8 JSON whatever the input (bytes through stdin).
    nasty = (b"\xff\xfe=1&na\x01me=2&%FF%80=3&Desc\x7fription=x&a\"b\\c=4&\xed\xa0\x80=5&"
             b"%C0%AF=6&tab\tname=7&regionId=cn&DiskId=d-1&Description=\xe2\x80\xae\x00\x1b[31m")
    status, out, _ = run(["-"], nasty + b"\n")
    try:
        objs = objects(out)
        decoded = True
    except Exception as e:  # noqa: BLE001
        objs = []
        decoded = False
        check("utf8/output_decodes", False, "%s: %r" % (e, out[:300]))
    if decoded:
        check("utf8/output_decodes", True)
        check("utf8/one_object", len(objs) == 1, str(len(objs)))
        check("utf8/no_raw_controls", all(b >= 0x20 for b in out[:-1]), repr(out))
        obj = objs[0]
        check("utf8/shape", not shape_problems(obj), "; ".join(shape_problems(obj)))
        fields = [v["field"] for v in obj["violations"]]
        # FF FE (raw), FF 80 (encoded) and C0 AF (overlong, encoded): two maximal invalid subparts each.
        check("utf8/invalid_names_replaced", fields.count("\ufffd\ufffd") == 3, str(fields))
        check("utf8/control_in_name_kept_escaped", "na\x01me" in fields and "tab\tname" in fields, str(fields))
        check("utf8/json_specials_in_name", 'a"b\\c' in fields, str(fields))
        check("utf8/surrogate_name_replaced", "\ufffd\ufffd\ufffd" in fields, str(fields))
        check("utf8/del_in_name_kept", "Desc\x7fription" in fields, str(fields))
        invalid = [v for v in obj["violations"] if v["code"] == "invalid_utf8"]
        check("utf8/names_are_invalid_utf8_errors",
              len(invalid) == 4 and all(v["api_code"] == "InvalidParameter" and v["severity"] == "error"
                                        for v in invalid), str(invalid))
        for v in obj["violations"]:
            try:
                json.dumps(v, ensure_ascii=False).encode("utf-8", "strict")
            except UnicodeError:
                check("utf8/no_lone_surrogates", False, repr(v))
                break
        else:
            check("utf8/no_lone_surrogates", True)

    status, obj, why = one([b"regionId=cn&DiskId=d-1&\xc3(=1&\xf0\x9f\x98=2"])
    check("utf8/argv_bytes/shape", obj is not None, why)
    if obj:
        check("utf8/argv_bytes/fields", sorted(v["field"] for v in obj["violations"]) == ["\ufffd", "\ufffd("],
              str(obj["violations"]))

    # --- Members: exactly those of SPEC §8; optional ones only when they apply.
    status, obj, why = one(["regionId=cn&DiskId=d-1&SnapshotName=1ab&ClientToken=ab%C3%A9&RetentionDays=0"
                            "&Category=flash&Regionid=x&Foo=1&Description=" + "x" * 257 + "&Tag.3.Value=v"])
    check("members/shape", obj is not None, why)
    expect_violation("members/bad_start_has_at", obj, "SnapshotName", "bad_start", at=0)
    expect_violation("members/bad_char_has_at", obj, "ClientToken", "bad_char", at=2,
                     api_code="InvalidClientToken.Malformed")
    expect_violation("members/out_of_range_has_limit", obj, "RetentionDays", "out_of_range", limit=1)
    expect_violation("members/not_in_enum_has_suggestion", obj, "Category", "not_in_enum", suggestion="Flash")
    expect_violation("members/unknown_has_suggestion", obj, "Regionid", "unknown_parameter",
                     suggestion="regionId", severity="warning")
    expect_violation("members/unknown_without_candidate", obj, "Foo", "unknown_parameter")
    expect_violation("members/too_long_has_length_and_limit", obj, "Description", "too_long",
                     length=257, limit=256)
    expect_violation("members/value_without_key_has_none", obj, "Tag.3.Value", "value_without_key",
                     api_code="InvalidTagKey.Malformed")
    status, obj, why = one(["DiskId=d-1"])
    expect_violation("members/missing_has_none", obj, "regionId", "missing", api_code="MissingParameter")
    status, obj, why = one(["regionId=cn&DiskId=d-1&Description=%FF"])
    expect_violation("members/invalid_utf8_has_byte_at", obj, "Description", "invalid_utf8", at=0)
    status, obj, why = one(["&".join(["x=1"] * 1025)])
    check("members/too_many_parameters/one_violation", obj is not None and len(obj["violations"]) == 1, why)
    expect_violation("members/too_many_parameters/empty_field", obj, "", "too_many_parameters",
                     api_code="InvalidParameter", severity="error")

    # --- Truncation: 64 kept, ok counts every violation found.
    status, obj, why = one(["&".join(["x=1"] * 70) + "&regionId=cn&DiskId=d-1&Category=bad"])
    check("truncated/shape", obj is not None, why)
    if obj:
        check("truncated/flag_and_count", obj["truncated"] is True and len(obj["violations"]) == 64,
              "%s %d" % (obj["truncated"], len(obj["violations"])))
        check("truncated/ok_counts_dropped_error", obj["ok"] is False and status == 1, "status %d" % status)

    # --- The message names the field and never echoes the value.
    secrets = {
        "SnapshotName": "http://SECRET-1",
        "Description": "https://SECRET-2",
        "ClientToken": "SECRET-3\u00e9",
        "Category": "SECRET4",
        "RetentionDays": "SECRET5",
        "Tag.1.Key": "aliyunSECRET6",
        "Tag.1.Value": "acs:SECRET7",
        "Tag.2.Value": "SECRET8",
        "version": "SECRET9",
        "regionId": "SECRET_10",
        "Unknown": "SECRET11",
    }
    from urllib.parse import quote
    body = "&".join("%s=%s" % (k, quote(v, safe="")) for k, v in secrets.items())
    body += "&DiskId=d-1&SnapshotName=dupSECRET12&Tag.3.Key=%0AINJECTED%0D"
    for profile in ("documented", "hardened"):
        status, out, _ = run(["--profile", profile, body])
        try:
            obj = objects(out)[0]
        except Exception as e:  # noqa: BLE001
            check("message/%s/json" % profile, False, str(e))
            continue
        msgs = [v["message"] for v in obj["violations"]]
        leaked = [m for m in msgs if "SECRET" in m or "INJECTED" in m]
        check("message/%s/never_echoes_values" % profile, not leaked and len(msgs) >= 8, str(leaked or msgs))
        named = all(v["field"] in v["message"] for v in obj["violations"] if v["field"])
        check("message/%s/names_the_field" % profile, named, str(msgs))
        check("message/%s/one_line" % profile, out.count(b"\n") == 1)

    conventions(ok_body)

    print("%d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # noqa: BLE001 - a crash of the harness is a failure, reported as such
        check("harness", False, "%s: %s" % (type(e).__name__, e))
        print("%d passed, %d failed" % (PASSED, FAILED))
        sys.exit(1)

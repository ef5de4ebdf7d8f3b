#!/usr/bin/env python3
"""End-to-end test of examples/server (docs/server.md), run by meson test.

    server_test.py SNAPCHECK_SERVER CURL

Starts snapcheck_server on a free port of 127.0.0.1 (documented profile, then
hardened with an allow-list), sends requests with curl and with Python's
urllib (a form body; an all-in-query request shaped like the classic SDK's;
the region in an x-acs-regionid header; bad requests in each answer shape;
hostile names), checks each status and body, and stops each server by its
process id. Only loopback addresses are used, and no proxy.
"""
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

SERVER, CURL = sys.argv[1], sys.argv[2]
PATH = "/apsara/route/Ecs/CreateSnapshot"
ID_SHAPE = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
FORBIDDEN = re.compile("[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

PASSED = 0
FAILED = 0


def check(name, cond, detail=""):
    global PASSED, FAILED
    if cond:
        PASSED += 1
    else:
        FAILED += 1
        print("FAIL %s %s" % (name, detail), flush=True)


class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([SERVER, "--port", "0", *args], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.fullmatch(r"listening on (\d+)\n", line)
        if not m:
            self.stop()
            raise SystemExit("snapcheck_server did not say 'listening on PORT': %r" % line)
        self.port = int(m.group(1))
        self.base = "http://127.0.0.1:%d" % self.port

    def stop(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


# urllib without any proxy: requests go to 127.0.0.1 and nowhere else.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def with_urllib(base, query="", body=None, headers=None):
    """POSTs with urllib; returns (status, headers, body text)."""
    url = base + PATH + ("?" + query if query else "")
    data = b"" if body is None else body.encode("ascii")
    req = urllib.request.Request(url, data=data, method="POST", headers=headers or {})
    try:
        with OPENER.open(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8")


def with_curl(base, query="", body="", headers=(), method="POST", path=PATH):
    """Sends with curl; returns (status, headers, body text)."""
    url = base + path + ("?" + query if query else "")
    cmd = [CURL, "-sS", "--noproxy", "*", "-X", method, "-D", "-", url]
    if method == "POST":
        cmd += ["--data-binary", body, "-H", "Content-Type: application/x-www-form-urlencoded"]
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run(cmd, capture_output=True, timeout=20, check=True).stdout.decode("utf-8")
    head, _, text = out.partition("\r\n\r\n")
    lines = head.split("\r\n")
    status = int(lines[0].split()[1])
    hdrs = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    return status, hdrs, text


def header(hdrs, name):
    for k, v in hdrs.items():
        if k.lower() == name.lower():
            return v
    return None


def expect_ok(name, answer):
    status, hdrs, text = answer
    check(name + "/status_200", status == 200, "%d %s" % (status, text))
    try:
        obj = json.loads(text)
    except ValueError:
        check(name + "/json", False, text)
        return
    check(name + "/success_body", list(obj) == ["RequestID"] and ID_SHAPE.match(obj["RequestID"]) is not None, text)
    check(name + "/content_type", (header(hdrs, "Content-Type") or "").startswith("application/json"))
    check(name + "/no_violations", header(hdrs, "X-Snapcheck-Violations") == "0",
          str(header(hdrs, "X-Snapcheck-Violations")))


def expect_failure(name, answer, shape, api_code=None, secret=None):
    """Checks a 400 in the given shape ('page', 'public', 'problem'); returns the object."""
    status, hdrs, text = answer
    check(name + "/status_400", status == 400, "%d %s" % (status, text))
    check(name + "/one_line", "\n" not in text and "\r" not in text, repr(text))
    if secret is not None:
        check(name + "/never_echoes_a_value", secret not in text, text)
    try:
        obj = json.loads(text)
    except ValueError:
        check(name + "/json", False, text)
        return {}
    ctype = header(hdrs, "Content-Type") or ""
    if shape == "page":
        check(name + "/page_shape", list(obj) == ["resultCode", "resultMsg", "result"]
              and obj["resultCode"] == -1 and obj["result"] is None and isinstance(obj["resultMsg"], str), text)
        check(name + "/content_type", ctype.startswith("application/json"), ctype)
        msg = obj.get("resultMsg", "")
        if api_code:
            check(name + "/api_code", msg.startswith(api_code + ": "), msg)
        messages = [msg]
    elif shape == "public":
        check(name + "/public_shape", list(obj) == ["RequestId", "HostId", "Code", "Message"]
              and ID_SHAPE.match(obj["RequestId"]) is not None, text)
        if api_code:
            check(name + "/api_code", obj.get("Code") == api_code, text)
        messages = [obj.get("Message", "")]
    else:
        check(name + "/problem_shape", obj.get("status") == 400 and isinstance(obj.get("errors"), list)
              and obj.get("title") and obj.get("type") and isinstance(obj.get("detail"), str), text)
        check(name + "/content_type", ctype.startswith("application/problem+json"), ctype)
        errors = obj.get("errors", [])
        for e in errors:
            check(name + "/error_members", {"field", "code", "severity", "api_code", "message"} <= set(e), str(e))
        if api_code:
            check(name + "/api_code", any(e.get("api_code") == api_code for e in errors), text)
        check(name + "/violation_count", str(len(errors)) == header(hdrs, "X-Snapcheck-Violations"), text)
        messages = [obj.get("detail", "")] + [e.get("message", "") for e in errors]
    for m in messages:
        check(name + "/message_is_one_clean_line", FORBIDDEN.search(m) is None, repr(m))
    return obj


def sdk_query():
    """An all-in-query request as the classic SDK sends it (values with %20)."""
    params = [
        ("RegionId", "cn-hangzhou"),
        ("Version", "2014-05-26"),
        ("Action", "CreateSnapshot"),
        ("Format", "JSON"),
        ("Timestamp", "2026-12-04T10:20:30Z"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureType", ""),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("AccessKeyId", "testid"),
        ("DiskId", "d-bp1a2b3c4d5e6f7g8h9i"),
        ("Description", "daily backup of the data disk"),
        ("Signature", "kRA2cnpJVacIhDMzg/9hwtCYGm0="),
    ]
    return "&".join("%s=%s" % (urllib.parse.quote(k, safe=""), urllib.parse.quote(v, safe="-_.~"))
                    for k, v in params)


def run_documented():
    s = Server()
    try:
        b = s.base
        # Form bodies.
        expect_ok("curl/form_ok", with_curl(b, body="regionId=cn-hangzhou&DiskId=d-1&SnapshotName=daily-1"))
        expect_ok("urllib/form_ok", with_urllib(b, body=urllib.parse.urlencode(
            {"regionId": "cn-hangzhou", "DiskId": "d-1", "SnapshotName": "\u4e2d\u6587name",
             "Tag.1.Key": "env", "Tag.1.Value": "prod"})))
        # The classic SDK's request: every parameter in the query, empty body.
        q = sdk_query()
        check("sdk_query/uses_%20", "%20" in q and "+" not in q, q)
        expect_ok("urllib/sdk_all_in_query", with_urllib(b, query=q))
        expect_ok("curl/sdk_all_in_query", with_curl(b, query=q))
        # Query and body together.
        expect_ok("curl/query_and_body", with_curl(b, query="regionId=cn-hangzhou", body="DiskId=d-1"))
        # The region out of band.
        expect_ok("curl/region_header", with_curl(b, body="DiskId=d-1", headers=["x-acs-regionid: cn-hangzhou"]))
        expect_ok("urllib/region_header", with_urllib(b, query="DiskId=d-1", headers={"x-acs-regionid": "cn-beijing"}))

        # Bad requests, in each shape; none echoes a value.
        bad = "regionId=cn-hangzhou&DiskId=d-1&SnapshotName=a&ClientToken=SECRET%C3%A9"
        expect_failure("curl/page", with_curl(b, body=bad), "page", "InvalidSnapshotName.Malformed", "SECRET")
        expect_failure("urllib/page", with_urllib(b, body=bad), "page", "InvalidSnapshotName.Malformed", "SECRET")
        expect_failure("curl/problem_by_accept",
                       with_curl(b, body=bad, headers=["Accept: application/problem+json"]),
                       "problem", "InvalidSnapshotName.Malformed", "SECRET")
        expect_failure("urllib/problem_by_flag", with_urllib(b, query="ResponseShape=problem", body=bad),
                       "problem", "InvalidSnapshotName.Malformed", "SECRET")
        expect_failure("curl/public_by_flag", with_curl(b, query="ResponseShape=public", body=bad),
                       "public", "InvalidSnapshotName.Malformed", "SECRET")
        expect_failure("curl/missing_disk", with_curl(b, body="regionId=cn"), "page", "MissingParameter")
        expect_failure("urllib/sdk_without_disk", with_urllib(b, query=sdk_query().replace("DiskId=", "Disk=")),
                       "page", "MissingParameter")
        # A region header does not stand in for a bad region parameter.
        expect_failure("curl/header_does_not_hide_a_duplicate",
                       with_curl(b, body="regionId=a&regionId=b&DiskId=d", headers=["x-acs-regionid: cn"]),
                       "page", "InvalidParameter")
        # Hostile names: CR, LF, ESC, U+202E, a raw bad byte, an empty name.
        hostile = "x%0D%0A%1B%5B2J%E2%80%AE=SECRETV&%FF=1&=SECRETW&DiskId=d&Category=SECRETX"
        obj = expect_failure("curl/hostile_problem", with_curl(b, query="ResponseShape=problem", body=hostile),
                             "problem", "MissingParameter", "SECRET")
        fields = [e.get("field") for e in obj.get("errors", [])]
        check("curl/hostile_field_as_given", "x\r\n\x1b[2J\u202e" in fields, str(fields))
        msgs = [e.get("message", "") for e in obj.get("errors", [])]
        check("curl/hostile_message_escaped",
              any(m.startswith("x\\u{000D}\\u{000A}\\u{001B}[2J\\u{202E} ") for m in msgs), str(msgs))
        check("curl/empty_name_message", any(m.startswith("(empty name) ") for m in msgs), str(msgs))

        # Only POST on the API's path is served.
        status, _, _ = with_curl(b, method="GET")
        check("curl/get_not_served", status in (404, 405), str(status))
        status, _, _ = with_curl(b, path="/other", body="regionId=cn&DiskId=d")
        check("curl/other_path_404", status == 404, str(status))
    finally:
        s.stop()


def run_hardened():
    s = Server("--profile", "hardened", "--allow", "X-Gateway-Trace")
    try:
        b = s.base
        expect_ok("hardened/urllib/sdk_all_in_query", with_urllib(b, query=sdk_query()))
        expect_ok("hardened/curl/allow_listed_is_silent",
                  with_curl(b, body="regionId=cn-hangzhou&DiskId=d-1&X-Gateway-Trace=abc"))
        expect_failure("hardened/curl/unknown_is_an_error",
                       with_curl(b, body="regionId=cn-hangzhou&DiskId=d-1&Zzz=SECRET1"),
                       "page", "InvalidParameter", "SECRET")
        expect_failure("hardened/urllib/bad_region_problem",
                       with_urllib(b, query="ResponseShape=problem", body="regionId=CN_X&DiskId=d",
                                   headers={"Accept": "application/problem+json"}),
                       "problem", "InvalidParameter", "CN_X")
    finally:
        s.stop()


def run_usage():
    r = subprocess.run([SERVER, "--port", "70000"], capture_output=True, timeout=10)
    check("usage/bad_port_exit_2", r.returncode == 2, str(r.returncode))
    r = subprocess.run([SERVER, "--profile", "strict"], capture_output=True, timeout=10)
    check("usage/bad_profile_exit_2", r.returncode == 2, str(r.returncode))


run_documented()
run_hardened()
run_usage()
print("%d passed, %d failed" % (PASSED, FAILED))
sys.exit(1 if FAILED else 0)

#!/usr/bin/env python3
"""Checks examples/client/sign_create_snapshot (SPEC §10, docs/client.md)
against an independent computation of Alibaba Cloud's RPC signature v1,
written here from the public algorithm with Python's own urllib, hmac,
hashlib and base64:

  CanonicalizedQuery = sorted by encoded name, enc(name)=enc(value) joined by '&'
                       (enc = urllib.parse.quote(safe='-_.~'), UTF-8)
  StringToSign       = "POST&" + enc("/") + "&" + enc(CanonicalizedQuery)
  Signature          = Base64(HMAC-SHA1(secret + "&", StringToSign))

and against fixed vectors: the public documentation's own example, and with the key, timestamp and nonce below, the
signature is KNOWN_SIGNATURE. Also checks that another key, timestamp and
nonce given on the command line change the signature as computed here, and
that the printed request's body decodes to the parameters plus Signature.

usage: client_signature_test.py EXAMPLE
"""
import base64
import hashlib
import hmac
import subprocess
import sys
import urllib.parse

KEY_ID = "testid"
SECRET = "testsecret"
TIMESTAMP = "2026-12-04T12:00:00Z"
NONCE = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
# Computed once with the function below from these inputs, and kept: a fixed vector.
KNOWN_SIGNATURE = "3HF4YjhjOqSGYvKQScjDI4DAFHs="

# The request the example builds, and the common parameters it adds.
MEMBERS = {
    "regionId": "cn-hangzhou",
    "DiskId": "d-bp1abc",
    "SnapshotName": "nightly:备份",
    "Description": "Nightly backup (storage team)",
    "RetentionDays": "30",
    "Tag.1.Key": "team",
    "Tag.1.Value": "storage ops",
    "Tag.2.Key": "env",
    "Tag.2.Value": "",
}


def common(key_id, timestamp, nonce):
    return {
        "Action": "CreateSnapshot", "Version": "2014-05-26", "Format": "JSON", "AccessKeyId": key_id,
        "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": nonce, "Timestamp": timestamp,
    }


def enc(s):
    return urllib.parse.quote(s, safe="-_.~")


def sign(params, secret, method="POST"):
    canonical = "&".join(enc(k) + "=" + enc(v) for k, v in sorted(params.items(), key=lambda kv: enc(kv[0])))
    to_sign = method + "&" + enc("/") + "&" + enc(canonical)
    digest = hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()
    return canonical, to_sign, base64.b64encode(digest).decode()


failures = 0


def expect(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


def run(example, args):
    out = subprocess.run([example] + args, capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.split("\n")
    expect(len(lines) == 5 and lines[4] == "", "the example prints four lines")
    return lines[:4]


def check(example, args, key_id, secret, timestamp, nonce):
    canonical, to_sign, signature = sign({**MEMBERS, **common(key_id, timestamp, nonce)}, secret)
    got = run(example, args)
    expect(got[0] == canonical, "canonical query as computed here: " + got[0][:60] + "...")
    expect(got[1] == to_sign, "string to sign as computed here")
    expect(got[2] == signature, "signature %s as computed here (%s)" % (got[2], signature))
    method, path, body = got[3].split(" ")
    expect(method == "POST" and path == "/apsara/route/Ecs/CreateSnapshot", "method and path")
    decoded = urllib.parse.parse_qsl(body, keep_blank_values=True, strict_parsing=True)
    want = sorted({**MEMBERS, **common(key_id, timestamp, nonce), "Signature": signature}.items())
    expect(sorted(decoded) == want, "the body decodes to the parameters and the signature")
    return got[2]


def main():
    example = sys.argv[1]
    sig = check(example, [], KEY_ID, SECRET, TIMESTAMP, NONCE)
    expect(sig == KNOWN_SIGNATURE, "the fixed vector: " + KNOWN_SIGNATURE)
    expect(sign({**MEMBERS, **common(KEY_ID, TIMESTAMP, NONCE)}, SECRET)[2] == KNOWN_SIGNATURE,
           "this file's own computation gives the fixed vector")
    # The computation here reproduces the example of Alibaba Cloud's public
    # signature documentation (DescribeRegions, GET, secret "testsecret").
    documented = {"AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML",
                  "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                  "SignatureVersion": "1.0", "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26"}
    expect(sign(documented, "testsecret", "GET")[2] == "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
           "this file's computation gives the public documentation's example signature")
    other = ["LTAI-other", "s3cr3t/+=", "2030-01-31T23:59:59Z", "nonce with space"]
    sig2 = check(example, other, *other)
    expect(sig2 != KNOWN_SIGNATURE, "another key, timestamp and nonce sign differently")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

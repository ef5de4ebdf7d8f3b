// Checks the benchmark's JSON Schemas against the conformance cases: every
// case that a flat JSON object can express (no duplicate parameter, duplicate
// tag key, bad %-escape or ill-formed UTF-8 among its expected violations)
// must get the case's verdict from ajv, with the schema of the case's profile.
// Usage: node check_schema.mjs [CASES_JSONL]   (default tests/data/cases.jsonl)
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, "..", "data");
const casesPath = process.argv[2] ?? join(here, "..", "..", "tests", "data", "cases.jsonl");

const validators = {};
for (const [profile, file] of [["documented", "create_snapshot.schema.json"], ["hardened", "create_snapshot.hardened.schema.json"]]) {
  validators[profile] = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(data, file), "utf8")));
}

// SPEC §2.2 strict decoding of one part; null on a bad %-escape.
function decode(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x2b) out.push(0x20);
    else if (c === 0x25) {
      const h = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return null;
      out.push(parseInt(h, 16));
      i += 2;
    } else out.push(c);
  }
  return Buffer.from(out);
}

// The flat JSON object of a form body, as tools/bench/make_data.py makes it.
function toObject(body) {
  const obj = {};
  for (const seg of body.toString("latin1").split("&")) {
    if (!seg) continue;
    const eq = seg.indexOf("=");
    const rawName = Buffer.from(eq < 0 ? seg : seg.slice(0, eq), "latin1");
    const rawValue = Buffer.from(eq < 0 ? "" : seg.slice(eq + 1), "latin1");
    const name = (decode(rawName) ?? rawName).toString("utf8");
    const value = (decode(rawValue) ?? rawValue).toString("utf8");
    if (!(name in obj)) obj[name] = value;
  }
  return obj;
}

// Cases the schema cannot get right, and why.
const known = {
  "controls/Description#438": "U+0000 in a hardened free-text field: a RapidJSON pattern cannot hold U+0000",
};
const inexpressible = new Set(["duplicate_parameter", "duplicate_tag_key", "bad_encoding", "invalid_utf8"]);
let agree = 0, skipped = 0, knownCount = 0;
const wrong = [];
for (const line of readFileSync(casesPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  if (c.expect.violations.some((v) => inexpressible.has(v.code))) { skipped++; continue; }
  const body = c.body_hex !== undefined ? Buffer.from(c.body_hex, "hex") : Buffer.from(c.body, "utf8");
  const ok = validators[c.profile](toObject(body));
  if (ok === c.expect.ok) agree++;
  else if (known[c.name]) knownCount++;
  else wrong.push(`${c.name}: expected ${c.expect.ok ? "valid" : "invalid"}, ajv says ${ok ? "valid" : "invalid"}`);
}
for (const w of wrong) console.log(w);
console.log(`check_schema: ${agree} agree, ${wrong.length} disagree, ${knownCount} known exceptions, ${skipped} not expressible in JSON`);
process.exit(wrong.length ? 1 : 0);

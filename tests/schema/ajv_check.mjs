// Validates requests with ajv 8 (JSON Schema 2020-12, patterns with the `u`
// flag) for tests/schema_crosscheck_test.py. Reads JSON lines
// {"schema": PATH, "extra": [NAMES], "instance": OBJECT} on standard input and
// prints one line per input: true or false. "extra" names are added to the
// schema's properties (an allow-list) unless the schema has them already.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";

const compiled = new Map();
function validator(path, extra) {
  const key = path + "\u0000" + extra.join("\u0000");
  if (!compiled.has(key)) {
    const schema = JSON.parse(readFileSync(path, "utf8"));
    for (const name of extra) if (!(name in schema.properties)) schema.properties[name] = {};
    const ajv = new Ajv2020();  // default strictness: unknown keywords are errors
    compiled.set(key, ajv.compile(schema));
  }
  return compiled.get(key);
}

const out = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const job = JSON.parse(line);
  out.push(validator(job.schema, job.extra ?? [])(job.instance) ? "true" : "false");
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));

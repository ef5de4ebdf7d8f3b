// ajv 8 on the same flat JSON requests as the C++ peers in bench_validate
// (benchmarks/data/*.json, made by tools/bench/make_data.py), with the JSON
// Schemas exported from the table (schema/create_snapshot.*.schema.json,
// draft 2020-12; docs/schema.md). Measures validate-only (object already parsed)
// and JSON.parse + validate, in ns per request, and prints one JSON object:
//   {"context": {...}, "benchmarks": [{"name": "W1/ajv_validate", "ns_per_op": ..., "valid": true}, ...]}
// Usage: node bench.mjs [--min-time SECONDS] [--repetitions N] [--out FILE]
// (run `npm ci` in this folder first).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import Ajv2020 from "ajv/dist/2020.js";

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, "..", "data");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
function arg(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const minTime = Number(arg("--min-time", "0.5"));
const repetitions = Number(arg("--repetitions", "5"));
const out = arg("--out", "");

const workloads = [
  ["W1", "w1_typical", true],
  ["W2", "w2_max", true],
  ["W3", "w3_invalid", false],
];
const exported = join(here, "..", "..", "schema");
const schemas = [
  ["", "create_snapshot.documented.schema.json"],
  ["_hardened", "create_snapshot.hardened.schema.json"],
];

// Runs fn repeatedly for about minTime seconds; returns ns per call.
function measure(fn) {
  let sink = 0;
  // Warm up first, so that the JIT has compiled fn before anything counts.
  const warmEnd = process.hrtime.bigint() + 200000000n;
  while (process.hrtime.bigint() < warmEnd) for (let i = 0; i < 100; i++) sink += fn() ? 1 : 0;
  let n = 1;
  // Calibrate: grow the batch until it takes at least 10 ms.
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink += fn() ? 1 : 0;
    const dt = Number(process.hrtime.bigint() - t0);
    if (dt >= 1e7) break;
    n *= 2;
  }
  const samples = [];
  for (let r = 0; r < repetitions; r++) {
    let calls = 0;
    const t0 = process.hrtime.bigint();
    let dt = 0;
    while (dt < minTime * 1e9) {
      for (let i = 0; i < n; i++) sink += fn() ? 1 : 0;
      calls += n;
      dt = Number(process.hrtime.bigint() - t0);
    }
    samples.push(dt / calls);
  }
  if (sink < 0) console.error(sink);  // keeps the results alive
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], samples };
}

const results = [];
for (const [suffix, file] of schemas) {
  const schema = JSON.parse(readFileSync(join(exported, file), "utf8"));
  // Defaults: stop at the first error (like RapidJSON), Unicode-aware patterns.
  const ajv = new Ajv2020();
  const validate = ajv.compile(schema);
  for (const [id, name, expectValid] of workloads) {
    const text = readFileSync(join(data, name + ".json"), "utf8");
    const obj = JSON.parse(text);
    const valid = validate(obj);
    if (valid !== expectValid && suffix === "") {
      console.error(`${id}: ajv says ${valid ? "valid" : "invalid"}, expected the opposite`, validate.errors);
      process.exit(1);
    }
    const v = measure(() => validate(obj));
    results.push({ name: `${id}/ajv_validate${suffix}`, ns_per_op: v.median, min_ns: v.min, samples: v.samples, valid });
    const p = measure(() => validate(JSON.parse(text)));
    results.push({ name: `${id}/ajv_parse_validate${suffix}`, ns_per_op: p.median, min_ns: p.min, samples: p.samples, valid });
  }
}

const report = {
  context: {
    node: process.version,
    ajv: require("ajv/package.json").version,
    cpu: os.cpus()[0]?.model ?? "",
    min_time_s: minTime,
    repetitions,
  },
  benchmarks: results,
};
const text = JSON.stringify(report, null, 1) + "\n";
if (out) writeFileSync(out, text);
else process.stdout.write(text);
for (const r of results) console.error(`${r.name.padEnd(36)} ${r.ns_per_op.toFixed(0).padStart(10)} ns  (${r.valid ? "valid" : "invalid"})`);

// JSON input (issue 14, docs/json.md): W1 and W2 as JSON
// (benchmarks/data/w1_typical.json, w2_max.json), documented profile.
//
// Benchmarks are named WORKLOAD/WHAT:
//   simdjson_ondemand_parse_validate   ondemand::parser::iterate + json::validate
//   <lib>_parse                        the library's own parse into its DOM
//   <lib>_validate                     json::validate of the already parsed DOM
// for <lib> in nlohmann (ordered_json), boost_json, rapidjson, simdjson_dom.
// ajv's parse + validate (benchmarks/ajv, node) is in results/ajv.json;
// docs/performance.md compares the two. Every validation's verdict is
// checked before anything is timed. One iteration is one request.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <snapcheck/json/boost_json.hpp>
#include <snapcheck/json/nlohmann.hpp>
#include <snapcheck/json/rapidjson.hpp>
#include <snapcheck/json/simdjson.hpp>

#include "workloads.hpp"

namespace {

std::vector<bench::workload> workloads;
int failures = 0;

void expect(const bench::workload& w, const char* who, const snapcheck::result& r) {
  if (r.ok() != w.valid) {
    std::fprintf(stderr, "bench_json: %s/%s says %s\n", w.id.c_str(), who, r.ok() ? "valid" : "invalid");
    ++failures;
  }
}

template <class F>
void add(const bench::workload& w, const std::string& name, F body) {
  const auto bytes = static_cast<std::int64_t>(w.json.size());
  benchmark::RegisterBenchmark((w.id + "/" + name).c_str(), [body, bytes](benchmark::State& state) mutable {
    for (auto _ : state) body();
    state.SetItemsProcessed(static_cast<benchmark::IterationCount>(state.iterations()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
  });
}

// Parsed DOMs, kept for the validate-only runs (never moved after parsing).
struct doms {
  nlohmann::ordered_json nlohmann;
  boost::json::value boost;
  rapidjson::Document rapid;
  simdjson::dom::parser simd_parser;
  simdjson::dom::element simd;
};
std::vector<std::unique_ptr<doms>> parsed;

void register_json(const bench::workload& w) {
  auto& d = *parsed.emplace_back(std::make_unique<doms>());
  d.nlohmann = nlohmann::ordered_json::parse(w.json);
  d.boost = boost::json::parse(w.json);
  d.rapid.Parse(w.json.data(), w.json.size());
  if (d.simd_parser.parse(w.json).get(d.simd)) ++failures;
  expect(w, "nlohmann_validate", snapcheck::json::validate(d.nlohmann));
  expect(w, "boost_json_validate", snapcheck::json::validate(d.boost));
  expect(w, "rapidjson_validate", snapcheck::json::validate(d.rapid));
  expect(w, "simdjson_dom_validate", snapcheck::json::validate(d.simd));

  // On Demand: parse + validate, from a padded copy made once.
  auto padded = std::make_shared<simdjson::padded_string>(w.json);
  auto od = std::make_shared<simdjson::ondemand::parser>();
  {
    simdjson::ondemand::document doc = od->iterate(*padded).value_unsafe();
    expect(w, "simdjson_ondemand_parse_validate", snapcheck::json::validate(doc));
  }
  add(w, "simdjson_ondemand_parse_validate", [padded, od] {
    simdjson::ondemand::document doc;
    if (od->iterate(*padded).get(doc)) std::abort();
    auto r = snapcheck::json::validate(doc);
    benchmark::DoNotOptimize(r);
  });

  const std::string* text = &w.json;
  add(w, "nlohmann_parse", [text] {
    auto j = nlohmann::ordered_json::parse(*text);
    benchmark::DoNotOptimize(j);
  });
  add(w, "nlohmann_validate", [&d] {
    auto r = snapcheck::json::validate(d.nlohmann);
    benchmark::DoNotOptimize(r);
  });
  add(w, "boost_json_parse", [text] {
    auto v = boost::json::parse(*text);
    benchmark::DoNotOptimize(v);
  });
  add(w, "boost_json_validate", [&d] {
    auto r = snapcheck::json::validate(d.boost);
    benchmark::DoNotOptimize(r);
  });
  add(w, "rapidjson_parse", [text] {
    rapidjson::Document doc;
    doc.Parse(text->data(), text->size());
    benchmark::DoNotOptimize(doc);
  });
  add(w, "rapidjson_validate", [&d] {
    auto r = snapcheck::json::validate(d.rapid);
    benchmark::DoNotOptimize(r);
  });
  auto simd_parser = std::make_shared<simdjson::dom::parser>();
  add(w, "simdjson_dom_parse", [text, simd_parser] {
    simdjson::dom::element e;
    if (simd_parser->parse(*text).get(e)) std::abort();
    benchmark::DoNotOptimize(e);
  });
  add(w, "simdjson_dom_validate", [&d] {
    auto r = snapcheck::json::validate(d.simd);
    benchmark::DoNotOptimize(r);
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  workloads = bench::load_workloads(error);
  if (workloads.empty()) {
    std::fprintf(stderr, "bench_json: %s\n", error.c_str());
    return 1;
  }
  parsed.reserve(workloads.size());
  for (const auto& w : workloads)
    if (w.id == "W1" || w.id == "W2") register_json(w);
  if (failures) {
    std::fprintf(stderr, "bench_json: %d verdict check(s) failed; nothing timed\n", failures);
    return 1;
  }
  benchmark::AddCustomContext("simdjson_implementation",
                              std::string(simdjson::get_active_implementation()->name()) + " (DOM); " +
                                  simdjson::builtin_implementation()->name() + " (On Demand, compiled in)");
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

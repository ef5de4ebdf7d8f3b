// snapcheck and its peers, side by side in one binary, on the same requests
// (benchmarks/data/: W1 typical, W2 maximal valid, W3 invalid).
//
// Benchmarks are named WORKLOAD/VALIDATOR:
//   snapcheck_form_{documented,hardened}    validate_form on the body
//   snapcheck_params_{documented,hardened}  validate_params on pre-decoded pairs
//   floor, floor_params                     decode everything, check nothing (floor.hpp)
//   naive                                   std::map + UTF-32 + std::wregex per rule (naive.hpp)
//   rapidjson_validate[_hardened]           RapidJSON SchemaValidator, DOM already parsed
//   rapidjson_parse_validate                RapidJSON parse + SchemaValidator
//   valijson_validate[_hardened]            valijson over RapidJSON's DOM, already parsed
//   valijson_parse_validate                 RapidJSON parse + valijson
//   valijson_validate_all_errors            (W3) valijson collecting every error
// The JSON peers use benchmarks/data/create_snapshot[.hardened].schema.json
// on the flat JSON twin of each body. Every validator's verdict is checked
// before anything is timed: a peer that disagrees stops the run.
// Each iteration is one request; items_per_second is requests per second.
#if SNAPCHECK_BENCH_VALIJSON
#include <valijson/adapters/rapidjson_adapter.hpp>  // before RapidJSON, as valijson asks
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#endif
#if SNAPCHECK_BENCH_RAPIDJSON
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#endif

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <snapcheck/snapcheck.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "floor.hpp"
#include "naive.hpp"
#include "workloads.hpp"

namespace {

std::vector<bench::workload> workloads;  // loaded once, never resized after
int failures = 0;

void fail(const std::string& what) {
  std::fprintf(stderr, "bench_validate: %s\n", what.c_str());
  ++failures;
}

void expect_verdict(const bench::workload& w, const char* who, bool got) {
  if (got != w.valid)
    fail(w.id + "/" + who + " says " + (got ? "valid" : "invalid") + ", expected " + (w.valid ? "valid" : "invalid"));
}

// Registers WORKLOAD/NAME running body once per iteration.
template <class F>
void add(const bench::workload& w, const std::string& name, F body) {
  const std::size_t bytes = w.body.size();
  benchmark::RegisterBenchmark((w.id + "/" + name).c_str(), [body, bytes](benchmark::State& state) {
    for (auto _ : state) body();
    state.SetItemsProcessed(static_cast<benchmark::IterationCount>(state.iterations()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
  });
}

snapcheck::options profile_options(snapcheck::profile p) {
  snapcheck::options o;
  o.profile = p;
  return o;
}

void register_snapcheck(const bench::workload& w) {
  const std::pair<const char*, snapcheck::profile> profiles[] = {
      {"documented", snapcheck::profile::documented}, {"hardened", snapcheck::profile::hardened}};
  for (const auto& [pname, p] : profiles) {
    const snapcheck::options opt = profile_options(p);
    const std::string_view body = w.body;
    const auto* params = &w.params;

    const auto form = snapcheck::validate_form(body, opt);
    const auto list = snapcheck::validate_params(*params, opt);
    expect_verdict(w, "snapcheck_form", form.ok());
    expect_verdict(w, "snapcheck_params", list.ok());
    if (w.id == "W3" && p == snapcheck::profile::documented && form.found() != 27)
      fail("W3/snapcheck_form_documented found " + std::to_string(form.found()) + " violations, expected 27");

    add(w, std::string("snapcheck_form_") + pname, [body, opt] {
      std::string_view b = body;
      benchmark::DoNotOptimize(b);
      auto r = snapcheck::validate_form(b, opt);
      benchmark::DoNotOptimize(r);
    });
    add(w, std::string("snapcheck_params_") + pname, [params, opt] {
      benchmark::DoNotOptimize(params);
      auto r = snapcheck::validate_params(*params, opt);
      benchmark::DoNotOptimize(r);
    });
  }
}

void register_floor(const bench::workload& w) {
  const std::string_view body = w.body;
  const auto* params = &w.params;
  add(w, "floor", [body] {
    std::string_view b = body;
    benchmark::DoNotOptimize(b);
    auto sum = bench::floor_form(b);
    benchmark::DoNotOptimize(sum);
  });
  add(w, "floor_params", [params] {
    benchmark::DoNotOptimize(params);
    auto sum = bench::floor_params(*params);
    benchmark::DoNotOptimize(sum);
  });
}

void register_naive(const bench::workload& w) {
  static const naive::validator v;  // regexes built once, as a service would
  expect_verdict(w, "naive", v.validate(w.body).ok());
  const std::string_view body = w.body;
  add(w, "naive", [body] {
    std::string_view b = body;
    benchmark::DoNotOptimize(b);
    auto r = v.validate(b);
    benchmark::DoNotOptimize(r);
  });
}

#if SNAPCHECK_BENCH_RAPIDJSON
std::string schema_text(const char* file) {
  auto text = bench::read_file(bench::data_path(file));
  if (!text) fail(std::string("cannot read ") + bench::data_path(file));
  return text.value_or("{}");
}

// A parsed schema with the validator that runs it (kept across requests; the
// validator is Reset() before each one).
struct rapidjson_peer {
  rapidjson::Document schema_dom;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
  std::unique_ptr<rapidjson::SchemaValidator> validator;

  explicit rapidjson_peer(const std::string& text) {
    if (schema_dom.Parse(text.c_str(), text.size()).HasParseError())
      fail(std::string("RapidJSON cannot parse the schema: ") + rapidjson::GetParseError_En(schema_dom.GetParseError()));
    schema = std::make_unique<rapidjson::SchemaDocument>(schema_dom);
    validator = std::make_unique<rapidjson::SchemaValidator>(*schema);
  }
  bool validate(const rapidjson::Document& doc) {
    validator->Reset();
    return doc.Accept(*validator) && validator->IsValid();
  }
};

std::unique_ptr<rapidjson::Document> parse_json(const bench::workload& w) {
  auto doc = std::make_unique<rapidjson::Document>();
  if (doc->Parse(w.json.c_str(), w.json.size()).HasParseError()) fail(w.id + ": RapidJSON cannot parse " + w.file + ".json");
  return doc;
}

void register_rapidjson(const bench::workload& w) {
  static rapidjson_peer documented(schema_text("create_snapshot.schema.json"));
  static rapidjson_peer hardened(schema_text("create_snapshot.hardened.schema.json"));
  // The parsed requests live as long as the benchmarks.
  static std::vector<std::unique_ptr<rapidjson::Document>> docs;
  docs.push_back(parse_json(w));
  const rapidjson::Document* doc = docs.back().get();
  expect_verdict(w, "rapidjson", documented.validate(*doc));
  expect_verdict(w, "rapidjson_hardened", hardened.validate(*doc));

  add(w, "rapidjson_validate", [doc] {
    bool ok = documented.validate(*doc);
    benchmark::DoNotOptimize(ok);
  });
  const std::string* json = &w.json;
  add(w, "rapidjson_parse_validate", [json] {
    rapidjson::Document d;
    d.Parse(json->c_str(), json->size());
    bool ok = !d.HasParseError() && documented.validate(d);
    benchmark::DoNotOptimize(ok);
  });
  add(w, "rapidjson_validate_hardened", [doc] {
    bool ok = hardened.validate(*doc);
    benchmark::DoNotOptimize(ok);
  });
}
#endif

#if SNAPCHECK_BENCH_VALIJSON
// valijson reads the schema through its RapidJSON adapter; the validator keeps
// its compiled std::regex cache across requests.
struct valijson_peer {
  rapidjson::Document schema_dom;
  valijson::Schema schema;
  valijson::Validator validator;

  explicit valijson_peer(const std::string& text) {
    if (schema_dom.Parse(text.c_str(), text.size()).HasParseError()) fail("valijson: cannot parse the schema");
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::RapidJsonAdapter adapter(schema_dom);
    parser.populateSchema(adapter, schema);
  }
  bool validate(const rapidjson::Value& doc, valijson::ValidationResults* results = nullptr) {
    valijson::adapters::RapidJsonAdapter target(doc);
    return validator.validate(schema, target, results);
  }
};

void register_valijson(const bench::workload& w) {
  static valijson_peer documented(schema_text("create_snapshot.schema.json"));
  static valijson_peer hardened(schema_text("create_snapshot.hardened.schema.json"));
  static std::vector<std::unique_ptr<rapidjson::Document>> docs;
  docs.push_back(parse_json(w));
  const rapidjson::Document* doc = docs.back().get();
  expect_verdict(w, "valijson", documented.validate(*doc));
  expect_verdict(w, "valijson_hardened", hardened.validate(*doc));

  add(w, "valijson_validate", [doc] {
    bool ok = documented.validate(*doc);
    benchmark::DoNotOptimize(ok);
  });
  const std::string* json = &w.json;
  add(w, "valijson_parse_validate", [json] {
    rapidjson::Document d;
    d.Parse(json->c_str(), json->size());
    bool ok = !d.HasParseError() && documented.validate(d);
    benchmark::DoNotOptimize(ok);
  });
  add(w, "valijson_validate_hardened", [doc] {
    bool ok = hardened.validate(*doc);
    benchmark::DoNotOptimize(ok);
  });
  if (!w.valid) {
    add(w, "valijson_validate_all_errors", [doc] {
      valijson::ValidationResults results;
      bool ok = documented.validate(*doc, &results);
      benchmark::DoNotOptimize(ok);
      benchmark::DoNotOptimize(results);
    });
  }
}
#endif

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  workloads = bench::load_workloads(error);
  if (workloads.empty()) {
    std::fprintf(stderr, "bench_validate: %s\n", error.c_str());
    return 1;
  }
  for (const auto& w : workloads) {
    register_snapcheck(w);
    register_floor(w);
    register_naive(w);
#if SNAPCHECK_BENCH_RAPIDJSON
    register_rapidjson(w);
#endif
#if SNAPCHECK_BENCH_VALIJSON
    register_valijson(w);
#endif
  }
  if (failures) {
    std::fprintf(stderr, "bench_validate: %d verdict check(s) failed; nothing timed\n", failures);
    return 1;
  }
  benchmark::AddCustomContext("snapcheck_peers", std::string("floor naive") +
#if SNAPCHECK_BENCH_RAPIDJSON
                                                     " rapidjson" +
#endif
#if SNAPCHECK_BENCH_VALIJSON
                                                     " valijson" +
#endif
                                                     "");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

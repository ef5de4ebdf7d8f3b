// The client encoder (SPEC §10) against its floor: a plain percent-encoding
// loop over the same bytes (below), on the decoded parameters of W1 and W2.
//
//   encode_floor/Wn    the plain loop: a table lookup per byte, the byte or
//                      "%HH", '=' and '&' between; no capacity checks
//   encode_typed/Wn    snapcheck::encode of a create_snapshot_request holding
//                      the workload's parameters, table order
//   encode_sorted/Wn   the same, signature v1's sorted order
//   encode_params/Wn   snapcheck::encode_params over the (name, value) list
//
// Every encoder's output is checked against the floor's before anything is
// timed. Allocations are counted (a replaced operator new) inside every
// timed loop and reported as the counter `allocs` (it must be 0). After the
// run, one line per workload gives encode_typed / encode_floor (the target:
// at most 1.0) and the others' ratios.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "workloads.hpp"

namespace {

std::atomic<std::size_t> allocations{0};

}  // namespace

// Plain and array new, counted; memory from malloc, so free releases it
// (GCC 12 cannot see that through the replacement: -Wmismatched-new-delete).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

// The floor: one table lookup per byte.
struct floor_table {
  bool keep[256]{};
  constexpr floor_table() {
    for (int c = 0; c < 256; ++c)
      keep[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~';
  }
};
constexpr floor_table floor_keep{};
constexpr char floor_hex[] = "0123456789ABCDEF";

char* floor_component(std::string_view s, char* o) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (floor_keep.keep[c]) {
      *o++ = ch;
    } else {
      o[0] = '%';
      o[1] = floor_hex[c >> 4];
      o[2] = floor_hex[c & 15];
      o += 3;
    }
  }
  return o;
}

std::size_t floor_encode(const std::vector<std::pair<std::string_view, std::string_view>>& ps, char* out) {
  char* o = out;
  bool first = true;
  for (const auto& [n, v] : ps) {
    if (!first) *o++ = '&';
    first = false;
    o = floor_component(n, o);
    *o++ = '=';
    o = floor_component(v, o);
  }
  return static_cast<std::size_t>(o - out);
}

struct prepared {
  std::string id;
  std::vector<std::pair<std::string_view, std::string_view>> params;
  std::vector<snapcheck::param> list;
  snapcheck::create_snapshot_request request;
  std::size_t size = 0;
};

std::vector<bench::workload> workloads;
std::vector<prepared> inputs;
int failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "bench_encode: %s\n", what.c_str());
    ++failures;
  }
}

template <class F>
void timed(benchmark::State& state, std::size_t size, F&& encode_once) {
  std::string out(size + 64, '\0');
  const std::size_t before = allocations.load();
  for (auto _ : state) {
    benchmark::DoNotOptimize(encode_once(out.data(), out.size()));
    benchmark::ClobberMemory();
  }
  state.counters["allocs"] = static_cast<double>(allocations.load() - before);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}

void register_all(const prepared& p) {
  benchmark::RegisterBenchmark(("encode_floor/" + p.id).c_str(), [&p](benchmark::State& s) {
    timed(s, p.size, [&](char* out, std::size_t) { return floor_encode(p.params, out); });
  });
  benchmark::RegisterBenchmark(("encode_typed/" + p.id).c_str(), [&p](benchmark::State& s) {
    timed(s, p.size, [&](char* out, std::size_t cap) { return snapcheck::encode(p.request, out, cap); });
  });
  benchmark::RegisterBenchmark(("encode_sorted/" + p.id).c_str(), [&p](benchmark::State& s) {
    timed(s, p.size, [&](char* out, std::size_t cap) {
      return snapcheck::encode(p.request, out, cap, {snapcheck::param_order::sorted, {}});
    });
  });
  benchmark::RegisterBenchmark(("encode_params/" + p.id).c_str(), [&p](benchmark::State& s) {
    timed(s, p.size, [&](char* out, std::size_t cap) { return snapcheck::encode_params(p.list, out, cap); });
  });
}

// Keeps each run's time per iteration, and prints the ratios at the end.
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (r.run_type == Run::RT_Iteration) ns_[r.benchmark_name()] = r.GetAdjustedCPUTime();
    ConsoleReporter::ReportRuns(runs);
  }
  void summary() const {
    for (const prepared& p : inputs) {
      const auto at = [&](const std::string& kind) {
        const auto it = ns_.find(kind + "/" + p.id);
        return it == ns_.end() ? 0.0 : it->second;
      };
      const double fl = at("encode_floor");
      if (fl <= 0) continue;
      std::printf("%s: encode_typed / encode_floor = %.2f (target <= 1.0: %s); encode_params %.2f; "
                  "encode_sorted %.2f; floor %.0f ns (CPU) for %zu bytes\n",
                  p.id.c_str(), at("encode_typed") / fl, at("encode_typed") / fl <= 1.0 ? "met" : "MISSED",
                  at("encode_params") / fl, at("encode_sorted") / fl, fl, p.size);
    }
  }

 private:
  std::map<std::string, double> ns_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  workloads = bench::load_workloads(error);
  if (workloads.empty()) {
    std::fprintf(stderr, "bench_encode: %s\n", error.c_str());
    return 1;
  }
  inputs.reserve(2);
  for (const auto& w : workloads) {
    if (w.id != "W1" && w.id != "W2") continue;
    prepared& p = inputs.emplace_back();
    p.id = w.id;
    p.params = w.params;
    for (const auto& [n, v] : w.params) {
      p.list.push_back({n, v});
      const std::size_t slot = snapcheck::create_snapshot_request::slot_named(n);
      check(slot != snapcheck::create_snapshot_request::slot_count && !p.request.at(slot),
            w.id + ": '" + std::string(n) + "' is not a member of the typed request, or is repeated");
      if (slot != snapcheck::create_snapshot_request::slot_count) p.request.set_slot(slot, v);
    }
    std::string want(4 * w.body.size() + 64, '\0');
    p.size = floor_encode(p.params, want.data());
    want.resize(p.size);
    check(snapcheck::encode(p.request) == want, w.id + ": encode(request) differs from the floor's bytes");
    check(snapcheck::encode_params(p.list) == want, w.id + ": encode_params differs from the floor's bytes");
    check(snapcheck::validate(p.request).ok() == w.valid, w.id + ": validate(request) disagrees with the workload");
  }
  if (failures) return 1;
  for (const prepared& p : inputs) register_all(p);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.summary();
  benchmark::Shutdown();
  return 0;
}

// Validates one workload N times, for instruction counts under
// valgrind --tool=callgrind (tools/bench/callgrind.sh runs it with N and 0 and
// reports the difference divided by N: instructions per request).
//   callgrind_driver MODE FILE N
// MODE: form_documented form_hardened params_documented params_hardened
//       floor floor_params
// FILE: a name in benchmarks/data without extension (w1_typical, ...).
#include <cstdio>
#include <cstdlib>
#include <snapcheck/snapcheck.hpp>
#include <string>
#include <string_view>

#include "floor.hpp"
#include "workloads.hpp"

namespace {

// Makes the compiler assume v is read and may have changed, so that no call
// is hoisted out of the loop or dropped.
template <class T>
void keep(T& v) {
  asm volatile("" : "+m"(v) : : "memory");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: callgrind_driver MODE FILE N\n");
    return 2;
  }
  const std::string mode = argv[1];
  auto body = bench::read_file(bench::data_path(std::string(argv[2]) + ".form"));
  if (!body) {
    std::fprintf(stderr, "callgrind_driver: cannot read %s\n", argv[2]);
    return 2;
  }
  const long n = std::strtol(argv[3], nullptr, 10);
  const auto decoded = bench::decode_form(*body);
  std::vector<std::pair<std::string_view, std::string_view>> params(decoded.begin(), decoded.end());

  snapcheck::options opt;
  if (mode.ends_with("hardened")) opt.profile = snapcheck::profile::hardened;
  std::size_t found = 0;
  std::uint64_t sum = 0;
  std::string_view b = *body;
  const auto* p = &params;
  if (mode == "form_documented" || mode == "form_hardened") {
    for (long i = 0; i < n; ++i) {
      keep(b);
      auto r = snapcheck::validate_form(b, opt);
      found += r.found();
    }
  } else if (mode == "params_documented" || mode == "params_hardened") {
    for (long i = 0; i < n; ++i) {
      keep(p);
      auto r = snapcheck::validate_params(*p, opt);
      found += r.found();
    }
  } else if (mode == "floor") {
    for (long i = 0; i < n; ++i) {
      keep(b);
      sum += bench::floor_form(b);
    }
  } else if (mode == "floor_params") {
    for (long i = 0; i < n; ++i) {
      keep(p);
      sum += bench::floor_params(*p);
    }
  } else {
    std::fprintf(stderr, "callgrind_driver: unknown mode %s\n", mode.c_str());
    return 2;
  }
  std::printf("%s %s n=%ld found=%zu sum=%llu\n", argv[1], argv[2], n, found, static_cast<unsigned long long>(sum));
  return 0;
}

// The benchmark workloads (benchmarks/data/): each form body, its flat JSON
// twin (made by tools/bench/make_data.py), and its decoded parameter list for
// validate_params. Loading allocates freely; what is measured never does.
// Used by bench_validate, callgrind_driver and tests/alloc/no_alloc_test.
#ifndef SNAPCHECK_BENCH_WORKLOADS_HPP
#define SNAPCHECK_BENCH_WORKLOADS_HPP

#include <cstddef>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef SNAPCHECK_BENCH_DATA
#error "SNAPCHECK_BENCH_DATA must name the benchmarks/data folder"
#endif

namespace bench {

struct workload {
  std::string id;           // "W1"
  std::string file;         // "w1_typical"
  std::string what;         // one line for reports
  bool valid = true;        // the verdict every validator must reach
  std::string body;         // the form body, as sent
  std::string json;         // the same request as a flat JSON object
  // Decoded (name, value) pairs in body order (SPEC §2.2; a part with a bad
  // %-escape is kept as sent), and views of them for validate_params.
  std::vector<std::pair<std::string, std::string>> decoded;
  std::vector<std::pair<std::string_view, std::string_view>> params;
};

[[nodiscard]] inline std::string data_path(std::string_view name) {
  return std::string(SNAPCHECK_BENCH_DATA) + "/" + std::string(name);
}

// Returns the bytes of a file, or nullopt when it cannot be read.
[[nodiscard]] inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

[[nodiscard]] inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Strict form decoding (SPEC §2.2): '+' is a space, %HH a byte; nullopt on any
// other '%'.
[[nodiscard]] inline std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_digit(s[i + 1]);
      const int lo = hex_digit(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Splits a form body into decoded pairs: '&' separates, empty segments are
// skipped, a segment splits at its first '='.
[[nodiscard]] inline std::vector<std::pair<std::string, std::string>> decode_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    if (end > start) {
      const std::string_view seg = body.substr(start, end - start);
      const std::size_t eq = seg.find('=');
      const std::string_view name = seg.substr(0, eq);
      const std::string_view value = eq == std::string_view::npos ? std::string_view{} : seg.substr(eq + 1);
      out.emplace_back(percent_decode(name).value_or(std::string(name)),
                       percent_decode(value).value_or(std::string(value)));
    }
    start = end + 1;
  }
  return out;
}

struct workload_info {
  const char* id;
  const char* file;
  const char* what;
  bool valid;
};

inline constexpr workload_info all_workloads[] = {
    {"W1", "w1_typical", "typical request (471 B, 3 tags)", true},
    {"W2", "w2_max", "maximal valid request (28 KB, 20 tags, long Chinese text)", true},
    {"W3", "w3_invalid", "invalid request (1.5 KB, 27 violations)", false},
};

// Loads every workload; error holds the reason when one cannot be read.
[[nodiscard]] inline std::vector<workload> load_workloads(std::string& error) {
  std::vector<workload> out;
  for (const auto& info : all_workloads) {
    workload w;
    w.id = info.id;
    w.file = info.file;
    w.what = info.what;
    w.valid = info.valid;
    auto body = read_file(data_path(w.file + ".form"));
    auto json = read_file(data_path(w.file + ".json"));
    if (!body || !json) {
      error = "cannot read " + data_path(w.file) + ".form or .json";
      return {};
    }
    w.body = std::move(*body);
    w.json = std::move(*json);
    w.decoded = decode_form(w.body);
    out.push_back(std::move(w));
  }
  // Views last: the strings no longer move.
  for (auto& w : out) {
    w.params.reserve(w.decoded.size());
    for (const auto& [n, v] : w.decoded) w.params.emplace_back(n, v);
  }
  return out;
}

}  // namespace bench

#endif

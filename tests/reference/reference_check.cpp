// reference_check <cases.jsonl>
// Runs every conformance case through snapref::validate_form (or, for a case
// with a "query", through snapref::validate_request) and, when the request
// has no bad percent escape, through snapref::validate_params on the decoded
// list (the query's parameters, then the body's); a case's "allow" list is
// the allow-list; compares as tests/data/README.md says (ok, truncated, and the multiset
// of field, code, severity, api_code, at, length, limit; only the count for
// truncated cases). Prints mismatches and, last, "N passed, M failed".
//
// Build (from the project root):
//   g++ -std=c++20 -O2 -Wall -Wextra tests/reference/reference.cpp
//       tests/reference/reference_check.cpp -o /tmp/refcheck
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../support/mini_json.hpp"
#include "reference.hpp"

namespace {

using key = std::tuple<std::string, std::string, std::string, std::string, std::optional<long long>,
                       std::optional<long long>, std::optional<long long>>;

// The expectations are the CLI's JSON, which gives no limit for
// too_many_parameters (SPEC §8); the reference does (§6).
key key_of(const snapref::violation& v) {
  return {v.field, v.code, v.severity, v.api_code, v.at, v.length,
          v.code == "too_many_parameters" ? std::nullopt : v.limit};
}

std::optional<long long> opt_int(const mini_json::value& obj, const char* name) {
  const mini_json::value* m = obj.find(name);
  if (m == nullptr || m->is(mini_json::value::kind::null)) return std::nullopt;
  return m->as_int();
}

key key_of(const mini_json::value& v) {
  return {v.at("field").str(), v.at("code").str(), v.at("severity").str(), v.at("api_code").str(),
          opt_int(v, "at"), opt_int(v, "length"), opt_int(v, "limit")};
}

std::string show_opt(const std::optional<long long>& o) { return o ? std::to_string(*o) : "-"; }

std::string show(const key& k) {
  std::ostringstream s;
  s << "{field=\"" << std::get<0>(k) << "\" code=" << std::get<1>(k) << " severity=" << std::get<2>(k)
    << " api=" << std::get<3>(k) << " at=" << show_opt(std::get<4>(k)) << " length=" << show_opt(std::get<5>(k))
    << " limit=" << show_opt(std::get<6>(k)) << "}";
  return s.str();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])));
  return out;
}

// Form decoding for the validate_params path; false when some escape is bad.
bool decode_component(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out.push_back(' ');
    } else if (in[i] == '%') {
      if (i + 2 >= in.size() || hex_digit(in[i + 1]) < 0 || hex_digit(in[i + 2]) < 0) return false;
      out.push_back(static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return true;
}

bool decode_body(const std::string& body, std::vector<std::pair<std::string, std::string>>& params) {
  params.clear();
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const std::string seg = body.substr(start, end - start);
    start = end + 1;
    if (seg.empty()) continue;
    const std::size_t eq = seg.find('=');
    std::string name, value;
    if (!decode_component(seg.substr(0, eq), name)) return false;
    if (eq != std::string::npos && !decode_component(seg.substr(eq + 1), value)) return false;
    params.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

// Returns an empty string when the result agrees with the expectation.
std::string compare(const std::vector<snapref::violation>& got, const mini_json::value& expect) {
  std::ostringstream why;
  bool ok = true;
  for (const auto& v : got)
    if (v.severity == "error") ok = false;
  if (ok != expect.at("ok").as_bool()) why << "  ok: got " << ok << ", expected " << expect.at("ok").as_bool() << "\n";
  const bool truncated = expect.at("truncated").as_bool();
  const auto& items = expect.at("violations").items;
  if (truncated) {
    if (got.size() <= 64 || items.size() != 64)
      why << "  truncated: got " << got.size() << " violations (expected more than 64)\n";
    return why.str();
  }
  if (got.size() > 64) why << "  got " << got.size() << " violations, the expectation is not truncated\n";
  std::vector<key> a, b;
  for (const auto& v : got) a.push_back(key_of(v));
  for (const auto& v : items) b.push_back(key_of(v));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) {
    std::vector<key> extra, lacking;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(extra));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(lacking));
    for (const auto& k : extra) why << "  unexpected " << show(k) << "\n";
    for (const auto& k : lacking) why << "  missing    " << show(k) << "\n";
  }
  return why.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: reference_check <cases.jsonl>\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 2;
  }
  int passed = 0, failed = 0, params_runs = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    mini_json::value c;
    try {
      c = mini_json::parse(line);
    } catch (const std::exception& e) {
      std::cout << "bad case line: " << e.what() << "\n";
      ++failed;
      continue;
    }
    const std::string name = c.at("name").str();
    const std::string body = c.find("body") != nullptr ? c.at("body").str() : from_hex(c.at("body_hex").str());
    snapref::options opt;
    opt.hardened = c.at("profile").str() == "hardened";
    if (const mini_json::value* allow = c.find("allow"))
      for (const auto& a : allow->items) opt.allow.push_back(a.str());
    const mini_json::value& expect = c.at("expect");
    const mini_json::value* query_member = c.find("query");
    if (query_member == nullptr) query_member = c.find("query_hex");
    const std::string query = query_member == nullptr ? std::string()
                              : c.find("query") != nullptr ? query_member->str()
                                                           : from_hex(query_member->str());

    std::string why = query_member != nullptr ? compare(snapref::validate_request(query, body, opt), expect)
                                              : compare(snapref::validate_form(body, opt), expect);
    if (!why.empty()) why = (query_member != nullptr ? " validate_request:\n" : " validate_form:\n") + why;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::pair<std::string, std::string>> body_params;
    if (decode_body(query, params) && decode_body(body, body_params)) {
      params.insert(params.end(), body_params.begin(), body_params.end());
      ++params_runs;
      const std::string w = compare(snapref::validate_params(params, opt), expect);
      if (!w.empty()) why += " validate_params:\n" + w;
    }
    if (why.empty()) {
      ++passed;
    } else {
      ++failed;
      std::cout << "FAIL " << name << " (" << c.at("profile").str() << ")\n" << why;
    }
  }
  std::cout << "(validate_params ran on " << params_runs << " cases)\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

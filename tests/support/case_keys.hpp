// The comparison keys of the conformance suites: one string per violation,
// with every member SPEC §8's violation objects carry (absent numbers as
// "-"), from a result or from a case's "violations" array. Sorted lists
// compare as multisets; in_order keeps the report order.
#ifndef SNAPCHECK_TESTS_SUPPORT_CASE_KEYS_HPP
#define SNAPCHECK_TESTS_SUPPORT_CASE_KEYS_HPP

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/strings.hpp>

#include "mini_json.hpp"

namespace case_keys {

using number = std::optional<std::uint64_t>;

inline std::string key(std::string_view field, std::string_view code, std::string_view severity,
                       std::string_view api_code, number at, number length, number limit) {
  const auto num = [](number v) { return v ? std::to_string(*v) : std::string("-"); };
  std::string s = "(field=";
  s.append(field).append(" code=").append(code).append(" severity=").append(severity);
  s.append(" api_code=").append(api_code).append(" at=").append(num(at));
  s.append(" length=").append(num(length)).append(" limit=").append(num(limit)).append(")");
  return s;
}

// The keys of r's violations in report order. SPEC §8's object has no limit
// for too_many_parameters.
inline std::vector<std::string> in_order(const snapcheck::result& r) {
  std::vector<std::string> out;
  for (const snapcheck::violation& v : r.violations())
    out.push_back(key(snapcheck::field_name(v.field), snapcheck::to_string(v.code), snapcheck::to_string(v.severity),
                      v.api_code, v.at ? number(*v.at) : std::nullopt, v.length ? number(*v.length) : std::nullopt,
                      v.limit && v.code != snapcheck::code::too_many_parameters ? number(*v.limit) : std::nullopt));
  return out;
}

inline std::vector<std::string> sorted(const snapcheck::result& r) {
  std::vector<std::string> out = in_order(r);
  std::sort(out.begin(), out.end());
  return out;
}

// The keys of a case's "violations" array, sorted.
inline std::vector<std::string> expected(const mini_json::value& violations) {
  const auto optional_number = [](const mini_json::value& v, std::string_view name) {
    const mini_json::value* m = v.find(name);
    return m == nullptr ? std::nullopt : number(static_cast<std::uint64_t>(m->as_int()));
  };
  std::vector<std::string> out;
  for (const mini_json::value& v : violations.items)
    out.push_back(key(v.at("field").str(), v.at("code").str(), v.at("severity").str(), v.at("api_code").str(),
                      optional_number(v, "at"), optional_number(v, "length"), optional_number(v, "limit")));
  std::sort(out.begin(), out.end());
  return out;
}

// One key a line, for a failure message that shows both lists whole.
inline std::string joined(const std::vector<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += k + "\n";
  return s;
}

}  // namespace case_keys

#endif

// Expectations for the SPEC suites: a wanted violation, a multiset
// comparison that explains itself on failure, and the smallest valid request.
#ifndef SNAPCHECK_TESTS_SUPPORT_EXPECT_HPP
#define SNAPCHECK_TESTS_SUPPORT_EXPECT_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

namespace expect {

namespace sc = snapcheck;
using params = std::vector<std::pair<std::string, std::string>>;

// An expected violation. Members left empty are not compared.
struct want {
  std::string field;
  sc::code code;
  std::optional<std::size_t> at{};
  std::optional<std::size_t> length{};
  std::optional<std::uint64_t> limit{};
  std::optional<sc::severity> severity{};
  std::string_view api{};
};

inline std::string describe(const sc::violation& v) {
  std::ostringstream s;
  s << '{' << sc::field_name(v.field) << ' ' << sc::to_string(v.code) << ' ' << sc::to_string(v.severity)
    << ' ' << v.api_code;
  if (v.at) s << " at=" << *v.at;
  if (v.length) s << " length=" << *v.length;
  if (v.limit) s << " limit=" << *v.limit;
  if (v.suggested_field.is_known()) s << " suggest=" << sc::field_name(v.suggested_field);
  if (!v.suggested_value.empty()) s << " suggest=" << v.suggested_value;
  s << '}';
  return s.str();
}

inline std::string describe(const sc::result& r) {
  std::string s = "[";
  for (const auto& v : r.violations()) s += describe(v);
  return s + "]";
}

inline std::string describe(const want& w) {
  std::ostringstream s;
  s << '{' << w.field << ' ' << sc::to_string(w.code);
  if (w.severity) s << ' ' << sc::to_string(*w.severity);
  if (!w.api.empty()) s << ' ' << w.api;
  if (w.at) s << " at=" << *w.at;
  if (w.length) s << " length=" << *w.length;
  if (w.limit) s << " limit=" << *w.limit;
  s << '}';
  return s.str();
}

inline bool matches(const sc::violation& v, const want& w) {
  return sc::field_name(v.field) == w.field && v.code == w.code && (!w.at || v.at == w.at) &&
         (!w.length || v.length == w.length) && (!w.limit || v.limit == w.limit) &&
         (!w.severity || v.severity == *w.severity) && (w.api.empty() || v.api_code == w.api);
}

// Returns "" when r holds exactly the wanted violations (as a multiset, none
// truncated), else a description of both lists.
inline std::string mismatch(const sc::result& r, const std::vector<want>& wanted) {
  std::vector<bool> used(r.violations().size(), false);
  bool good = !r.truncated() && r.found() == wanted.size() && r.violations().size() == wanted.size();
  for (const auto& w : wanted) {
    bool hit = false;
    for (std::size_t i = 0; i < r.violations().size() && !hit; ++i)
      if (!used[i] && matches(r.violations()[i], w)) used[i] = hit = true;
    good = good && hit;
  }
  if (good) return "";
  std::string s = "want [";
  for (const auto& w : wanted) s += describe(w);
  return s + "] got " + describe(r);
}

// Returns the first violation of r about field with code c, or nullptr.
inline const sc::violation* find(const sc::result& r, std::string_view field, sc::code c) {
  for (const auto& v : r.violations())
    if (v.code == c && sc::field_name(v.field) == field) return &v;
  return nullptr;
}

inline std::size_t count(const sc::result& r, sc::code c) {
  std::size_t n = 0;
  for (const auto& v : r.violations()) n += v.code == c ? 1u : 0u;
  return n;
}

// The two required parameters, then extra.
inline params base(params extra = {}) {
  params p{{"regionId", "cn"}, {"DiskId", "d"}};
  p.insert(p.end(), extra.begin(), extra.end());
  return p;
}

}  // namespace expect

#endif

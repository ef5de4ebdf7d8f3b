// Text helpers shared by the spec_fields and spec_hardened suites: building
// inputs (repeat, join, percent-encode) and summarising results.
#ifndef SNAPCHECK_TESTS_SUPPORT_REQUEST_TEXT_HPP
#define SNAPCHECK_TESTS_SUPPORT_REQUEST_TEXT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/strings.hpp>

namespace request_text {

namespace sc = snapcheck;

// Stands for "no such number" when a violation's optional is empty.
inline constexpr std::uint64_t none = ~std::uint64_t{0};

template <class T>
inline std::uint64_t num(const snapcheck::optional<T>& o) {
  return o ? static_cast<std::uint64_t>(*o) : none;
}

inline std::string rep(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// Returns the parts joined (GCC 12 misreports "literal" + std::string under
// -Wrestrict, so the tests build strings this way).
inline std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto p : parts) out.append(p);
  return out;
}

// Percent-encodes every byte except A-Z a-z 0-9 '.' '_' '-'.
inline std::string form_encode(std::string_view s) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    if (plain) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

inline std::string field_of(const sc::violation& v) { return sc::field_name(v.field); }

// "field:code" of every kept violation, sorted: SPEC fixes the order between
// parameters (§6), not among the violations of one parameter.
inline std::string summary(const sc::result& r) {
  std::vector<std::string> items;
  for (const auto& v : r.violations()) items.push_back(field_of(v) + ":" + std::string(sc::to_string(v.code)));
  std::sort(items.begin(), items.end());
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace request_text

#endif

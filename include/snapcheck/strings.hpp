// std::string conveniences over the allocation-free writers of render/:
// the field name, the message and the JSON of a result as strings. The one
// header that includes <string>: snapcheck.hpp leaves it out, so code that
// only validates does not pay for it.
#ifndef SNAPCHECK_STRINGS_HPP
#define SNAPCHECK_STRINGS_HPP

#include "version.hpp"  // first: below C++20 it stops with one #error
#if SNAPCHECK_HAS_CXX20

#include <cstddef>
#include <string>
#include <string_view>

#include "snapcheck.hpp"

namespace snapcheck {

// Returns the field name of a violation as given, valid UTF-8.
[[nodiscard]] inline std::string field_name(const field_path& p) {
  std::string s;
  write_field(p, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns the English message of v.
[[nodiscard]] inline std::string message(const violation& v) {
  std::string s;
  write_message(v, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns a result as a JSON string.
template <std::size_t N>
[[nodiscard]] std::string to_json(const basic_result<N>& r) {
  std::string s;
  write_json(r, [&](std::string_view part) { s.append(part); });
  return s;
}

}  // namespace snapcheck

#endif  // SNAPCHECK_HAS_CXX20
#endif

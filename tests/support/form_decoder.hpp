// An independent decoder of SPEC §2.2 for the tests: split on '&', skip
// empty segments, split at the first '=', '+' is a space, %HH a byte. It
// shares no code with the library, so it can be an oracle for it.
#ifndef SNAPCHECK_TESTS_SUPPORT_FORM_DECODER_HPP
#define SNAPCHECK_TESTS_SUPPORT_FORM_DECODER_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace test_support {

// Returns one decoded name or value; nullopt when some '%' is not followed
// by two hex digits.
inline std::optional<std::string> decode_component(std::string_view s) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] != '%') {
      out.push_back(s[i]);
    } else {
      if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) return std::nullopt;
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    }
  }
  return out;
}

using decoded_pairs = std::vector<std::pair<std::string, std::string>>;

// Returns the decoded (name, value) pairs of a form body; nullopt when a
// name or value has a bad '%'. With keep_bad_values, a value with a bad '%'
// is kept as given instead (the engine reads only the values of known names).
inline std::optional<decoded_pairs> decode_form(std::string_view body, bool keep_bad_values = false) {
  decoded_pairs out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view seg = body.substr(start, end - start);
    start = end + 1;
    if (seg.empty()) continue;
    const std::size_t eq = seg.find('=');
    const auto name = decode_component(seg.substr(0, eq));
    const std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : seg.substr(eq + 1);
    const auto value = decode_component(raw_value);
    if (!name || (!value && !keep_bad_values)) return std::nullopt;
    out.emplace_back(*name, value ? *value : std::string(raw_value));
  }
  return out;
}

}  // namespace test_support

#endif

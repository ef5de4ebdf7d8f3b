// ECMA-262 patterns (read with the `u` flag) for the rules of a table, written
// so that Python's `re` reads them the same way: the end of the value is
// `(?![\s\S])` (Python's `$` also matches before a final newline), digits are
// `[0-9]` (Python's `\d` takes every Unicode digit), Chinese characters are
// the characters themselves (SPEC §12), other non-printing characters of the
// BMP are `\uXXXX`, and the only escaped ASCII characters are ECMA-262's
// syntax characters (but `/`), which both engines accept escaped.
#ifndef SNAPCHECK_TOOLS_EXPORT_PATTERNS_HPP
#define SNAPCHECK_TOOLS_EXPORT_PATTERNS_HPP

#include <snapcheck/snapcheck.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace export_tool {

namespace sc = snapcheck;

inline constexpr const char* end_of_value = "(?![\\s\\S])";
inline constexpr const char* any_char = "[\\s\\S]";

// Returns the UTF-8 of a code point.
inline std::string utf8(char32_t cp) {
  std::string s;
  const auto u = static_cast<std::uint32_t>(cp);
  if (u < 0x80) {
    s += static_cast<char>(u);
  } else if (u < 0x800) {
    s += static_cast<char>(0xC0 | (u >> 6));
    s += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    s += static_cast<char>(0xE0 | (u >> 12));
    s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (u >> 18));
    s += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (u & 0x3F));
  }
  return s;
}

// Returns true for code points a pattern writes as a \uXXXX escape: C0, DEL,
// C1, the space separators and format characters of U+2000–U+206F, and the
// specials U+FE00–U+FE0F, U+FEFF, U+FFF0–U+FFFF.
inline bool escaped_in_pattern(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF);
}

inline std::string u_escape(char32_t cp) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
  return buf;
}

// One code point inside a character class.
inline std::string class_char(char32_t cp) {
  if (escaped_in_pattern(cp)) return u_escape(cp);
  if (cp == '\\' || cp == ']' || cp == '[' || cp == '^' || cp == '-') return std::string("\\") + static_cast<char>(cp);
  return utf8(cp);
}

// One code point outside a character class.
inline std::string text_char(char32_t cp) {
  if (escaped_in_pattern(cp)) return u_escape(cp);
  static constexpr sc::string_view syntax = "^$\\.*+?()[]{}|";
  if (cp < 0x80 && syntax.find(static_cast<char>(cp)) != sc::string_view::npos)
    return std::string("\\") + static_cast<char>(cp);
  return utf8(cp);
}

using interval = std::pair<char32_t, char32_t>;

// Returns the code points of a set as sorted, merged intervals.
inline std::vector<interval> intervals_of(const sc::char_set& s) {
  std::vector<interval> v;
  for (char32_t c = 0; c < 128; ++c)
    if (s.contains_ascii(static_cast<unsigned char>(c))) v.emplace_back(c, c);
  for (std::size_t i = 0; i < s.range_count; ++i) v.emplace_back(s.ranges[i].first, s.ranges[i].last);
  if (s.han)
    for (const auto& r : sc::unicode::detail::han_ranges) v.emplace_back(r.first, r.last);
  std::sort(v.begin(), v.end());
  std::vector<interval> merged;
  for (const auto& iv : v) {
    if (!merged.empty() && iv.first <= merged.back().second + 1)
      merged.back().second = std::max(merged.back().second, iv.second);
    else merged.push_back(iv);
  }
  return merged;
}

// Returns a character class of the set ([...]), or of its complement ([^...]).
// An empty set is (?!) (matches nothing); its complement is [\s\S].
inline std::string char_class(const sc::char_set& s, bool negated) {
  const auto ivs = intervals_of(s);
  if (ivs.empty()) return negated ? any_char : "(?!)";
  std::string out = negated ? "[^" : "[";
  for (const auto& [first, last] : ivs) {
    out += class_char(first);
    if (last == first + 1) out += class_char(last);
    else if (last > first) out += "-" + class_char(last);
  }
  return out + "]";
}

// Decodes the UTF-8 of a table text (table texts are valid UTF-8).
inline std::vector<char32_t> code_points_of(sc::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Returns a pattern matching the text exactly, or with ASCII letters in either
// case (SPEC §1 "ASCII case-insensitive").
inline std::string literal(sc::string_view text, sc::case_mode cases) {
  std::string out;
  for (const char32_t cp : code_points_of(text)) {
    const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cases == sc::case_mode::ascii_insensitive && letter) {
      const char lo = static_cast<char>(cp | 0x20);
      out += '[';
      out += static_cast<char>(lo - 32);
      out += lo;
      out += ']';
    } else {
      out += text_char(cp);
    }
  }
  return out;
}

// Returns (?:a|b|...) of the texts as literals (one text: the literal alone).
inline std::string alternation(sc::span<const sc::string_view> texts, sc::case_mode cases) {
  if (texts.size() == 1) return literal(texts[0], cases);
  std::string out = "(?:";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) out += '|';
    out += literal(texts[i], cases);
  }
  return out + ")";
}

namespace detail {
// The digits of [a, b], two decimals of the same length (a <= b), as an
// alternation without a group.
inline std::string same_length_range(const std::string& a, const std::string& b) {
  if (a.empty()) return "";
  if (a == b) return a;
  if (a[0] == b[0]) {
    const std::string rest = same_length_range(a.substr(1), b.substr(1));
    return std::string(1, a[0]) + (rest.find('|') != std::string::npos ? "(?:" + rest + ")" : rest);
  }
  const std::size_t n = a.size() - 1;
  const bool a_rest_zero = a.find_first_not_of('0', 1) == std::string::npos;
  const bool b_rest_nine = b.find_first_not_of('9', 1) == std::string::npos;
  std::vector<std::string> parts;
  const auto digits = [](char lo, char hi) {
    if (lo == hi) return std::string(1, lo);
    return std::string("[") + lo + (hi == lo + 1 ? "" : "-") + hi + "]";
  };
  const auto tail = [n] { return n == 0 ? std::string() : n == 1 ? std::string("[0-9]") : "[0-9]{" + std::to_string(n) + "}"; };
  char mid_lo = static_cast<char>(a[0] + 1);
  char mid_hi = static_cast<char>(b[0] - 1);
  if (a_rest_zero) mid_lo = a[0];
  else {
    const std::string rest = same_length_range(a.substr(1), std::string(n, '9'));
    parts.push_back(std::string(1, a[0]) + (rest.find('|') != std::string::npos ? "(?:" + rest + ")" : rest));
  }
  if (b_rest_nine) mid_hi = b[0];
  if (mid_lo <= mid_hi) parts.push_back(digits(mid_lo, mid_hi) + tail());
  if (!b_rest_nine) {
    const std::string rest = same_length_range(std::string(n, '0'), b.substr(1));
    parts.push_back(std::string(1, b[0]) + (rest.find('|') != std::string::npos ? "(?:" + rest + ")" : rest));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "|" : "") + parts[i];
  return out;
}
}  // namespace detail

// Returns an alternation (no group) of the canonical decimals min..max: no
// leading zero (but "0" itself when min is 0).
inline std::string decimal_range(std::uint64_t min, std::uint64_t max) {
  std::string out;
  const std::string lo = std::to_string(min), hi = std::to_string(max);
  for (std::size_t len = lo.size(); len <= hi.size(); ++len) {
    const std::string a = len == lo.size() ? lo : "1" + std::string(len - 1, '0');
    const std::string b = len == hi.size() ? hi : std::string(len, '9');
    out += (out.empty() ? "" : "|") + detail::same_length_range(a, b);
  }
  return out;
}

// YYYY-MM-DD of the proleptic Gregorian calendar, years 0001-9999 (no group).
inline std::string date_body() {
  const std::string d = "[0-9]";
  const std::string year = d + "{4}";
  const std::string leap_year = "(?:" + d + d + "(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
  return "(?!0000)(?:" + year + "-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|" +
         leap_year + "-02-29)";
}

// A value that is a date, or a date and a UTC time hh:mm:ss (00-23, 00-59, 00-59).
inline std::string date_pattern() { return std::string("^") + date_body() + end_of_value; }
inline std::string timestamp_pattern() {
  return std::string("^") + date_body() + "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z" + end_of_value;
}

}  // namespace export_tool

#endif

// A set of characters as a constexpr value: an ASCII bitmap, a few non-ASCII
// ranges, and optionally the Chinese characters. Sets combine with |.
#ifndef SNAPCHECK_RULES_CHAR_SET_HPP
#define SNAPCHECK_RULES_CHAR_SET_HPP

#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../unicode/han.hpp"

namespace snapcheck {

struct char_set {
  static constexpr std::size_t max_ranges = 6;

  std::uint64_t ascii_lo = 0;  // bit c set: ASCII c (0–63) is in the set
  std::uint64_t ascii_hi = 0;  // bit c-64 set: ASCII c (64–127) is in the set
  bool han = false;            // Chinese characters (SPEC §1) are in the set
  std::uint8_t range_count = 0;
  detail::array<unicode::detail::code_point_range, max_ranges> ranges{};  // non-ASCII

  // Returns true when cp is in the set.
  [[nodiscard]] constexpr bool contains(char32_t cp,
                                        unicode::han_set hs = unicode::han_set::unicode) const noexcept {
    if (cp < 64) return (ascii_lo >> cp) & 1u;
    if (cp < 128) return (ascii_hi >> (cp - 64)) & 1u;
    for (std::size_t i = 0; i < range_count; ++i)
      if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
    return han && unicode::is_han(cp, hs);
  }

  // Returns true when the ASCII byte c is in the set (c < 128).
  [[nodiscard]] constexpr bool contains_ascii(unsigned char c) const noexcept {
    return c < 64 ? ((ascii_lo >> c) & 1u) != 0 : ((ascii_hi >> (c - 64)) & 1u) != 0;
  }

  // Returns true when no code point >= 0x80 can be in the set.
  [[nodiscard]] constexpr bool ascii_only() const noexcept { return !han && range_count == 0; }

  [[nodiscard]] friend constexpr char_set operator|(char_set a, const char_set& b) noexcept {
    a.ascii_lo |= b.ascii_lo;
    a.ascii_hi |= b.ascii_hi;
    a.han = a.han || b.han;
    for (std::size_t i = 0; i < b.range_count; ++i) a.ranges[a.range_count++] = b.ranges[i];
    return a;
  }
};

// Returns the set of code points first..last (inclusive).
[[nodiscard]] constexpr char_set code_points(char32_t first, char32_t last) noexcept {
  char_set s;
  for (char32_t c = first; c <= last && c < 128; ++c) {
    if (c < 64) s.ascii_lo |= std::uint64_t{1} << c;
    else s.ascii_hi |= std::uint64_t{1} << (c - 64);
  }
  if (last >= 128) s.ranges[s.range_count++] = {first < 128 ? char32_t{128} : first, last};
  return s;
}

// Returns the set of the ASCII characters listed in chars.
[[nodiscard]] constexpr char_set ascii_chars(string_view chars) noexcept {
  char_set s;
  for (char c : chars) s = s | code_points(static_cast<unsigned char>(c), static_cast<unsigned char>(c));
  return s;
}

namespace sets {
inline constexpr char_set upper = code_points('A', 'Z');
inline constexpr char_set lower = code_points('a', 'z');
inline constexpr char_set letter = upper | lower;  // ASCII only: SPEC §1 "letter"
inline constexpr char_set digit = code_points('0', '9');
inline constexpr char_set ascii = code_points(0x00, 0x7F);
inline constexpr char_set visible_ascii = code_points(0x21, 0x7E);
inline constexpr char_set chinese = [] {
  char_set s;
  s.han = true;
  return s;
}();
// C0, DEL, C1 and the bidirectional controls (hardened profile, SPEC §5).
inline constexpr char_set controls = code_points(0x00, 0x1F) | code_points(0x7F, 0x9F) |
                                     code_points(0x200E, 0x200F) | code_points(0x202A, 0x202E) |
                                     code_points(0x2066, 0x2069);
}  // namespace sets

}  // namespace snapcheck

#endif

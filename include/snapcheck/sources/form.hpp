// A form body (application/x-www-form-urlencoded) as a source of pieces
// (SPEC §2.2): split on '&', skip empty segments, split each at its first '='.
#ifndef SNAPCHECK_SOURCES_FORM_HPP
#define SNAPCHECK_SOURCES_FORM_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "../engine/scan.hpp"
#include "../engine/text.hpp"

namespace snapcheck {
namespace detail {

// Returns a word with the high bit set in exactly the bytes of w equal to c.
[[nodiscard]] constexpr std::uint64_t exact_bytes_equal(std::uint64_t w, unsigned char c) noexcept {
  constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
  const std::uint64_t x = w ^ (ones * c);
  return ~(((x & low7) + low7) | x | low7);
}

// Returns the index of the first c in s at or after from, or s.size().
[[nodiscard]] constexpr std::size_t find_byte(std::string_view s, std::size_t from, unsigned char c) noexcept {
  std::size_t i = from;
  if (std::endian::native == std::endian::little && !std::is_constant_evaluated()) {
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t m = exact_bytes_equal(load8(s.data() + i), c);
      if (m) return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;  // the lowest byte comes first
    }
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == c) return i;
  return s.size();
}

// Returns the number of c in s.
[[nodiscard]] constexpr std::size_t count_byte(std::string_view s, unsigned char c) noexcept {
  std::size_t n = 0;
  std::size_t i = 0;
  if (!std::is_constant_evaluated())
    for (; i + 8 <= s.size(); i += 8)
      n += static_cast<std::size_t>(((exact_bytes_equal(load8(s.data() + i), c) >> 7) * ones) >> 56);
  for (; i < s.size(); ++i) n += static_cast<unsigned char>(s[i]) == c;
  return n;
}

}  // namespace detail

class form_source {
 public:
  constexpr explicit form_source(std::string_view body) noexcept : body_(body) {}

  // Returns the number of non-empty segments, counting no further than cap.
  [[nodiscard]] constexpr std::size_t count_up_to(std::size_t cap) const noexcept {
    // n non-empty segments take at least 2n - 1 bytes, and there are at most
    // count('&') + 1 of them: count exactly only when both bounds allow cap.
    if (body_.empty()) return 0;
    if ((body_.size() + 1) / 2 < cap || detail::count_byte(body_, '&') + 1 < cap) return cap - 1;
    std::size_t n = 0;
    bool in_segment = false;
    for (char c : body_) {
      if (c == '&') {
        in_segment = false;
      } else if (!in_segment) {
        in_segment = true;
        if (++n >= cap) return n;
      }
    }
    return n;
  }

  // Calls f(piece) for each non-empty segment, in order.
  template <class F>
  constexpr void for_each(F&& f) const {
    std::size_t start = 0;
    while (start < body_.size()) {
      const std::size_t end = find_segment_end(start);
      if (end > start) {
        const std::string_view seg = body_.substr(start, end - start);
        const std::size_t eq = detail::find_byte(seg, 0, '=');
        if (eq == seg.size()) f(piece{seg, {}, true});
        else f(piece{seg.substr(0, eq), seg.substr(eq + 1), true});
      }
      start = end + 1;
    }
  }

 private:
  [[nodiscard]] constexpr std::size_t find_segment_end(std::size_t from) const noexcept {
    return detail::find_byte(body_, from, '&');
  }

  std::string_view body_;
};

}  // namespace snapcheck

#endif

// The floor: the least work any correct validator of a form body must do.
// It reads every byte once, finds where each value starts, percent-decodes
// every value and UTF-8-decodes the result into code points, and checks
// nothing. Plain scalar code, byte by byte: no SIMD, no skipping runs of
// bytes. The code points are summed into a checksum so that the compiler
// cannot drop the work. Names are read (to find the '=') but not decoded.
//
// A validator that is faster than this on a valid request must be skipping
// work a correct one has to do; the benchmark reports snapcheck / floor.
#ifndef SNAPCHECK_BENCH_FLOOR_HPP
#define SNAPCHECK_BENCH_FLOOR_HPP

#include <cstdint>
#include <string_view>

namespace bench {
namespace detail {

// Hex value of each byte (non-hex bytes give 0: the floor checks nothing).
struct hex_table {
  std::uint8_t v[256]{};
  constexpr hex_table() {
    for (int c = '0'; c <= '9'; ++c) v[c] = static_cast<std::uint8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) v[c] = static_cast<std::uint8_t>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) v[c] = static_cast<std::uint8_t>(c - 'A' + 10);
  }
};
inline constexpr hex_table hex{};

// A UTF-8 decoder state: the code point being built and how many
// continuation bytes it still needs. Lead bytes set the length, continuation
// bytes add six bits each; no validation.
struct utf8_state {
  std::uint32_t cp = 0;
  unsigned need = 0;
  std::uint64_t sum = 0;

  constexpr void feed(std::uint8_t b) noexcept {
    if (need == 0) {
      if (b < 0x80) {
        sum += b;
      } else if (b >= 0xF0) {
        cp = b & 0x07u;
        need = 3;
      } else if (b >= 0xE0) {
        cp = b & 0x0Fu;
        need = 2;
      } else {
        cp = b & 0x1Fu;
        need = 1;
      }
    } else {
      cp = (cp << 6) | (b & 0x3Fu);
      if (--need == 0) sum += cp;
    }
  }
};

}  // namespace detail

// Returns the checksum of the code points of every value of a form body.
[[nodiscard]] inline std::uint64_t floor_form(std::string_view body) noexcept {
  detail::utf8_state u;
  bool in_value = false;
  const char* p = body.data();
  const char* const end = p + body.size();
  while (p != end) {
    auto b = static_cast<std::uint8_t>(*p++);
    if (b == '&') {
      in_value = false;
      u.need = 0;
      continue;
    }
    if (!in_value) {
      in_value = b == '=';
      continue;
    }
    if (b == '+') {
      b = ' ';
    } else if (b == '%' && end - p >= 2) {
      b = static_cast<std::uint8_t>(detail::hex.v[static_cast<std::uint8_t>(p[0])] << 4 |
                                    detail::hex.v[static_cast<std::uint8_t>(p[1])]);
      p += 2;
    }
    u.feed(b);
  }
  return u.sum;
}

// Returns the checksum of the code points of every value of a decoded
// parameter list (the floor of validate_params: nothing to percent-decode).
template <class Range>
[[nodiscard]] std::uint64_t floor_params(const Range& params) noexcept {
  detail::utf8_state u;
  for (const auto& p : params) {
    const std::string_view v(p.second);
    u.need = 0;
    for (char c : v) u.feed(static_cast<std::uint8_t>(c));
  }
  return u.sum;
}

}  // namespace bench

#endif

// Strict UTF-8 (Unicode 17.0, Table 3-7): no overlongs, no surrogates,
// nothing above U+10FFFF. Knows nothing of fields or forms.
#ifndef SNAPCHECK_UNICODE_UTF8_HPP
#define SNAPCHECK_UNICODE_UTF8_HPP

#include <cstddef>
#include <cstdint>

#include "../core/string_view.hpp"

namespace snapcheck::unicode {

// A byte-at-a-time decoder, so that callers can feed it bytes that are being
// percent-decoded on the fly without a buffer.
class utf8_decoder {
 public:
  enum class step : std::uint8_t { more, scalar, ill_formed };

  // Feeds one byte. Returns `scalar` when value() holds a complete code point,
  // `more` inside a sequence, `ill_formed` when the sequence begun at the last
  // lead byte (or this byte, if no sequence was open) cannot be completed; the
  // decoder is then reset, and this byte was not consumed as a continuation.
  [[nodiscard]] constexpr step feed(unsigned char b) noexcept {
    if (need_ == 0) {
      if (b < 0x80) {
        value_ = b;
        return step::scalar;
      }
      if (b >= 0xC2 && b <= 0xDF) return open(b & 0x1Fu, 1, 0x80, 0xBF);
      if (b >= 0xE0 && b <= 0xEF)
        return open(b & 0x0Fu, 2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF);
      if (b >= 0xF0 && b <= 0xF4)
        return open(b & 0x07u, 3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF);
      return step::ill_formed;
    }
    if (b < lo_ || b > hi_) {
      need_ = 0;
      return step::ill_formed;
    }
    lo_ = 0x80;
    hi_ = 0xBF;
    value_ = (value_ << 6) | (b & 0x3Fu);
    return --need_ == 0 ? step::scalar : step::more;
  }

  // Returns true inside an unfinished sequence (at end of input: ill-formed).
  [[nodiscard]] constexpr bool pending() const noexcept { return need_ != 0; }
  // Returns the code point completed by the last feed() that returned scalar.
  [[nodiscard]] constexpr char32_t value() const noexcept { return value_; }

 private:
  constexpr step open(std::uint32_t bits, std::uint8_t need, unsigned char lo,
                      unsigned char hi) noexcept {
    value_ = bits;
    need_ = need;
    lo_ = lo;
    hi_ = hi;
    return step::more;
  }

  char32_t value_ = 0;
  std::uint8_t need_ = 0;
  unsigned char lo_ = 0x80;
  unsigned char hi_ = 0xBF;
};

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Returns the byte offset where the first ill-formed sequence of s starts, or
// npos when s is valid UTF-8.
[[nodiscard]] constexpr std::size_t first_invalid(string_view s) noexcept {
  utf8_decoder d;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool opening = !d.pending();
    if (opening) start = i;
    switch (d.feed(static_cast<unsigned char>(s[i]))) {
      case utf8_decoder::step::ill_formed: return start;
      default: break;
    }
  }
  return d.pending() ? start : npos;
}

// Passes bytes on to out(string_view) as valid UTF-8: each maximal
// ill-formed subpart becomes U+FFFD (the Unicode "substitution of maximal
// subparts" practice). Feed bytes with put(), then call finish().
template <class Out>
class utf8_sanitizer {
 public:
  constexpr explicit utf8_sanitizer(Out& out) noexcept : out_(out) {}

  constexpr void put(unsigned char b) {
    for (;;) {
      const bool was_open = dec_.pending();
      const auto st = dec_.feed(b);
      if (st == utf8_decoder::step::more) {
        seq_[len_++] = static_cast<char>(b);
        return;
      }
      if (st == utf8_decoder::step::scalar) {
        seq_[len_++] = static_cast<char>(b);
        out_(string_view(seq_, len_));
        len_ = 0;
        return;
      }
      out_(replacement);
      len_ = 0;
      if (!was_open) return;  // a bad lead byte is a subpart of its own
      // A bad continuation ends the open subpart; look at it again as a lead.
    }
  }
  constexpr void finish() {
    if (dec_.pending()) out_(replacement);
    dec_ = utf8_decoder{};
    len_ = 0;
  }

 private:
  static constexpr string_view replacement = "\xEF\xBF\xBD";
  Out& out_;
  utf8_decoder dec_{};
  char seq_[4] = {};
  std::size_t len_ = 0;
};

}  // namespace snapcheck::unicode

#endif

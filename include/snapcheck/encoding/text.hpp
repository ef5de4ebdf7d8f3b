// The encoding layer: a text as it came in (its bytes and their encoding)
// and the one cursor that reads it decoded, a byte or a character at a time,
// whatever the encoding. Everything above reads values and names through
// this header; nothing else decodes.
#ifndef SNAPCHECK_ENCODING_TEXT_HPP
#define SNAPCHECK_ENCODING_TEXT_HPP

#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../unicode/utf8.hpp"

namespace snapcheck {

// How the bytes of a text are written.
enum class encoding : std::uint8_t {
  decoded,  // the bytes are the text (parameter lists, JSON strings)
  form,     // application/x-www-form-urlencoded: '+' is a space, %HH a byte (SPEC §2.2)
};

// How two texts compare.
enum class case_mode : std::uint8_t {
  exact,             // byte for byte
  ascii_insensitive  // A–Z folded to a–z, nothing else (SPEC §1)
};

namespace detail {

// Hex digit values; 0xFF for bytes that are not hex digits. The one hex decoder.
inline constexpr auto hex_digit = [] {
  array<std::uint8_t, 256> t{};
  for (auto& v : t) v = 0xFF;
  for (std::size_t c = 0; c < 10; ++c) t['0' + c] = static_cast<std::uint8_t>(c);
  for (std::size_t c = 0; c < 6; ++c) {
    t['a' + c] = static_cast<std::uint8_t>(10 + c);
    t['A' + c] = static_cast<std::uint8_t>(10 + c);
  }
  return t;
}();

// The byte of the escape '%HH' at raw[k] (known to be well-formed).
[[nodiscard]] constexpr unsigned char escaped_byte(string_view raw, std::size_t k) noexcept {
  return static_cast<unsigned char>(hex_digit[static_cast<unsigned char>(raw[k + 1])] * 16 +
                                    hex_digit[static_cast<unsigned char>(raw[k + 2])]);
}

[[nodiscard]] constexpr unsigned char ascii_lower(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

[[nodiscard]] constexpr bool same_byte(unsigned char a, unsigned char b, case_mode m) noexcept {
  return m == case_mode::exact ? a == b : ascii_lower(a) == ascii_lower(b);
}

}  // namespace detail

// Reads a text decoded, a byte or a character at a time, the general way:
// any byte, any encoding (Unicode Table 3-7 for UTF-8).
struct text_cursor {
  string_view raw;
  encoding enc = encoding::decoded;
  std::size_t i = 0;        // in raw
  bool bad_escape = false;  // stopped at a '%' without two hex digits

  // Returns the next decoded byte, or -1 at the end or at a bad escape.
  constexpr int next() noexcept {
    const std::size_t n = raw.size();
    if (i == n) return -1;
    const auto c = static_cast<unsigned char>(raw[i]);
    if (enc == encoding::form) {
      if (c == '%') {
        const std::uint8_t hi = i + 2 < n ? detail::hex_digit[static_cast<unsigned char>(raw[i + 1])] : 0xFF;
        const std::uint8_t lo = i + 2 < n ? detail::hex_digit[static_cast<unsigned char>(raw[i + 2])] : 0xFF;
        if ((hi | lo) == 0xFF) {  // either is not a hex digit
          bad_escape = true;
          return -1;
        }
        i += 3;
        return hi * 16 + lo;
      }
      if (c == '+') {
        ++i;
        return ' ';
      }
    }
    ++i;
    return c;
  }

  // One character: ASCII, another well-formed one (with its UTF-8 length),
  // or where reading stops (the end, a bad escape, an ill-formed sequence).
  struct character {
    enum class kind : std::uint8_t { ascii, other, stop, ill_formed };
    kind what = kind::stop;
    char32_t cp = 0;
    std::size_t bytes = 0;
  };
  constexpr character next_character() noexcept {
    using kind = character::kind;
    using step = unicode::utf8_decoder::step;
    const int first = next();
    if (first < 0) return {};
    if (first < 0x80) return {kind::ascii, static_cast<char32_t>(first), 1};
    unicode::utf8_decoder dec;
    if (dec.feed(static_cast<unsigned char>(first)) == step::ill_formed) return {kind::ill_formed};
    for (std::size_t length = 2;; ++length) {
      const std::size_t before = i;
      const int b = next();
      if (b < 0) return {kind::ill_formed};  // the end, or a bad escape
      const step st = dec.feed(static_cast<unsigned char>(b));
      if (st == step::ill_formed) {
        i = before;  // not part of the sequence
        return {kind::ill_formed};
      }
      if (st == step::scalar) return {kind::other, dec.value(), length};
    }
  }

  // Reads to the end; returns false when a bad escape stops it first.
  constexpr bool skip_rest() noexcept {
    if (enc == encoding::decoded) {
      i = raw.size();
      return true;
    }
    while (!bad_escape && i < raw.size()) {
      if (raw[i] == '%') {
        if (next() < 0) break;
      } else {
        ++i;
      }
    }
    return !bad_escape;
  }
};

// A text as it came in: a view of its bytes and their encoding. Its
// functions read it decoded through a text_cursor; none copies it.
struct encoded_text {
  string_view raw;
  encoding enc = encoding::decoded;

  [[nodiscard]] constexpr text_cursor cursor() const noexcept { return {raw, enc}; }

  // Iterates the decoded bytes (as unsigned char), stopping at a bad escape.
  struct iterator {
    text_cursor c;
    int b = -1;
    constexpr unsigned char operator*() const noexcept { return static_cast<unsigned char>(b); }
    constexpr iterator& operator++() noexcept {
      b = c.next();
      return *this;
    }
    constexpr bool operator==(const iterator& o) const noexcept { return b < 0 && o.b < 0; }
  };
  [[nodiscard]] constexpr iterator begin() const noexcept {
    iterator it{cursor()};
    return ++it;
  }
  [[nodiscard]] constexpr iterator end() const noexcept { return {}; }

  // Returns true when the text decodes without a bad escape.
  [[nodiscard]] constexpr bool well_encoded() const noexcept {
    text_cursor c = cursor();
    return c.skip_rest();
  }
  // Returns true when the text decodes, without a bad escape, to `want`.
  [[nodiscard]] constexpr bool decodes_to(string_view want, case_mode m = case_mode::exact) const noexcept {
    if (enc == encoding::decoded && m == case_mode::exact) return raw == want;
    text_cursor c = cursor();
    for (char w : want) {
      const int b = c.next();
      if (b < 0 || !detail::same_byte(static_cast<unsigned char>(b), static_cast<unsigned char>(w), m)) return false;
    }
    return c.next() < 0 && !c.bad_escape;
  }
  // Returns true when the decoded text starts with `prefix`.
  [[nodiscard]] constexpr bool starts_with(string_view prefix, case_mode m = case_mode::exact) const noexcept {
    text_cursor c = cursor();
    for (char w : prefix) {
      const int b = c.next();
      if (b < 0 || !detail::same_byte(static_cast<unsigned char>(b), static_cast<unsigned char>(w), m)) return false;
    }
    return true;
  }
  // Returns true when the decoded text ends with `suffix`. The text must be
  // well-encoded: it is read backwards, where every '%' starts an escape.
  [[nodiscard]] constexpr bool ends_with(string_view suffix, case_mode m = case_mode::exact) const noexcept {
    std::size_t end = raw.size();
    for (std::size_t k = suffix.size(); k-- > 0;) {
      if (end == 0) return false;
      const unsigned char b = last_byte_before(end);
      if (!detail::same_byte(b, static_cast<unsigned char>(suffix[k]), m)) return false;
    }
    return true;
  }
  // Returns the decoded byte that ends at raw[end) and moves end before it
  // (well-encoded text only).
  constexpr unsigned char last_byte_before(std::size_t& end) const noexcept {
    if (enc == encoding::form && end >= 3 && raw[end - 3] == '%') {
      end -= 3;
      return detail::escaped_byte(raw, end);
    }
    const auto b = static_cast<unsigned char>(raw[--end]);
    return enc == encoding::form && b == '+' ? static_cast<unsigned char>(' ') : b;
  }
  // Returns the first (up to) eight decoded bytes as a word, the first in
  // the low byte.
  [[nodiscard]] constexpr std::uint64_t head_word() const noexcept {
    text_cursor c = cursor();
    std::uint64_t w = 0;
    for (std::size_t k = 0; k < 8; ++k) {
      const int b = c.next();
      if (b < 0) break;
      w |= std::uint64_t{static_cast<unsigned char>(b)} << (8 * k);
    }
    return w;
  }
};

// Returns true when two texts decode, without a bad escape, to the same bytes.
[[nodiscard]] constexpr bool same_decoded(const encoded_text& a, const encoded_text& b) noexcept {
  if (a.enc == encoding::decoded && b.enc == encoding::decoded) return a.raw == b.raw;
  text_cursor x = a.cursor();
  text_cursor y = b.cursor();
  for (;;) {
    const int p = x.next();
    const int q = y.next();
    if (p != q) return false;
    if (p < 0) return !x.bad_escape && !y.bad_escape;
  }
}

}  // namespace snapcheck

#endif

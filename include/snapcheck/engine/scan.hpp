// Checks one value against one table row. Which checks a row needs is known
// at compile time (each rule is unrolled with its index as a constant), so a
// row pays only for its own rules. One pass over the raw bytes decodes them
// as it goes (plain ASCII needs no decoding and takes the short way) and
// checks UTF-8, length, character sets and substrings as the characters go
// by, then the rules that need the whole value (prefixes, enum, integer, date).
#ifndef SNAPCHECK_ENGINE_SCAN_HPP
#define SNAPCHECK_ENGINE_SCAN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../rules/rule.hpp"
#include "../schema/check.hpp"
#include "../unicode/utf8.hpp"
#include "options.hpp"

namespace snapcheck::detail {

// What a check of one value found. Each rule fires at most once and carries
// at most one number: a position (has_at bit set) or the bound it broke.
struct scan_outcome {
  enum class status : std::uint8_t { ok, bad_encoding, invalid_utf8 };
  status state = status::ok;
  std::uint8_t fired = 0;   // bit k: rule k fired
  std::uint8_t has_at = 0;  // bit k: number[k] is a position, else a limit
  std::size_t utf8_at = 0;  // byte offset, for invalid_utf8
  std::size_t chars = 0;    // code points
  std::uint64_t hash = 0;   // of the decoded length and first bytes: unique rules compare only on a match
  std::array<code, field::max_rules> codes{};
  std::array<std::uint64_t, field::max_rules> number{};
  std::string_view suggestion{};  // an enum literal equal but for case

  [[nodiscard]] constexpr bool has_fired(std::size_t k) const noexcept { return (fired >> k) & 1u; }
  constexpr void fire(std::size_t k, code c, std::uint64_t limit = 0) noexcept {
    fired = static_cast<std::uint8_t>(fired | (1u << k));
    codes[k] = c;
    number[k] = limit;
  }
  constexpr void fire_at(std::size_t k, code c, std::size_t where) noexcept {
    fire(k, c, where);
    has_at = static_cast<std::uint8_t>(has_at | (1u << k));
  }
};

[[nodiscard]] constexpr unsigned char ascii_lower(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

[[nodiscard]] constexpr bool starts_with(std::string_view head, std::string_view t, case_mode m) noexcept {
  if (head.size() < t.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto want = static_cast<unsigned char>(t[i]);
    const auto got = static_cast<unsigned char>(head[i]);
    if (m == case_mode::exact ? got != want : ascii_lower(got) != ascii_lower(want)) return false;
  }
  return true;
}

[[nodiscard]] constexpr bool is_leap(unsigned y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Returns true when s is YYYY-MM-DD and a real date (years 0001–9999).
[[nodiscard]] constexpr bool is_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  unsigned v[3] = {0, 0, 0};
  constexpr std::size_t starts[3] = {0, 5, 8};
  constexpr std::size_t sizes[3] = {4, 2, 2};
  for (std::size_t part = 0; part < 3; ++part)
    for (std::size_t i = starts[part]; i < starts[part] + sizes[part]; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v[part] = v[part] * 10 + static_cast<unsigned>(s[i] - '0');
    }
  constexpr unsigned days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v[0] == 0 || v[1] < 1 || v[1] > 12 || v[2] < 1) return false;
  return v[2] <= days[v[1]] + (v[1] == 2 && is_leap(v[0]) ? 1u : 0u);
}

// Eight bytes at a time where the compiler allows it; plain loops in
// constant expressions.
[[nodiscard]] inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline constexpr std::uint64_t ones = 0x0101010101010101ull;
inline constexpr std::uint64_t highs = 0x8080808080808080ull;
// Returns a word whose byte i has its high bit set where byte i of w is c
// (exact for the first match; enough to tell "some byte is c").
[[nodiscard]] constexpr std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) noexcept {
  const std::uint64_t x = w ^ (ones * c);
  return (x - ones) & ~x & highs;
}

// Returns true when s is all ASCII and, for form-encoded text, holds no '%'
// or '+': its bytes are then exactly its decoded characters.
[[nodiscard]] constexpr bool is_plain(std::string_view s, bool form_encoded) noexcept {
  std::size_t i = 0;
  if (!std::is_constant_evaluated()) {
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t w = load8(s.data() + i);
      std::uint64_t bad = w & highs;
      if (form_encoded) bad |= bytes_equal(w, '%') | bytes_equal(w, '+');
      if (bad) return false;
    }
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || (form_encoded && (c == '%' || c == '+'))) return false;
  }
  return true;
}

inline constexpr std::uint64_t fnv_prime = 1099511628211ull;

// A substring rule's text packed into the low bytes of a 64-bit window of the
// last eight bytes read.
struct window_pattern {
  std::uint64_t bits = 0;
  std::uint64_t mask = 0;
  std::size_t size = 0;
  std::size_t rule = 0;
  bool fold = false;
  unsigned char last = 0;  // the text's last byte (lower-cased when folding)
};

template <std::size_t N>
struct window_patterns {
  std::array<window_pattern, N> items{};
  std::size_t count = 0;
  std::array<bool, 256> last_byte{};  // quick filter: can a match end with this byte?
};

// What row I of S needs under profile P, as constants: rules that do not
// apply under P are compiled out.
template <class S, std::size_t I, profile P>
struct row_plan {
  static constexpr const field& f = S::fields[I];
  static constexpr std::size_t n = f.rule_count();
  static constexpr bool active(std::size_t k) noexcept { return f.rules[k].applies(P); }
  static constexpr bool uses(rule_kind kind) noexcept {
    for (std::size_t k = 0; k < n; ++k)
      if (f.rules[k].kind == kind && active(k)) return true;
    return false;
  }
  static constexpr bool has_first = uses(rule_kind::first_char);
  static constexpr bool want_hash = uses(rule_kind::unique);
  static constexpr bool want_head =
      uses(rule_kind::no_prefix) || uses(rule_kind::one_of) || uses(rule_kind::date) || want_hash;
  static constexpr bool want_int = uses(rule_kind::integer);
};

template <class S, std::size_t I, profile P>
[[nodiscard]] constexpr auto make_window_patterns() noexcept {
  using plan = row_plan<S, I, P>;
  window_patterns<field::max_rules * rule::max_texts> out;
  for (std::size_t k = 0; k < plan::n; ++k) {
    const rule& r = plan::f.rules[k];
    if (r.kind != rule_kind::no_substring || !plan::active(k)) continue;
    for (std::size_t t = 0; t < r.text_count(); ++t) {
      window_pattern p;
      p.size = r.texts[t].size();
      p.rule = k;
      p.fold = r.cases == case_mode::ascii_insensitive;
      for (char c : r.texts[t]) {
        const auto b = static_cast<unsigned char>(c);
        p.bits = (p.bits << 8) | (p.fold ? ascii_lower(b) : b);
      }
      p.mask = p.size == 8 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (8 * p.size)) - 1);
      const auto last = static_cast<unsigned char>(r.texts[t].back());
      p.last = p.fold ? ascii_lower(last) : last;
      out.last_byte[p.last] = true;
      if (p.fold && p.last >= 'a' && p.last <= 'z') out.last_byte[static_cast<unsigned char>(p.last - 32)] = true;
      out.items[out.count++] = p;
    }
  }
  return out;
}

template <class S, std::size_t I, profile P>
inline constexpr auto window_patterns_of = make_window_patterns<S, I, P>();

// Calls fn(std::integral_constant<std::size_t, K>) for each rule index K.
template <std::size_t N, class Fn>
constexpr void for_each_rule(Fn&& fn) {
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (fn(std::integral_constant<std::size_t, K>{}), ...);
  }(std::make_index_sequence<N>{});
}

// The rules decided by the whole value: length, prefixes, enum, integer, date.
template <class S, std::size_t I, profile P>
constexpr void decide_whole(scan_outcome& out, std::string_view head, std::size_t bytes,
                            std::uint64_t number, bool all_digits) noexcept {
  using plan = row_plan<S, I, P>;
  for_each_rule<plan::n>([&](auto k) {
    constexpr const rule& rl = plan::f.rules[k];
    if constexpr (!plan::active(k)) {
      return;
    } else if constexpr (rl.kind == rule_kind::length) {
      if (out.chars < rl.min) out.fire(k, code::too_short, rl.min);
      else if (out.chars > rl.max) out.fire(k, code::too_long, rl.max);
    } else if constexpr (rl.kind == rule_kind::no_prefix) {
      for (std::size_t t = 0; t < rl.text_count(); ++t)
        if (starts_with(head, rl.texts[t], rl.cases)) {
          out.fire(k, code::reserved_prefix);
          break;
        }
    } else if constexpr (rl.kind == rule_kind::one_of) {
      for (std::size_t t = 0; t < rl.text_count(); ++t)
        if (bytes == rl.texts[t].size() && starts_with(head, rl.texts[t], case_mode::exact)) return;
      out.fire(k, code::not_in_enum);
      for (std::size_t t = 0; t < rl.text_count(); ++t)
        if (bytes == rl.texts[t].size() && starts_with(head, rl.texts[t], case_mode::ascii_insensitive))
          out.suggestion = rl.texts[t];
    } else if constexpr (rl.kind == rule_kind::integer) {
      if (!all_digits || bytes == 0) {
        out.fire(k, code::not_integer);
      } else if (number < rl.min || number > rl.max) {
        out.fire(k, code::out_of_range, number < rl.min ? rl.min : rl.max);
      }
    } else if constexpr (rl.kind == rule_kind::date) {
      if (!is_date(bytes == head.size() ? head : std::string_view{})) out.fire(k, code::bad_format);
    }
  });
}

// Accumulates ASCII digits, saturating above every rule's max.
[[nodiscard]] constexpr bool add_digit(std::uint64_t& number, unsigned char b) noexcept {
  if (b < '0' || b > '9') return false;
  if (number <= rule::max_integer) number = number * 10 + (b - '0');
  return true;
}

// Hex digit values; 0xFF for bytes that are not hex digits.
inline constexpr auto hex_digit = [] {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = 0xFF;
  for (std::size_t c = 0; c < 10; ++c) t['0' + c] = static_cast<std::uint8_t>(c);
  for (std::size_t c = 0; c < 6; ++c) {
    t['a' + c] = static_cast<std::uint8_t>(10 + c);
    t['A' + c] = static_cast<std::uint8_t>(10 + c);
  }
  return t;
}();

// Returns the code point of a well-formed three-byte sequence E1-EC or
// EE-EF (no overlong or surrogate is possible there) starting at raw[i],
// raw or (in form-encoded text) as '%HH%HH%HH', advancing i past it; or 0.
[[nodiscard]] constexpr char32_t three_byte_at(std::string_view raw, std::size_t& i, bool form) noexcept;

// Bytes that stand for themselves in form-encoded and decoded text alike.
inline constexpr auto plain_byte = [] {
  std::array<bool, 256> t{};
  for (std::size_t c = 0; c < 0x80; ++c) t[c] = c != '%' && c != '+';
  return t;
}();

[[nodiscard]] constexpr bool is_common_lead(unsigned b) noexcept {
  return (b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF;
}

constexpr char32_t three_byte_at(std::string_view raw, std::size_t& i, bool form) noexcept {
  const std::size_t n = raw.size();
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(raw[k]); };
  unsigned b0 = 0;
  unsigned b1 = 0;
  unsigned b2 = 0;
  std::size_t len = 0;
  if (at(i) >= 0x80) {
    if (i + 2 >= n) return 0;
    b0 = at(i);
    b1 = at(i + 1);
    b2 = at(i + 2);
    len = 3;
  } else if (form && at(i) == '%') {
    if (i + 8 >= n || at(i + 3) != '%' || at(i + 6) != '%') return 0;
    const unsigned h[6] = {hex_digit[at(i + 1)], hex_digit[at(i + 2)], hex_digit[at(i + 4)],
                           hex_digit[at(i + 5)], hex_digit[at(i + 7)], hex_digit[at(i + 8)]};
    if ((h[0] | h[1] | h[2] | h[3] | h[4] | h[5]) > 15) return 0;
    b0 = h[0] * 16 + h[1];
    b1 = h[2] * 16 + h[3];
    b2 = h[4] * 16 + h[5];
    len = 9;
  } else {
    return 0;
  }
  if (!is_common_lead(b0) || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  i += len;
  return static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
}

// The state of one pass over a value, and what each decoded byte and each
// character does to it.
template <class S, std::size_t I, profile P>
struct value_pass {
  using plan = row_plan<S, I, P>;
  static constexpr const auto& windows = window_patterns_of<S, I, P>;
  static constexpr std::size_t head_size = rule::max_text_size;

  scan_outcome out{};
  std::size_t bytes = 0;
  char head[head_size];  // the first bytes; read only below `bytes`
  std::uint64_t win = 0;
  std::uint64_t win_folded = 0;
  std::uint64_t number = 0;
  bool all_digits = true;

  // Every decoded byte.
  [[gnu::always_inline]] constexpr void take(unsigned char b) noexcept {
    if constexpr (plan::want_head)
      if (bytes < head_size) head[bytes] = static_cast<char>(b);
    if constexpr (plan::want_int) all_digits = add_digit(number, b) && all_digits;
    ++bytes;
  }

  // Several non-ASCII decoded bytes past the head, at once.
  [[gnu::always_inline]] constexpr void take_many(std::size_t count) noexcept {
    if constexpr (plan::want_int) all_digits = false;
    bytes += count;
  }

  // Every character: ASCII ones (their byte already taken) get bitmap
  // lookups; others the full set test.
  template <bool Ascii>
  [[gnu::always_inline]] constexpr void character(char32_t cp, han_set chinese) noexcept {
    for_each_rule<plan::n>([&](auto k) __attribute__((always_inline)) {
      constexpr const rule& rl = plan::f.rules[k];
      if constexpr (!plan::active(k)) {
        return;
      } else if constexpr (rl.kind == rule_kind::first_char) {
        if (out.chars == 0 && !in_set<Ascii>(rl.chars, cp, chinese)) out.fire_at(k, code::bad_start, 0);
      } else if constexpr (rl.kind == rule_kind::only_chars) {
        if constexpr (Ascii && rl.chars.ascii_lo == ~std::uint64_t{0} && rl.chars.ascii_hi == ~std::uint64_t{0})
          return;  // every ASCII character is allowed
        if (out.has_fired(k) || (plan::has_first && out.chars == 0)) return;
        if (!in_set<Ascii>(rl.chars, cp, chinese)) out.fire_at(k, code::bad_char, out.chars);
      } else if constexpr (rl.kind == rule_kind::no_chars) {
        if constexpr (Ascii && rl.chars.ascii_lo == 0 && rl.chars.ascii_hi == 0) return;
        if (!out.has_fired(k) && in_set<Ascii>(rl.chars, cp, chinese)) out.fire_at(k, code::bad_char, out.chars);
      }
    });
    ++out.chars;
    if constexpr (windows.count > 0) {
      if constexpr (!Ascii) {  // texts are ASCII: nothing that spans this can match
        win = 0;
        win_folded = 0;
      } else {
        const auto b = static_cast<unsigned char>(cp);
        win = (win << 8) | b;
        win_folded = (win_folded << 8) | ascii_lower(b);
        if (windows.last_byte[b]) match_window();
      }
    }
  }

  template <bool Ascii>
  [[nodiscard]] static constexpr bool in_set(const char_set& set, char32_t cp, han_set chinese) noexcept {
    if constexpr (Ascii) return set.contains_ascii(static_cast<unsigned char>(cp));
    else return set.contains(cp, chinese);
  }

  constexpr void match_window() noexcept {
    for (std::size_t p = 0; p < windows.count; ++p) {
      const window_pattern& wp = windows.items[p];
      if (out.chars < wp.size || ((wp.fold ? win_folded : win) & wp.mask) != wp.bits) continue;
      const std::size_t start = out.chars - wp.size;  // the text is ASCII: a char a byte
      if (!out.has_fired(wp.rule) || start < out.number[wp.rule]) out.fire_at(wp.rule, code::forbidden_substring, start);
    }
  }

  constexpr void finish() noexcept {
    if constexpr (plan::want_hash) {  // a cheap fingerprint, not a per-byte hash chain
      std::uint64_t h = bytes * 0x9E3779B97F4A7C15ull;
      for (std::size_t k = 0; k < bytes && k < head_size; ++k) h = (h ^ static_cast<unsigned char>(head[k])) * fnv_prime;
      out.hash = h;
    }
    decide_whole<S, I, P>(out, std::string_view(head, bytes < head_size ? bytes : head_size), bytes, number,
                          all_digits);
  }
};

// Checks a value against row I, in one pass over its raw bytes: plain
// ASCII goes straight to the rules; '%HH' and '+' (in form-encoded text) and
// raw UTF-8 are decoded a code point at a time (Unicode Table 3-7).
template <class S, std::size_t I, profile P>
[[nodiscard]] constexpr scan_outcome scan(std::string_view raw, bool form, const options& opt) noexcept {
  value_pass<S, I, P> v;
  const std::size_t n = raw.size();
  std::size_t i = 0;
  bool bad_escape = false;

  // The next decoded byte, or -1 at the end or at a bad escape.
  auto next = [&]() __attribute__((always_inline)) -> int {
    if (i == n) return -1;
    const auto c = static_cast<unsigned char>(raw[i]);
    if (form) {
      if (c == '%') {
        const std::uint8_t hi = i + 2 < n ? hex_digit[static_cast<unsigned char>(raw[i + 1])] : 0xFF;
        const std::uint8_t lo = i + 2 < n ? hex_digit[static_cast<unsigned char>(raw[i + 2])] : 0xFF;
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
  };

  bool utf8_ok = true;
  while (i < n) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (plain_byte[c]) {  // ASCII other than '%' and '+': the same encoded or not
      ++i;
      v.take(c);
      v.template character<true>(c, opt.chinese);
      continue;
    }
    // The common three-byte sequences (most Chinese text), raw or as
    // '%HH%HH%HH', in one step; anything else goes the general way below.
    if (const char32_t cp = three_byte_at(raw, i, form); cp != 0) {
      if (v.bytes < value_pass<S, I, P>::head_size) {
        v.take(static_cast<unsigned char>(0xE0 | (cp >> 12)));
        v.take(static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F)));
        v.take(static_cast<unsigned char>(0x80 | (cp & 0x3F)));
      } else {
        v.take_many(3);
      }
      v.template character<false>(cp, opt.chinese);
      continue;
    }
    const std::size_t seq_start = v.bytes;
    const int first = next();
    if (first < 0) break;
    const auto b0 = static_cast<unsigned char>(first);
    v.take(b0);
    if (b0 < 0x80) {  // from '%HH', '+', or a literal '%' or '+' in decoded text
      v.template character<true>(b0, opt.chinese);
      continue;
    }
    std::size_t need = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      cp = b0 & 0x0Fu;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      cp = b0 & 0x07u;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    }
    bool good = need > 0;
    for (; good && need > 0; --need) {
      const std::size_t before = i;
      const int b = next();
      if (b < lo || b > hi) {  // also the end (-1) and a bad escape
        good = false;
        if (b >= 0) i = before;  // not part of the sequence
        break;
      }
      v.take(static_cast<unsigned char>(b));
      cp = (cp << 6) | (static_cast<unsigned>(b) & 0x3Fu);
      lo = 0x80;
      hi = 0xBF;
    }
    if (!good) {
      utf8_ok = false;
      v.out.utf8_at = seq_start;
      break;
    }
    v.template character<false>(cp, opt.chinese);
  }
  if (form) {
    // After an ill-formed sequence only a bad escape can still change the
    // verdict (bad_encoding wins): look for one in the rest.
    while (!bad_escape && i < n) {
      if (raw[i] == '%') {
        if (next() < 0) break;
      } else {
        ++i;
      }
    }
  }
  if (bad_escape) {
    v.out.state = scan_outcome::status::bad_encoding;
    return v.out;
  }
  if (!utf8_ok) {
    v.out.state = scan_outcome::status::invalid_utf8;
    return v.out;
  }
  v.finish();
  return v.out;
}

}  // namespace snapcheck::detail

#endif

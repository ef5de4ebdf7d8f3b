// Checks one value against one table row. At compile time each row and
// profile becomes a row_program: its active rules and tables of what needs
// no check at all (ASCII bytes, blocks of three-byte characters), so runs of
// ordinary text are only counted. One scanner, compiled once, reads any
// program: one pass over the raw bytes decodes as it goes and checks UTF-8,
// length, character sets and substrings as the characters go by, then the
// rules that need the whole value (prefixes, enum, integer, date).
#ifndef SNAPCHECK_ENGINE_SCAN_HPP
#define SNAPCHECK_ENGINE_SCAN_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../rules/rule.hpp"
#include "../schema/check.hpp"
#include "../unicode/utf8.hpp"
#include "options.hpp"

namespace snapcheck::detail {

// What a check of one value found. Each rule fires at most once and carries
// at most one number: a position (has_at bit set) or the bound it broke.
// One outcome is reused for every value: reset() clears what every check
// reads, and codes[k] and number[k] are read only where rule k fired.
struct scan_outcome {
  enum class status : std::uint8_t { ok, bad_encoding, invalid_utf8 };
  status state = status::ok;
  std::uint8_t fired = 0;   // bit k: rule k fired
  std::uint8_t has_at = 0;  // bit k: number[k] is a position, else a limit
  std::size_t utf8_at = 0;  // byte offset, for invalid_utf8
  std::size_t chars = 0;    // code points
  std::uint64_t hash = 0;   // of the decoded length and first bytes: unique rules compare only on a match
  array<code, field::max_rules> codes{};
  array<std::uint64_t, field::max_rules> number{};
  string_view suggestion{};  // an enum literal equal but for case

  constexpr void reset() noexcept {
    state = status::ok;
    fired = 0;
    has_at = 0;
    utf8_at = 0;
    chars = 0;
    hash = 0;
    suggestion = {};
  }
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

[[nodiscard]] constexpr bool starts_with(string_view head, string_view t, case_mode m) noexcept {
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
[[nodiscard]] constexpr bool is_date(string_view s) noexcept {
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

// Returns true when s is all ASCII and, for form-encoded text, holds no '%'
// or '+': its bytes are then exactly its decoded characters.
[[nodiscard]] constexpr bool is_plain(string_view s, bool form_encoded) noexcept {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (form_encoded && (c == '%' || c == '+'))) return false;
  }
  return true;
}

inline constexpr std::uint64_t fnv_prime = 1099511628211ull;

// The fingerprint a unique rule compares first: of a decoded value's size
// and the word of its first (up to) eight bytes.
[[nodiscard]] constexpr std::uint64_t fingerprint(std::size_t bytes, std::uint64_t head) noexcept {
  return ((bytes * 0x9E3779B97F4A7C15ull) ^ head) * fnv_prime;
}

// A substring rule's text packed into the low bytes of a 64-bit word, to
// compare with the last eight decoded bytes.
struct window_pattern {
  std::uint64_t bits = 0;
  std::uint64_t mask = 0;
  std::size_t size = 0;
  std::size_t rule = 0;
  bool fold = false;
  unsigned char last = 0;  // the text's last byte (lower-cased when folding)
};

struct window_patterns {
  array<window_pattern, field::max_rules * rule::max_texts> items{};
  std::size_t count = 0;
  array<std::uint64_t, 2> last_bytes{};  // bit c: a text ends with ASCII byte c (texts are ASCII)

  [[nodiscard]] constexpr bool can_end_with(unsigned char c) const noexcept {
    return c < 0x80 && ((last_bytes[c / 64] >> (c % 64)) & 1u) != 0;
  }
};

// Hex digit values; 0xFF for bytes that are not hex digits.
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

using byte_flags = array<bool, 256>;
using block_table = array<std::uint64_t, 16>;

// A text of a whole-value rule (a prefix, an enum value) as a word of its
// first eight bytes, the first in the low byte: compared with the head's
// word in one step. Longer texts compare byte by byte.
struct text_word {
  std::uint64_t exact = 0;
  std::uint64_t folded = 0;  // A-Z lowered
  std::uint64_t mask = 0;
  bool fits = false;  // at most eight bytes
};

// Returns w with the bytes A-Z lowered (eight at once).
[[nodiscard]] constexpr std::uint64_t fold_word(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t low7 = w & (ones * 0x7F);
  const std::uint64_t at_least_a = low7 + ones * (0x80 - 'A');      // high bit: byte >= 'A'
  const std::uint64_t above_z = low7 + ones * (0x80 - 'Z' - 1);     // high bit: byte > 'Z'
  const std::uint64_t upper = at_least_a & ~above_z & ~w & (ones * 0x80);
  return w | (upper >> 2);  // 0x80 >> 2 is the case bit 0x20
}

// Returns the first (up to) eight bytes of s as a word, the first in the low byte.
[[nodiscard]] constexpr std::uint64_t head_word(string_view s) noexcept {
  if (std::endian::native == std::endian::little && !std::is_constant_evaluated() && s.size() >= 8) {
    std::uint64_t w;
    __builtin_memcpy(&w, s.data(), 8);
    return w;
  }
  std::uint64_t w = 0;
  for (std::size_t k = 0; k < s.size() && k < 8; ++k) w |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
  return w;
}

[[nodiscard]] constexpr text_word make_text_word(string_view t) noexcept {
  text_word w;
  w.fits = t.size() <= 8;
  if (!w.fits) return w;
  w.exact = head_word(t);
  w.folded = fold_word(w.exact);
  w.mask = t.size() == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * t.size())) - 1;
  return w;
}

// Returns true when head starts with text t of rule r, whose word is w;
// word and folded are the head's.
[[nodiscard]] constexpr bool head_starts_with(string_view head, std::uint64_t word, std::uint64_t folded,
                                              string_view t, const text_word& w, case_mode m) noexcept {
  if (head.size() < t.size()) return false;
  if (!w.fits) return starts_with(head, t, m);
  return m == case_mode::exact ? (word & w.mask) == w.exact : (folded & w.mask) == w.folded;
}

// What a row checks under one profile, as data worked out at compile time.
struct row_program {
  const field* row = nullptr;
  std::size_t rules = 0;      // rule_count() of the row
  std::uint8_t active = 0;    // bit k: rule k applies under the profile
  bool has_first = false;     // a first_char rule: the first character goes the general way
  bool want_int = false;      // an integer rule: the whole value is read again as digits
  bool want_hash = false;     // a unique rule: the value's fingerprint
  std::size_t head_size = 0;  // decoded bytes the whole-value rules read
  // The active rules the general way reads per character (first_char,
  // only_chars, no_chars) and those decided by the whole value (length,
  // prefixes, enum, integer, date), by index, in table order.
  array<std::uint8_t, field::max_rules> char_rules{};
  std::size_t char_rule_count = 0;
  array<std::uint8_t, field::max_rules> whole_rules{};
  std::size_t whole_rule_count = 0;
  array<array<text_word, rule::max_texts>, field::max_rules> words{};  // of prefixes and enum values
  // The quick verdict of most values: when the whole-value rules are only
  // lengths and prefixes, a length within all of them and a first byte that
  // starts no prefix (either case, for case-insensitive ones) pass them all.
  bool quick_whole = true;
  std::uint64_t quick_min = 0;
  std::uint64_t quick_max = ~std::uint64_t{0};
  array<std::uint64_t, 4> prefix_first{};  // bit b: some prefix starts with byte b
  window_patterns windows{};
  // ordinary[c]: ASCII byte c (not '%' or '+', which may be escapes) passes
  // every set rule and cannot end a substring.
  byte_flags ordinary{};
  // Bit c: ASCII byte c (not '%' or '+') passes as the first character of
  // a row with a first_char rule, whose only_chars rules skip it: it is in
  // the first_char sets, in no no_chars set, and ends no substring.
  array<std::uint64_t, 2> first_ascii{};
  // Bit (b1 & 63) of word (b0 & 15): every character E0+(b0&15), b1, any
  // continuation byte is well-formed (leads E1-EC, EE-EF) and passes every
  // set rule, so counting it is enough. One table per han_set.
  array<block_table, 2> three_byte{};
  // Decoded text 16 bytes at a time (wide_run), per han_set: when every
  // well-formed three-byte character (leads E1-EC, EE-EF) passes and at
  // most four ASCII bytes are not ordinary, those `specials`.
  array<bool, 2> wide{};
  array<unsigned char, 4> specials{};
  std::size_t special_count = 0;

  [[nodiscard]] constexpr bool is_active(std::size_t k) const noexcept { return (active >> k) & 1u; }
  [[nodiscard]] constexpr bool uses(rule_kind kind) const noexcept {
    for (std::size_t k = 0; k < rules; ++k)
      if (row->rules[k].kind == kind && is_active(k)) return true;
    return false;
  }
};

// Bit b of a block table stands for the 64 code points from b * 64: a range
// sets the bits of the blocks it fills or meets, a word at a time.
constexpr void mark_blocks(block_table& t, std::size_t first, std::size_t last) noexcept {  // inclusive
  for (std::size_t w = first / 64; w <= last / 64; ++w) {
    const std::size_t lo = w == first / 64 ? first % 64 : 0;
    const std::size_t hi = w == last / 64 ? last % 64 : 63;
    t[w] |= (~std::uint64_t{0} >> (63 - hi)) & (~std::uint64_t{0} << lo);
  }
}

// The blocks of three-byte characters wholly inside (only_chars) or wholly
// outside (no_chars) the set of rule r.
[[nodiscard]] constexpr block_table passing_blocks(const rule& r, unicode::han_set hs) noexcept {
  block_table inner{};
  block_table touched{};
  const auto range = [&](char32_t lo, char32_t hi) {
    if (lo > 0xFFFF) return;
    if (hi > 0xFFFF) hi = 0xFFFF;
    mark_blocks(touched, lo / 64, hi / 64);
    if ((lo + 63) / 64 < (hi + 1) / 64) mark_blocks(inner, (lo + 63) / 64, (hi + 1) / 64 - 1);
  };
  for (std::size_t k = 0; k < r.chars.range_count; ++k) range(r.chars.ranges[k].first, r.chars.ranges[k].last);
  if (r.chars.han) {
    if (hs == unicode::han_set::basic) range(0x4E00, 0x9FA5);
    else for (const auto& h : unicode::detail::han_ranges) range(h.first, h.last);
  }
  if (r.kind == rule_kind::only_chars) return inner;
  for (auto& w : touched) w = ~w;
  return touched;
}

[[nodiscard]] constexpr row_program make_program(const field& f, profile p) noexcept {
  row_program g;
  g.row = &f;
  g.rules = f.rule_count();
  for (std::size_t k = 0; k < g.rules; ++k)
    if (f.rules[k].applies(p)) g.active = static_cast<std::uint8_t>(g.active | (1u << k));
  g.has_first = g.uses(rule_kind::first_char);
  g.want_int = g.uses(rule_kind::integer);
  g.want_hash = g.uses(rule_kind::unique);
  const auto at_least = [&g](std::size_t k) { g.head_size = k > g.head_size ? k : g.head_size; };
  array<std::uint64_t, 2>& ends = g.windows.last_bytes;  // ASCII bytes that end a substring text
  const auto can_end = [&](unsigned char b) { ends[b / 64] |= std::uint64_t{1} << (b % 64); };
  for (std::size_t k = 0; k < g.rules; ++k) {
    const rule& r = f.rules[k];
    if (!g.is_active(k)) continue;
    switch (r.kind) {
      case rule_kind::first_char:
      case rule_kind::only_chars:
      case rule_kind::no_chars:
        g.char_rules[g.char_rule_count++] = static_cast<std::uint8_t>(k);
        break;
      case rule_kind::length:
      case rule_kind::no_prefix:
      case rule_kind::one_of:
      case rule_kind::integer:
      case rule_kind::date:
        g.whole_rules[g.whole_rule_count++] = static_cast<std::uint8_t>(k);
        break;
      default:
        break;
    }
    if (r.kind == rule_kind::no_prefix || r.kind == rule_kind::one_of)
      for (std::size_t t = 0; t < r.text_count(); ++t) {
        at_least(r.texts[t].size());
        g.words[k][t] = make_text_word(r.texts[t]);
      }
    if (r.kind == rule_kind::length) {
      g.quick_min = r.min > g.quick_min ? r.min : g.quick_min;
      g.quick_max = r.max < g.quick_max ? r.max : g.quick_max;
    } else if (r.kind == rule_kind::no_prefix) {
      for (std::size_t t = 0; t < r.text_count(); ++t) {
        const auto b = static_cast<unsigned char>(r.texts[t][0]);
        g.prefix_first[b / 64] |= std::uint64_t{1} << (b % 64);
        if (r.cases == case_mode::ascii_insensitive && ascii_lower(b) != b)
          g.prefix_first[ascii_lower(b) / 64] |= std::uint64_t{1} << (ascii_lower(b) % 64);
        if (r.cases == case_mode::ascii_insensitive && b >= 'a' && b <= 'z')
          g.prefix_first[(b - 32) / 64] |= std::uint64_t{1} << ((b - 32) % 64);
      }
    } else if (r.kind == rule_kind::one_of || r.kind == rule_kind::integer || r.kind == rule_kind::date) {
      g.quick_whole = false;
    }
    if (r.kind == rule_kind::date) at_least(10);
    if (r.kind == rule_kind::unique) at_least(8);
    if (r.kind != rule_kind::no_substring) continue;
    for (std::size_t t = 0; t < r.text_count(); ++t) {  // substring texts, as 64-bit windows
      window_pattern w;
      w.size = r.texts[t].size();
      w.rule = k;
      w.fold = r.cases == case_mode::ascii_insensitive;
      for (char c : r.texts[t]) {
        const auto b = static_cast<unsigned char>(c);
        w.bits = (w.bits << 8) | (w.fold ? ascii_lower(b) : b);
      }
      w.mask = w.size == 8 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (8 * w.size)) - 1);
      const auto last = static_cast<unsigned char>(r.texts[t].back());
      w.last = w.fold ? ascii_lower(last) : last;
      can_end(w.last);
      if (w.fold && w.last >= 'a' && w.last <= 'z') can_end(static_cast<unsigned char>(w.last - 32));
      g.windows.items[g.windows.count++] = w;
    }
  }
  const auto is_set_rule = [&](std::size_t k) {
    return g.is_active(k) && (f.rules[k].kind == rule_kind::only_chars || f.rules[k].kind == rule_kind::no_chars);
  };
  // ASCII as two 64-bit sets, a rule at a time (cheap to evaluate), then spread out.
  std::uint64_t ok[2] = {~((std::uint64_t{1} << '%') | (std::uint64_t{1} << '+') | ends[0]), ~ends[1]};
  for (std::size_t k = 0; k < g.rules; ++k) {
    if (!is_set_rule(k)) continue;
    const char_set& set = f.rules[k].chars;
    const bool only = f.rules[k].kind == rule_kind::only_chars;
    ok[0] &= only ? set.ascii_lo : ~set.ascii_lo;
    ok[1] &= only ? set.ascii_hi : ~set.ascii_hi;
  }
  for (std::size_t c = 0; c < 0x80; ++c) g.ordinary[c] = ((ok[c / 64] >> (c % 64)) & 1u) != 0;
  g.first_ascii = {~((std::uint64_t{1} << '%') | (std::uint64_t{1} << '+') | ends[0]), ~ends[1]};
  for (std::size_t k = 0; k < g.rules; ++k) {
    const rule& r = f.rules[k];
    if (!g.is_active(k) || (r.kind != rule_kind::first_char && r.kind != rule_kind::no_chars)) continue;
    const bool in = r.kind == rule_kind::first_char;
    g.first_ascii[0] &= in ? r.chars.ascii_lo : ~r.chars.ascii_lo;
    g.first_ascii[1] &= in ? r.chars.ascii_hi : ~r.chars.ascii_hi;
  }
  std::size_t specials = 0;  // the ASCII bytes that are not ordinary
  for (std::size_t w = 0; w < 2; ++w) {
    for (std::uint64_t rest = ~ok[w]; rest != 0 && specials <= 4; rest &= rest - 1, ++specials)
      if (specials < 4) g.specials[specials] = static_cast<unsigned char>(w * 64 + static_cast<std::size_t>(std::countr_zero(rest)));
  }
  for (std::size_t h = 0; h < 2; ++h) {
    g.wide[h] = specials <= 4;
    block_table& t = g.three_byte[h];
    for (auto& w : t) w = ~std::uint64_t{0};
    t[0x0] = 0;  // E0: overlong forms below E0 A0
    t[0xD] = 0;  // ED: surrogates from ED A0
    for (std::size_t k = 0; k < g.rules; ++k) {
      if (!is_set_rule(k)) continue;
      const block_table pass = passing_blocks(f.rules[k], h == 0 ? unicode::han_set::unicode : unicode::han_set::basic);
      for (std::size_t w = 0; w < 16; ++w) t[w] &= pass[w];
    }
    for (std::size_t w = 1; w < 16; ++w)
      if (w != 0xD && t[w] != ~std::uint64_t{0}) g.wide[h] = false;
  }
  g.special_count = specials <= 4 ? specials : 0;
  for (std::size_t k = g.special_count; k < 4; ++k) g.specials[k] = 0xC0;  // never in UTF-8: a harmless filler
  return g;
}

template <class S, std::size_t I, profile P>
inline constexpr row_program program_of = make_program(S::fields[I], P);

// A run of characters that need only counting: ASCII ones and three-byte ones.
// The runs count in locals and build this at the end: when a run is not
// inlined this is the caller's memory, which a char read of the value may
// alias, and counts kept in it could not stay in registers.
struct fast_run {
  std::size_t end = 0;
  std::size_t ascii = 0;
  std::size_t three = 0;
};

// The fast paths themselves, shared by every row: they read the row's
// tables, so one copy of the code serves all rows.
[[nodiscard]] constexpr bool passes(const block_table& blocks, unsigned b0, unsigned b1, unsigned b2) noexcept {
  // Both continuation bytes in 80-BF: each XOR 0x80 is below 0x40, and so is their OR.
  return (b0 & 0xF0u) == 0xE0u && ((b1 ^ 0x80u) | (b2 ^ 0x80u)) < 0x40u &&
         ((blocks[b0 & 15u] >> (b1 & 63u)) & 1u) != 0;
}

// Returns the run of characters from i of decoded text that need only counting.
[[nodiscard]] constexpr fast_run raw_run(string_view raw, std::size_t i, const byte_flags& ordinary,
                                       const block_table& blocks) noexcept {
  std::size_t ascii = 0;
  std::size_t three = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(raw[k]); };
  const std::size_t n = raw.size();
  for (;;) {
    if (i < n && ordinary[at(i)]) {
      ++i;
      ++ascii;
    } else if (i + 3 <= n && passes(blocks, at(i), at(i + 1), at(i + 2))) {
      i += 3;
      ++three;
    } else {
      break;
    }
  }
  return {i, ascii, three};
}
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
// Returns the run from i of decoded text that needs only counting, 16 bytes
// a step (SSE2, through the compilers' vector extensions), for a program
// with `wide` set: blocks of ordinary ASCII and well-formed three-byte
// characters. Stops at the first block that holds anything else.
[[nodiscard]] inline fast_run wide_run(string_view raw, std::size_t i, const row_program& g) noexcept {
  using u8x16 = unsigned char __attribute__((vector_size(16)));
  using i8x16 = char __attribute__((vector_size(16)));
  using u64x2 = unsigned long long __attribute__((vector_size(16)));
  const auto bits = [](auto lanes) { return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<i8x16>(lanes))); };
  const unsigned char s0 = g.specials[0], s1 = g.specials[1], s2 = g.specials[2], s3 = g.specials[3];
  const std::size_t start = i;
  std::size_t continuations = 0;
  while (i + 16 <= raw.size()) {
    u8x16 v;
    __builtin_memcpy(&v, raw.data() + i, 16);
    const unsigned special = bits((v == s0) | (v == s1) | (v == s2) | (v == s3));
    const unsigned high = bits(v);
    if (special != 0) break;
    if (high == 0) {
      i += 16;
      continue;
    }
    const auto cont_lanes = (v & 0xC0) == 0x80;
    const unsigned cont = bits(cont_lanes);
    const unsigned lead = bits(((v & 0xF0) == 0xE0) & (v != 0xE0) & (v != 0xED));
    if ((lead | cont) != high) break;  // another lead, or a byte of 0x80 and up out of place
    // A character that runs past the block ends the step at its lead.
    const unsigned cut = (lead & 0xC000u) != 0 ? static_cast<unsigned>(std::countr_zero(lead & 0xC000u)) : 16u;
    const unsigned keep = (1u << cut) - 1;
    // Each lead kept, then its two continuations, inside what is kept; no other continuation.
    const unsigned expected = ((lead & keep) << 1) | ((lead & keep) << 2);
    if ((expected & ~keep) != 0 || (cont & keep) != expected) break;
    // The continuations kept: lanes of 1 summed by psadbw (no popcount instruction in SSE2).
    u8x16 ones = reinterpret_cast<u8x16>(cont_lanes) & 1;
    if (cut < 16) ones = cut == 14 ? (ones & u8x16{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0})
                                   : (ones & u8x16{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0});
    const auto sums = reinterpret_cast<u64x2>(__builtin_ia32_psadbw128(reinterpret_cast<i8x16>(ones), i8x16{}));
    continuations += static_cast<std::size_t>(sums[0] + sums[1]);
    i += cut;
  }
  const std::size_t bytes = i - start;
  const std::size_t three = continuations / 2;
  return {i, bytes - 3 * three, three};
}
#endif

// Returns the run of characters from i of form-encoded text that need only
// counting: ordinary bytes, '+' when a space is ordinary, '%HH' of an
// ordinary byte, and escaped three-byte characters the blocks pass.
[[nodiscard]] constexpr fast_run escaped_run(string_view raw, std::size_t i, const byte_flags& ordinary,
                                           const block_table& blocks) noexcept {
  std::size_t ascii = 0;
  std::size_t three = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(raw[k]); };
  const std::size_t n = raw.size();
  while (i < n) {
    const unsigned char c = at(i);
    if (ordinary[c] || (c == '+' && ordinary[' '])) {
      ++i;
      ++ascii;
      continue;
    }
    if (c != '%' || i + 3 > n) break;
    const unsigned hi = hex_digit[at(i + 1)];
    const unsigned lo = hex_digit[at(i + 2)];
    if (hi == 0xE && i + 9 <= n && at(i + 3) == '%' && at(i + 6) == '%') {
      // '%EH%HH%HH': both continuations' high digits in 8-B, every digit a hex digit.
      const unsigned h1 = hex_digit[at(i + 4)], l1 = hex_digit[at(i + 5)];
      const unsigned h2 = hex_digit[at(i + 7)], l2 = hex_digit[at(i + 8)];
      if (((h1 - 8) | (h2 - 8)) < 4 && (lo | l1 | l2) < 16 && ((blocks[lo] >> ((h1 & 3) * 16 + l1)) & 1u) != 0) {
        i += 9;
        ++three;
        continue;
      }
    }
    if (hi > 7 || lo > 15 || !ordinary[hi * 16 + lo]) break;  // '%HH' of an ordinary ASCII byte
    i += 3;
    ++ascii;
  }
  return {i, ascii, three};
}

// The rules decided by the whole value: length, prefixes, enum, integer, date.
constexpr void decide_whole(const row_program& g, scan_outcome& out, string_view head, std::uint64_t word,
                            std::size_t bytes, std::uint64_t number, bool all_digits) noexcept {
  const std::uint64_t folded = fold_word(word);
  for (std::size_t w = 0; w < g.whole_rule_count; ++w) {
    const std::size_t k = g.whole_rules[w];
    const rule& rl = g.row->rules[k];
    switch (rl.kind) {
      case rule_kind::length:
        if (out.chars < rl.min) out.fire(k, code::too_short, rl.min);
        else if (out.chars > rl.max) out.fire(k, code::too_long, rl.max);
        break;
      case rule_kind::no_prefix:
        for (std::size_t t = 0; t < rl.text_count(); ++t)
          if (head_starts_with(head, word, folded, rl.texts[t], g.words[k][t], rl.cases)) {
            out.fire(k, code::reserved_prefix);
            break;
          }
        break;
      case rule_kind::one_of: {
        bool found = false;
        for (std::size_t t = 0; t < rl.text_count() && !found; ++t)
          found = bytes == rl.texts[t].size() &&
                  head_starts_with(head, word, folded, rl.texts[t], g.words[k][t], case_mode::exact);
        if (found) break;
        out.fire(k, code::not_in_enum);
        for (std::size_t t = 0; t < rl.text_count(); ++t)
          if (bytes == rl.texts[t].size() &&
              head_starts_with(head, word, folded, rl.texts[t], g.words[k][t], case_mode::ascii_insensitive))
            out.suggestion = rl.texts[t];
        break;
      }
      case rule_kind::integer:
        if (!all_digits || bytes == 0) out.fire(k, code::not_integer);
        else if (number < rl.min || number > rl.max) out.fire(k, code::out_of_range, number < rl.min ? rl.min : rl.max);
        break;
      case rule_kind::date:
        if (!is_date(bytes == head.size() ? head : string_view{})) out.fire(k, code::bad_format);
        break;
      default:
        break;
    }
  }
}

// Accumulates ASCII digits, saturating above every rule's max.
[[nodiscard]] constexpr bool add_digit(std::uint64_t& number, unsigned char b) noexcept {
  if (b < '0' || b > '9') return false;
  if (number <= rule::max_integer) number = number * 10 + (b - '0');
  return true;
}

// The decoded byte of the escape '%HH' at raw[k] (known to be well-formed).
[[nodiscard]] constexpr unsigned char escaped_byte(string_view raw, std::size_t k) noexcept {
  return static_cast<unsigned char>(hex_digit[static_cast<unsigned char>(raw[k + 1])] * 16 +
                                    hex_digit[static_cast<unsigned char>(raw[k + 2])]);
}

// The last (up to) eight decoded bytes of raw[0, end), the last one in the
// low byte, and how many there are. Reads backwards: in well-formed form
// text every '%' starts an escape, so a byte is an escape's exactly when a
// '%' stands two before it.
struct tail_bytes {
  std::uint64_t word = 0;
  std::size_t count = 0;
};
[[nodiscard]] constexpr tail_bytes decoded_tail(string_view raw, std::size_t end, bool form) noexcept {
  tail_bytes t;
  while (end > 0 && t.count < 8) {
    unsigned char b = 0;
    if (form && end >= 3 && raw[end - 3] == '%') {
      b = escaped_byte(raw, end - 3);
      end -= 3;
    } else {
      b = static_cast<unsigned char>(raw[--end]);
      if (form && b == '+') b = ' ';
    }
    t.word |= std::uint64_t{b} << (8 * t.count++);
  }
  return t;
}

// Decoded text, a byte or a character at a time, the general way: any byte,
// any encoding (Unicode Table 3-7 for UTF-8). Shared by every row.
struct text_cursor {
  string_view raw;
  bool form = false;
  std::size_t i = 0;
  bool bad_escape = false;  // stopped at a '%' without two hex digits

  // Returns the next decoded byte, or -1 at the end or at a bad escape.
  constexpr int next() noexcept {
    const std::size_t n = raw.size();
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
  }

  // One character: ASCII, another well-formed one (with its UTF-8 length),
  // or where checking stops (a bad escape, an ill-formed sequence).
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

  // After an ill-formed sequence only a bad escape can still change the
  // verdict (bad_encoding wins): looks for one in the rest.
  constexpr void find_bad_escape() noexcept {
    if (!form) return;
    while (!bad_escape && i < raw.size()) {
      if (raw[i] == '%') {
        if (next() < 0) break;
      } else {
        ++i;
      }
    }
  }
};

// Returns the first decoded bytes of a well-formed value (at most cap),
// decoded into buffer when the text is form-encoded.
[[nodiscard]] constexpr string_view decoded_head(string_view raw, bool form, char* buffer,
                                                     std::size_t cap) noexcept {
  if (!form) return raw.substr(0, cap);
  std::size_t h = 0;
  for (std::size_t k = 0; k < raw.size() && h < cap; ++h) {
    if (raw[k] == '%') {
      buffer[h] = static_cast<char>(escaped_byte(raw, k));
      k += 3;
    } else {
      buffer[h] = raw[k] == '+' ? ' ' : raw[k];
      ++k;
    }
  }
  return {buffer, h};
}

// After an ASCII character that can end a substring text, ending at
// raw[end] and making `chars` characters: compares the texts with the
// decoded bytes before it; the earliest match of each rule is kept.
constexpr void match_windows(const window_patterns& windows, string_view raw, std::size_t end, bool form,
                             std::size_t chars, scan_outcome& out) noexcept {
  const tail_bytes tail = decoded_tail(raw, end, form);
  const std::uint64_t folded = fold_word(tail.word);
  for (std::size_t p = 0; p < windows.count; ++p) {
    const window_pattern& wp = windows.items[p];
    if (tail.count < wp.size || ((wp.fold ? folded : tail.word) & wp.mask) != wp.bits) continue;
    const std::size_t start = chars - wp.size;  // the text is ASCII: a char a byte
    if (!out.has_fired(wp.rule) || start < out.number[wp.rule]) out.fire_at(wp.rule, code::forbidden_substring, start);
  }
}

// The quick verdict on the whole-value rules (row_program::quick_whole): a
// well-formed value of `chars` characters passes them all.
[[nodiscard]] constexpr bool passes_quickly(const row_program& g, string_view raw, bool form,
                                            std::size_t chars) noexcept {
  if (!g.quick_whole || chars < g.quick_min || chars > g.quick_max) return false;
  if (raw.empty()) return true;
  const unsigned char first = form && raw[0] == '%' ? escaped_byte(raw, 0)
                              : form && raw[0] == '+' ? static_cast<unsigned char>(' ')
                                                      : static_cast<unsigned char>(raw[0]);
  return ((g.prefix_first[first / 64] >> (first % 64)) & 1u) == 0;
}

// Returns how many leading characters of a value are ordinary ASCII for its
// row (the first one, for a row with a first_char rule, in first_ascii):
// well-formed, their bytes their decoded characters, passing every set rule
// and ending no substring text. When that is the whole value only the
// whole-value rules are left (check_whole); otherwise the scan starts
// after them.
[[nodiscard]] constexpr std::size_t ordinary_prefix(const row_program& g, string_view raw) noexcept {
  std::size_t i = 0;
  if (g.has_first && !raw.empty()) {
    const auto first = static_cast<unsigned char>(raw[0]);
    if (first >= 0x80 || ((g.first_ascii[first / 64] >> (first % 64)) & 1u) == 0) return 0;
    i = 1;
  }
  while (i < raw.size() && g.ordinary[static_cast<unsigned char>(raw[i])]) ++i;
  return i;
}

// The state of one pass over a value, and what each character the general
// way does to it.
struct value_pass {
  const row_program& g;
  scan_outcome& out;
  std::size_t bytes = 0;  // decoded

  // A character through the set rules of the row.
  constexpr void character(char32_t cp, bool ascii, han_set chinese) noexcept {
    for (std::size_t c = 0; c < g.char_rule_count; ++c) {
      const std::size_t k = g.char_rules[c];
      const rule& rl = g.row->rules[k];
      const auto in_set = [&] {
        return ascii ? rl.chars.contains_ascii(static_cast<unsigned char>(cp)) : rl.chars.contains(cp, chinese);
      };
      if (rl.kind == rule_kind::first_char) {
        if (out.chars == 0 && !in_set()) out.fire_at(k, code::bad_start, 0);
      } else if (rl.kind == rule_kind::only_chars) {
        if (out.has_fired(k) || (g.has_first && out.chars == 0)) continue;
        if (!in_set()) out.fire_at(k, code::bad_char, out.chars);
      } else if (rl.kind == rule_kind::no_chars) {
        if (!out.has_fired(k) && in_set()) out.fire_at(k, code::bad_char, out.chars);
      }
    }
    ++out.chars;
  }

  // The rules decided by the whole (well-formed) value.
  // A row with a unique rule (Tag keys) needs the value's fingerprint
  // whatever the verdict, so the quick verdict does not spare it the head.
  constexpr void finish(string_view raw, bool form) noexcept {
    const bool quick = passes_quickly(g, raw, form, out.chars);
    if (quick && !g.want_hash) return;
    char buffer[rule::max_text_size] = {};
    const std::size_t cap = g.head_size < rule::max_text_size ? g.head_size : rule::max_text_size;
    const string_view head = decoded_head(raw, form, buffer, cap);
    const std::uint64_t word = head_word(head);
    if (g.want_hash) out.hash = fingerprint(bytes, word);
    if (quick) return;
    // An integer rule reads the value again, as digits: runs and the
    // general way only count characters, integer rows or not.
    std::uint64_t number = 0;
    bool all_digits = true;
    if (g.want_int) {
      text_cursor digits{raw, form};
      for (int b = digits.next(); b >= 0 && all_digits; b = digits.next())
        all_digits = add_digit(number, static_cast<unsigned char>(b));
    }
    decide_whole(g, out, head, word, bytes, number, all_digits);
  }
};

// Checks a value that is all ordinary_prefix against a row program: its whole-value
// rules, and its fingerprint for a unique rule. Out of line: inlined, it
// made the engine's visit larger and W2 slower by about 8%.
[[gnu::noinline]] constexpr void check_whole(string_view raw, bool form, const row_program& g, scan_outcome& out) noexcept {
  out.reset();
  out.chars = raw.size();
  value_pass v{g, out, raw.size()};
  v.finish(raw, form);
}

// Checks a value against a row program, in one pass over its raw bytes
// from `from`: the characters before it are its ordinary_prefix, counted
// but not read again.
constexpr void scan(string_view raw, bool form, const options& opt, const row_program& g, scan_outcome& out,
                    std::size_t from) noexcept {
  out.reset();
  value_pass v{g, out, from};
  out.chars = from;
  const std::size_t n = raw.size();
  text_cursor text{raw, form, from};  // the lambda below reads text.raw: raw itself stays in registers
  std::size_t& i = text.i;

  // One character the general way, through every rule of the row. Returns
  // false where checking stops.
  bool utf8_ok = true;
  const auto general = [&]() -> bool {
    using kind = text_cursor::character::kind;
    const std::size_t seq_start = v.bytes;
    const auto c = text.next_character();
    if (c.what == kind::ascii) {
      ++v.bytes;
      v.character(c.cp, true, opt.chinese);
      if (g.windows.can_end_with(static_cast<unsigned char>(c.cp))) match_windows(g.windows, text.raw, i, form, out.chars, out);
      return true;
    }
    if (c.what == kind::other) {
      v.bytes += c.bytes;
      v.character(c.cp, false, opt.chinese);
      return true;
    }
    if (c.what == kind::ill_formed) {
      utf8_ok = false;
      out.utf8_at = seq_start;
    }
    return false;
  };

  // Characters that need only counting are counted in bulk; the first
  // character of a row with a first_char rule, and whatever the tables
  // refuse, go the general way.
  const block_table& blocks = g.three_byte[opt.chinese == han_set::basic ? 1 : 0];
  [[maybe_unused]] const bool wide = g.wide[opt.chinese == han_set::basic ? 1 : 0];
  bool more = true;
  if (g.has_first && i == 0 && n > 0) more = general();  // a first character not in first_ascii
  while (more && i < n) {
    string_view scalar = raw;  // how far the byte-at-a-time run may go
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    if (!form && wide && !std::is_constant_evaluated()) {
      const fast_run w = wide_run(raw, i, g);
      i = w.end;
      v.bytes += w.ascii + 3 * w.three;
      out.chars += w.ascii + w.three;
      scalar = raw.substr(0, i + 32);  // past the block that stopped it, then wide steps again
    }
#endif
    const fast_run run = form ? escaped_run(raw, i, g.ordinary, blocks) : raw_run(scalar, i, g.ordinary, blocks);
    i = run.end;
    v.bytes += run.ascii + 3 * run.three;
    out.chars += run.ascii + run.three;
    if (i < n) more = general();
  }
  if (!utf8_ok) text.find_bad_escape();
  if (text.bad_escape) {
    out.state = scan_outcome::status::bad_encoding;
  } else if (!utf8_ok) {
    out.state = scan_outcome::status::invalid_utf8;
  } else {
    v.finish(raw, form);
  }
}

}  // namespace snapcheck::detail

#endif

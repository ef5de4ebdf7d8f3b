// Checks one value against one row program (engine/program.hpp): one pass
// over the raw bytes decodes as it goes and checks UTF-8, length, character
// sets and substrings as the characters go by, then the rules that need the
// whole value (prefixes, suffixes, enum, integer, date, predicates). Runs
// of characters the program's tables pass are only counted; everything
// else goes the general way, character by character, through every rule.
#ifndef SNAPCHECK_ENGINE_SCAN_HPP
#define SNAPCHECK_ENGINE_SCAN_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../encoding/text.hpp"
#include "../rules/rule.hpp"
#include "options.hpp"
#include "program.hpp"

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
  string_view suggestion{};  // an enum value equal but for case

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

[[nodiscard]] constexpr bool is_leap(unsigned y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Reads `size` digits of s from `at` into v; false when one is not a digit.
[[nodiscard]] constexpr bool read_digits(string_view s, std::size_t at, std::size_t size, unsigned& v) noexcept {
  v = 0;
  for (std::size_t i = at; i < at + size; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

// Returns true when s starts with YYYY-MM-DD, a real date (years 0001–9999).
[[nodiscard]] constexpr bool starts_with_date(string_view s) noexcept {
  unsigned y = 0, m = 0, d = 0;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!read_digits(s, 0, 4, y) || !read_digits(s, 5, 2, m) || !read_digits(s, 8, 2, d)) return false;
  constexpr unsigned days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y == 0 || m < 1 || m > 12 || d < 1) return false;
  return d <= days[m] + (m == 2 && is_leap(y) ? 1u : 0u);
}

// Returns true when s is YYYY-MM-DD and a real date.
[[nodiscard]] constexpr bool is_date(string_view s) noexcept { return s.size() == 10 && starts_with_date(s); }

// Returns true when s is YYYY-MM-DDThh:mm:ssZ, a real date and time.
[[nodiscard]] constexpr bool is_timestamp(string_view s) noexcept {
  unsigned h = 0, m = 0, sec = 0;
  if (s.size() != 20 || !starts_with_date(s) || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return false;
  if (!read_digits(s, 11, 2, h) || !read_digits(s, 14, 2, m) || !read_digits(s, 17, 2, sec)) return false;
  return h <= 23 && m <= 59 && sec <= 59;
}

// Returns true when s is all ASCII and, for form-encoded text, holds no '%'
// or '+': its bytes are then exactly its decoded characters.
[[nodiscard]] constexpr bool is_plain(string_view s, encoding enc) noexcept {
  const bool form = enc == encoding::form;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (form && (c == '%' || c == '+'))) return false;
  }
  return true;
}

inline constexpr std::uint64_t fnv_prime = 1099511628211ull;

// The fingerprint a unique rule compares first: of a decoded value's size
// and the word of its first (up to) eight bytes.
[[nodiscard]] constexpr std::uint64_t fingerprint(std::size_t bytes, std::uint64_t head) noexcept {
  return ((bytes * 0x9E3779B97F4A7C15ull) ^ head) * fnv_prime;
}

// Returns w with the bytes A-Z lowered (eight at once).
[[nodiscard]] constexpr std::uint64_t fold_word(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t low7 = w & (ones * 0x7F);
  const std::uint64_t at_least_a = low7 + ones * (0x80 - 'A');      // high bit: byte >= 'A'
  const std::uint64_t above_z = low7 + ones * (0x80 - 'Z' - 1);     // high bit: byte > 'Z'
  const std::uint64_t upper = at_least_a & ~above_z & ~w & (ones * 0x80);
  return w | (upper >> 2);  // 0x80 >> 2 is the case bit 0x20
}

// Returns the first (up to) eight bytes of plain text s as a word, the
// first in the low byte (as encoded_text::head_word does for any text).
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
[[nodiscard]] inline fast_run wide_run(string_view raw, std::size_t i, const row_program& program) noexcept {
  using u8x16 = unsigned char __attribute__((vector_size(16)));
  using i8x16 = char __attribute__((vector_size(16)));
  using u64x2 = unsigned long long __attribute__((vector_size(16)));
  const auto bits = [](auto lanes) { return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<i8x16>(lanes))); };
  const unsigned char s0 = program.specials[0], s1 = program.specials[1], s2 = program.specials[2], s3 = program.specials[3];
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

// After an ASCII character that can end a substring text, ending at
// raw[end] and making `chars` characters: compares the texts with the
// decoded bytes before it; the earliest match of each rule is kept.
constexpr void match_windows(const window_patterns& windows, const encoded_text& text, std::size_t end,
                             std::size_t chars, scan_outcome& out) noexcept {
  std::uint64_t word = 0;  // the last (up to) eight decoded bytes, the last one lowest
  std::size_t count = 0;
  for (; end > 0 && count < 8; ++count) word |= std::uint64_t{text.last_byte_before(end)} << (8 * count);
  const std::uint64_t folded = fold_word(word);
  for (std::size_t p = 0; p < windows.count; ++p) {
    const window_pattern& wp = windows.items[p];
    if (count < wp.size || ((wp.fold ? folded : word) & wp.mask) != wp.bits) continue;
    const std::size_t start = chars - wp.size;  // the text is ASCII: a char a byte
    if (!out.has_fired(wp.rule) || start < out.number[wp.rule]) out.fire_at(wp.rule, code::forbidden_substring, start);
  }
}

// The quick verdict on the whole-value rules (row_program::quick_whole): a
// well-formed value of `chars` characters passes them all.
[[nodiscard]] constexpr bool passes_quickly(const row_program& program, const encoded_text& text,
                                            std::size_t chars) noexcept {
  if (!program.quick_whole || chars < program.quick_min || chars > program.quick_max) return false;
  text_cursor c = text.cursor();
  const int first = c.next();
  if (first < 0) return true;
  const auto b = static_cast<unsigned>(first);
  return ((program.prefix_first[b / 64] >> (b % 64)) & 1u) == 0;
}

// Returns how many leading characters of a value are ordinary ASCII for its
// row (the first one, for a row with a first_char rule, in first_ascii):
// well-formed, their bytes their decoded characters, passing every set rule
// and ending no substring text. When that is the whole value only the
// whole-value rules are left (check_whole); otherwise the scan starts
// after them.
[[nodiscard]] constexpr std::size_t ordinary_prefix(const row_program& program, string_view raw) noexcept {
  std::size_t i = 0;
  if (program.has_first && !raw.empty()) {
    if (!has_bit(program.first_ascii, static_cast<unsigned char>(raw[0]))) return 0;
    i = 1;
  }
  while (i < raw.size() && program.ordinary[static_cast<unsigned char>(raw[i])]) ++i;
  return i;
}

// Copies the decoded text into buffer when it is exactly `size` bytes;
// returns it, or an empty view.
template <std::size_t Size>
[[nodiscard]] constexpr string_view decoded_exactly(const encoded_text& text, std::size_t bytes,
                                                    array<char, Size>& buffer) noexcept {
  if (bytes != Size) return {};
  text_cursor c = text.cursor();
  for (char& b : buffer) b = static_cast<char>(c.next());
  return {buffer.data(), Size};
}

// Reads the decoded text as a whole number: false when a byte is not an
// ASCII digit. Saturates above every rule's max.
[[nodiscard]] constexpr bool read_integer(const encoded_text& text, std::uint64_t& number) noexcept {
  number = 0;
  text_cursor c = text.cursor();
  for (int b = c.next(); b >= 0; b = c.next()) {
    if (b < '0' || b > '9') return false;
    if (number <= max_integer) number = number * 10 + static_cast<unsigned>(b - '0');
  }
  return true;
}

// Checks a rule decided by the whole (well-formed) value: `bytes` decoded
// bytes making out.chars characters.
constexpr void decide(const rule& r, std::size_t k, const encoded_text& text, std::size_t bytes,
                      scan_outcome& out) noexcept {
  switch (r.kind) {
    case rule_kind::length:
      if (out.chars < r.min) out.fire(k, code::too_short, r.min);
      else if (out.chars > r.max) out.fire(k, code::too_long, r.max);
      return;
    case rule_kind::no_prefix:
      for (const string_view t : r.texts)
        if (text.starts_with(t, r.cases)) return out.fire(k, code::reserved_prefix);
      return;
    case rule_kind::no_suffix:
      for (const string_view t : r.texts)
        if (bytes >= t.size() && text.ends_with(t, r.cases)) return out.fire(k, code::reserved_suffix);
      return;
    case rule_kind::one_of:
      for (const string_view t : r.texts)
        if (bytes == t.size() && text.decodes_to(t, r.cases)) return;
      out.fire(k, code::not_in_enum);
      for (const string_view t : r.texts)
        if (r.cases == case_mode::exact && bytes == t.size() && text.decodes_to(t, case_mode::ascii_insensitive))
          out.suggestion = t;
      return;
    case rule_kind::integer: {
      std::uint64_t number = 0;
      if (bytes == 0 || !read_integer(text, number)) out.fire(k, code::not_integer);
      else if (number < r.min || number > r.max) out.fire(k, code::out_of_range, number < r.min ? r.min : r.max);
      return;
    }
    case rule_kind::date: {
      array<char, 10> buffer{};
      if (!is_date(decoded_exactly(text, bytes, buffer))) out.fire(k, code::bad_format);
      return;
    }
    case rule_kind::timestamp: {
      array<char, 20> buffer{};
      if (!is_timestamp(decoded_exactly(text, bytes, buffer))) out.fire(k, code::bad_format);
      return;
    }
    case rule_kind::predicate:
      if (!r.test(text)) out.fire(k, r.raises);
      return;
    case rule_kind::none:
    case rule_kind::first_char:
    case rule_kind::only_chars:
    case rule_kind::no_chars:
    case rule_kind::no_substring:
    case rule_kind::requires_field:
    case rule_kind::unique: return;  // not decided by the whole value
  }
}

// The state of one pass over a value, and what each character the general
// way does to it.
struct value_pass {
  const row_program& program;
  scan_outcome& out;
  std::size_t bytes = 0;  // decoded

  // A character through the per-character rules of the row.
  constexpr void character(char32_t cp, bool ascii, han_set chinese) noexcept {
    for (std::size_t c = 0; c < program.char_rule_count; ++c) {
      const std::size_t k = program.char_rules[c];
      const rule& r = program.rule_at(k);
      const auto in_set = [&] {
        return ascii ? r.chars.contains_ascii(static_cast<unsigned char>(cp)) : r.chars.contains(cp, chinese);
      };
      switch (r.kind) {
        case rule_kind::first_char:
          if (out.chars == 0 && !in_set()) out.fire_at(k, code::bad_start, 0);
          break;
        case rule_kind::only_chars:
          if (out.has_fired(k) || (program.has_first && out.chars == 0)) break;
          if (!in_set()) out.fire_at(k, code::bad_char, out.chars);
          break;
        case rule_kind::no_chars:
          if (!out.has_fired(k) && in_set()) out.fire_at(k, code::bad_char, out.chars);
          break;
        case rule_kind::none:
        case rule_kind::length:
        case rule_kind::no_prefix:
        case rule_kind::no_suffix:
        case rule_kind::no_substring:  // matched as windows (match_windows)
        case rule_kind::one_of:
        case rule_kind::integer:
        case rule_kind::date:
        case rule_kind::timestamp:
        case rule_kind::predicate:
        case rule_kind::requires_field:
        case rule_kind::unique: break;
      }
    }
    ++out.chars;
  }

  // The rules decided by the whole (well-formed) value. A row with a
  // unique rule needs the value's fingerprint whatever the verdict.
  constexpr void finish(const encoded_text& text) noexcept {
    const bool quick = passes_quickly(program, text, out.chars);
    if (program.want_hash) out.hash = fingerprint(bytes, text.head_word());
    if (quick) return;
    for (std::size_t w = 0; w < program.whole_rule_count; ++w) {
      const std::size_t k = program.whole_rules[w];
      decide(program.rule_at(k), k, text, bytes, out);
    }
  }
};

// Checks a value that is all ordinary_prefix against a row program: its
// whole-value rules, and its fingerprint for a unique rule. Out of line:
// inlined, it made the engine's visit larger and W2 slower by about 8%.
[[gnu::noinline]] constexpr void check_whole(const encoded_text& text, const row_program& program,
                                             scan_outcome& out) noexcept {
  out.reset();
  out.chars = text.raw.size();
  value_pass v{program, out, text.raw.size()};
  v.finish(text);
}

// Returns the run of characters from i that the program's tables pass:
// for decoded text, 16 bytes a step where the row allows it (SSE2), then a
// byte at a time; for form-encoded text, a byte or an escape at a time.
[[nodiscard]] constexpr fast_run counted_run(const encoded_text& text, std::size_t i, const row_program& program,
                                            han_set chinese) noexcept {
  const block_table& blocks = program.three_byte[chinese == han_set::basic ? 1 : 0];
  if (text.enc == encoding::form) return escaped_run(text.raw, i, program.ordinary, blocks);
  fast_run wide{i, 0, 0};
  string_view scalar = text.raw;  // how far the byte-at-a-time run may go
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  if (program.wide[chinese == han_set::basic ? 1 : 0] && !std::is_constant_evaluated()) {
    wide = wide_run(text.raw, i, program);
    scalar = text.raw.substr(0, wide.end + 32);  // past the block that stopped it, then wide steps again
  }
#endif
  const fast_run run = raw_run(scalar, wide.end, program.ordinary, blocks);
  return {run.end, wide.ascii + run.ascii, wide.three + run.three};
}

// Checks a value against a row program, in one pass over its raw bytes
// from `from`: the characters before it are its ordinary_prefix, counted
// but not read again.
constexpr void scan(const encoded_text& text, const options& opt, const row_program& program, scan_outcome& out,
                    std::size_t from) noexcept {
  out.reset();
  value_pass v{program, out, from};
  out.chars = from;
  const std::size_t n = text.raw.size();
  text_cursor cursor{text.raw, text.enc, from};
  std::size_t& i = cursor.i;

  // One character the general way, through every rule of the row. Returns
  // false where checking stops.
  bool utf8_ok = true;
  const auto general = [&]() -> bool {
    using kind = text_cursor::character::kind;
    const std::size_t seq_start = v.bytes;
    const auto c = cursor.next_character();
    if (c.what == kind::ascii) {
      ++v.bytes;
      v.character(c.cp, true, opt.chinese);
      if (program.windows.can_end_with(static_cast<unsigned char>(c.cp)))
        match_windows(program.windows, text, i, out.chars, out);
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
  // refuse, go the general way. Once every rule the tables stand for has
  // fired, any well-formed character needs only counting.
  bool more = true;
  if (program.has_first && i == 0 && n > 0) more = general();  // a first character not in first_ascii
  const row_program* tables = &program;
  while (more && i < n) {
    const fast_run run = counted_run(text, i, *tables, opt.chinese);
    i = run.end;
    v.bytes += run.ascii + 3 * run.three;
    out.chars += run.ascii + run.three;
    if (i < n) more = general();
    if (program.settles != 0 && (out.fired & program.settles) == program.settles) tables = &counting_program;
  }
  if (!utf8_ok) cursor.skip_rest();  // after an ill-formed sequence only a bad escape can change the verdict
  if (cursor.bad_escape) {
    out.state = scan_outcome::status::bad_encoding;
  } else if (!utf8_ok) {
    out.state = scan_outcome::status::invalid_utf8;
  } else {
    v.finish(text);
  }
}

}  // namespace snapcheck::detail

#endif

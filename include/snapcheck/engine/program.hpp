// What the engine checks in a row, worked out at compile time. Each row and
// profile becomes a row_program: its active rules sorted by what they read,
// and the tables of the fast paths (what needs no check at all: ASCII bytes,
// blocks of three-byte characters). The fast paths are derived from rules
// they know (fast_paths_know); a row with any other active rule has none,
// and every character goes the general way. SNAPCHECK_NO_FAST_PATHS (or
// fast = false) gives every row none.
#ifndef SNAPCHECK_ENGINE_PROGRAM_HPP
#define SNAPCHECK_ENGINE_PROGRAM_HPP

#include <bit>
#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../rules/rule.hpp"
#include "../schema/check.hpp"
#include "../unicode/han.hpp"

namespace snapcheck::detail {

#ifdef SNAPCHECK_NO_FAST_PATHS
inline constexpr bool fast_paths_on = false;
#else
inline constexpr bool fast_paths_on = true;
#endif

// The rule kinds the fast paths' tables are derived from. Any other kind
// in a row turns that row's fast paths off: a kind added later is checked
// the general way until its fast path is written.
[[nodiscard]] constexpr bool fast_paths_know(rule_kind k) noexcept {
  return k == rule_kind::length || k == rule_kind::first_char || k == rule_kind::only_chars ||
         k == rule_kind::no_chars || k == rule_kind::no_prefix || k == rule_kind::no_substring ||
         k == rule_kind::one_of || k == rule_kind::integer || k == rule_kind::date ||
         k == rule_kind::requires_field || k == rule_kind::unique;
}
// The whole-value rules the quick verdict decides (a length and a first byte).
[[nodiscard]] constexpr bool quick_verdict_knows(rule_kind k) noexcept {
  return k == rule_kind::length || k == rule_kind::no_prefix;
}

// A substring rule's text packed into the low bytes of a 64-bit word, to
// compare with the last eight decoded bytes.
struct window_pattern {
  std::uint64_t bits = 0;
  std::uint64_t mask = 0;
  std::size_t size = 0;
  std::size_t rule = 0;
  bool fold = false;
};

struct window_patterns {
  array<window_pattern, max_substrings> items{};
  std::size_t count = 0;
  array<std::uint64_t, 2> last_bytes{};  // bit c: a text ends with ASCII byte c (texts are ASCII)

  [[nodiscard]] constexpr bool can_end_with(unsigned char c) const noexcept {
    return c < 0x80 && ((last_bytes[c / 64] >> (c % 64)) & 1u) != 0;
  }
};

using byte_flags = array<bool, 256>;
using block_table = array<std::uint64_t, 16>;
using ascii_bits = array<std::uint64_t, 2>;  // bit c of word c / 64: ASCII byte c

[[nodiscard]] constexpr bool has_bit(const ascii_bits& s, unsigned char c) noexcept {
  return c < 0x80 && ((s[c / 64] >> (c % 64)) & 1u) != 0;
}
constexpr void set_bit(ascii_bits& s, unsigned char c) noexcept { s[c / 64] |= std::uint64_t{1} << (c % 64); }

// What a row checks under one profile, as data worked out at compile time.
struct row_program {
  const field* row = nullptr;
  std::size_t rules = 0;    // rule_count() of the row
  std::uint8_t active = 0;  // bit k: rule k applies under the profile
  bool has_first = false;   // a first_char rule: the first character goes the general way
  bool want_int = false;    // an integer rule: the whole value is read again as digits
  bool want_hash = false;   // a unique rule: the value's fingerprint
  // The active rules read per character and those decided by the whole
  // value, by index, in table order.
  array<std::uint8_t, field::max_rules> char_rules{};
  std::size_t char_rule_count = 0;
  array<std::uint8_t, field::max_rules> whole_rules{};
  std::size_t whole_rule_count = 0;
  window_patterns windows{};

  // The fast paths (all empty when the row has none):
  // - the quick verdict: when the whole-value rules are only lengths and
  //   prefixes, a length within all of them and a first byte that starts
  //   no prefix (either case, for case-insensitive ones) pass them all;
  bool quick_whole = false;
  std::uint64_t quick_min = 0;
  std::uint64_t quick_max = ~std::uint64_t{0};
  array<std::uint64_t, 4> prefix_first{};  // bit b: some prefix starts with (decoded) byte b
  // - ordinary[c]: ASCII byte c (not '%' or '+', which may be escapes)
  //   passes every set rule and cannot end a substring;
  byte_flags ordinary{};
  // - first_ascii: ASCII bytes (not '%' or '+') that pass as the first
  //   character of a row with a first_char rule: in the first_char sets,
  //   in no no_chars set, ending no substring;
  ascii_bits first_ascii{};
  // - three_byte, per han_set: bit (b1 & 63) of word (b0 & 15) set when
  //   every character E0+(b0&15), b1, any continuation byte is well-formed
  //   (leads E1-EC, EE-EF) and passes every set rule;
  array<block_table, 2> three_byte{};
  // - wide, per han_set: decoded text 16 bytes at a time (wide_run) when
  //   every well-formed three-byte character passes and at most four ASCII
  //   bytes are not ordinary, those `specials`.
  array<bool, 2> wide{};
  array<unsigned char, 4> specials{};
  // - settles: bit k for each per-character rule but first_char (sets,
  //   substrings); once all have fired the rest of the value only needs
  //   counting, through counting_program's tables.
  std::uint8_t settles = 0;

  [[nodiscard]] constexpr bool is_active(std::size_t k) const noexcept { return (active >> k) & 1u; }
  [[nodiscard]] constexpr bool uses(rule_kind kind) const noexcept {
    for (std::size_t k = 0; k < rules; ++k)
      if (row->rules[k].kind == kind && is_active(k)) return true;
    return false;
  }
  [[nodiscard]] constexpr const rule& rule_at(std::size_t k) const noexcept { return row->rules[k]; }
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

// The active rules, sorted by what they read.
constexpr void sort_rules(row_program& program, profile p) noexcept {
  const field& f = *program.row;
  for (std::size_t k = 0; k < program.rules; ++k) {
    if (!f.rules[k].applies(p)) continue;
    program.active = static_cast<std::uint8_t>(program.active | (1u << k));
    const auto index = static_cast<std::uint8_t>(k);
    switch (role_of(f.rules[k].kind)) {
      case rule_role::character:
        if (f.rules[k].kind != rule_kind::no_substring) program.char_rules[program.char_rule_count++] = index;
        break;
      case rule_role::whole: program.whole_rules[program.whole_rule_count++] = index; break;
      case rule_role::nothing:
      case rule_role::request: break;
    }
  }
  program.has_first = program.uses(rule_kind::first_char);
  program.want_int = program.uses(rule_kind::integer);
  program.want_hash = program.uses(rule_kind::unique);
}

// Substring texts as 64-bit windows, and the ASCII bytes that end them.
constexpr void add_windows(row_program& program) noexcept {
  window_patterns& windows = program.windows;
  for (std::size_t k = 0; k < program.rules; ++k) {
    const rule& r = program.rule_at(k);
    if (!program.is_active(k) || r.kind != rule_kind::no_substring) continue;
    for (const string_view text : r.texts) {
      window_pattern w{.size = text.size(), .rule = k, .fold = r.cases == case_mode::ascii_insensitive};
      for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        w.bits = (w.bits << 8) | (w.fold ? ascii_lower(b) : b);
      }
      w.mask = w.size == 8 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (8 * w.size)) - 1);
      const auto last = static_cast<unsigned char>(text.back());
      set_bit(windows.last_bytes, w.fold ? ascii_lower(last) : last);
      if (w.fold && ascii_lower(last) != last) set_bit(windows.last_bytes, last);
      if (w.fold && last >= 'a' && last <= 'z') set_bit(windows.last_bytes, static_cast<unsigned char>(last - 32));
      windows.items[windows.count++] = w;
    }
  }
}

// The quick verdict: only when every whole-value rule is one it knows.
constexpr void add_quick_verdict(row_program& program) noexcept {
  program.quick_whole = true;
  for (std::size_t w = 0; w < program.whole_rule_count; ++w) {
    const rule& r = program.rule_at(program.whole_rules[w]);
    if (!quick_verdict_knows(r.kind)) {
      program.quick_whole = false;
    } else if (r.kind == rule_kind::length) {
      program.quick_min = r.min > program.quick_min ? r.min : program.quick_min;
      program.quick_max = r.max < program.quick_max ? r.max : program.quick_max;
    } else {
      const auto mark = [&](unsigned char b) { program.prefix_first[b / 64] |= std::uint64_t{1} << (b % 64); };
      for (const string_view text : r.texts) {
        const auto b = static_cast<unsigned char>(text[0]);
        mark(b);
        if (r.cases == case_mode::ascii_insensitive) {
          mark(ascii_lower(b));
          if (b >= 'a' && b <= 'z') mark(static_cast<unsigned char>(b - 32));
        }
      }
    }
  }
}

// ASCII bytes that pass every set rule (ordinary) and, for the first
// character, every first_char and no_chars rule (first_ascii).
constexpr void add_ascii_tables(row_program& program) noexcept {
  const ascii_bits& ends = program.windows.last_bytes;
  const std::uint64_t escapes = (std::uint64_t{1} << '%') | (std::uint64_t{1} << '+');
  ascii_bits ok = {~(escapes | ends[0]), ~ends[1]};
  program.first_ascii = ok;
  for (std::size_t k = 0; k < program.rules; ++k) {
    const rule& r = program.rule_at(k);
    if (!program.is_active(k)) continue;
    const std::uint64_t lo = r.chars.ascii_lo, hi = r.chars.ascii_hi;
    if (r.kind == rule_kind::only_chars || r.kind == rule_kind::first_char) {
      ascii_bits& t = r.kind == rule_kind::only_chars ? ok : program.first_ascii;
      t = {t[0] & lo, t[1] & hi};
    } else if (r.kind == rule_kind::no_chars) {
      ok = {ok[0] & ~lo, ok[1] & ~hi};
      program.first_ascii = {program.first_ascii[0] & ~lo, program.first_ascii[1] & ~hi};
    }
  }
  for (std::size_t c = 0; c < 0x80; ++c) program.ordinary[c] = has_bit(ok, static_cast<unsigned char>(c));
  std::size_t specials = 0;  // the ASCII bytes that are not ordinary, if at most four
  for (std::size_t w = 0; w < 2; ++w)
    for (std::uint64_t rest = ~ok[w]; rest != 0 && specials <= 4; rest &= rest - 1, ++specials)
      if (specials < 4) program.specials[specials] = static_cast<unsigned char>(w * 64 + static_cast<std::size_t>(std::countr_zero(rest)));
  for (std::size_t k = specials; k < 4; ++k) program.specials[k] = 0xC0;  // never in UTF-8: a harmless filler
  program.wide = {specials <= 4, specials <= 4};
}

// Blocks of three-byte characters that pass every set rule, per han_set.
constexpr void add_block_tables(row_program& program) noexcept {
  for (std::size_t h = 0; h < 2; ++h) {
    block_table& t = program.three_byte[h];
    for (auto& w : t) w = ~std::uint64_t{0};
    t[0x0] = 0;  // E0: overlong forms below E0 A0
    t[0xD] = 0;  // ED: surrogates from ED A0
    for (std::size_t k = 0; k < program.rules; ++k) {
      const rule& r = program.rule_at(k);
      if (!program.is_active(k) || (r.kind != rule_kind::only_chars && r.kind != rule_kind::no_chars)) continue;
      const block_table pass = passing_blocks(r, h == 0 ? unicode::han_set::unicode : unicode::han_set::basic);
      for (std::size_t w = 0; w < 16; ++w) t[w] &= pass[w];
    }
    for (std::size_t w = 1; w < 16; ++w)
      if (w != 0xD && t[w] != ~std::uint64_t{0}) program.wide[h] = false;
  }
}

// The per-character rules that, once fired, leave nothing to check per character.
constexpr void add_settles(row_program& program) noexcept {
  for (std::size_t k = 0; k < program.rules; ++k) {
    const rule_kind kind = program.rule_at(k).kind;
    if (program.is_active(k) && role_of(kind) == rule_role::character && kind != rule_kind::first_char)
      program.settles = static_cast<std::uint8_t>(program.settles | (1u << k));
  }
}

[[nodiscard]] constexpr bool knows_every_rule(const row_program& program) noexcept {
  for (std::size_t k = 0; k < program.rules; ++k)
    if (program.is_active(k) && !fast_paths_know(program.rule_at(k).kind)) return false;
  return true;
}

[[nodiscard]] constexpr row_program make_program(const field& f, profile p, bool fast) noexcept {
  row_program program;
  program.row = &f;
  program.rules = f.rule_count();
  sort_rules(program, p);
  add_windows(program);
  if (!fast || !knows_every_rule(program)) return program;  // the general way for every character
  add_quick_verdict(program);
  add_ascii_tables(program);
  add_block_tables(program);
  add_settles(program);
  return program;
}

// The tables of a row with no rules: every well-formed character passes.
// A value goes on with them once its row's settles have all fired.
inline constexpr row_program counting_program = [] {
  row_program program;
  add_ascii_tables(program);
  add_block_tables(program);
  return program;
}();

template <class S, std::size_t I, profile P, bool Fast>
inline constexpr row_program program_of = make_program(S::fields[I], P, Fast);

template <class S, profile P, bool Fast, std::size_t... Is>
[[nodiscard]] constexpr auto make_programs(indices<Is...>) noexcept {
  return array<const row_program*, sizeof...(Is)>{&program_of<S, Is, P, Fast>...};
}
template <class S, bool Fast, std::size_t... Ps>
[[nodiscard]] constexpr auto make_profile_programs(indices<Ps...>) noexcept {
  return array<array<const row_program*, size_of(S::fields)>, sizeof...(Ps)>{
      make_programs<S, static_cast<profile>(Ps), Fast>(make_indices<size_of(S::fields)>{})...};
}
// programs_of<S, Fast>[profile][row]: what the scanner checks there.
template <class S, bool Fast>
inline constexpr auto programs_of = make_profile_programs<S, Fast>(make_indices<profile_count>{});

}  // namespace snapcheck::detail

#endif

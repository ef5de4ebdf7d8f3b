// Checks one value against one table row in a single pass over its decoded
// bytes: UTF-8, length, character sets, prefixes, substrings, enum, integer
// and date, all at once. Which of these a row needs is known at compile time,
// so a row pays only for its own rules.
#ifndef SNAPCHECK_ENGINE_SCAN_HPP
#define SNAPCHECK_ENGINE_SCAN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../rules/rule.hpp"
#include "../schema/check.hpp"
#include "../unicode/utf8.hpp"
#include "options.hpp"

namespace snapcheck::detail {

// What a pass over one value found. Each rule fires at most once.
struct scan_outcome {
  enum class status : std::uint8_t { ok, bad_encoding, invalid_utf8 };
  status state = status::ok;
  std::size_t utf8_at = 0;  // byte offset, for invalid_utf8
  std::size_t chars = 0;    // code points
  std::uint64_t hash = 0;   // of the decoded bytes, for unique rules
  std::array<bool, field::max_rules> fired{};
  std::array<code, field::max_rules> codes{};
  std::array<std::optional<std::size_t>, field::max_rules> at{};
  std::array<std::optional<std::size_t>, field::max_rules> length{};
  std::array<std::optional<std::uint64_t>, field::max_rules> limit{};
  std::string_view suggestion{};  // an enum literal equal but for case

  constexpr void fire(std::size_t k, code c) noexcept {
    fired[k] = true;
    codes[k] = c;
  }
};

[[nodiscard]] constexpr unsigned char ascii_lower(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

[[nodiscard]] constexpr bool equal(const unsigned char* head, std::string_view t, case_mode m) noexcept {
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto want = static_cast<unsigned char>(t[i]);
    const unsigned char got = head[i];
    if (m == case_mode::exact ? got != want : ascii_lower(got) != ascii_lower(want)) return false;
  }
  return true;
}

// A substring rule's text packed into the low bytes of a 64-bit window of the
// last eight bytes read.
struct window_pattern {
  std::uint64_t bits = 0;
  std::uint64_t mask = 0;
  std::size_t size = 0;
  std::size_t rule = 0;
  bool fold = false;
};

template <std::size_t N>
struct window_patterns {
  std::array<window_pattern, N> items{};
  std::size_t count = 0;
  std::array<bool, 256> last_byte{};  // quick filter: can a match end with this byte?
};

template <class S, std::size_t I>
[[nodiscard]] constexpr auto make_window_patterns() noexcept {
  window_patterns<field::max_rules * rule::max_texts> out;
  const field& f = S::fields[I];
  for (std::size_t k = 0; k < f.rule_count(); ++k) {
    const rule& r = f.rules[k];
    if (r.kind != rule_kind::no_substring) continue;
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
      out.last_byte[last] = true;
      if (p.fold) {
        out.last_byte[ascii_lower(last)] = true;
        if (last >= 'a' && last <= 'z') out.last_byte[static_cast<unsigned char>(last - 32)] = true;
      }
      out.items[out.count++] = p;
    }
  }
  return out;
}

[[nodiscard]] constexpr bool is_leap(unsigned y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Returns true when head[0..10) is YYYY-MM-DD and a real date (years 0001–9999).
[[nodiscard]] constexpr bool is_date(const unsigned char* h, std::size_t bytes) noexcept {
  if (bytes != 10 || h[4] != '-' || h[7] != '-') return false;
  unsigned v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t sizes[3] = {4, 2, 2};
  for (std::size_t part = 0; part < 3; ++part)
    for (std::size_t i = starts[part]; i < starts[part] + sizes[part]; ++i) {
      if (h[i] < '0' || h[i] > '9') return false;
      v[part] = v[part] * 10 + (h[i] - '0');
    }
  constexpr unsigned days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v[0] == 0 || v[1] < 1 || v[1] > 12 || v[2] < 1) return false;
  const unsigned last = days[v[1]] + (v[1] == 2 && is_leap(v[0]) ? 1u : 0u);
  return v[2] <= last;
}

template <class S, std::size_t I>
inline constexpr auto window_patterns_of = make_window_patterns<S, I>();

// Checks the value read by r against row I of schema S under opt.
template <class S, std::size_t I, class Reader>
[[nodiscard]] constexpr scan_outcome scan(Reader r, const options& opt) noexcept {
  constexpr const field& f = S::fields[I];
  constexpr std::size_t n = f.rule_count();
  constexpr bool want_head = f.has(rule_kind::no_prefix) || f.has(rule_kind::one_of) ||
                             f.has(rule_kind::date);
  constexpr bool want_chars = f.has(rule_kind::first_char) || f.has(rule_kind::only_chars) ||
                              f.has(rule_kind::no_chars);
  constexpr bool want_int = f.has(rule_kind::integer);
  constexpr bool want_hash = f.has(rule_kind::unique);
  constexpr bool has_first = f.has(rule_kind::first_char);
  constexpr const auto& windows = window_patterns_of<S, I>;
  constexpr std::size_t head_size = rule::max_text_size;

  scan_outcome out;
  std::array<bool, field::max_rules> live{};  // applies under this profile and not yet fired
  for (std::size_t k = 0; k < n; ++k) live[k] = f.rules[k].applies(opt.profile);

  unicode::utf8_decoder dec;
  std::size_t bytes = 0;
  std::size_t seq_start = 0;
  unsigned char head[head_size] = {};
  std::uint64_t win = 0;
  std::uint64_t win_folded = 0;
  std::uint64_t number = 0;
  bool all_digits = true;
  constexpr std::uint64_t fnv_offset = 14695981039346656037ull;
  constexpr std::uint64_t fnv_prime = 1099511628211ull;
  std::uint64_t hash = fnv_offset;
  bool utf8_ok = true;

  unsigned char b = 0;
  while (r.next(b)) {
    if constexpr (want_head) {
      if (bytes < head_size) head[bytes] = b;
    }
    if constexpr (want_hash) hash = (hash ^ b) * fnv_prime;
    if constexpr (want_int) {
      if (b < '0' || b > '9') {
        all_digits = false;
      } else if (number <= rule::max_integer) {  // saturates above every rule's max
        number = number * 10 + (b - '0');
      }
    }
    ++bytes;
    if (!utf8_ok) continue;  // keep reading: a bad '%' later still wins
    if (!dec.pending()) seq_start = bytes - 1;
    const auto step = dec.feed(b);
    if (step == unicode::utf8_decoder::step::more) continue;
    if (step == unicode::utf8_decoder::step::ill_formed) {
      utf8_ok = false;
      out.utf8_at = seq_start;
      continue;
    }
    const char32_t cp = dec.value();
    if constexpr (want_chars) {
      for (std::size_t k = 0; k < n; ++k) {
        const rule& rl = f.rules[k];
        if (!live[k]) continue;
        if (rl.kind == rule_kind::first_char) {
          if (out.chars == 0 && !rl.chars.contains(cp, opt.chinese)) {
            out.fire(k, code::bad_start);
            out.at[k] = 0;
          }
          if (out.chars == 0) live[k] = false;
        } else if (rl.kind == rule_kind::only_chars) {
          if ((!has_first || out.chars > 0) && !rl.chars.contains(cp, opt.chinese)) {
            out.fire(k, code::bad_char);
            out.at[k] = out.chars;
            live[k] = false;
          }
        } else if (rl.kind == rule_kind::no_chars) {
          if (rl.chars.contains(cp, opt.chinese)) {
            out.fire(k, code::bad_char);
            out.at[k] = out.chars;
            live[k] = false;
          }
        }
      }
    }
    ++out.chars;
    if constexpr (windows.count > 0) {
      win = (win << 8) | b;
      win_folded = (win_folded << 8) | ascii_lower(b);
      if (windows.last_byte[b]) {
        for (std::size_t p = 0; p < windows.count; ++p) {
          const window_pattern& wp = windows.items[p];
          if (!live[wp.rule] || bytes < wp.size) continue;
          if (((wp.fold ? win_folded : win) & wp.mask) != wp.bits) continue;
          const std::size_t start = out.chars - wp.size;  // the pattern is ASCII: a char a byte
          if (!out.fired[wp.rule] || start < *out.at[wp.rule]) {
            out.fire(wp.rule, code::forbidden_substring);
            out.at[wp.rule] = start;
          }
        }
      }
    } else {
      (void)win;
      (void)win_folded;
    }
  }

  if (r.bad()) {
    out.state = scan_outcome::status::bad_encoding;
    return out;
  }
  if (utf8_ok && dec.pending()) {
    utf8_ok = false;
    out.utf8_at = seq_start;
  }
  if (!utf8_ok) {
    out.state = scan_outcome::status::invalid_utf8;
    return out;
  }
  out.hash = hash;

  // Rules decided by the whole value.
  for (std::size_t k = 0; k < n; ++k) {
    const rule& rl = f.rules[k];
    if (!rl.applies(opt.profile)) continue;
    switch (rl.kind) {
      case rule_kind::length:
        if (out.chars < rl.min || out.chars > rl.max) {
          const bool short_ = out.chars < rl.min;
          out.fire(k, short_ ? code::too_short : code::too_long);
          out.length[k] = out.chars;
          out.limit[k] = short_ ? rl.min : rl.max;
        }
        break;
      case rule_kind::no_prefix:
        for (std::size_t t = 0; t < rl.text_count(); ++t)
          if (bytes >= rl.texts[t].size() && equal(head, rl.texts[t], rl.cases)) {
            out.fire(k, code::reserved_prefix);
            break;
          }
        break;
      case rule_kind::one_of: {
        bool found = false;
        for (std::size_t t = 0; t < rl.text_count() && !found; ++t)
          found = bytes == rl.texts[t].size() && equal(head, rl.texts[t], case_mode::exact);
        if (found) break;
        out.fire(k, code::not_in_enum);
        for (std::size_t t = 0; t < rl.text_count(); ++t)
          if (bytes == rl.texts[t].size() && equal(head, rl.texts[t], case_mode::ascii_insensitive))
            out.suggestion = rl.texts[t];
        break;
      }
      case rule_kind::integer:
        if (!all_digits || bytes == 0) {
          out.fire(k, code::not_integer);
        } else if (number < rl.min || number > rl.max) {
          out.fire(k, code::out_of_range);
          out.limit[k] = number < rl.min ? rl.min : rl.max;
        }
        break;
      case rule_kind::date:
        if (!is_date(head, bytes)) out.fire(k, code::bad_format);
        break;
      default: break;
    }
  }
  return out;
}

}  // namespace snapcheck::detail

#endif

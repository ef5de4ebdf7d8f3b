// The vocabulary of constraints. A rule is a plain constexpr value; a table
// row lists rules in the order their violations are reported. How a rule is
// checked lives in engine/scan.hpp, in one pass over the value.
#ifndef SNAPCHECK_RULES_RULE_HPP
#define SNAPCHECK_RULES_RULE_HPP

#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "codes.hpp"
#include "char_set.hpp"

namespace snapcheck {

enum class profile : std::uint8_t {
  documented,  // what the API page says (the default)
  hardened,    // §4 plus the stricter checks of SPEC §5
};

enum class rule_kind : std::uint8_t {
  none,           // an unused slot of a row
  length,         // min..max characters: too_short / too_long
  first_char,     // the first character is in a set: bad_start
  only_chars,     // every (later, after a first_char rule) character is in a set: bad_char
  no_chars,       // no character is in a set: bad_char
  no_prefix,      // does not start with any of texts: reserved_prefix
  no_substring,   // does not contain any of texts: forbidden_substring
  one_of,         // equals one of texts: not_in_enum
  integer,        // ASCII digits, value in min..max: not_integer / out_of_range
  date,           // YYYY-MM-DD, a real Gregorian date: bad_format
  requires_field, // the family member named by texts[0] has the same N: value_without_key
  unique,         // no lower N of the family has the same value: duplicate_tag_key
};

enum class case_mode : std::uint8_t {
  exact,             // byte for byte
  ascii_insensitive  // A–Z folded to a–z, nothing else (SPEC §1)
};

// Which profiles a rule belongs to.
enum class scope : std::uint8_t { both, documented_only, hardened_only };

struct rule {
  static constexpr std::size_t max_texts = 3;
  static constexpr std::size_t max_text_size = 16;  // prefixes, enum values (checked per table)
  static constexpr std::size_t max_substring_size = 8;  // ASCII, matched in a 64-bit window
  static constexpr std::uint64_t max_integer = 0xFFFFFFFFFFFFull;  // integer rules' largest max

  rule_kind kind = rule_kind::none;
  scope in = scope::both;
  std::uint64_t min = 0;
  std::uint64_t max = 0;
  char_set chars{};
  detail::array<string_view, max_texts> texts{};
  case_mode cases = case_mode::exact;
  string_view api_code{};   // empty: the field's api_code
  string_view describe{};   // for messages: what the set or shape is, in words

  // Returns the rule restricted to one profile.
  [[nodiscard]] constexpr rule only_in(profile p) const noexcept {
    rule r = *this;
    r.in = p == profile::hardened ? scope::hardened_only : scope::documented_only;
    return r;
  }
  // Returns the rule with the given words for messages ("letters, digits, ...").
  [[nodiscard]] constexpr rule described(string_view words) const noexcept {
    rule r = *this;
    r.describe = words;
    return r;
  }
  // Returns the rule reporting the given api_code instead of the field's.
  [[nodiscard]] constexpr rule with_api_code(string_view c) const noexcept {
    rule r = *this;
    r.api_code = c;
    return r;
  }
  // Returns true when the rule applies under profile p.
  [[nodiscard]] constexpr bool applies(profile p) const noexcept {
    return in == scope::both || (in == scope::hardened_only) == (p == profile::hardened);
  }
  [[nodiscard]] constexpr std::size_t text_count() const noexcept {
    std::size_t n = 0;
    while (n < max_texts && !texts[n].empty()) ++n;
    return n;
  }
};

// Builders: what a table row reads like.
namespace rules {

// Returns a rule: min to max characters (code points).
[[nodiscard]] constexpr rule length(std::uint64_t min, std::uint64_t max) noexcept {
  return {.kind = rule_kind::length, .min = min, .max = max};
}
[[nodiscard]] constexpr rule max_length(std::uint64_t max) noexcept { return length(0, max); }
// Returns a rule: the first character is in s.
[[nodiscard]] constexpr rule first_char(char_set s, string_view words) noexcept {
  return {.kind = rule_kind::first_char, .chars = s, .describe = words};
}
// Returns a rule: every character (after the first, if a first_char rule
// precedes it in the row) is in s.
[[nodiscard]] constexpr rule only_chars(char_set s, string_view words) noexcept {
  return {.kind = rule_kind::only_chars, .chars = s, .describe = words};
}
// Returns a rule: no character is in s.
[[nodiscard]] constexpr rule no_chars(char_set s, string_view words) noexcept {
  return {.kind = rule_kind::no_chars, .chars = s, .describe = words};
}
// Returns a rule: the value does not start with any of the texts.
[[nodiscard]] constexpr rule no_prefix(case_mode c, string_view a, string_view b = {},
                                       string_view d = {}) noexcept {
  return {.kind = rule_kind::no_prefix, .texts = {a, b, d}, .cases = c};
}
// Returns a rule: the value contains none of the texts.
[[nodiscard]] constexpr rule no_substring(case_mode c, string_view a, string_view b = {},
                                          string_view d = {}) noexcept {
  return {.kind = rule_kind::no_substring, .texts = {a, b, d}, .cases = c};
}
// Returns a rule: the value is exactly one of the texts.
[[nodiscard]] constexpr rule one_of(string_view a, string_view b = {},
                                    string_view d = {}) noexcept {
  return {.kind = rule_kind::one_of, .texts = {a, b, d}};
}
// Returns a rule: ASCII digits only, value min..max (any number of digits).
[[nodiscard]] constexpr rule integer(std::uint64_t min, std::uint64_t max) noexcept {
  return {.kind = rule_kind::integer, .min = min, .max = max};
}
// Returns a rule: a real calendar date written YYYY-MM-DD.
[[nodiscard]] constexpr rule iso_date() noexcept {
  return {.kind = rule_kind::date, .describe = "a date written YYYY-MM-DD"};
}
// Returns a rule: the family member `name` (e.g. "Tag.{N}.Key") with the same
// N is present too.
[[nodiscard]] constexpr rule requires_field(string_view name) noexcept {
  return {.kind = rule_kind::requires_field, .texts = {name}};
}
// Returns a rule: no member of the family with a lower N has the same value
// (byte for byte, valid UTF-8 values only).
[[nodiscard]] constexpr rule unique_in_family() noexcept { return {.kind = rule_kind::unique}; }

}  // namespace rules
}  // namespace snapcheck

#endif

// The vocabulary of constraints. A rule is a plain constexpr value; a table
// row lists rules in the order their violations are reported. Each kind
// says what it reads (role_of); its check lives in engine/check.hpp (per
// character and whole-value kinds) or engine/validate.hpp (cross-field kinds).
#ifndef SNAPCHECK_RULES_RULE_HPP
#define SNAPCHECK_RULES_RULE_HPP

#include <cstddef>
#include <cstdint>

#include "../core/span.hpp"
#include "../core/string_view.hpp"
#include "../encoding/text.hpp"
#include "char_set.hpp"
#include "codes.hpp"

namespace snapcheck {

enum class profile : std::uint8_t {
  documented,  // what the API page says (the default)
  hardened,    // the stricter checks a table adds for servers that want them
};
inline constexpr std::size_t profile_count = 2;

// A set of profiles: where a rule applies, or where a schema makes unknown
// parameters errors.
struct profile_set {
  std::uint8_t bits = 0;

  [[nodiscard]] static constexpr profile_set all() noexcept { return {(1u << profile_count) - 1}; }
  [[nodiscard]] static constexpr profile_set only(profile p) noexcept {
    return {static_cast<std::uint8_t>(1u << static_cast<unsigned>(p))};
  }
  [[nodiscard]] constexpr bool contains(profile p) const noexcept {
    return ((bits >> static_cast<unsigned>(p)) & 1u) != 0;
  }
};

enum class rule_kind : std::uint8_t {
  none,            // an unused slot of a row
  length,          // min..max characters: too_short / too_long
  first_char,      // the first character is in a set: bad_start
  only_chars,      // every (later, after a first_char rule) character is in a set: bad_char
  no_chars,        // no character is in a set: bad_char
  no_prefix,       // does not start with any of texts: reserved_prefix
  no_suffix,       // does not end with any of texts: reserved_suffix
  no_substring,    // does not contain any of texts: forbidden_substring
  one_of,          // equals one of texts: not_in_enum
  integer,         // ASCII digits, value in min..max: not_integer / out_of_range
  date,            // YYYY-MM-DD, a real Gregorian date: bad_format
  timestamp,       // YYYY-MM-DDThh:mm:ssZ, a real date and time: bad_format
  predicate,       // a constexpr function of the decoded value: the rule's own code
  requires_field,  // the field named by texts[0] (same N in a family) is present: value_without_key
  unique,          // no lower N of the family has the same value: duplicate_tag_key
};

// What a rule reads, which decides where it is checked.
enum class rule_role : std::uint8_t {
  nothing,    // none
  character,  // each character as it goes by
  whole,      // the whole well-formed value
  request,    // other parameters of the request, at the end
};

[[nodiscard]] constexpr rule_role role_of(rule_kind k) noexcept {
  switch (k) {
    case rule_kind::none: return rule_role::nothing;
    case rule_kind::first_char:
    case rule_kind::only_chars:
    case rule_kind::no_chars:
    case rule_kind::no_substring: return rule_role::character;
    case rule_kind::length:
    case rule_kind::no_prefix:
    case rule_kind::no_suffix:
    case rule_kind::one_of:
    case rule_kind::integer:
    case rule_kind::date:
    case rule_kind::timestamp:
    case rule_kind::predicate: return rule_role::whole;
    case rule_kind::requires_field:
    case rule_kind::unique: return rule_role::request;
  }
  return rule_role::nothing;
}

// How a rule kind is stated in an exported JSON Schema (tools/export_schema.cpp;
// the kinds with no exact export are listed in docs/schema.md). The switch has
// no default, so a new kind does not compile (-Werror=switch) until it has one.
enum class schema_export : std::uint8_t {
  nothing,     // none: an unused slot
  keyword,     // minLength / maxLength, or enum (an exact one_of)
  pattern,     // an ECMA-262 pattern (character sets, prefixes, suffixes, substrings,
               // case-insensitive one_of, integer ranges, dates, timestamps)
  dependency,  // dependentRequired / dependentSchemas of the request object
  none,        // JSON Schema cannot state it: the schema accepts what the rule rejects
};

[[nodiscard]] constexpr schema_export export_of(rule_kind k) noexcept {
  switch (k) {
    case rule_kind::none: return schema_export::nothing;
    case rule_kind::length: return schema_export::keyword;
    case rule_kind::one_of: return schema_export::keyword;
    case rule_kind::first_char:
    case rule_kind::only_chars:
    case rule_kind::no_chars:
    case rule_kind::no_prefix:
    case rule_kind::no_suffix:
    case rule_kind::no_substring:
    case rule_kind::integer:
    case rule_kind::date:
    case rule_kind::timestamp: return schema_export::pattern;
    case rule_kind::requires_field: return schema_export::dependency;
    case rule_kind::predicate:  // an opaque function of the value
    case rule_kind::unique:     // compares values of different parameters
      return schema_export::none;
  }
  return schema_export::none;
}

struct rule {
  rule_kind kind = rule_kind::none;
  profile_set in = profile_set::all();
  std::uint64_t min = 0;
  std::uint64_t max = 0;
  char_set chars{};
  span<const string_view> texts{};  // prefixes, suffixes, substrings, enum values, a field name
  case_mode cases = case_mode::exact;
  string_view api_code{};  // empty: the field's api_code
  string_view describe{};  // for messages: what the set or shape is, in words
  bool (*test)(const encoded_text&) = nullptr;  // a predicate's function
  snapcheck::code raises = code::bad_format;    // a predicate's code

  // Returns the rule restricted to one profile.
  [[nodiscard]] constexpr rule only_in(profile p) const noexcept {
    rule r = *this;
    r.in = profile_set::only(p);
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
  [[nodiscard]] constexpr bool applies(profile p) const noexcept { return in.contains(p); }
  [[nodiscard]] constexpr std::size_t text_count() const noexcept { return texts.size(); }
};

namespace detail {
// A string literal as a template argument: rules::one_of<"Standard", "Flash">().
template <std::size_t N>
struct literal {
  char chars[N];
  constexpr literal(const char (&s)[N]) noexcept {  // NOLINT: implicit, to take a literal
    for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
  }
  [[nodiscard]] constexpr string_view view() const noexcept { return {chars, N - 1}; }
};
// The texts of a rule, stored once for the program's lifetime.
template <literal... Texts>
inline constexpr string_view texts_of[sizeof...(Texts) == 0 ? 1 : sizeof...(Texts)] = {Texts.view()...};
template <literal... Texts>
[[nodiscard]] constexpr span<const string_view> texts() noexcept {
  return {texts_of<Texts...>, sizeof...(Texts)};
}
}  // namespace detail

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
// Returns a rule: the value starts with none of the texts.
template <detail::literal... Texts>
[[nodiscard]] constexpr rule no_prefix(case_mode c = case_mode::exact) noexcept {
  return {.kind = rule_kind::no_prefix, .texts = detail::texts<Texts...>(), .cases = c};
}
// Returns a rule: the value ends with none of the texts.
template <detail::literal... Texts>
[[nodiscard]] constexpr rule no_suffix(case_mode c = case_mode::exact) noexcept {
  return {.kind = rule_kind::no_suffix, .texts = detail::texts<Texts...>(), .cases = c};
}
// Returns a rule: the value contains none of the texts (ASCII, at most 8 bytes each).
template <detail::literal... Texts>
[[nodiscard]] constexpr rule no_substring(case_mode c = case_mode::exact) noexcept {
  return {.kind = rule_kind::no_substring, .texts = detail::texts<Texts...>(), .cases = c};
}
// Returns a rule: the value is one of the texts (ASCII case-insensitively
// with case_mode::ascii_insensitive).
template <detail::literal... Texts>
[[nodiscard]] constexpr rule one_of(case_mode c = case_mode::exact) noexcept {
  return {.kind = rule_kind::one_of, .texts = detail::texts<Texts...>(), .cases = c};
}
// Returns a rule: the value is "true" or "false".
[[nodiscard]] constexpr rule boolean(case_mode c = case_mode::exact) noexcept { return one_of<"true", "false">(c); }
// Returns a rule: ASCII digits only, value min..max (any number of digits).
[[nodiscard]] constexpr rule integer(std::uint64_t min, std::uint64_t max) noexcept {
  return {.kind = rule_kind::integer, .min = min, .max = max};
}
// Returns a rule: a real calendar date written YYYY-MM-DD.
[[nodiscard]] constexpr rule iso_date() noexcept {
  return {.kind = rule_kind::date, .describe = "a date written YYYY-MM-DD"};
}
// Returns a rule: a real UTC date and time written YYYY-MM-DDThh:mm:ssZ.
[[nodiscard]] constexpr rule iso_timestamp() noexcept {
  return {.kind = rule_kind::timestamp, .describe = "a UTC time written YYYY-MM-DDThh:mm:ssZ"};
}
// Returns a rule: test(value) is true for the decoded, well-formed value;
// otherwise a violation with code c, whose message says the value must be
// `words`. test must be a constexpr function to validate in constant
// expressions.
[[nodiscard]] constexpr rule predicate(bool (*test)(const encoded_text&), code c, string_view words) noexcept {
  return {.kind = rule_kind::predicate, .describe = words, .test = test, .raises = c};
}
// Returns a rule: the field `Name` is present too; for a family member
// (Name "Tag.{N}.Key"), the member with the same N.
template <detail::literal Name>
[[nodiscard]] constexpr rule requires_field() noexcept {
  return {.kind = rule_kind::requires_field, .texts = detail::texts<Name>()};
}
// Returns a rule: no member of the family with a lower N has the same value
// (byte for byte, valid UTF-8 values only).
[[nodiscard]] constexpr rule unique_in_family() noexcept { return {.kind = rule_kind::unique}; }

}  // namespace rules
}  // namespace snapcheck

#endif

// The vocabulary of outcomes: what went wrong (code) and how much it matters
// (severity). Every other layer speaks in these terms.
#ifndef SNAPCHECK_RULES_CODES_HPP
#define SNAPCHECK_RULES_CODES_HPP

#include <cstdint>

#include "../core/string_view.hpp"

namespace snapcheck {

// What a violation is about. The spelling of to_string() is part of the
// contract (SPEC §3–§6): it is what the CLI prints and what users match on.
enum class code : std::uint8_t {
  missing,              // a required parameter is absent or empty
  unknown_parameter,    // a name the API does not define
  deprecated_name,      // an accepted alias such as Tag.N.key
  duplicate_parameter,  // a known name occurs again
  too_many_parameters,  // more parameters than options::max_parameters
  bad_encoding,         // a '%' that is not followed by two hex digits
  invalid_utf8,         // ill-formed UTF-8 in a name or known value
  bad_tag_index,        // Tag.N.* with N not a canonical index in range
  too_short,            // fewer characters than the rule's minimum
  too_long,             // more characters than the rule's maximum
  bad_start,            // the first character is not allowed there
  bad_char,             // a character outside (or inside) a set
  reserved_prefix,      // starts with a prefix reserved by the platform
  forbidden_substring,  // contains a forbidden text (links)
  not_in_enum,          // not one of the listed values
  not_integer,          // not a run of ASCII digits
  out_of_range,         // an integer outside the rule's range
  bad_format,           // not in the required shape (a date)
  value_without_key,    // Tag.N.Value without Tag.N.Key
  duplicate_tag_key,    // two tags with the same key
  wrong_type,           // a JSON value of a type the field cannot hold
  reserved_suffix,      // ends with a suffix the table reserves
};

enum class severity : std::uint8_t { error, warning };

// Returns the snake_case name of c, as used in SPEC.md and in JSON output.
[[nodiscard]] constexpr string_view to_string(code c) noexcept {
  switch (c) {
    case code::missing: return "missing";
    case code::unknown_parameter: return "unknown_parameter";
    case code::deprecated_name: return "deprecated_name";
    case code::duplicate_parameter: return "duplicate_parameter";
    case code::too_many_parameters: return "too_many_parameters";
    case code::bad_encoding: return "bad_encoding";
    case code::invalid_utf8: return "invalid_utf8";
    case code::bad_tag_index: return "bad_tag_index";
    case code::too_short: return "too_short";
    case code::too_long: return "too_long";
    case code::bad_start: return "bad_start";
    case code::bad_char: return "bad_char";
    case code::reserved_prefix: return "reserved_prefix";
    case code::forbidden_substring: return "forbidden_substring";
    case code::not_in_enum: return "not_in_enum";
    case code::not_integer: return "not_integer";
    case code::out_of_range: return "out_of_range";
    case code::bad_format: return "bad_format";
    case code::value_without_key: return "value_without_key";
    case code::duplicate_tag_key: return "duplicate_tag_key";
    case code::wrong_type: return "wrong_type";
    case code::reserved_suffix: return "reserved_suffix";
  }
  return "unknown";
}

// Returns "error" or "warning".
[[nodiscard]] constexpr string_view to_string(severity s) noexcept {
  return s == severity::error ? "error" : "warning";
}

// The number of codes, for tables indexed by code.
inline constexpr std::size_t code_count = static_cast<std::size_t>(code::reserved_suffix) + 1;

}  // namespace snapcheck

#endif

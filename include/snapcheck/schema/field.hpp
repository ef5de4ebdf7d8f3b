// A schema is a type with a constexpr table of fields. A field is one row:
// its name (or a family such as Tag.{N}.Key), whether it is required, the
// api_code of its value errors, and its rules in reporting order.
#ifndef SNAPCHECK_SCHEMA_FIELD_HPP
#define SNAPCHECK_SCHEMA_FIELD_HPP

#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../rules/rule.hpp"

namespace snapcheck {

// Which of a field's spellings a parameter used.
enum class spelling : std::uint8_t {
  name,       // the table's name
  alias,      // the deprecated alias: accepted with a deprecated_name warning
  alternate,  // another accepted spelling, with no warning
};

inline constexpr spelling all_spellings[] = {spelling::name, spelling::alias, spelling::alternate};

struct field {
  static constexpr std::size_t max_rules = 8;
  static constexpr string_view index_marker = "{N}";

  string_view name;       // "DiskId", or a family "Tag.{N}.Key"
  string_view alias{};    // accepted but deprecated spelling, same shape
  string_view alternate{};  // another accepted spelling, same shape (an SDK's)
  bool required = false;       // missing when absent or empty
  bool empty_is_absent = true; // an empty value skips the rules (SPEC §1 "present")
  std::uint32_t min_index = 0; // a family's N range
  std::uint32_t max_index = 0;
  string_view api_code{}; // for violations on the value
  detail::array<rule, max_rules> rules{};
  string_view source{};   // the wording of the source page this row encodes

  [[nodiscard]] constexpr bool is_family() const noexcept {
    return name.find(index_marker) != string_view::npos;
  }
  // Returns the part of a family name before {N} ("Tag.").
  [[nodiscard]] constexpr string_view prefix() const noexcept {
    return name.substr(0, name.find(index_marker));
  }
  // Returns the text of a spelling (empty when the row has none).
  [[nodiscard]] constexpr string_view spelled(spelling s) const noexcept {
    return s == spelling::name ? name : s == spelling::alias ? alias : alternate;
  }
  // Returns the part of a spelling after {N} (".Key").
  [[nodiscard]] constexpr string_view suffix(spelling s = spelling::name) const noexcept {
    const string_view n = spelled(s);
    const auto at = n.find(index_marker);
    return at == string_view::npos ? string_view{} : n.substr(at + index_marker.size());
  }
  // Returns the number of rows a family (or a plain field: 1) stands for.
  [[nodiscard]] constexpr std::size_t slot_count() const noexcept {
    return is_family() ? static_cast<std::size_t>(max_index - min_index + 1) : 1;
  }
  [[nodiscard]] constexpr std::size_t rule_count() const noexcept {
    std::size_t n = 0;
    while (n < max_rules && rules[n].kind != rule_kind::none) ++n;
    return n;
  }
  [[nodiscard]] constexpr bool has(rule_kind k) const noexcept {
    for (const auto& r : rules)
      if (r.kind == k) return true;
    return false;
  }
};

// Request-level api codes of a schema (SPEC §6).
struct api_codes {
  string_view missing;    // a required parameter is absent
  string_view parameter;  // about a parameter itself, not its value
};

}  // namespace snapcheck

#endif

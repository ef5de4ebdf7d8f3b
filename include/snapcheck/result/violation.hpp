// A violation is data: where (field path), what (code, severity, api_code),
// and the numbers that explain it. Text is rendered from it (render/), never
// stored in it, and never includes the offending value.
#ifndef SNAPCHECK_RESULT_VIOLATION_HPP
#define SNAPCHECK_RESULT_VIOLATION_HPP

#include <cstddef>
#include <cstdint>

#include "../core/optional.hpp"
#include "../core/string_view.hpp"
#include "../rules/codes.hpp"
#include "../schema/field.hpp"

namespace snapcheck {

// How the text of a field path is written in the input it was taken from.
enum class name_text : std::uint8_t {
  decoded,       // bytes as they are (a parameter list)
  form_encoded,  // form-encoded (a form body): decode to read it
  raw,           // badly form-encoded: shown as given
};

// The parameter a violation is about. For a known field it is the table row,
// the N of a family, and which spelling was used; otherwise the
// name's text in the input (a view: it lives as long as the input does).
namespace detail {
// What a path without a row points to: never null, so that no constant
// expression has to compare a pointer with null (GCC's UBSan makes such
// comparisons non-constant).
inline constexpr field no_row{};
inline constexpr rule no_rule{};
}  // namespace detail

struct field_path {
  const field* def = &detail::no_row;  // the row, when the name is known (or a family with a bad N)
  std::uint32_t index = 0;     // N of a family member; 0 for plain fields and bad N
  spelling spelled = spelling::name;  // which of the row's spellings the name used
  string_view text{};     // the name as given, for unknown names and bad N
  name_text form = name_text::decoded;
  // A name given in parts (a JSON array element's member): group "Tag" and
  // group_index N before text, written "Tag.N.<text>".
  string_view group{};
  std::uint32_t group_index = 0;

  // Returns true when the path names a table row (rendered from the table).
  [[nodiscard]] constexpr bool is_known() const noexcept {
    return has_row() && (!def->is_family() || index != 0);
  }
  // Returns true when the path has a table row (a known name, or a family
  // name with a bad N).
  [[nodiscard]] constexpr bool has_row() const noexcept { return !def->name.empty(); }
};

struct violation {
  field_path field{};
  snapcheck::code code{};
  snapcheck::severity severity{};
  string_view api_code{};
  optional<std::size_t> at{};      // character index; byte offset for invalid_utf8
  optional<std::size_t> length{};  // actual characters (too_short / too_long)
  optional<std::uint64_t> limit{}; // the bound that was broken
  const snapcheck::rule* rule = &detail::no_rule;  // the table rule that raised it (kind none: no rule)
  // The 0-based index of the parameter in the input (missing: the number of
  // parameters, i.e. after all of them). Violations are in position order.
  std::size_t position = 0;
  // A better name (a known field) or value (an enum literal), if one is close.
  field_path suggested_field{};
  string_view suggested_value{};

  [[nodiscard]] constexpr bool is_error() const noexcept { return severity == severity::error; }
  [[nodiscard]] constexpr bool has_suggestion() const noexcept {
    return suggested_field.is_known() || !suggested_value.empty();
  }
};

}  // namespace snapcheck

#endif

// Compile-time sanity of a schema table. The whole table is checked in one
// constant evaluation; when that fails, each condition is its own
// static_assert, instantiated per row (row_is_sane<S, Row>), so a bad row
// fails the build with a message that names the condition, and the
// compiler's "required from" line names the table and the row's index.
#ifndef SNAPCHECK_SCHEMA_CHECK_HPP
#define SNAPCHECK_SCHEMA_CHECK_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "field.hpp"

namespace snapcheck {

// A schema: a type with `static constexpr field fields[]` (or std::array) and
// `static constexpr api_codes codes`. Optionally `static constexpr
// profile_set unknown_is_error_in`: the profiles where an unknown parameter
// is an error (by default a warning in every profile).
template <class S>
concept schema = requires {
  { detail::size_of(S::fields) } -> std::convertible_to<std::size_t>;
  { S::fields[0] } -> std::convertible_to<const field&>;
  { S::codes } -> std::convertible_to<const api_codes&>;
};

namespace detail {

template <schema S>
[[nodiscard]] constexpr profile_set unknown_is_error_in() noexcept {
  if constexpr (requires { S::unknown_is_error_in; }) return S::unknown_is_error_in;
  else return {};
}

[[nodiscard]] constexpr std::size_t count_of(string_view s, string_view part) noexcept {
  std::size_t n = 0;
  for (auto at = s.find(part); at != string_view::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

[[nodiscard]] constexpr std::size_t digits(std::uint32_t v) noexcept {
  std::size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

// Returns the length of the longest spelling (with the largest N) of a field.
[[nodiscard]] constexpr std::size_t longest_name(const field& f) noexcept {
  std::size_t n = 0;
  for (const spelling s : all_spellings) n = f.spelled(s).size() > n ? f.spelled(s).size() : n;
  return f.is_family() ? n - field::index_marker.size() + digits(f.max_index) : n;
}

template <schema S>
[[nodiscard]] constexpr std::size_t max_name_size() noexcept {
  std::size_t m = 0;
  for (const auto& f : S::fields) m = longest_name(f) > m ? longest_name(f) : m;
  return m;
}

// Returns the index of the field named `name` (family template or plain), or
// size_of(S::fields) when there is none.
template <schema S>
[[nodiscard]] constexpr std::size_t field_index(string_view name) noexcept {
  std::size_t i = 0;
  for (const auto& f : S::fields) {
    if (f.name == name) return i;
    ++i;
  }
  return i;
}

// Names are matched against raw input before any decoding: they must read
// the same encoded and decoded (printable ASCII, no '%', '+', '&', '=').
[[nodiscard]] constexpr bool is_plain_name(string_view n) noexcept {
  for (char c : n)
    if (c <= ' ' || c >= 0x7F || c == '%' || c == '+' || c == '&' || c == '=') return false;
  return true;
}

// Returns true when no spelling of row `row` is a spelling of an earlier row
// or another spelling of the same row.
template <schema S>
[[nodiscard]] constexpr bool spellings_are_new(std::size_t row) noexcept {
  const field& a = S::fields[row];
  const string_view mine[] = {a.name, a.alias, a.alternate};  // in the order of enum spelling
  for (std::size_t j = 0; j <= row; ++j) {
    const field& b = S::fields[j];
    const string_view theirs[] = {b.name, b.alias, b.alternate};
    for (std::size_t x = 0; x < 3; ++x)
      for (std::size_t y = 0; y < 3; ++y)
        if (!mine[x].empty() && (j != row || x < y) && mine[x].size() == theirs[y].size() && mine[x] == theirs[y])
          return false;
  }
  return true;
}

[[nodiscard]] constexpr bool spellings_are_plain(const field& f) noexcept {
  for (const spelling s : all_spellings)
    if (!is_plain_name(f.spelled(s))) return false;
  return true;
}

// A family's other spellings have its {N} and its prefix.
[[nodiscard]] constexpr bool spellings_share_the_shape(const field& f) noexcept {
  const std::size_t marks = count_of(f.name, field::index_marker);
  for (const spelling s : all_spellings) {
    const string_view n = f.spelled(s);
    if (n.empty()) continue;
    if (count_of(n, field::index_marker) != marks) return false;
    if (marks == 1 && n.substr(0, n.find(field::index_marker)) != f.prefix()) return false;
  }
  return true;
}

[[nodiscard]] constexpr bool rules_have_no_holes(const field& f) noexcept {
  const std::size_t n = f.rule_count();
  for (std::size_t k = n; k < field::max_rules; ++k)
    if (f.rules[k].kind != rule_kind::none) return false;
  return true;
}

[[nodiscard]] constexpr bool texts_are_nonempty(const rule& r) noexcept {
  for (const string_view t : r.texts)
    if (t.empty()) return false;
  return true;
}

[[nodiscard]] constexpr bool texts_fit_a_window(const rule& r) noexcept {
  for (const string_view t : r.texts) {
    if (t.size() > 8) return false;
    for (char c : t)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The substring texts of all rules of a row: matched as 64-bit windows.
inline constexpr std::size_t max_substrings = 16;
[[nodiscard]] constexpr std::size_t substring_count(const field& f) noexcept {
  std::size_t n = 0;
  for (const rule& r : f.rules) n += r.kind == rule_kind::no_substring ? r.text_count() : 0;
  return n;
}

// The largest integer an integer rule may take as its max: larger digit
// strings saturate above it.
inline constexpr std::uint64_t max_integer = 0xFFFFFFFFFFFFull;

// What is wrong with a row, found in one constant evaluation (cheaper to
// compile than one per condition): each member is true when the row, or
// every rule of it, meets that condition.
struct row_report {
  bool named = true, spellings_new = true, spellings_plain = true, one_marker = true, shape_shared = true,
       family_range = true, family_parts = true, has_api_code = true, required_plain = true, no_holes = true,
       substrings_counted = true;
  bool lengths = true, integers = true, integer_max = true, ranges = true, texts_present = true,
       texts_nonempty = true, substrings_fit = true, predicates = true, requires_known = true,
       requires_same_shape = true, requires_same_range = true, unique_on_family = true;
  friend constexpr bool operator==(const row_report&, const row_report&) = default;
};

template <schema S>
[[nodiscard]] constexpr row_report check_row(std::size_t row) noexcept {
  row_report out;
  const field& f = S::fields[row];
  const bool family = f.is_family();
  out.named = !f.name.empty();
  out.spellings_new = spellings_are_new<S>(row);
  out.spellings_plain = spellings_are_plain(f);
  out.one_marker = count_of(f.name, field::index_marker) <= 1;
  out.shape_shared = spellings_share_the_shape(f);
  out.family_range = !family || (f.min_index >= 1 && f.min_index <= f.max_index);
  out.family_parts = !family || (!f.prefix().empty() && !f.suffix().empty());
  out.has_api_code = !f.api_code.empty();
  out.required_plain = !(f.required && family);
  out.no_holes = rules_have_no_holes(f);
  out.substrings_counted = substring_count(f) <= max_substrings;
  for (const rule& r : f.rules) {
    const rule_kind k = r.kind;
    out.lengths = out.lengths && (k != rule_kind::length || r.min <= r.max);
    out.integers = out.integers && (k != rule_kind::integer || r.min <= r.max);
    out.integer_max = out.integer_max && (k != rule_kind::integer || r.max <= max_integer);
    out.ranges = out.ranges && r.chars.range_count <= char_set::max_ranges;
    const bool has_texts = k == rule_kind::no_prefix || k == rule_kind::no_suffix || k == rule_kind::no_substring ||
                           k == rule_kind::one_of;
    out.texts_present = out.texts_present && (!has_texts || r.text_count() > 0);
    out.texts_nonempty = out.texts_nonempty && texts_are_nonempty(r);
    out.substrings_fit = out.substrings_fit && (k != rule_kind::no_substring || texts_fit_a_window(r));
    out.predicates = out.predicates && (k != rule_kind::predicate || r.test != nullptr);
    out.unique_on_family = out.unique_on_family && (k != rule_kind::unique || family);
    if (k != rule_kind::requires_field || r.text_count() == 0) continue;
    const std::size_t other = field_index<S>(r.texts[0]);
    if (other == size_of(S::fields)) {
      out.requires_known = false;
      continue;
    }
    const field& o = S::fields[other];
    out.requires_same_shape = out.requires_same_shape && o.is_family() == family;
    out.requires_same_range = out.requires_same_range && o.min_index == f.min_index && o.max_index == f.max_index;
  }
  return out;
}

// The conditions of one row, each its own static_assert.
template <schema S, std::size_t Row>
constexpr bool row_is_sane() noexcept {
  constexpr row_report r = check_row<S>(Row);
  static_assert(r.named, "snapcheck: a field needs a name");
  static_assert(r.spellings_new,
                "snapcheck: a field's name, alias or alternate is already a spelling of this or an earlier row");
  static_assert(r.spellings_plain,
                "snapcheck: names must be printable ASCII without '%', '+', '&' or '=' (they are matched undecoded)");
  static_assert(r.one_marker, "snapcheck: a family name has exactly one {N}");
  static_assert(r.shape_shared, "snapcheck: a family's alias and alternate need its {N} and its prefix");
  static_assert(r.family_range, "snapcheck: a family needs 1 <= min_index <= max_index");
  static_assert(r.family_parts, "snapcheck: a family name needs text before and after {N}");
  static_assert(r.has_api_code, "snapcheck: a field needs an api_code");
  static_assert(r.required_plain, "snapcheck: a family cannot be required");
  static_assert(r.no_holes, "snapcheck: a row's rules must not leave an empty slot before a rule");
  static_assert(r.substrings_counted, "snapcheck: a row has more than 16 substring texts");
  static_assert(r.lengths, "snapcheck: a length rule needs min <= max");
  static_assert(r.integers, "snapcheck: an integer rule needs min <= max");
  static_assert(r.integer_max, "snapcheck: an integer rule's max must be at most 2^48 - 1");
  static_assert(r.ranges, "snapcheck: a character set has too many ranges");
  static_assert(r.texts_present, "snapcheck: a prefix, suffix, substring or one_of rule needs at least one text");
  static_assert(r.texts_nonempty, "snapcheck: a rule's texts must not be empty");
  static_assert(r.substrings_fit, "snapcheck: a substring text must be ASCII and at most 8 bytes");
  static_assert(r.predicates, "snapcheck: a predicate rule needs a function");
  static_assert(r.requires_known, "snapcheck: requires_field names no field of the table");
  static_assert(r.requires_same_shape,
                "snapcheck: requires_field links a family only to a family, a plain field to a plain field");
  static_assert(r.requires_same_range, "snapcheck: requires_field links families with the same N range");
  static_assert(r.unique_on_family, "snapcheck: unique_in_family needs a family row");
  return true;
}

template <schema S, std::size_t... Rows>
constexpr bool rows_are_sane(indices<Rows...>) noexcept {
  return (row_is_sane<S, Rows>() && ...);
}

// Every row at once, in one constant evaluation.
template <schema S>
[[nodiscard]] constexpr bool table_is_sane() noexcept {
  for (std::size_t row = 0; row < size_of(S::fields); ++row)
    if (check_row<S>(row) != row_report{}) return false;
  return true;
}

}  // namespace detail

// Fails the build, with a message naming the problem and the row, when S is not sane.
template <schema S>
constexpr bool assert_sane() noexcept {
  static_assert(detail::size_of(S::fields) > 0, "snapcheck: a schema needs at least one field");
  static_assert(detail::size_of(S::fields) <= 0xFFFF, "snapcheck: a schema has at most 65535 fields");
  static_assert(!S::codes.missing.empty() && !S::codes.parameter.empty(),
                "snapcheck: a schema needs its request-level api codes");
  // A sane table costs one evaluation; only a table that fails instantiates
  // the checks row by row, for the message that names the row and the condition.
  if constexpr (detail::table_is_sane<S>()) return true;
  else return detail::rows_are_sane<S>(detail::make_indices<detail::size_of(S::fields)>{});
}

}  // namespace snapcheck

#endif

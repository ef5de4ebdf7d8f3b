// Compile-time sanity of a schema table. The engine static_asserts each of
// these, so a bad row fails the build with a message that names the problem.
#ifndef SNAPCHECK_SCHEMA_CHECK_HPP
#define SNAPCHECK_SCHEMA_CHECK_HPP

#include <concepts>
#include <cstddef>
#include <initializer_list>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "field.hpp"

namespace snapcheck {

// A schema: a type with `static constexpr field fields[]` (or std::array) and
// `static constexpr api_codes codes`.
template <class S>
concept schema = requires {
  { detail::size_of(S::fields) } -> std::convertible_to<std::size_t>;
  { S::fields[0] } -> std::convertible_to<const field&>;
  { S::codes } -> std::convertible_to<const api_codes&>;
};

namespace detail {

[[nodiscard]] constexpr std::size_t count_of(string_view s, string_view part) noexcept {
  std::size_t n = 0;
  for (auto at = s.find(part); at != string_view::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

[[nodiscard]] constexpr std::size_t digits(std::uint32_t v) noexcept {
  std::size_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

// Returns the length of the longest name (with the largest N) of a field.
[[nodiscard]] constexpr std::size_t longest_name(const field& f) noexcept {
  const std::size_t n = f.name.size() > f.alias.size() ? f.name.size() : f.alias.size();
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

template <schema S>
[[nodiscard]] constexpr bool names_are_unique() noexcept {
  const std::size_t n = size_of(S::fields);
  for (std::size_t i = 0; i < n; ++i) {
    const field& a = S::fields[i];
    if (a.name.empty() || a.name == a.alias) return false;
    for (std::size_t j = i + 1; j < n; ++j) {
      const field& b = S::fields[j];
      for (auto x : {a.name, a.alias})
        for (auto y : {b.name, b.alias})
          if (!x.empty() && x == y) return false;
    }
  }
  return true;
}

// Names are matched against raw input before any decoding: they must read
// the same encoded and decoded (printable ASCII, no '%', '+', '&', '=').
[[nodiscard]] constexpr bool is_plain_name(string_view n) noexcept {
  for (char c : n)
    if (c <= ' ' || c >= 0x7F || c == '%' || c == '+' || c == '&' || c == '=') return false;
  return true;
}

template <schema S>
[[nodiscard]] constexpr bool names_are_plain() noexcept {
  for (const auto& f : S::fields)
    if (!is_plain_name(f.name) || !is_plain_name(f.alias)) return false;
  return true;
}

template <schema S>
[[nodiscard]] constexpr bool families_are_well_formed() noexcept {
  for (const auto& f : S::fields) {
    const std::size_t marks = count_of(f.name, field::index_marker);
    if (marks > 1) return false;
    if (!f.alias.empty() && count_of(f.alias, field::index_marker) != marks) return false;
    if (marks == 0) continue;
    if (f.min_index < 1 || f.min_index > f.max_index) return false;
    if (f.prefix().empty() || f.suffix().empty()) return false;
    if (!f.alias.empty() && f.alias.substr(0, f.alias.find(field::index_marker)) != f.prefix())
      return false;
  }
  return true;
}

template <schema S>
[[nodiscard]] constexpr bool rules_are_well_formed() noexcept {
  for (const auto& f : S::fields) {
    if (f.api_code.empty() || (f.required && f.is_family())) return false;
    const std::size_t n = f.rule_count();
    for (std::size_t k = 0; k < field::max_rules; ++k) {
      const rule& r = f.rules[k];
      if ((k < n) == (r.kind == rule_kind::none)) return false;  // no holes
      if (r.chars.range_count > char_set::max_ranges) return false;
      switch (r.kind) {
        case rule_kind::length:
          if (r.min > r.max) return false;
          break;
        case rule_kind::integer:
          if (r.min > r.max || r.max > rule::max_integer) return false;
          break;
        case rule_kind::no_prefix:
        case rule_kind::one_of:
          if (r.text_count() == 0) return false;
          for (std::size_t t = 0; t < r.text_count(); ++t)
            if (r.texts[t].size() > rule::max_text_size) return false;
          break;
        case rule_kind::no_substring:
          if (r.text_count() == 0) return false;
          for (std::size_t t = 0; t < r.text_count(); ++t) {
            if (r.texts[t].size() > rule::max_substring_size) return false;
            for (char c : r.texts[t])
              if (static_cast<unsigned char>(c) >= 0x80) return false;
          }
          break;
        case rule_kind::requires_field: {
          const std::size_t other = field_index<S>(r.texts[0]);
          if (other == size_of(S::fields) || !f.is_family()) return false;
          const field& o = S::fields[other];
          if (!o.is_family() || o.min_index != f.min_index || o.max_index != f.max_index) return false;
          break;
        }
        case rule_kind::unique:
          if (!f.is_family()) return false;
          break;
        default: break;
      }
    }
  }
  return true;
}

}  // namespace detail

// Fails the build, with a message naming the problem, when S is not sane.
template <schema S>
constexpr bool assert_sane() noexcept {
  static_assert(detail::size_of(S::fields) > 0, "snapcheck: a schema needs at least one field");
  static_assert(detail::names_are_unique<S>(), "snapcheck: two fields (or aliases) of a schema share a name");
  static_assert(detail::names_are_plain<S>(),
                "snapcheck: names must be printable ASCII without '%', '+', '&' or '=' (they are matched undecoded)");
  static_assert(detail::families_are_well_formed<S>(),
                "snapcheck: a family name needs exactly one {N}, a non-empty prefix and suffix, "
                "an alias of the same shape and 1 <= min_index <= max_index");
  static_assert(detail::rules_are_well_formed<S>(),
                "snapcheck: a row is malformed (api_code empty, a required family, min > max, a hole in the rule list, "
                "a text too long or non-ASCII where ASCII is needed, or a requires_field/unique rule that "
                "does not name a matching family)");
  static_assert(!S::codes.missing.empty() && !S::codes.parameter.empty(),
                "snapcheck: a schema needs its request-level api codes");
  return true;
}

}  // namespace snapcheck

#endif

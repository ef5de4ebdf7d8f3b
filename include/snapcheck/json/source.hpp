// JSON values as a source of pieces (SPEC §11), for any JSON library: one
// generic source over a small "traits" type that says how to read the
// library's value. Includes no JSON library: each adapter header
// (json/nlohmann.hpp, simdjson.hpp, boost_json.hpp, rapidjson.hpp) holds a
// traits type and the entry points, and includes only its library.
//
// What a member becomes (SPEC §11):
//   string            text, decoded (no percent-decoding)
//   integer           value_type::integer (magnitude, negative)
//   null              nothing: absent
//   anything else     value_type::other: wrong_type on a known field
//   "Tag": [ … ]      element i (from 0) is Tag.<i+1>.<member> for each member
//                     of the element object; an element that is not an
//                     object is one value_type::other piece "Tag.<N>.Key"; an
//                     element past the family's max_index is one empty
//                     "Tag.<N>.Key" (the engine says bad_tag_index)
//   "Tag": non-array  value_type::container: wrong_type on "Tag"
// The group names ("Tag") and their first member ("Key") come from the
// schema: each family row "<G>.{N}.<M>" makes "<G>" an array member.
#ifndef SNAPCHECK_JSON_SOURCE_HPP
#define SNAPCHECK_JSON_SOURCE_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../engine/options.hpp"
#include "../engine/source.hpp"
#include "../engine/validate.hpp"
#include "../result/result.hpp"
#include "../schema/field.hpp"

namespace snapcheck::json {

// What a JSON value is, as a traits type reports it.
enum class kind : std::uint8_t {
  null,
  boolean,
  signed_integer,    // read with traits::int64
  unsigned_integer,  // read with traits::uint64
  floating,          // read with traits::float64
  string,            // read with traits::string
  array,             // walked with traits::elements
  object,            // walked with traits::members
};

// How a JSON library's value is read. T::value is the library's value type;
// T::kind_of(v) says what it is; the readers are called only for the kind
// they belong to; members(v, f) calls f(key, member value) for each member of
// an object, in the library's order, and elements(v, f) calls f(element) for
// each element of an array. Keys and strings are views into the value.
template <class T>
concept traits = requires(const typename T::value& v, void (*on_member)(string_view, const typename T::value&),
                          void (*on_element)(const typename T::value&)) {
  { T::kind_of(v) } -> std::same_as<kind>;
  { T::string(v) } -> std::convertible_to<string_view>;
  { T::int64(v) } -> std::same_as<std::int64_t>;
  { T::uint64(v) } -> std::same_as<std::uint64_t>;
  { T::float64(v) } -> std::same_as<double>;
  T::members(v, on_member);
  T::elements(v, on_element);
};

namespace detail {

// An array form of a family (SPEC §11): the member name ("Tag"), the largest
// N of its rows, and the member an element that is not an object stands for
// ("Key", of the family's first row).
struct group {
  string_view name;
  std::uint32_t max_index = 0;
  string_view first_member;
};

// Returns the group of a family row, or an empty one when its name is not
// "<G>.{N}.<M>".
[[nodiscard]] constexpr group group_of_row(const field& f) noexcept {
  if (!f.is_family()) return {};
  const string_view prefix = f.prefix();
  const string_view suffix = f.suffix();
  if (prefix.size() < 2 || prefix[prefix.size() - 1] != '.' || suffix.size() < 2 || suffix[0] != '.') return {};
  return {prefix.substr(0, prefix.size() - 1), f.max_index, suffix.substr(1)};
}

template <schema S>
[[nodiscard]] constexpr std::size_t group_count() noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < snapcheck::detail::size_of(S::fields); ++i) {
    const group g = group_of_row(S::fields[i]);
    if (g.name.empty()) continue;
    bool seen = false;
    for (std::size_t k = 0; k < i; ++k) seen = seen || group_of_row(S::fields[k]).name == g.name;
    n += !seen;
  }
  return n;
}

template <schema S>
[[nodiscard]] constexpr auto make_groups() noexcept {
  snapcheck::detail::array<group, group_count<S>() == 0 ? 1 : group_count<S>()> out{};
  std::size_t n = 0;
  for (const field& f : S::fields) {
    const group g = group_of_row(f);
    if (g.name.empty()) continue;
    std::size_t k = 0;
    while (k < n && out[k].name != g.name) ++k;
    if (k == n) out[n++] = g;
    else if (g.max_index > out[k].max_index) out[k].max_index = g.max_index;
  }
  return out;
}

template <schema S>
inline constexpr auto groups_of = make_groups<S>();

// Returns the group a member name is the array form of, or null.
template <schema S>
[[nodiscard]] constexpr const group* find_group(string_view name) noexcept {
  if constexpr (group_count<S>() == 0) {
    return nullptr;
  } else {
    for (const group& g : groups_of<S>)
      if (g.name == name) return &g;
    return nullptr;
  }
}

// A piece with every member given (g++ warns about designated initialisers
// that skip one).
[[nodiscard]] constexpr piece make_piece(string_view name, string_view value, value_type type,
                                         std::uint64_t magnitude = 0, bool negative = false) noexcept {
  return {name, value, encoding::decoded, type, magnitude, negative, {}, 0};
}

// A number held as floating point is another type (SPEC §11), except one no
// 64-bit integer holds: libraries keep a whole number beyond 64 bits as a
// double, so such a double is taken as that integer, its magnitude
// saturated (out of any integer rule's range either way).
[[nodiscard]] constexpr piece float_piece(string_view name, double d) noexcept {
  constexpr double two_64 = 18446744073709551616.0;
  constexpr double minus_two_63 = -9223372036854775808.0;
  if (d >= two_64 || d < minus_two_63)
    return make_piece(name, {}, value_type::integer, ~std::uint64_t{0}, d < 0);
  return make_piece(name, {}, value_type::other);
}

[[nodiscard]] constexpr piece signed_piece(string_view name, std::int64_t n) noexcept {
  const auto u = static_cast<std::uint64_t>(n);
  return make_piece(name, {}, value_type::integer, n < 0 ? std::uint64_t{0} - u : u, n < 0);
}

// The piece of a member that is not null (and not a group's array).
template <traits T>
[[nodiscard]] constexpr piece value_piece(string_view name, const typename T::value& v, kind k) noexcept {
  switch (k) {
    case kind::string:
      return make_piece(name, T::string(v), value_type::text);
    case kind::signed_integer:
      return signed_piece(name, T::int64(v));
    case kind::unsigned_integer:
      return make_piece(name, {}, value_type::integer, T::uint64(v));
    case kind::floating:
      return float_piece(name, T::float64(v));
    case kind::null:
    case kind::boolean:
    case kind::array:
    case kind::object:
      break;
  }
  return make_piece(name, {}, value_type::other);
}

// Returns p as a member of element N of group g.
[[nodiscard]] constexpr piece in_group(piece p, const group& g, std::uint32_t n) noexcept {
  p.group = g.name;
  p.group_index = n;
  return p;
}

// The piece of an element that is not an object, or past the family's
// range: its group's first member, of another type or empty.
[[nodiscard]] constexpr piece element_piece(const group& g, std::uint32_t n, bool past_range) noexcept {
  return in_group(make_piece(g.first_member, {}, past_range ? value_type::text : value_type::other), g, n);
}

}  // namespace detail

// A JSON object (T::kind_of(v) == kind::object) as a source of pieces, in
// the library's member order. Views only: the value must outlive the
// validation, and the result as long as it is read (unknown names).
template <schema S, traits T>
class source {
 public:
  using value = typename T::value;
  constexpr explicit source(const value& object) noexcept : object_(object) {}

  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    std::size_t n = 0;
    for_each([&n](const piece&) { ++n; });
    return n > limit;
  }

  template <class F>
  constexpr void for_each(F&& f) const {
    T::members(object_, [&f](string_view key, const value& v) {
      const kind k = T::kind_of(v);
      if (k == kind::null) return;
      const detail::group* g = detail::find_group<S>(key);
      if (g == nullptr) return f(detail::value_piece<T>(key, v, k));
      if (k != kind::array) return f(detail::make_piece(key, {}, value_type::container));
      std::uint32_t n = 0;
      T::elements(v, [&f, &n, g](const value& e) {
        if (n != ~std::uint32_t{0}) ++n;
        const kind ek = T::kind_of(e);
        if (ek == kind::null) return;
        if (n > g->max_index) return f(detail::element_piece(*g, n, true));
        if (ek != kind::object) return f(detail::element_piece(*g, n, false));
        T::members(e, [&f, n, g](string_view member, const value& mv) {
          const kind mk = T::kind_of(mv);
          if (mk != kind::null) f(detail::in_group(detail::value_piece<T>(member, mv, mk), *g, n));
        });
      });
    });
  }

 private:
  const value& object_;
};

// Validates a JSON value against schema S (SPEC §11), reporting to sink: a
// value that is not an object is one request-level wrong_type.
template <schema S, traits T, violation_sink Sink>
constexpr void validate_value_into(const typename T::value& v, Sink& sink, const options& opt) noexcept {
  if (T::kind_of(v) != kind::object) {
    sink.add({.code = code::wrong_type, .api_code = S::codes.parameter});
    return;
  }
  snapcheck::validate<S>(source<S, T>{v}, sink, opt);
}

}  // namespace snapcheck::json

#endif

// An already-decoded parameter list as a source of pieces (SPEC §2.1): any
// range whose elements are (name, value) pairs of things convertible to
// string_view: std::pair, std::tuple, or a struct with first/second.
#ifndef SNAPCHECK_SOURCES_PARAMS_HPP
#define SNAPCHECK_SOURCES_PARAMS_HPP

#include <concepts>
#include <cstddef>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../engine/source.hpp"

namespace snapcheck {
namespace detail {

// A (name, value) pair: members first and second, or get<0> and get<1>,
// each convertible to string_view. Anything else is not a pair.
template <class E>
concept pair_like = requires(const E& e) {
  string_view(e.first);
  string_view(e.second);
} || requires(const E& e) {
  string_view(get<0>(e));
  string_view(get<1>(e));
};

template <pair_like E>
[[nodiscard]] constexpr piece as_piece(const E& e) noexcept {
  if constexpr (requires { e.first; e.second; }) {
    return {string_view(e.first), string_view(e.second), encoding::decoded};
  } else {  // std::get, or a get of the element's own namespace
    return {string_view(get<0>(e)), string_view(get<1>(e)), encoding::decoded};
  }
}

// The bounds of a C array, or a range's begin() and end().
template <class T, std::size_t N>
[[nodiscard]] constexpr const T* first(const T (&a)[N]) noexcept {
  return a;
}
template <class T, std::size_t N>
[[nodiscard]] constexpr const T* last(const T (&a)[N]) noexcept {
  return a + N;
}
template <class R>
[[nodiscard]] constexpr auto first(const R& r) -> decltype(r.begin()) {
  return r.begin();
}
template <class R>
[[nodiscard]] constexpr auto last(const R& r) -> decltype(r.end()) {
  return r.end();
}

}  // namespace detail

// A list of pairs: a C array, or anything with begin() and end() that can be
// walked twice (a container, a view); <iterator> and <ranges> are left out
// on purpose, to keep the headers cheap to compile.
template <class R>
concept pair_range = requires(const R& r) {
  detail::first(r) != detail::last(r);
  { detail::as_piece(*detail::first(r)) } -> std::same_as<piece>;  // elements are (name, value) pairs
};

template <pair_range R>
class params_source {
 public:
  static constexpr bool text_only = true;  // text pieces with plain names

  constexpr explicit params_source(const R& r) noexcept : r_(r) {}

  // Returns true when the list has more than `limit` pairs.
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    if constexpr (requires { detail::size_of(r_); }) {
      return static_cast<std::size_t>(detail::size_of(r_)) > limit;
    } else {
      std::size_t n = 0;
      for (auto it = detail::first(r_); it != detail::last(r_) && n <= limit; ++it) ++n;
      return n > limit;
    }
  }

  template <class F>
  constexpr void for_each(F&& f) const {
    for (const auto& e : r_) f(detail::as_piece(e));
  }

 private:
  const R& r_;
};

}  // namespace snapcheck

#endif

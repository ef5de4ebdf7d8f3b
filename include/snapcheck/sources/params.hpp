// An already-decoded parameter list as a source of pieces (SPEC §2.1): any
// range whose elements are (name, value) pairs of things convertible to
// std::string_view: std::pair, std::tuple, or a struct with first/second.
#ifndef SNAPCHECK_SOURCES_PARAMS_HPP
#define SNAPCHECK_SOURCES_PARAMS_HPP

#include <cstddef>
#include <string_view>
#include <utility>

#include "../engine/text.hpp"

namespace snapcheck {
namespace detail {

template <class E>
[[nodiscard]] constexpr piece as_piece(const E& e) noexcept {
  if constexpr (requires { e.first; e.second; }) {
    return {std::string_view(e.first), std::string_view(e.second), false};
  } else {
    using std::get;
    return {std::string_view(get<0>(e)), std::string_view(get<1>(e)), false};
  }
}

}  // namespace detail

// A list of pairs: anything std::begin and std::end walk, twice (a container,
// a C array, a view); <iterator> and <ranges> are left out on purpose, to
// keep the headers cheap to compile.
template <class R>
concept pair_range = requires(const R& r) {
  std::begin(r) != std::end(r);
};

template <pair_range R>
class params_source {
 public:
  constexpr explicit params_source(const R& r) noexcept : r_(r) {}

  // Returns true when the list has more than `limit` pairs.
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    if constexpr (requires { std::size(r_); }) {
      return static_cast<std::size_t>(std::size(r_)) > limit;
    } else {
      std::size_t n = 0;
      for (auto it = std::begin(r_); it != std::end(r_) && n <= limit; ++it) ++n;
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

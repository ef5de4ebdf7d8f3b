// An already-decoded parameter list as a source of pieces (SPEC §2.1): any
// range whose elements are (name, value) pairs of things convertible to
// std::string_view: std::pair, std::tuple, or a struct with first/second.
#ifndef SNAPCHECK_SOURCES_PARAMS_HPP
#define SNAPCHECK_SOURCES_PARAMS_HPP

#include <cstddef>
#include <iterator>
#include <ranges>
#include <string_view>
#include <tuple>
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

template <std::ranges::forward_range R>
class params_source {
 public:
  constexpr explicit params_source(const R& r) noexcept : r_(r) {}

  // Returns true when the list has more than `limit` pairs.
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    if constexpr (std::ranges::sized_range<const R>) {
      return static_cast<std::size_t>(std::ranges::size(r_)) > limit;
    } else {
      std::size_t n = 0;
      for (auto it = std::ranges::begin(r_); it != std::ranges::end(r_) && n <= limit; ++it) ++n;
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

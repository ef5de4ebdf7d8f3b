// detail::array<T, N>: a constexpr fixed-size array for the library's own
// tables, standing in for std::array (<array> costs more to parse than it
// is worth here). An aggregate, like std::array.
#ifndef SNAPCHECK_CORE_ARRAY_HPP
#define SNAPCHECK_CORE_ARRAY_HPP

#include <cstddef>

namespace snapcheck::detail {

template <class T, std::size_t N>
struct array {
  T items[N == 0 ? 1 : N];

  [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
  [[nodiscard]] constexpr T& operator[](std::size_t i) noexcept { return items[i]; }
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items[i]; }
  [[nodiscard]] constexpr T* begin() noexcept { return items; }
  [[nodiscard]] constexpr T* end() noexcept { return items + N; }
  [[nodiscard]] constexpr const T* begin() const noexcept { return items; }
  [[nodiscard]] constexpr const T* end() const noexcept { return items + N; }
  [[nodiscard]] constexpr T* data() noexcept { return items; }
  [[nodiscard]] constexpr const T* data() const noexcept { return items; }
};

// The number of elements of a C array or of a container with size().
template <class T, std::size_t N>
[[nodiscard]] constexpr std::size_t size_of(const T (&)[N]) noexcept {
  return N;
}
template <class C>
[[nodiscard]] constexpr auto size_of(const C& c) noexcept -> decltype(c.size()) {
  return c.size();
}

// 0, 1, ..., N-1 as a pack (std::make_index_sequence is in <utility>).
template <std::size_t... Is>
struct indices {};
template <std::size_t N, std::size_t... Is>
struct make_indices : make_indices<N - 1, N - 1, Is...> {};
template <std::size_t... Is>
struct make_indices<0, Is...> : indices<Is...> {};

}  // namespace snapcheck::detail

#endif

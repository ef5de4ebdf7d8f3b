// snapcheck::span<T>: a constexpr view of a contiguous array, standing in
// for std::span, which costs more to parse than it is worth here. It is
// made from a C array, from (pointer, size), or from any container with
// data() and size() whose elements are T (std::vector, std::array, ...).
#ifndef SNAPCHECK_CORE_SPAN_HPP
#define SNAPCHECK_CORE_SPAN_HPP

#include <concepts>
#include <cstddef>
#include <type_traits>

namespace snapcheck {

template <class T>
class span {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using size_type = std::size_t;
  using iterator = T*;

  constexpr span() noexcept = default;
  constexpr span(T* p, std::size_t n) noexcept : data_(p), size_(n) {}
  template <std::size_t N>
  constexpr span(T (&a)[N]) noexcept : data_(a), size_(N) {}
  template <class C>
    requires(!std::is_array_v<std::remove_cvref_t<C>>) && requires(C& c) {
      { c.data() } -> std::convertible_to<T*>;
      { c.size() } -> std::convertible_to<std::size_t>;
    } && std::is_same_v<std::remove_cv_t<std::remove_pointer_t<decltype(std::declval<C&>().data())>>, value_type>
  constexpr span(C& c) noexcept : data_(c.data()), size_(static_cast<std::size_t>(c.size())) {}

  [[nodiscard]] constexpr T* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr T* begin() const noexcept { return data_; }
  [[nodiscard]] constexpr T* end() const noexcept { return data_ + size_; }
  // i < size(), and front() and back() need a non-empty span, as in std.
  [[nodiscard]] constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }
  [[nodiscard]] constexpr T& front() const noexcept { return data_[0]; }
  [[nodiscard]] constexpr T& back() const noexcept { return data_[size_ - 1]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace snapcheck

#endif

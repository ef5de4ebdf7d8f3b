// snapcheck::optional<T>: a number that may be absent, standing in for
// std::optional in violations (<optional> costs more to parse than it is
// worth here). For trivially copyable T only; it stays trivially copyable.
#ifndef SNAPCHECK_CORE_OPTIONAL_HPP
#define SNAPCHECK_CORE_OPTIONAL_HPP

#include <type_traits>

namespace snapcheck {

template <class T>
class optional {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  constexpr optional() noexcept = default;
  constexpr optional(T v) noexcept : value_(v), has_(true) {}

  [[nodiscard]] constexpr bool has_value() const noexcept { return has_; }
  constexpr explicit operator bool() const noexcept { return has_; }
  // Needs has_value(), as std's operator* does.
  [[nodiscard]] constexpr const T& operator*() const noexcept { return value_; }
  [[nodiscard]] constexpr T value_or(T otherwise) const noexcept { return has_ ? value_ : otherwise; }
  constexpr void reset() noexcept { *this = optional(); }

  friend constexpr bool operator==(const optional& a, const optional& b) noexcept {
    return a.has_ == b.has_ && (!a.has_ || a.value_ == b.value_);
  }
  friend constexpr bool operator==(const optional& a, const T& b) noexcept { return a.has_ && a.value_ == b; }

 private:
  T value_{};
  bool has_ = false;
};

}  // namespace snapcheck

#endif

// The caller's knobs. Plain data; the defaults are SPEC's documented profile.
#ifndef SNAPCHECK_ENGINE_OPTIONS_HPP
#define SNAPCHECK_ENGINE_OPTIONS_HPP

#include <concepts>
#include <cstddef>
#include <type_traits>

#include "../core/span.hpp"
#include "../core/string_view.hpp"
#include "../rules/rule.hpp"
#include "../unicode/han.hpp"

namespace snapcheck {

using unicode::han_set;

// A view of the caller's list of names: any contiguous range (a C array,
// std::array, std::vector, a span) whose elements convert to string_view:
// snapcheck::string_view, const char*, std::string_view, std::string, ...
// It refers to the range, which must outlive the options (a temporary range
// does not bind). Iterating yields string_view; lists of string_view and of
// const char* can also be read in constant expressions.
class name_list {
 public:
  constexpr name_list() noexcept = default;
  template <class T, std::size_t N>
    requires std::is_convertible_v<const T&, string_view>
  constexpr name_list(T (&a)[N]) noexcept {
    set(static_cast<const T*>(a), N);
  }
  template <class R>
    requires(!std::is_array_v<R>) && requires(R& r) {
      { r.data() } -> std::convertible_to<const void*>;
      { r.size() } -> std::convertible_to<std::size_t>;
    } && std::is_convertible_v<decltype(*std::declval<R&>().data()), string_view>
  constexpr name_list(R& r) noexcept {
    set(r.data(), static_cast<std::size_t>(r.size()));
  }

  class iterator {
   public:
    using value_type = string_view;
    constexpr iterator() noexcept = default;
    constexpr iterator(const name_list* l, std::size_t i) noexcept : list_(l), i_(i) {}
    constexpr string_view operator*() const noexcept { return (*list_)[i_]; }
    constexpr iterator& operator++() noexcept {
      ++i_;
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator old = *this;
      ++i_;
      return old;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept { return a.i_ == b.i_; }

   private:
    const name_list* list_ = nullptr;
    std::size_t i_ = 0;
  };

  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr iterator begin() const noexcept { return {this, 0}; }
  [[nodiscard]] constexpr iterator end() const noexcept { return {this, size_}; }
  // i < size().
  [[nodiscard]] constexpr string_view operator[](std::size_t i) const noexcept {
    switch (kind_) {
      case kind::views:
        return views_[i];
      case kind::c_strings:
        return c_strings_[i];
      case kind::other:
        break;
    }
    return at_(other_, i);
  }

 private:
  template <class T>
  static string_view element(const void* p, std::size_t i) noexcept {
    return string_view(static_cast<const T*>(p)[i]);
  }
  template <class T>
  constexpr void set(const T* p, std::size_t n) noexcept {
    size_ = n;
    if constexpr (std::is_same_v<std::remove_cv_t<T>, string_view>) {
      views_ = p;
      kind_ = kind::views;
    } else if constexpr (std::is_convertible_v<const T&, const char*>) {
      c_strings_ = p;
      kind_ = kind::c_strings;
    } else {
      other_ = p;
      kind_ = kind::other;
      at_ = &element<T>;
    }
  }

  // kind_ says which pointer is set: a list of string_view, of C strings, or
  // of another type read through at_ (not in constant expressions). A
  // switch rather than null tests, which GCC's UBSan makes non-constant.
  enum class kind : unsigned char { views, c_strings, other };
  kind kind_ = kind::views;
  const string_view* views_ = nullptr;
  const char* const* c_strings_ = nullptr;
  const void* other_ = nullptr;
  string_view (*at_)(const void*, std::size_t) noexcept = nullptr;
  std::size_t size_ = 0;
};

struct options {
  snapcheck::profile profile = profile::documented;
  // Names the caller handles itself (its gateway's parameters): an unknown
  // name in this list raises nothing, in every profile (SPEC §5). Exact
  // decoded names; a known name is validated as usual. Any contiguous range
  // of strings (see name_list); it must outlive the options.
  name_list allow{};
  // How many violations a result keeps; past that it says it was truncated.
  std::size_t max_violations = 64;
  // More parameters than this: one too_many_parameters error and nothing else.
  std::size_t max_parameters = 1024;
  // Which characters count as Chinese (SPEC §1).
  han_set chinese = han_set::unicode;
};

}  // namespace snapcheck

#endif

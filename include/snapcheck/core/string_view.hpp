// snapcheck::string_view: a constexpr view of chars, standing in for
// std::string_view. With clang++ -O0, <string_view> alone adds 0.08 s to a
// translation unit, close to half of what one that includes snapcheck.hpp
// and validates a body takes (docs/performance.md, compile time), so the
// library does not include it. The two convert into each other: anything with data() and
// size() (std::string, std::string_view, ...) and C strings make one, and
// it converts to any string type made from (pointer, size). Comparisons
// with either work; it prints to any std::ostream.
#ifndef SNAPCHECK_CORE_STRING_VIEW_HPP
#define SNAPCHECK_CORE_STRING_VIEW_HPP

#include <cassert>
#include <concepts>
#include <cstddef>
#include <type_traits>

// [[clang::lifetimebound]] where the compiler has it: clang then warns when
// a view (and a result holding views) outlives the temporary it was made
// from, as in `auto r = validate_form(read_body());`.
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::lifetimebound)
#define SNAPCHECK_LIFETIMEBOUND [[clang::lifetimebound]]
#endif
#endif
#ifndef SNAPCHECK_LIFETIMEBOUND
#define SNAPCHECK_LIFETIMEBOUND
#endif

namespace snapcheck {

class string_view;

namespace detail {

// A contiguous string of chars other than a C string and other than
// snapcheck::string_view: std::string, std::string_view, a vector of chars.
template <class S>
concept char_string = !std::is_convertible_v<const S&, const char*> && !std::is_same_v<S, string_view> &&
                      requires(const S& s) {
                        { s.data() } -> std::convertible_to<const char*>;
                        { s.size() } -> std::convertible_to<std::size_t>;
                      };

}  // namespace detail

class string_view {
 public:
  using value_type = char;
  using size_type = std::size_t;
  using const_iterator = const char*;
  using iterator = const_iterator;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  constexpr string_view() noexcept = default;
  constexpr string_view(const char* s, std::size_t n) noexcept : data_(s), size_(n) {}
  // s must not be null (a precondition, as for std::string_view): debug
  // builds (without NDEBUG) stop with assert's message that says so.
  constexpr string_view(const char* s) noexcept : data_(s), size_(length_of(s)) {}
  // From an owner of its chars (std::string, a vector): the view lives as
  // long as s, which clang checks. From another view (std::string_view,
  // trivially copyable): the chars outlive the view given, so no such check.
  template <detail::char_string S>
    requires(!std::is_trivially_copyable_v<S>)
  constexpr string_view(const S& s SNAPCHECK_LIFETIMEBOUND) noexcept
      : data_(s.data()), size_(static_cast<std::size_t>(s.size())) {}
  template <detail::char_string S>
    requires std::is_trivially_copyable_v<S>
  constexpr string_view(const S& s) noexcept : data_(s.data()), size_(static_cast<std::size_t>(s.size())) {}

  // Converts to a string type made from (pointer, size): std::string_view,
  // std::string, ...
  template <class T>
    requires detail::char_string<T> && std::is_constructible_v<T, const char*, std::size_t>
  constexpr operator T() const {
    return T(data_, size_);
  }

  [[nodiscard]] constexpr const char* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::size_t length() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr const char* begin() const noexcept { return data_; }
  [[nodiscard]] constexpr const char* end() const noexcept { return data_ + size_; }
  // i < size(), and front() and back() need a non-empty view, as in std.
  [[nodiscard]] constexpr char operator[](std::size_t i) const noexcept { return data_[i]; }
  [[nodiscard]] constexpr char front() const noexcept { return data_[0]; }
  [[nodiscard]] constexpr char back() const noexcept { return data_[size_ - 1]; }

  constexpr void remove_prefix(std::size_t n) noexcept {
    data_ += n;
    size_ -= n;
  }
  constexpr void remove_suffix(std::size_t n) noexcept { size_ -= n; }

  // Unlike std (which throws), a start past the end gives an empty view.
  [[nodiscard]] constexpr string_view substr(std::size_t pos, std::size_t n = npos) const noexcept {
    if (pos > size_) pos = size_;
    return {data_ + pos, n < size_ - pos ? n : size_ - pos};
  }
  [[nodiscard]] constexpr std::size_t find(char c, std::size_t from = 0) const noexcept {
    if (from >= size_) return npos;
#if defined(__GNUC__) || defined(__clang__)
    if (!std::is_constant_evaluated()) {
      const void* at = __builtin_memchr(data_ + from, c, size_ - from);
      return at == nullptr ? npos : static_cast<std::size_t>(static_cast<const char*>(at) - data_);
    }
#endif
    for (std::size_t i = from; i < size_; ++i)
      if (data_[i] == c) return i;
    return npos;
  }
  [[nodiscard]] constexpr std::size_t find(string_view s, std::size_t from = 0) const noexcept {
    if (s.size_ == 0) return from <= size_ ? from : npos;
    for (std::size_t i = find(s.data_[0], from); i != npos && s.size_ <= size_ - i; i = find(s.data_[0], i + 1))
      if (string_view(data_ + i, s.size_) == s) return i;
    return npos;
  }
  [[nodiscard]] constexpr bool starts_with(string_view s) const noexcept {
    return size_ >= s.size_ && substr(0, s.size_) == s;
  }
  [[nodiscard]] constexpr bool ends_with(string_view s) const noexcept {
    return size_ >= s.size_ && substr(size_ - s.size_) == s;
  }
  // Returns <0, 0 or >0 as *this sorts before, with or after s (bytes unsigned).
  [[nodiscard]] constexpr int compare(string_view s) const noexcept {
    const std::size_t n = size_ < s.size_ ? size_ : s.size_;
    for (std::size_t i = 0; i < n; ++i) {
      const auto a = static_cast<unsigned char>(data_[i]);
      const auto b = static_cast<unsigned char>(s.data_[i]);
      if (a != b) return a < b ? -1 : 1;
    }
    return size_ == s.size_ ? 0 : (size_ < s.size_ ? -1 : 1);
  }

  friend constexpr bool operator==(string_view a, string_view b) noexcept {
    if (a.size_ != b.size_) return false;
#if defined(__GNUC__) || defined(__clang__)
    if (!std::is_constant_evaluated()) return a.size_ == 0 || __builtin_memcmp(a.data_, b.data_, a.size_) == 0;
#endif
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a.data_[i] != b.data_[i]) return false;
    return true;
  }
  // Exact on both sides, so that it beats std's own operator== (which would
  // convert this view) when the other side is a std::string_view.
  template <detail::char_string S>
  friend constexpr bool operator==(string_view a, const S& b) noexcept {
    return a == string_view(b);
  }
  friend constexpr bool operator<(string_view a, string_view b) noexcept { return a.compare(b) < 0; }

  template <class Ostream>
    requires requires(Ostream& os, const char* p) { os.write(p, 0); }
  friend Ostream& operator<<(Ostream& os, string_view s) {
    os.write(s.data_, static_cast<std::ptrdiff_t>(s.size_));
    return os;
  }

 private:
  // Debug builds (without NDEBUG) stop on a null pointer with assert's
  // message instead of crashing inside strlen; constant evaluation rejects
  // it anyway.
  static constexpr std::size_t length_of(const char* s) noexcept {
    if (!std::is_constant_evaluated())
      assert(s != nullptr && "snapcheck::string_view from a null const char* (a pair's name or value?)");
    return __builtin_strlen(s);
  }

  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace snapcheck

#endif

// Inputs reach the engine as pieces: a name and a value, each either already
// decoded or form-encoded. Readers hand their bytes to the checks one at a
// time, percent-decoding on the fly, so nothing is copied or allocated.
#ifndef SNAPCHECK_ENGINE_TEXT_HPP
#define SNAPCHECK_ENGINE_TEXT_HPP

#include <cstddef>

#include "../core/string_view.hpp"

namespace snapcheck {

// One (name, value) parameter as a source yields it.
struct piece {
  string_view name;
  string_view value;
  bool form_encoded = false;  // true: both are application/x-www-form-urlencoded
};

// A source: something that yields pieces, in input order.
template <class S>
concept piece_source = requires(const S& s, std::size_t limit, void (*f)(const piece&)) {
  { s.has_more_than(limit) } -> std::convertible_to<bool>;
  s.for_each(f);
};

namespace detail {

// Reads bytes that need no decoding.
class plain_reader {
 public:
  constexpr explicit plain_reader(string_view s) noexcept : s_(s) {}
  [[nodiscard]] constexpr bool next(unsigned char& b) noexcept {
    if (i_ == s_.size()) return false;
    b = static_cast<unsigned char>(s_[i_++]);
    return true;
  }
  [[nodiscard]] static constexpr bool bad() noexcept { return false; }

 private:
  string_view s_;
  std::size_t i_ = 0;
};

[[nodiscard]] constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads form-encoded bytes (SPEC §2.2): '+' is a space, %HH a byte, and any
// other '%' stops the reader with bad() set.
class form_reader {
 public:
  constexpr explicit form_reader(string_view s) noexcept : s_(s) {}
  [[nodiscard]] constexpr bool next(unsigned char& b) noexcept {
    if (i_ == s_.size()) return false;
    const char c = s_[i_++];
    if (c == '+') {
      b = ' ';
    } else if (c == '%') {
      const int hi = i_ < s_.size() ? hex_value(s_[i_]) : -1;
      const int lo = i_ + 1 < s_.size() ? hex_value(s_[i_ + 1]) : -1;
      if (hi < 0 || lo < 0) {
        bad_ = true;
        i_ = s_.size();
        return false;
      }
      b = static_cast<unsigned char>(hi * 16 + lo);
      i_ += 2;
    } else {
      b = static_cast<unsigned char>(c);
    }
    return true;
  }
  [[nodiscard]] constexpr bool bad() const noexcept { return bad_; }

 private:
  string_view s_;
  std::size_t i_ = 0;
  bool bad_ = false;
};

// Calls f with a reader over s: decoding it when it is form-encoded.
template <class F>
constexpr decltype(auto) with_reader(string_view s, bool form_encoded, F&& f) {
  if (form_encoded) return f(form_reader{s});
  return f(plain_reader{s});
}

}  // namespace detail
}  // namespace snapcheck

#endif

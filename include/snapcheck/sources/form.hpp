// A form body (application/x-www-form-urlencoded) as a source of pieces
// (SPEC §2.2): split on '&', skip empty segments, split each at its first '='.
#ifndef SNAPCHECK_SOURCES_FORM_HPP
#define SNAPCHECK_SOURCES_FORM_HPP

#include <cstddef>
#include <string_view>

#include "../engine/text.hpp"

namespace snapcheck {

class form_source {
 public:
  constexpr explicit form_source(std::string_view body) noexcept : body_(body) {}

  // Returns true when there are more than `limit` non-empty segments.
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    if (body_.size() / 2 < limit) return false;  // n segments take at least 2n - 1 bytes
    std::size_t n = 0;
    for (std::size_t start = 0; start < body_.size() && n <= limit;) {
      const std::size_t end = segment_end(start);
      n += end > start;
      start = end + 1;
    }
    return n > limit;
  }

  // Calls f(piece) for each non-empty segment, in order.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t start = 0; start < body_.size();) {
      const std::size_t end = segment_end(start);
      if (end > start) {
        const std::string_view seg = body_.substr(start, end - start);
        std::size_t eq = 0;  // names are short: a plain loop beats a call to memchr
        while (eq < seg.size() && seg[eq] != '=') ++eq;
        if (eq == seg.size()) f(piece{seg, {}, true});
        else f(piece{seg.substr(0, eq), seg.substr(eq + 1), true});
      }
      start = end + 1;
    }
  }

 private:
  // string_view::find is memchr at run time, and constexpr.
  [[nodiscard]] constexpr std::size_t segment_end(std::size_t from) const noexcept {
    const std::size_t end = body_.find('&', from);
    return end == std::string_view::npos ? body_.size() : end;
  }

  std::string_view body_;
};

}  // namespace snapcheck

#endif

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

  // Returns the number of non-empty segments, counting no further than cap.
  [[nodiscard]] constexpr std::size_t count_up_to(std::size_t cap) const noexcept {
    std::size_t n = 0;
    bool in_segment = false;
    for (char c : body_) {
      if (c == '&') {
        in_segment = false;
      } else if (!in_segment) {
        in_segment = true;
        if (++n >= cap) return n;
      }
    }
    return n;
  }

  // Calls f(piece) for each non-empty segment, in order.
  template <class F>
  constexpr void for_each(F&& f) const {
    std::size_t start = 0;
    while (start <= body_.size()) {
      std::size_t end = body_.find('&', start);
      if (end == std::string_view::npos) end = body_.size();
      if (end > start) {
        const std::string_view seg = body_.substr(start, end - start);
        const std::size_t eq = seg.find('=');
        if (eq == std::string_view::npos) f(piece{seg, {}, true});
        else f(piece{seg.substr(0, eq), seg.substr(eq + 1), true});
      }
      start = end + 1;
    }
  }

 private:
  std::string_view body_;
};

}  // namespace snapcheck

#endif

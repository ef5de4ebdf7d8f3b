// A form body (application/x-www-form-urlencoded) as a source of pieces
// (SPEC §2.2): split on '&', skip empty segments, split each at its first '='.
#ifndef SNAPCHECK_SOURCES_FORM_HPP
#define SNAPCHECK_SOURCES_FORM_HPP

#include <bit>
#include <cstddef>

#include "../core/string_view.hpp"
#include "../engine/text.hpp"

namespace snapcheck {

class form_source {
 public:
  constexpr explicit form_source(string_view body) noexcept : body_(body) {}

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

  // Calls f(piece) for each non-empty segment, in order. A name is read up
  // to its '=' or '&', then its value up to the next '&'.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t start = 0; start < body_.size();) {
      const std::size_t stop = find_either(start, '=', '&');
      if (stop < body_.size() && body_[stop] == '=') {
        const std::size_t end = find_either(stop + 1, '&', '&');
        f(piece{body_.substr(start, stop - start), body_.substr(stop + 1, end - stop - 1), true});
        start = end + 1;
      } else {
        if (stop > start) f(piece{body_.substr(start, stop - start), {}, true});
        start = stop + 1;
      }
    }
  }

 private:
  // string_view::find is memchr at run time, and constexpr.
  [[nodiscard]] constexpr std::size_t segment_end(std::size_t from) const noexcept {
    const std::size_t end = body_.find('&', from);
    return end == string_view::npos ? body_.size() : end;
  }

  // Returns the offset of the first byte equal to a or b from `from`, or the
  // body's size. Names and most values are short: with SSE2, 16 bytes a step
  // end the search on one predictable branch, where a byte loop or a call
  // to memchr mispredicts its exit on every parameter. The last bytes of the
  // body are read as the body's last 16, those before `from` masked off.
  // Past 32 bytes of a value, memchr's wider steps take over.
  [[nodiscard]] constexpr std::size_t find_either(std::size_t from, char a, char b) const noexcept {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    if (!std::is_constant_evaluated() && body_.size() >= 16) {
      using bytes16 = char __attribute__((vector_size(16)));
      const auto hits_at = [&](std::size_t at) {
        bytes16 v;
        __builtin_memcpy(&v, body_.data() + at, 16);
        return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<bytes16>((v == a) | (v == b))));
      };
      for (std::size_t step = 0; from + 16 <= body_.size(); from += 16, ++step) {
        if (const unsigned hits = hits_at(from); hits != 0)
          return from + static_cast<std::size_t>(std::countr_zero(hits));
        if (step == 1 && a == b) return segment_end(from + 16);
      }
      if (from == body_.size()) return from;
      const std::size_t last = body_.size() - 16;
      const unsigned hits = hits_at(last) >> (from - last);
      return hits != 0 ? from + static_cast<std::size_t>(std::countr_zero(hits)) : body_.size();
    }
#endif
    while (from < body_.size() && body_[from] != a && body_[from] != b) ++from;
    return from;
  }

  string_view body_;
};

}  // namespace snapcheck

#endif

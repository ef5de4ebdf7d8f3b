// A whole HTTP request as a source of pieces (SPEC §2.5): the URL query
// string's parameters, then the form body's, as one sequence.
#ifndef SNAPCHECK_SOURCES_REQUEST_HPP
#define SNAPCHECK_SOURCES_REQUEST_HPP

#include <cstddef>

#include "../core/string_view.hpp"
#include "form.hpp"

namespace snapcheck {

class request_source {
 public:
  static constexpr bool text_only = true;  // text pieces with plain names

  constexpr request_source(string_view query, string_view body) noexcept : query_(query), body_(body) {}

  // Returns true when query and body hold more than `limit` parameters together.
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept {
    const std::size_t in_query = query_.count_up_to(limit + 1);
    return in_query > limit || body_.has_more_than(limit - in_query);
  }

  template <class F>
  constexpr void for_each(F&& f) const {
    query_.for_each(f);
    body_.for_each(f);
  }

 private:
  form_source query_;
  form_source body_;
};

}  // namespace snapcheck

#endif

// Responses as JSON (SPEC §7, §11): a success body checked against a
// response table (apis/create_snapshot_response.hpp) by the same engine and
// the same JSON source as requests. Includes no JSON library; the adapters
// provide validate_response for their value types.
#ifndef SNAPCHECK_JSON_RESPONSE_HPP
#define SNAPCHECK_JSON_RESPONSE_HPP

#include <cstddef>

#include "../engine/names.hpp"
#include "../engine/validate.hpp"
#include "../result/result.hpp"
#include "source.hpp"

namespace snapcheck::json {
namespace detail {

// Passes on the pieces of a source whose names are a row of S (or members of
// an array group): a response may hold members the table does not know.
template <schema S, piece_source Inner>
class known_only {
 public:
  constexpr explicit known_only(const Inner& inner) noexcept : inner_(inner) {}
  // Counts every member, known or not: a body of more than
  // options::max_parameters members is too_many_parameters (and an On Demand
  // source can be walked only once more).
  [[nodiscard]] constexpr bool has_more_than(std::size_t limit) const noexcept { return inner_.has_more_than(limit); }
  template <class F>
  constexpr void for_each(F&& f) const {
    inner_.for_each([&f](const piece& p) {
      if (!p.group.empty() || snapcheck::detail::match_name<S>(p.name).what != snapcheck::detail::name_match::kind::unknown)
        f(p);
    });
  }

 private:
  const Inner& inner_;
};

}  // namespace detail

// Validates a response body against response table R (SPEC §7): a JSON
// object; members of no row are ignored; a value that is not an object is
// one request-level wrong_type.
template <schema R, traits T, violation_sink Sink>
constexpr void validate_response_into(const typename T::value& v, Sink& sink, const options& opt) noexcept {
  if (T::kind_of(v) != kind::object) {
    sink.add({.code = code::wrong_type, .api_code = R::codes.parameter});
    return;
  }
  const source<R, T> all{v};
  snapcheck::validate<R>(detail::known_only<R, source<R, T>>{all}, sink, opt);
}

}  // namespace snapcheck::json

#endif

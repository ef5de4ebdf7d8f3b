// The entry points (SPEC §9). Each validates against a schema (by default
// CreateSnapshot) and returns a result, or reports to a sink of your own.
#ifndef SNAPCHECK_VALIDATE_HPP
#define SNAPCHECK_VALIDATE_HPP


#include "core/string_view.hpp"
#include "apis/create_snapshot.hpp"
#include "engine/validate.hpp"
#include "sources/form.hpp"
#include "sources/params.hpp"
#include "sources/request.hpp"

namespace snapcheck {

// Validates a form body, reporting every violation to sink.
template <schema S = apis::create_snapshot, violation_sink Sink>
constexpr void validate_form_into(string_view body, Sink& sink, const options& opt = {}) noexcept {
  validate<S>(form_source{body}, sink, opt);
}

// Validates a range of decoded (name, value) pairs, reporting to sink.
template <schema S = apis::create_snapshot, pair_range R, violation_sink Sink>
constexpr void validate_params_into(const R& params, Sink& sink, const options& opt = {}) noexcept {
  validate<S>(params_source<R>{params}, sink, opt);
}

// Validates a whole request, its URL query string (without '?') and its
// form body, as one sequence of parameters (SPEC §2.5), reporting to sink.
template <schema S = apis::create_snapshot, violation_sink Sink>
constexpr void validate_request_into(string_view query, string_view body, Sink& sink,
                                     const options& opt = {}) noexcept {
  validate<S>(request_source{query, body}, sink, opt);
}

// The entry points below return basic_result<Capacity>: room for Capacity
// violations (64 by default; options::max_violations keeps fewer, never
// more). validate_form<apis::create_snapshot, 256>(body) keeps up to 256.
inline constexpr std::size_t default_capacity = result::capacity();

// Returns the violations of a form body (application/x-www-form-urlencoded).
// The result refers to body for the text of unknown names: keep body alive
// while you read them.
template <schema S = apis::create_snapshot, std::size_t Capacity = default_capacity>
[[nodiscard]] constexpr basic_result<Capacity> validate_form(string_view body SNAPCHECK_LIFETIMEBOUND,
                                                             const options& opt = {}) noexcept {
  basic_result<Capacity> r(opt.max_violations);
  validate_form_into<S>(body, r, opt);
  return r;
}

// Returns the violations of a range of decoded (name, value) pairs, such as
// std::vector<std::pair<std::string, std::string>> or an array of
// std::pair<string_view, string_view>.
template <schema S = apis::create_snapshot, std::size_t Capacity = default_capacity, pair_range R>
[[nodiscard]] constexpr basic_result<Capacity> validate_params(const R& params SNAPCHECK_LIFETIMEBOUND,
                                                               const options& opt = {}) noexcept {
  basic_result<Capacity> r(opt.max_violations);
  validate_params_into<S>(params, r, opt);
  return r;
}

// Returns the violations of a whole request: the parameters of its URL
// query string (without '?') followed by those of its form body. Official
// SDKs send every parameter in the query with an empty body. The result
// refers to both strings for the text of unknown names.
template <schema S = apis::create_snapshot, std::size_t Capacity = default_capacity>
[[nodiscard]] constexpr basic_result<Capacity> validate_request(string_view query SNAPCHECK_LIFETIMEBOUND,
                                                                string_view body SNAPCHECK_LIFETIMEBOUND,
                                                                const options& opt = {}) noexcept {
  basic_result<Capacity> r(opt.max_violations);
  validate_request_into<S>(query, body, r, opt);
  return r;
}

// Returns the violations of a whole request, with parameters the server
// supplies out of band (decoded (name, value) pairs such as {"regionId",
// region_from_header}): each is checked only when the request has no such
// parameter of its own.
template <schema S = apis::create_snapshot, std::size_t Capacity = default_capacity, pair_range R>
[[nodiscard]] constexpr basic_result<Capacity> validate_request(string_view query SNAPCHECK_LIFETIMEBOUND,
                                                                string_view body SNAPCHECK_LIFETIMEBOUND,
                                                                const R& supplied SNAPCHECK_LIFETIMEBOUND,
                                                                const options& opt = {}) noexcept {
  basic_result<Capacity> r(opt.max_violations);
  validate<S>(supplied_request_source<R>{query, body, supplied}, r, opt);
  return r;
}

}  // namespace snapcheck

#endif

// std::string conveniences over the allocation-free writers of render/:
// the field name, the message and the JSON of a result as strings. The one
// header that includes <string>: snapcheck.hpp leaves it out, so code that
// only validates does not pay for it.
#ifndef SNAPCHECK_STRINGS_HPP
#define SNAPCHECK_STRINGS_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "snapcheck.hpp"

namespace snapcheck {

// Returns the field name of a violation as given, valid UTF-8.
[[nodiscard]] inline std::string field_name(const field_path& p) {
  std::string s;
  write_field(p, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns the English message of v.
[[nodiscard]] inline std::string message(const violation& v) {
  std::string s;
  write_message(v, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns a result as a JSON string.
template <std::size_t N>
[[nodiscard]] std::string to_json(const basic_result<N>& r) {
  std::string s;
  write_json(r, [&](std::string_view part) { s.append(part); });
  return s;
}

// Responses (SPEC §7); see render/response.hpp for the writers.

// Returns {"RequestID":"<id>"}.
[[nodiscard]] inline std::string success_body(std::string_view request_id) {
  std::string s;
  write_success_body(request_id, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns {"resultCode":-1,"resultMsg":"<api_code>: <message>","result":null}.
template <std::size_t N>
[[nodiscard]] std::string failure_body(const basic_result<N>& r) {
  std::string s;
  write_failure_body(r, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns {"RequestId":…,"HostId":…,"Code":…,"Message":…}.
template <std::size_t N>
[[nodiscard]] std::string public_failure_body(const basic_result<N>& r, std::string_view request_id,
                                              std::string_view host_id) {
  std::string s;
  write_public_failure_body(r, request_id, host_id, [&](std::string_view part) { s.append(part); });
  return s;
}

// Returns RFC 9457 problem details listing every kept violation.
template <std::size_t N>
[[nodiscard]] std::string problem_details(const basic_result<N>& r, const problem_fields& p = {}) {
  std::string s;
  write_problem_details(r, [&](std::string_view part) { s.append(part); }, p);
  return s;
}

// Returns the body answering a request with result r: the success body when
// r is ok, else the failure body in info.shape (send with http_status(r)).
template <std::size_t N>
[[nodiscard]] std::string response_body(const basic_result<N>& r, const response_info& info) {
  std::string s;
  write_response_body(r, info, [&](std::string_view part) { s.append(part); });
  return s;
}

}  // namespace snapcheck

#endif

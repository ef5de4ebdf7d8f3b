// std::string conveniences over the allocation-free writers of render/:
// the field name, the message and the JSON of a result as strings. The one
// header that includes <string>: snapcheck.hpp leaves it out, so code that
// only validates does not pay for it.
#ifndef SNAPCHECK_STRINGS_HPP
#define SNAPCHECK_STRINGS_HPP

#include "version.hpp"  // first: below C++20 it stops with one #error
#if SNAPCHECK_HAS_CXX20

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "client/request.hpp"
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

// Returns a typed request as a form body (SPEC §10): encode() into a string
// of exactly the size encoded_size() gives.
template <schema S>
[[nodiscard]] std::string encode(const typed_request<S>& r, const encode_options& opt = {}) {
  std::string s(encoded_size(r, opt), '\0');
  encode(r, s.data(), s.size(), opt);
  return s;
}

// Returns parameters as a form body, in the order given or sorted.
[[nodiscard]] inline std::string encode_params(span<const param> params, param_order order = param_order::table) {
  std::string s(encode_params(params, nullptr, 0, order), '\0');
  encode_params(params, s.data(), s.size(), order);
  return s;
}

// A violation with its text copied out: it does not refer to the request.
struct owned_violation {
  std::string field;       // the field name, as field_name() gives it
  snapcheck::code code{};
  snapcheck::severity severity{};
  std::string api_code;
  std::string message;     // as message() gives it
  optional<std::size_t> at{};
  optional<std::size_t> length{};
  optional<std::uint64_t> limit{};
  std::string suggestion;  // empty when there is none
  std::size_t position = 0;

  [[nodiscard]] bool is_error() const noexcept { return severity == severity::error; }
};

// A result that owns its text: it stays valid after the body or the
// parameter list it came from is gone. to_owned(r) makes one.
struct owned_result {
  bool ok = true;
  bool truncated = false;
  std::size_t found = 0;   // violations found, kept or not
  std::size_t errors = 0;  // errors found, kept or not
  std::vector<owned_violation> violations;
};

// Returns a copy of v that owns its text.
[[nodiscard]] inline owned_violation to_owned(const violation& v) {
  owned_violation o;
  o.field = field_name(v.field);
  o.code = v.code;
  o.severity = v.severity;
  o.api_code = std::string(v.api_code.data(), v.api_code.size());
  o.message = message(v);
  o.at = v.at;
  o.length = v.length;
  o.limit = v.limit;
  write_suggestion(v, [&](std::string_view part) { o.suggestion.append(part); });
  o.position = v.position;
  return o;
}

// Returns a copy of r that owns its text: call it while the input r refers
// to is alive, then keep the copy as long as you like.
template <std::size_t N>
[[nodiscard]] owned_result to_owned(const basic_result<N>& r) {
  owned_result o;
  o.ok = r.ok();
  o.truncated = r.truncated();
  o.found = r.found();
  o.errors = r.errors();
  o.violations.reserve(r.violations().size());
  for (const violation& v : r.violations()) o.violations.push_back(to_owned(v));
  return o;
}

// Printing to a std::ostream (any stream with write(const char*, n)):
// `os << v.code` writes to_string(v.code), `os << v.severity` likewise, and
// `os << v` writes "field: message [code]", the CLI's text line.
template <class Ostream>
  requires requires(Ostream& os, const char* p) { os.write(p, 0); }
Ostream& operator<<(Ostream& os, code c) {
  const string_view s = to_string(c);
  os.write(s.data(), static_cast<std::ptrdiff_t>(s.size()));
  return os;
}
template <class Ostream>
  requires requires(Ostream& os, const char* p) { os.write(p, 0); }
Ostream& operator<<(Ostream& os, severity v) {
  const string_view s = to_string(v);
  os.write(s.data(), static_cast<std::ptrdiff_t>(s.size()));
  return os;
}
template <class Ostream>
  requires requires(Ostream& os, const char* p) { os.write(p, 0); }
Ostream& operator<<(Ostream& os, const violation& v) {
  auto out = [&os](std::string_view part) { os.write(part.data(), static_cast<std::ptrdiff_t>(part.size())); };
  write_field(v.field, out);
  out(": ");
  write_message(v, out);
  out(" [");
  out(to_string(v.code));
  out("]");
  return os;
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

#endif  // SNAPCHECK_HAS_CXX20
#endif

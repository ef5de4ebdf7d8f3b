// std::string conveniences over the allocation-free writers of render/:
// the field name, the message and the JSON of a result as strings. The one
// header that includes <string>: snapcheck.hpp leaves it out, so code that
// only validates does not pay for it.
#ifndef SNAPCHECK_STRINGS_HPP
#define SNAPCHECK_STRINGS_HPP

#include <cstddef>
#include <string>
#include <string_view>

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

}  // namespace snapcheck

#endif

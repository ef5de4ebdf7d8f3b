// nlohmann/json values as snapcheck input (SPEC §11): any nlohmann::basic_json
// (nlohmann::json, nlohmann::ordered_json, ...). See docs/json.md.
//
//   nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
//   snapcheck::result r = snapcheck::json::validate(j, opt);
//
// nlohmann/json keeps one value per member name (the last one parsed), so a
// repeated name is never a duplicate_parameter here; nlohmann::json also
// sorts members by name (use ordered_json to keep the request's order).
#ifndef SNAPCHECK_JSON_NLOHMANN_HPP
#define SNAPCHECK_JSON_NLOHMANN_HPP

#include <nlohmann/json.hpp>

#include "../apis/create_snapshot.hpp"
#include "../apis/create_snapshot_response.hpp"
#include "response.hpp"
#include "source.hpp"

namespace snapcheck::json {

// Reads a nlohmann::basic_json<...> J.
template <class J>
struct nlohmann_traits {
  using value = J;
  static constexpr kind kind_of(const J& v) noexcept {
    switch (v.type()) {
      case nlohmann::detail::value_t::null:
      case nlohmann::detail::value_t::discarded: return kind::null;
      case nlohmann::detail::value_t::boolean: return kind::boolean;
      case nlohmann::detail::value_t::number_integer: return kind::signed_integer;
      case nlohmann::detail::value_t::number_unsigned: return kind::unsigned_integer;
      case nlohmann::detail::value_t::number_float: return kind::floating;
      case nlohmann::detail::value_t::string: return kind::string;
      case nlohmann::detail::value_t::array: return kind::array;
      case nlohmann::detail::value_t::object: return kind::object;
      case nlohmann::detail::value_t::binary: return kind::boolean;  // another type
    }
    return kind::boolean;
  }
  static string_view string(const J& v) noexcept {
    const auto& s = *v.template get_ptr<const typename J::string_t*>();
    return {s.data(), s.size()};
  }
  static std::int64_t int64(const J& v) noexcept {
    return static_cast<std::int64_t>(*v.template get_ptr<const typename J::number_integer_t*>());
  }
  static std::uint64_t uint64(const J& v) noexcept {
    return static_cast<std::uint64_t>(*v.template get_ptr<const typename J::number_unsigned_t*>());
  }
  static double float64(const J& v) noexcept {
    return static_cast<double>(*v.template get_ptr<const typename J::number_float_t*>());
  }
  template <class F>
  static void members(const J& v, F&& f) {
    for (auto it = v.cbegin(); it != v.cend(); ++it) {
      const auto& key = it.key();
      f(string_view{key.data(), key.size()}, it.value());
    }
  }
  template <class F>
  static void elements(const J& v, F&& f) {
    for (const J& e : v) f(e);
  }
};

template <class J>
concept nlohmann_value = nlohmann::detail::is_basic_json<J>::value;

// Validates a JSON value against schema S (by default CreateSnapshot),
// reporting to sink. The value must stay alive and unchanged while the
// result is read.
template <schema S = apis::create_snapshot, nlohmann_value J, violation_sink Sink>
void validate_into(const J& v, Sink& sink, const options& opt = {}) noexcept {
  validate_value_into<S, nlohmann_traits<J>>(v, sink, opt);
}

template <schema S = apis::create_snapshot, nlohmann_value J>
[[nodiscard]] result validate(const J& v SNAPCHECK_LIFETIMEBOUND, const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_into<S>(v, r, opt);
  return r;
}

// Validates a success response body (SPEC §7) against response schema R.
template <schema R = apis::create_snapshot_response, nlohmann_value J>
[[nodiscard]] result validate_response(const J& v SNAPCHECK_LIFETIMEBOUND, const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_response_into<R, nlohmann_traits<J>>(v, r, opt);
  return r;
}

}  // namespace snapcheck::json

#endif

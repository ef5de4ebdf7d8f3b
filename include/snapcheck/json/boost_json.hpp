// Boost.JSON values as snapcheck input (SPEC §11). See docs/json.md.
//
//   boost::json::value v = boost::json::parse(text);
//   snapcheck::result r = snapcheck::json::validate(v, opt);
//
// Boost.JSON 1.81 keeps one value per member name (the last one parsed), so
// a repeated name is never a duplicate_parameter here.
#ifndef SNAPCHECK_JSON_BOOST_JSON_HPP
#define SNAPCHECK_JSON_BOOST_JSON_HPP

#include <boost/json.hpp>

#include "../apis/create_snapshot.hpp"
#include "../apis/create_snapshot_response.hpp"
#include "response.hpp"
#include "source.hpp"

namespace snapcheck::json {

struct boost_json_traits {
  using value = boost::json::value;
  static kind kind_of(const value& v) noexcept {
    switch (v.kind()) {
      case boost::json::kind::null: return kind::null;
      case boost::json::kind::bool_: return kind::boolean;
      case boost::json::kind::int64: return kind::signed_integer;
      case boost::json::kind::uint64: return kind::unsigned_integer;
      case boost::json::kind::double_: return kind::floating;
      case boost::json::kind::string: return kind::string;
      case boost::json::kind::array: return kind::array;
      case boost::json::kind::object: return kind::object;
    }
    return kind::boolean;
  }
  static string_view string(const value& v) noexcept {
    const boost::json::string& s = v.get_string();
    return {s.data(), s.size()};
  }
  static std::int64_t int64(const value& v) noexcept { return v.get_int64(); }
  static std::uint64_t uint64(const value& v) noexcept { return v.get_uint64(); }
  static double float64(const value& v) noexcept { return v.get_double(); }
  template <class F>
  static void members(const value& v, F&& f) {
    for (const boost::json::key_value_pair& m : v.get_object()) f(string_view{m.key().data(), m.key().size()}, m.value());
  }
  template <class F>
  static void elements(const value& v, F&& f) {
    for (const value& e : v.get_array()) f(e);
  }
};

// Validates a JSON value against schema S (by default CreateSnapshot),
// reporting to sink. The value must stay alive and unchanged while the
// result is read.
template <schema S = apis::create_snapshot, violation_sink Sink>
void validate_into(const boost::json::value& v, Sink& sink, const options& opt = {}) noexcept {
  validate_value_into<S, boost_json_traits>(v, sink, opt);
}

template <schema S = apis::create_snapshot>
[[nodiscard]] inline result validate(const boost::json::value& v SNAPCHECK_LIFETIMEBOUND, const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_into<S>(v, r, opt);
  return r;
}

// Validates a success response body (SPEC §7) against response schema R.
template <schema R = apis::create_snapshot_response>
[[nodiscard]] inline result validate_response(const boost::json::value& v SNAPCHECK_LIFETIMEBOUND,
                                              const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_response_into<R, boost_json_traits>(v, r, opt);
  return r;
}

}  // namespace snapcheck::json

#endif

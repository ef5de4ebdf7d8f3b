// RapidJSON values (UTF-8) as snapcheck input (SPEC §11). See docs/json.md.
//
//   rapidjson::Document d;
//   d.Parse(text.data(), text.size());
//   if (!d.HasParseError()) snapcheck::result r = snapcheck::json::validate(d, opt);
//
// RapidJSON keeps every member, repeated names included: a repeated name is
// a duplicate_parameter as SPEC §3 says.
#ifndef SNAPCHECK_JSON_RAPIDJSON_HPP
#define SNAPCHECK_JSON_RAPIDJSON_HPP

#include <rapidjson/document.h>

#include <cstddef>

#include "../apis/create_snapshot.hpp"
#include "../apis/create_snapshot_response.hpp"
#include "response.hpp"
#include "source.hpp"

namespace snapcheck::json {

template <class V>
struct rapidjson_traits {
  using value = V;
  static kind kind_of(const V& v) noexcept {
    if (v.IsNull()) return kind::null;
    if (v.IsBool()) return kind::boolean;
    if (v.IsInt64()) return kind::signed_integer;
    if (v.IsUint64()) return kind::unsigned_integer;
    if (v.IsNumber()) return kind::floating;
    if (v.IsString()) return kind::string;
    if (v.IsArray()) return kind::array;
    return kind::object;
  }
  static string_view string(const V& v) noexcept { return {v.GetString(), v.GetStringLength()}; }
  static std::int64_t int64(const V& v) noexcept { return v.GetInt64(); }
  static std::uint64_t uint64(const V& v) noexcept { return v.GetUint64(); }
  static double float64(const V& v) noexcept { return v.GetDouble(); }
  template <class F>
  static void members(const V& v, F&& f) {
    // By index: comparing RapidJSON's iterators is ambiguous in C++20 (clang warns).
    const auto first = v.MemberBegin();
    for (rapidjson::SizeType i = 0, n = v.MemberCount(); i < n; ++i) {
      const auto& m = first[static_cast<std::ptrdiff_t>(i)];
      f(string_view{m.name.GetString(), m.name.GetStringLength()}, m.value);
    }
  }
  template <class F>
  static void elements(const V& v, F&& f) {
    for (rapidjson::SizeType i = 0, n = v.Size(); i < n; ++i) f(v[i]);
  }
};

// Validates a JSON value (a rapidjson::Value or Document, UTF-8) against
// schema S (by default CreateSnapshot), reporting to sink. The value must
// stay alive and unchanged while the result is read.
template <schema S = apis::create_snapshot, class A, violation_sink Sink>
void validate_into(const rapidjson::GenericValue<rapidjson::UTF8<char>, A>& v, Sink& sink, const options& opt = {}) noexcept {
  validate_value_into<S, rapidjson_traits<rapidjson::GenericValue<rapidjson::UTF8<char>, A>>>(v, sink, opt);
}

template <schema S = apis::create_snapshot, class A>
[[nodiscard]] result validate(const rapidjson::GenericValue<rapidjson::UTF8<char>, A>& v SNAPCHECK_LIFETIMEBOUND,
                              const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_into<S>(v, r, opt);
  return r;
}

// Validates a success response body (SPEC §7) against response schema R.
template <schema R = apis::create_snapshot_response, class A>
[[nodiscard]] result validate_response(const rapidjson::GenericValue<rapidjson::UTF8<char>, A>& v SNAPCHECK_LIFETIMEBOUND,
                                       const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_response_into<R, rapidjson_traits<rapidjson::GenericValue<rapidjson::UTF8<char>, A>>>(v, r, opt);
  return r;
}

}  // namespace snapcheck::json

#endif

// simdjson values as snapcheck input (SPEC §11): the DOM API
// (simdjson::dom::element) and the On Demand API (ondemand::document,
// ondemand::value, ondemand::object). See docs/json.md.
//
//   simdjson::dom::parser p;
//   simdjson::dom::element e;
//   if (!p.parse(text).get(e)) snapcheck::result r = snapcheck::json::validate(e, opt);
//
//   simdjson::ondemand::parser p;
//   simdjson::padded_string text = ...;
//   simdjson::ondemand::document doc = p.iterate(text);
//   simdjson::error_code error;
//   snapcheck::result r = snapcheck::json::validate(doc, opt, &error);
//
// Both keep every member, repeated names included (duplicate_parameter as
// SPEC §3 says). The DOM parser rejects integers beyond 64 bits
// (NUMBER_ERROR in simdjson 3.0): such a text never becomes a value to validate.
//
// On Demand reads the text as it is walked, forward only: the object is
// walked twice, once to count its parameters (skipping values, unescaping
// nothing) and once to read them (object::reset() in between), and a
// malformed text can surface during the walk. Then the walk stops, the
// functions returning a result give one request-level wrong_type (the text
// is not a JSON object) and set *error, and validate_into returns the error
// (what it reported before is incomplete: drop it). On Demand checks only
// what it reads: the inside of an array or object value that is a wrong
// type anyway is skipped, not checked. Views into the parser's string
// buffer stay valid until the parser parses again.
#ifndef SNAPCHECK_JSON_SIMDJSON_HPP
#define SNAPCHECK_JSON_SIMDJSON_HPP

#include <simdjson.h>

#include "../apis/create_snapshot.hpp"
#include "../apis/create_snapshot_response.hpp"
#include "response.hpp"
#include "source.hpp"

namespace snapcheck::json {

// ---- DOM

struct simdjson_dom_traits {
  using value = simdjson::dom::element;
  static kind kind_of(const value& v) noexcept {
    using t = simdjson::dom::element_type;
    switch (v.type()) {
      case t::NULL_VALUE: return kind::null;
      case t::BOOL: return kind::boolean;
      case t::INT64: return kind::signed_integer;
      case t::UINT64: return kind::unsigned_integer;
      case t::DOUBLE: return kind::floating;
      case t::STRING: return kind::string;
      case t::ARRAY: return kind::array;
      case t::OBJECT: return kind::object;
    }
    return kind::boolean;
  }
  static string_view string(const value& v) noexcept { return v.get_string().value_unsafe(); }
  static std::int64_t int64(const value& v) noexcept { return v.get_int64().value_unsafe(); }
  static std::uint64_t uint64(const value& v) noexcept { return v.get_uint64().value_unsafe(); }
  static double float64(const value& v) noexcept { return v.get_double().value_unsafe(); }
  template <class F>
  static void members(const value& v, F&& f) {
    const simdjson::dom::object object = v.get_object().value_unsafe();  // a copy: the result is a temporary
    for (const simdjson::dom::key_value_pair m : object) f(string_view(m.key), m.value);
  }
  template <class F>
  static void elements(const value& v, F&& f) {
    const simdjson::dom::array array = v.get_array().value_unsafe();
    for (const simdjson::dom::element e : array) f(e);
  }
};

// Validates a JSON value against schema S (by default CreateSnapshot),
// reporting to sink. The parser must not parse again while the result is
// read.
template <schema S = apis::create_snapshot, violation_sink Sink>
void validate_into(const simdjson::dom::element& v, Sink& sink, const options& opt = {}) noexcept {
  validate_value_into<S, simdjson_dom_traits>(v, sink, opt);
}

template <schema S = apis::create_snapshot>
[[nodiscard]] inline result validate(const simdjson::dom::element& v, const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_into<S>(v, r, opt);
  return r;
}

template <schema R = apis::create_snapshot_response>
[[nodiscard]] inline result validate_response(const simdjson::dom::element& v, const options& opt = {}) noexcept {
  result r(opt.max_violations);
  validate_response_into<R, simdjson_dom_traits>(v, r, opt);
  return r;
}

// ---- On Demand

namespace detail {

namespace od = simdjson::ondemand;

// Returns true when the raw (escaped) JSON string at raw, which ends at its
// closing quote, decodes to target (ASCII, as table names are). Reads no
// further than target's length and one more character.
[[nodiscard]] inline bool raw_equals(const char* raw, string_view target) noexcept {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::size_t i = 0;
  for (std::size_t k = 0;; ++k) {
    char c = raw[i];
    if (c == '"') return k == target.size();
    if (k == target.size()) return false;
    ++i;
    if (c == '\\') {
      const char e = raw[i++];
      if (e == 'u') {
        int cp = 0;
        for (int d = 0; d < 4; ++d) {
          const int h = hex(raw[i++]);
          if (h < 0) return false;
          cp = cp * 16 + h;
        }
        if (cp >= 0x80) return false;  // target is ASCII
        c = static_cast<char>(cp);
      } else {
        c = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
      }
    }
    if (c != target[k]) return false;
  }
}

template <schema S>
[[nodiscard]] inline const group* find_group_raw(const od::raw_json_string& key) noexcept {
  if constexpr (group_count<S>() == 0) {
    return nullptr;
  } else {
    for (const group& g : groups_of<S>)
      if (raw_equals(key.raw(), g.name)) return &g;
    return nullptr;
  }
}

// Compares the significant digits of a number, `head` then `tail` (the
// first digit nonzero), with those of a threshold of the same order, each
// padded with zeros: every digit counts, however far it is.
[[nodiscard]] constexpr int compare_significand(string_view head, string_view tail, string_view threshold) noexcept {
  const std::size_t size = head.size() + tail.size();
  const std::size_t n = size > threshold.size() ? size : threshold.size();
  for (std::size_t k = 0; k < n; ++k) {
    const char a = k < head.size() ? head[k] : k < size ? tail[k - head.size()] : '0';
    const char b = k < threshold.size() ? threshold[k] : '0';
    if (a != b) return a < b ? -1 : 1;
  }
  return 0;
}

// Reads a JSON number with a fraction or an exponent by its text, as
// float_piece reads the double it rounds to: beyond the 64-bit integers
// when it rounds to 2^64 or more (from 2^64 - 1024) or below -2^63 (past
// -(2^63 + 1024)). For what On Demand's get_double refuses though JSON
// allows it: an exponent of more than 19 digits (1e00000000000000000001).
// Returns false when the text is not a JSON number.
[[nodiscard]] constexpr bool read_number_text(string_view name, string_view t, piece& out) noexcept {
  std::size_t i = t.size() > 0 && t[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return t.substr(from, i - from);
  };
  const string_view whole = digits();
  string_view fraction;
  if (whole.empty() || (whole.size() > 1 && whole[0] == '0')) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if ((fraction = digits()).empty()) return false;
  }
  std::int64_t exponent = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    const bool below = i < t.size() && t[i] == '-';
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    const string_view e = digits();
    if (e.empty()) return false;
    for (char c : e) exponent = exponent > (std::int64_t{1} << 40) ? exponent : exponent * 10 + (c - '0');
    if (below) exponent = -exponent;
  }
  if (i != t.size()) return false;
  // The significant digits (head, then tail) and the order: the power of
  // ten of the first.
  std::size_t lead = 0;
  while (lead < whole.size() && whole[lead] == '0') ++lead;
  string_view head = whole.substr(lead), tail = fraction;
  std::int64_t order = static_cast<std::int64_t>(head.size()) - 1 + exponent;
  if (head.empty()) {  // 0.000ddd: the fraction's zeros lower the order
    std::size_t zeros = 0;
    while (zeros < fraction.size() && fraction[zeros] == '0') ++zeros;
    head = fraction.substr(zeros);
    tail = {};
    order -= static_cast<std::int64_t>(zeros);
  }
  if (head.empty()) {  // zero
    out = make_piece(name, {}, value_type::other);
    return true;
  }
  const string_view threshold = negative ? "9223372036854776832" : "18446744073709550592";
  const std::int64_t threshold_order = negative ? 18 : 19;
  const int against = order != threshold_order ? (order < threshold_order ? -1 : 1)
                                               : compare_significand(head, tail, threshold);
  const bool beyond = negative ? against > 0 : against >= 0;
  out = beyond ? make_piece(name, {}, value_type::integer, ~std::uint64_t{0}, negative)
               : make_piece(name, {}, value_type::other);
  return true;
}

// Reads a JSON number by its text: an integer (-?(0|[1-9][0-9]*)) becomes
// an integer piece, its magnitude saturated beyond 64 bits; any other
// number (a fraction, an exponent) another type, once simdjson accepts it.
[[nodiscard]] inline simdjson::error_code number_piece(string_view name, od::value& v, piece& out) noexcept {
  const std::string_view raw = v.raw_json_token();
  std::size_t end = raw.size();
  while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\n' || raw[end - 1] == '\r')) --end;
  const bool negative = end > 0 && raw[0] == '-';
  const std::size_t first = negative ? 1 : 0;
  bool integer = end > first && (raw[first] != '0' || end == first + 1);
  for (std::size_t i = first; integer && i < end; ++i) integer = raw[i] >= '0' && raw[i] <= '9';
  if (!integer) {
    double d = 0;
    if (const auto e = v.get_double().get(d)) return read_number_text(name, raw.substr(0, end), out) ? simdjson::SUCCESS : e;
    out = float_piece(name, d);
    return simdjson::SUCCESS;
  }
  std::uint64_t magnitude = 0;
  for (std::size_t i = first; i < end; ++i) {
    const auto digit = static_cast<std::uint64_t>(raw[i] - '0');
    magnitude = magnitude > (~std::uint64_t{0} - digit) / 10 ? ~std::uint64_t{0} : magnitude * 10 + digit;
  }
  out = make_piece(name, {}, value_type::integer, magnitude, negative);
  return simdjson::SUCCESS;
}

// Reads a member's value (not an array of a group) into a piece; sets
// present to false for null.
[[nodiscard]] inline simdjson::error_code value_piece(string_view name, od::value& v, piece& out, bool& present) noexcept {
  od::json_type t{};
  if (const auto e = v.type().get(t)) return e;
  present = true;
  switch (t) {
    case od::json_type::null: {
      bool is_null = false;
      if (const auto e = v.is_null().get(is_null)) return e;
      present = false;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case od::json_type::string: {
      std::string_view s;
      if (const auto e = v.get_string().get(s)) return e;
      out = make_piece(name, s, value_type::text);
      return simdjson::SUCCESS;
    }
    case od::json_type::number:
      return number_piece(name, v, out);
    case od::json_type::boolean: {
      bool b = false;
      if (const auto e = v.get_bool().get(b)) return e;
      break;
    }
    case od::json_type::array:
    case od::json_type::object:
      break;
  }
  out = make_piece(name, {}, value_type::other);
  return simdjson::SUCCESS;
}

// Counts the pieces of an object the way ondemand_source yields them,
// reading types and raw keys only (nothing is unescaped or parsed).
template <schema S>
[[nodiscard]] simdjson::error_code count_pieces(od::object& object, std::size_t& n) noexcept {
  n = 0;
  for (auto member : object) {
    od::field f;
    if (const auto e = std::move(member).get(f)) return e;
    od::json_type t{};
    if (const auto e = f.value().type().get(t)) return e;
    if (t == od::json_type::null) continue;
    const group* g = find_group_raw<S>(f.key());
    if (g == nullptr || t != od::json_type::array) {
      ++n;
      continue;
    }
    od::array elements;
    if (const auto e = f.value().get_array().get(elements)) return e;
    std::uint32_t index = 0;
    for (auto element : elements) {
      od::value v;
      if (const auto e = std::move(element).get(v)) return e;
      if (index != ~std::uint32_t{0}) ++index;
      od::json_type et{};
      if (const auto e = v.type().get(et)) return e;
      if (et == od::json_type::null) continue;
      if (index > g->max_index || et != od::json_type::object) {
        ++n;
        continue;
      }
      od::object members;
      if (const auto e = v.get_object().get(members)) return e;
      for (auto m : members) {
        od::field mf;
        if (const auto e = std::move(m).get(mf)) return e;
        od::json_type mt{};
        if (const auto e = mf.value().type().get(mt)) return e;
        n += mt != od::json_type::null;
      }
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace detail

// An On Demand object as a source of pieces: count_pieces must have counted
// it (the count is passed in) and the object been reset since. Walks the
// object once; the first error stops the walk and is kept in *error.
template <schema S>
class ondemand_source {
 public:
  ondemand_source(simdjson::ondemand::object& object, std::size_t count, simdjson::error_code& error) noexcept
      : object_(&object), count_(count), error_(&error) {}

  [[nodiscard]] bool has_more_than(std::size_t limit) const noexcept { return count_ > limit; }

  template <class F>
  void for_each(F&& f) const {
    *error_ = walk(f);
  }

 private:
  template <class F>
  simdjson::error_code walk(F& f) const {
    namespace od = simdjson::ondemand;
    for (auto member : *object_) {
      od::field field;
      if (const auto e = std::move(member).get(field)) return e;
      std::string_view key;
      if (const auto e = field.unescaped_key().get(key)) return e;
      const detail::group* g = detail::find_group<S>(key);
      od::json_type t{};
      if (const auto e = field.value().type().get(t)) return e;
      if (g != nullptr && t == od::json_type::array) {
        if (const auto e = walk_group(f, *g, field.value())) return e;
        continue;
      }
      if (g != nullptr && t != od::json_type::null) {
        f(detail::make_piece(key, {}, value_type::container));
        continue;
      }
      piece p;
      bool present = false;
      if (const auto e = detail::value_piece(key, field.value(), p, present)) return e;
      if (present) f(p);
    }
    return simdjson::SUCCESS;
  }

  template <class F>
  simdjson::error_code walk_group(F& f, const detail::group& g, simdjson::ondemand::value& array) const {
    namespace od = simdjson::ondemand;
    od::array elements;
    if (const auto e = array.get_array().get(elements)) return e;
    std::uint32_t n = 0;
    for (auto element : elements) {
      od::value v;
      if (const auto e = std::move(element).get(v)) return e;
      if (n != ~std::uint32_t{0}) ++n;
      od::json_type t{};
      if (const auto e = v.type().get(t)) return e;
      if (t == od::json_type::null) {
        bool is_null = false;
        if (const auto e = v.is_null().get(is_null)) return e;
        if (!is_null) return simdjson::N_ATOM_ERROR;
        continue;
      }
      if (n > g.max_index || t != od::json_type::object) {
        f(detail::element_piece(g, n, n > g.max_index));
        continue;
      }
      od::object members;
      if (const auto e = v.get_object().get(members)) return e;
      for (auto m : members) {
        od::field mf;
        if (const auto e = std::move(m).get(mf)) return e;
        std::string_view name;
        if (const auto e = mf.unescaped_key().get(name)) return e;
        piece p;
        bool present = false;
        if (const auto e = detail::value_piece(name, mf.value(), p, present)) return e;
        if (present) f(detail::in_group(p, g, n));
      }
    }
    return simdjson::SUCCESS;
  }

  simdjson::ondemand::object* object_;
  std::size_t count_;
  simdjson::error_code* error_;
};

namespace detail {

// Validates an On Demand object: counts, resets, walks.
template <schema S, bool Response, violation_sink Sink>
[[nodiscard]] simdjson::error_code validate_object(od::object& object, Sink& sink, const options& opt) noexcept {
  std::size_t count = 0;
  if (const auto e = count_pieces<S>(object, count)) return e;
  if (const auto e = object.reset().error()) return e;
  simdjson::error_code error = simdjson::SUCCESS;
  const ondemand_source<S> all{object, count, error};
  if constexpr (Response) {
    snapcheck::validate<S>(known_only<S, ondemand_source<S>>{all}, sink, opt);
  } else {
    snapcheck::validate<S>(all, sink, opt);
  }
  return error;
}

// A document, value or object: not an object is one request-level
// wrong_type. (simdjson 3.0's document has no at_end(): text after the
// object is not looked at.)
template <schema S, bool Response, class V, violation_sink Sink>
[[nodiscard]] simdjson::error_code validate_ondemand(V& v, Sink& sink, const options& opt) noexcept {
  if constexpr (std::is_same_v<V, od::object>) {
    return validate_object<S, Response>(v, sink, opt);
  } else {
    od::json_type t{};
    if (const auto e = v.type().get(t)) return e;
    if (t != od::json_type::object) {
      sink.add({.code = code::wrong_type, .api_code = S::codes.parameter});
      return simdjson::SUCCESS;
    }
    od::object object;
    if (const auto e = v.get_object().get(object)) return e;
    return validate_object<S, Response>(object, sink, opt);
  }
}

template <class V>
concept ondemand_input = std::is_same_v<V, od::document> || std::is_same_v<V, od::value> || std::is_same_v<V, od::object>;

template <schema S, bool Response, class V>
[[nodiscard]] result ondemand_result(V& v, const options& opt, simdjson::error_code* error) noexcept {
  result r(opt.max_violations);
  const simdjson::error_code e = validate_ondemand<S, Response>(v, r, opt);
  if (error != nullptr) *error = e;
  if (e != simdjson::SUCCESS) {  // not a JSON object after all: what was found is moot
    r = result(opt.max_violations);
    r.add({.code = code::wrong_type, .api_code = S::codes.parameter});
  }
  return r;
}

}  // namespace detail

// Validates an On Demand document, value or object against schema S,
// reporting to sink; returns simdjson's error when the text turned out
// malformed during the walk (then what was reported is incomplete).
template <schema S = apis::create_snapshot, class V, violation_sink Sink>
  requires detail::ondemand_input<V>
[[nodiscard]] simdjson::error_code validate_into(V& v, Sink& sink, const options& opt = {}) noexcept {
  return detail::validate_ondemand<S, false>(v, sink, opt);
}

// Returns the violations of an On Demand document, value or object; a text
// found malformed during the walk is one request-level wrong_type, and its
// error is stored in *error when error is not null.
template <schema S = apis::create_snapshot, class V>
  requires detail::ondemand_input<V>
[[nodiscard]] result validate(V& v, const options& opt = {}, simdjson::error_code* error = nullptr) noexcept {
  return detail::ondemand_result<S, false>(v, opt, error);
}

// Validates a success response body (SPEC §7) against response schema R.
template <schema R = apis::create_snapshot_response, class V>
  requires detail::ondemand_input<V>
[[nodiscard]] result validate_response(V& v, const options& opt = {}, simdjson::error_code* error = nullptr) noexcept {
  return detail::ondemand_result<R, true>(v, opt, error);
}

}  // namespace snapcheck::json

#endif

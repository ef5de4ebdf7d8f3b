// What the engine reads: pieces, one (name, value) parameter each, from a
// source. A new input form is a new source (sources/, json/), never an
// engine change.
#ifndef SNAPCHECK_ENGINE_SOURCE_HPP
#define SNAPCHECK_ENGINE_SOURCE_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>

#include "../core/string_view.hpp"
#include "../encoding/text.hpp"

namespace snapcheck {

// What a piece's value is. Form bodies and parameter lists give only text;
// JSON values may be numbers or other types (SPEC §11).
enum class value_type : std::uint8_t {
  text,       // value, in its encoding
  integer,    // a whole number: magnitude and negative
  other,      // any other type: wrong_type on a known field
  container,  // a member that should be a container of parameters (a Tag
              // array) and is not: wrong_type on the name itself
};

// One (name, value) parameter as a source yields it: views of the caller's
// input and how their bytes are encoded (JSON strings arrive decoded). A
// member of an array element (JSON's "Tag": [{"Key": …}]) names its
// parameter in three parts: group "Tag", group_index N, name "Key", which
// the engine reads as "Tag.N.Key".
struct piece {
  string_view name;
  string_view value;
  snapcheck::encoding encoding = encoding::decoded;
  value_type type = value_type::text;
  std::uint64_t magnitude = 0;  // of an integer
  bool negative = false;        // of an integer
  string_view group{};
  std::uint32_t group_index = 0;
};

// A source: something that yields pieces, in input order.
//
// Lifetime: the bytes a piece views must stay unchanged until validate()
// returns, since the engine compares a later value with an earlier one
// (duplicates, duplicate tag keys) at the end; and a result keeps views of
// unknown names, so those must live as long as the result is read.
template <class S>
concept piece_source = requires(const S& s, std::size_t limit, void (*f)(const piece&)) {
  { s.has_more_than(limit) } -> std::convertible_to<bool>;
  s.for_each(f);
};

// A source that yields only text pieces with plain names says so with
// `static constexpr bool text_only = true;` (form bodies, parameter lists):
// the engine then leaves out the ways of typed values and names in parts.
template <class S>
inline constexpr bool text_only_source = [] {
  if constexpr (requires { S::text_only; }) return S::text_only;
  else return false;
}();

}  // namespace snapcheck

#endif

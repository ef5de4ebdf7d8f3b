// What the engine reads: pieces, one (name, value) parameter each, from a
// source. A new input form is a new source (sources/, json/), never an
// engine change.
#ifndef SNAPCHECK_ENGINE_SOURCE_HPP
#define SNAPCHECK_ENGINE_SOURCE_HPP

#include <concepts>
#include <cstddef>

#include "../core/string_view.hpp"
#include "../encoding/text.hpp"

namespace snapcheck {

// One (name, value) parameter as a source yields it: views of the caller's
// input and how their bytes are encoded (JSON strings arrive decoded).
struct piece {
  string_view name;
  string_view value;
  snapcheck::encoding encoding = encoding::decoded;
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

}  // namespace snapcheck

#endif

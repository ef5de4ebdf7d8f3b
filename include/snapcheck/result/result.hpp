// The default sink: a fixed-capacity list of violations that says when it
// was truncated, and whether the request is ok counting every violation found.
#ifndef SNAPCHECK_RESULT_RESULT_HPP
#define SNAPCHECK_RESULT_RESULT_HPP

#include <cstddef>
#include <type_traits>
// std::construct_at is declared in <memory>, the costliest header to parse
// of all the library would need (0.1 s a translation unit); libstdc++ keeps
// it in a small internal header, taken when there is one.
#if __has_include(<bits/stl_construct.h>)
#include <bits/stl_construct.h>
#else
#include <memory>
#endif

#include "../core/span.hpp"
#include "violation.hpp"

namespace snapcheck {

// A sink receives every violation the engine finds, in report order.
template <class S>
concept violation_sink = requires(S& s, const violation& v) {
  s.add(v);
  { s.accepts_more() } -> std::convertible_to<bool>;
};

template <std::size_t Capacity>
class basic_result {
  static_assert(Capacity > 0, "snapcheck: a result needs room for at least one violation");

 public:
  // Keeps at most min(keep, Capacity) violations.
  constexpr explicit basic_result(std::size_t keep = Capacity) noexcept
      : keep_(keep < Capacity ? keep : Capacity) {
    // At run time the storage stays uninitialised until a violation is kept,
    // so a valid request costs nothing here; a constant expression needs
    // live objects, so there the whole array is constructed up front.
    if (std::is_constant_evaluated()) std::construct_at(&store_.all);
  }

  // Returns true when no error was found (warnings allowed), kept or not.
  [[nodiscard]] constexpr bool ok() const noexcept { return errors_ == 0; }
  // Returns true when more violations were found than were kept.
  [[nodiscard]] constexpr bool truncated() const noexcept { return found_ > size_; }
  // Returns the kept violations, in report order: a view into this result.
  [[nodiscard]] constexpr span<const violation> violations() const& noexcept {
    return {store_.all.kept, size_};
  }
  // Deleted on a temporary result: the span would outlive it, as in
  // `for (auto& v : validate_form(body).violations())`. Keep the result in a
  // variable first.
  span<const violation> violations() && = delete;
  span<const violation> violations() const&& = delete;
  // Returns how many violations were found, kept or not.
  [[nodiscard]] constexpr std::size_t found() const noexcept { return found_; }
  // Returns how many errors were found, kept or not.
  [[nodiscard]] constexpr std::size_t errors() const noexcept { return errors_; }
  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }

  // Sink interface. Keeps violations in position order: the engine reports
  // cross-field violations last, and they move back to their parameter here
  // (after any kept violation of the same position), dropping the last kept
  // one when full. At most one shift of the array per late violation.
  constexpr void add(const violation& v) noexcept {
    ++found_;
    if (v.is_error()) ++errors_;
    std::size_t at = size_;
    while (at > 0 && store_.all.kept[at - 1].position > v.position) --at;
    if (at >= keep_) return;
    if (size_ < keep_) {
      ++size_;
      if (at == size_ - 1) return place(at, v);  // in order: written once, where it belongs
      place(size_ - 1, store_.all.kept[size_ - 2]);
    }
    for (std::size_t i = size_ - 1; i > at; --i) store_.all.kept[i] = store_.all.kept[i - 1];
    store_.all.kept[at] = v;
  }
  [[nodiscard]] constexpr bool accepts_more() const noexcept { return size_ < keep_; }

 private:
  static_assert(std::is_trivially_copyable_v<violation> && std::is_trivially_destructible_v<violation>);
  struct items {
    violation kept[Capacity];
  };
  union storage {
    constexpr storage() noexcept : none() {}
    char none;
    items all;
  } store_;
  // Starts the lifetime of kept[i] as a copy of v (at run time the storage
  // is raw memory there; in a constant expression it is already live).
  constexpr void place(std::size_t i, const violation& v) noexcept {
    if (std::is_constant_evaluated()) store_.all.kept[i] = v;
    else std::construct_at(store_.all.kept + i, v);
  }

  std::size_t keep_;
  std::size_t size_ = 0;
  std::size_t found_ = 0;
  std::size_t errors_ = 0;
};

// What validate_form and validate_params return: room for 64 violations.
using result = basic_result<64>;

}  // namespace snapcheck

#endif

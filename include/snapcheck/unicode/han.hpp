// "Chinese character" (SPEC §1): Unified_Ideograph=Yes from the generated
// table, or, as an option, the narrower U+4E00–U+9FA5 that many servers use.
#ifndef SNAPCHECK_UNICODE_HAN_HPP
#define SNAPCHECK_UNICODE_HAN_HPP

#include <cstdint>

#include "han_table.hpp"

namespace snapcheck::unicode {

enum class han_set : std::uint8_t {
  unicode,  // Unified_Ideograph=Yes (Unicode 17.0), the default
  basic,    // U+4E00–U+9FA5 only: the common server regex [\u4e00-\u9fa5]
};

// Returns true when cp is a Chinese character in the given set.
[[nodiscard]] constexpr bool is_han(char32_t cp, han_set set = han_set::unicode) noexcept {
  if (set == han_set::basic) return cp >= 0x4E00 && cp <= 0x9FA5;
  if (cp < detail::han_ranges[0].first) return false;  // every ASCII and Latin text
  for (const auto& r : detail::han_ranges) {
    if (cp < r.first) return false;  // sorted: no later range can hold it
    if (cp <= r.last) return true;
  }
  return false;
}

}  // namespace snapcheck::unicode

#endif

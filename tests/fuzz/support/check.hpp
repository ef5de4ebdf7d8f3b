// FUZZ_CHECK: the oracles' assertion. A failed check prints what failed and
// the input in hex (so that a report can quote it), then aborts: libFuzzer
// saves the input as a crash artifact, and the corpus replay fails.
#ifndef SNAPCHECK_FUZZ_SUPPORT_CHECK_HPP
#define SNAPCHECK_FUZZ_SUPPORT_CHECK_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

// The input being tested, for failure reports.
inline const std::uint8_t* current_data = nullptr;
inline std::size_t current_size = 0;

inline void set_input(const std::uint8_t* data, std::size_t size) noexcept {
  current_data = data;
  current_size = size;
}

[[noreturn]] inline void fail(const char* file, int line, const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n==== snapcheck fuzz oracle failed ====\n%s:%d: %s\n", file, line, what);
  if (!detail.empty()) std::fprintf(stderr, "%s\n", detail.c_str());
  std::fprintf(stderr, "input (%zu bytes, hex): ", current_size);
  const std::size_t shown = current_size < 4096 ? current_size : 4096;
  for (std::size_t i = 0; i < shown; ++i) std::fprintf(stderr, "%02x", current_data[i]);
  std::fprintf(stderr, "%s\n", shown < current_size ? "..." : "");
  std::fflush(stderr);
  std::abort();
}

// Renders bytes for a message: printable ASCII as is, anything else as \xHH.
inline std::string printable(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(ch);
    } else {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace fuzz

#define FUZZ_CHECK(cond, detail)                                        \
  do {                                                                  \
    if (!(cond)) ::fuzz::fail(__FILE__, __LINE__, #cond, (detail));     \
  } while (false)

#endif

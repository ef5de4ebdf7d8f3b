// The client-side encoder (SPEC §10): parameters written as
// application/x-www-form-urlencoded exactly as Alibaba Cloud's RPC signer
// writes them. Bytes of A-Z a-z 0-9 - . _ ~ stay as they are; every other
// byte is %HH with upper-case hex (a space is %20, never '+'). Output goes
// into a caller's buffer; the return value is always the full size, so a
// call with a null buffer and a capacity of 0 is the size query. Nothing
// allocates and everything is constexpr.
//
// This header needs only core/; the typed request's encoder is in
// client/request.hpp, the std::string helpers in strings.hpp.
#ifndef SNAPCHECK_CLIENT_ENCODE_HPP
#define SNAPCHECK_CLIENT_ENCODE_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/span.hpp"
#include "../core/string_view.hpp"

namespace snapcheck {

// One decoded parameter: its name and value as bytes, before encoding.
struct param {
  string_view name;
  string_view value;
};

// The order in which parameters are written.
enum class param_order : std::uint8_t {
  table,   // as given (for a typed request: the table's order, tags last)
  sorted,  // byte-wise by encoded name, as RPC signature v1 canonicalizes;
           // parameters with the same encoded name keep their order
};

struct encode_options {
  param_order order = param_order::table;
  // More parameters to write with a typed request's members (the common
  // ones: Action, Version, Timestamp, ...): after the members in table
  // order, merged among them in sorted order.
  span<const param> extra{};
};

namespace detail {

// 1 for the bytes an RPC signer leaves as they are (RFC 3986 unreserved).
inline constexpr auto unreserved_byte = [] {
  array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    t[c] = keep ? 1 : 0;
  }
  return t;
}();

inline constexpr char upper_hex[] = "0123456789ABCDEF";

// Each byte as written: itself, or "%HH"; padded to four bytes.
struct escaped {
  char text[4];
  std::size_t size;
};
inline constexpr auto escape_table = [] {
  array<escaped, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) {
    if (unreserved_byte[c] != 0) {
      t[c] = {{static_cast<char>(c), 0, 0, 0}, 1};
    } else {
      t[c] = {{'%', upper_hex[c >> 4], upper_hex[c & 15], 0}, 3};
    }
  }
  return t;
}();

// Writes into [out, out + cap) and counts every byte, written or not: once
// a byte does not fit, nothing more is written, but the count goes on, so
// the count is the size the whole output needs.
class bounded_writer {
 public:
  constexpr bounded_writer(char* out, std::size_t cap) noexcept : out_(out), cap_(out == nullptr ? 0 : cap) {}

  [[nodiscard]] constexpr std::size_t size() const noexcept { return n_; }

  constexpr void put(char c) noexcept {
    if (n_ < cap_) out_[n_] = c;
    ++n_;
  }

  // Writes s percent-encoded.
  constexpr void component(string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t size = s.size();
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    // When the worst case (every byte "%HH") fits, nothing needs a capacity
    // check: 16 unreserved bytes are copied at once, and any other byte is
    // written branch-free as the four bytes of its table entry ("%HH" or the
    // byte and padding), of which the next write keeps 3 or 1. The padding
    // of byte k lies before where byte k + 3 is written, so the last three
    // bytes are written exactly and nothing past the output is touched.
    if (!std::is_constant_evaluated() && n_ <= cap_ && size <= (cap_ - n_) / 3) {
      using bytes16 = signed char __attribute__((vector_size(16)));
      using chars16 = char __attribute__((vector_size(16)));
      char* o = out_ + n_;
      const char* p = s.data();
      const char* const end = p + size;
      const char* const padded_end = end - (size < 3 ? size : 3);
      const auto one = [&](unsigned char c) {
        __builtin_memcpy(o, escape_table[c].text, 4);
        o += escape_table[c].size;
      };
      for (; padded_end - p >= 16; p += 16) {
        bytes16 v;
        __builtin_memcpy(&v, p, 16);
        const bytes16 lower = v | 0x20;
        const bytes16 keep = ((lower >= 'a') & (lower <= 'z')) | ((v >= '0') & (v <= '9')) |
                             ((v >= '-') & (v <= '.')) | (v == '_') | (v == '~');
        if (__builtin_ia32_pmovmskb128(reinterpret_cast<chars16>(keep)) == 0xFFFF) {
          __builtin_memcpy(o, p, 16);
          o += 16;
        } else {
          for (int k = 0; k < 16; ++k) one(static_cast<unsigned char>(p[k]));
        }
      }
      for (; p != padded_end; ++p) one(static_cast<unsigned char>(*p));
      for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (unreserved_byte[c] != 0) {
          *o++ = static_cast<char>(c);
        } else {
          o[0] = '%';
          o[1] = upper_hex[c >> 4];
          o[2] = upper_hex[c & 15];
          o += 3;
        }
      }
      n_ = static_cast<std::size_t>(o - out_);
      return;
    }
#endif
    for (; i < size; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (unreserved_byte[c] != 0) {
        put(static_cast<char>(c));
      } else {
        put('%');
        put(upper_hex[c >> 4]);
        put(upper_hex[c & 15]);
      }
    }
  }

  // Writes text that needs no encoding (known to hold unreserved bytes only).
  constexpr void verbatim(string_view s) noexcept {
    if (!std::is_constant_evaluated() && n_ <= cap_ && s.size() <= cap_ - n_) {
      __builtin_memcpy(out_ + n_, s.data(), s.size());
      n_ += s.size();
      return;
    }
    for (const char c : s) put(c);
  }

  // Writes "name=value", preceded by '&' unless it is the first pair; a
  // name_is_plain name is known to need no encoding.
  constexpr void pair(string_view name, string_view value, bool name_is_plain = false) noexcept {
    if (pairs_++ != 0) put('&');
    if (name_is_plain) verbatim(name);
    else component(name);
    put('=');
    component(value);
  }

 private:
  char* out_;
  std::size_t cap_;
  std::size_t n_ = 0;
  std::size_t pairs_ = 0;
};

// Reads a text as its encoding, one output byte at a time (-1 at the end),
// so that encoded names compare without being written anywhere.
struct encoded_reader {
  string_view s;
  std::size_t i = 0;
  unsigned sub = 0;  // within "%HH": 0, 1 or 2

  constexpr int next() noexcept {
    if (i == s.size()) return -1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (unreserved_byte[c] != 0) {
      ++i;
      return c;
    }
    const int out = sub == 0 ? '%' : sub == 1 ? upper_hex[c >> 4] : upper_hex[c & 15];
    if (++sub == 3) {
      sub = 0;
      ++i;
    }
    return out;
  }
};

}  // namespace detail

// Compares the encodings of a and b byte-wise (negative, 0 or positive): the
// order of signature v1's canonicalized query. Not the order of a and b
// themselves: '%' (0x25) sorts before every unreserved byte.
[[nodiscard]] constexpr int compare_encoded(string_view a, string_view b) noexcept {
  detail::encoded_reader x{a};
  detail::encoded_reader y{b};
  for (;;) {
    const int p = x.next();
    const int q = y.next();
    if (p != q) return p < q ? -1 : 1;
    if (p < 0) return 0;
  }
}

// Returns the size of s percent-encoded.
[[nodiscard]] constexpr std::size_t encoded_size(string_view s) noexcept {
  std::size_t n = s.size();
  for (const char c : s) n += detail::unreserved_byte[static_cast<unsigned char>(c)] != 0 ? 0u : 2u;
  return n;
}

// Percent-encodes s into [out, out + cap); returns the encoded size (when
// it is more than cap, the output is cut there).
constexpr std::size_t encode_component(string_view s, char* out, std::size_t cap) noexcept {
  detail::bounded_writer w(out, cap);
  w.component(s);
  return w.size();
}

namespace detail {

// Calls emit(i) for the indices of ps in the order asked. Sorted: the
// least (encoded name, index) after the last one emitted, each time, so
// quadratic in ps.size(), with no storage (signature v1 requests hold a
// few dozen parameters).
template <class F>
constexpr void for_each_in_order(span<const param> ps, param_order order, F&& emit) {
  const std::size_t n = ps.size();
  if (order == param_order::table) {
    for (std::size_t i = 0; i < n; ++i) emit(i);
    return;
  }
  std::size_t last = n;  // none yet
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (last != n) {  // only those after the last emitted
        const int c = compare_encoded(ps[i].name, ps[last].name);
        if (c < 0 || (c == 0 && i <= last)) continue;
      }
      if (best != n) {
        const int c = compare_encoded(ps[i].name, ps[best].name);
        if (c > 0 || (c == 0 && i > best)) continue;
      }
      best = i;
    }
    emit(best);
    last = best;
  }
}

}  // namespace detail

// Writes params as a form body (name=value pairs joined by '&') into
// [out, out + cap) in the order asked; returns the body's full size. When
// that is more than cap, the output is cut at cap: call again with a bigger
// buffer (or first with (nullptr, 0) to learn the size).
constexpr std::size_t encode_params(span<const param> params, char* out, std::size_t cap,
                                    param_order order = param_order::table) noexcept {
  detail::bounded_writer w(out, cap);
  detail::for_each_in_order(params, order, [&](std::size_t i) { w.pair(params[i].name, params[i].value); });
  return w.size();
}

}  // namespace snapcheck

#endif

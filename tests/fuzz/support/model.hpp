// The oracles' own view of a request, written from SPEC.md §2 and sharing no
// code with include/: a form body split and percent-decoded, or a list of
// pairs taken as is; and strict UTF-8 helpers (Unicode Table 3-7).
#ifndef SNAPCHECK_FUZZ_SUPPORT_MODEL_HPP
#define SNAPCHECK_FUZZ_SUPPORT_MODEL_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuzz {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------- UTF-8

// Looks at the sequence at s[i]. Well formed: returns its length (1..4) and
// sets cp. Ill formed: returns -k, k >= 1 the length of its maximal subpart.
inline int utf8_step(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int trail = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  char32_t v = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trail = 1;
    v = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    trail = 2;
    v = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    trail = 3;
    v = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k <= trail; ++k) {
    const std::size_t at = i + static_cast<std::size_t>(k);
    if (at >= s.size()) return -k;
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < lo || b > hi) return -k;
    lo = 0x80;
    hi = 0xBF;
    v = (v << 6) | (b & 0x3Fu);
  }
  cp = v;
  return trail + 1;
}

// Returns the byte offset of the first ill-formed sequence, or npos.
inline std::size_t utf8_first_invalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_step(s, i, cp);
    if (n < 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return npos;
}

inline bool utf8_valid(std::string_view s) { return utf8_first_invalid(s) == npos; }

// Returns the code points of valid UTF-8 (stops at the first ill-formed byte).
inline std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_step(s, i, cp);
    if (n < 0) break;
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Returns s with each maximal ill-formed subpart replaced by U+FFFD.
inline std::string utf8_sanitize(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_step(s, i, cp);
    if (n > 0) {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    } else {
      out += "\xEF\xBF\xBD";
      i += static_cast<std::size_t>(-n);
    }
  }
  return out;
}

// ------------------------------------------------------------- names

// SPEC §3.2: the common parameters of the RPC protocol (known names).
inline constexpr std::string_view common_parameters[] = {
    "Action",         "Format",        "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
    "SignatureNonce", "SignatureType", "Timestamp",   "SecurityToken"};

// What SPEC §3 makes of a decoded, valid UTF-8 name.
struct name_class {
  enum kind { unknown, known, bad_tag_index } cls = unknown;
  std::string canonical;  // known: the field's name (Tag.N.Key, regionId, ...)
  bool alias = false;     // known: Tag.N.key / Tag.N.value (deprecated_name)
  bool sdk = false;       // known: RegionId / Version (§3.1, no violation)
  bool common = false;    // known: a common parameter (§3.2)
};

inline name_class classify_name(std::string_view name) {
  name_class c;
  for (std::string_view plain : {"regionId", "DiskId", "SnapshotName", "Description", "Category", "RetentionDays",
                                 "ClientToken", "version"})
    if (name == plain) {
      c.cls = name_class::known;
      c.canonical = std::string(plain);
      return c;
    }
  if (name == "RegionId" || name == "Version") {
    c.cls = name_class::known;
    c.canonical = name == "RegionId" ? "regionId" : "version";
    c.sdk = true;
    return c;
  }
  for (std::string_view common : common_parameters)
    if (name == common) {
      c.cls = name_class::known;
      c.canonical = std::string(common);
      c.common = true;
      return c;
    }
  if (name.substr(0, 4) != "Tag.") return c;
  const std::string_view rest = name.substr(4);
  const std::size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos) return c;
  const std::string_view n = rest.substr(0, dot);
  const std::string_view member = rest.substr(dot + 1);
  const bool key = member == "Key" || member == "key";
  if (!key && member != "Value" && member != "value") return c;
  bool canonical_n = !n.empty() && n.size() <= 2 && n[0] != '0';
  for (char ch : n) canonical_n = canonical_n && ch >= '0' && ch <= '9';
  if (canonical_n && n.size() == 2 && (n[0] > '2' || (n[0] == '2' && n[1] != '0'))) canonical_n = false;
  if (!canonical_n) {
    c.cls = name_class::bad_tag_index;
    return c;
  }
  c.cls = name_class::known;
  c.canonical = "Tag." + std::string(n) + (key ? ".Key" : ".Value");
  c.alias = member[0] == 'k' || member[0] == 'v';
  return c;
}

// ---------------------------------------------------------- form bodies

inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// SPEC §2.2: '+' is a space, %HH a byte, any other '%' an error (false).
inline bool form_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out.push_back(' ');
    } else if (in[i] == '%') {
      const int h = i + 1 < in.size() ? hex_digit(in[i + 1]) : -1;
      const int l = i + 2 < in.size() ? hex_digit(in[i + 2]) : -1;
      if (h < 0 || l < 0) return false;
      out.push_back(static_cast<char>(h * 16 + l));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return true;
}

// One parameter as the oracles see it.
struct param {
  std::string_view raw_name;   // as written (form) or as given (pairs)
  std::string_view raw_value;
  bool name_decoded = true;    // false: a bad '%' in the name
  bool value_decoded = true;   // false: a bad '%' in the value
  std::string name;            // decoded bytes (valid when name_decoded)
  std::string value;           // decoded bytes (valid when value_decoded)
};

// A request: its parameters in input order (non-empty segments of a body).
struct request {
  std::vector<param> params;
  bool form = false;  // a form body (names and values were percent-decoded)

  // True when nothing in the request has a bad '%' escape.
  [[nodiscard]] bool all_decoded() const {
    for (const param& p : params)
      if (!p.name_decoded || !p.value_decoded) return false;
    return true;
  }
  // The decoded (name, value) list; meaningful when all_decoded().
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> pairs() const {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(params.size());
    for (const param& p : params) out.emplace_back(p.name, p.value);
    return out;
  }
};

// SPEC §2.2: split on '&', skip empty segments, split at the first '='.
inline request split_form(std::string_view body) {
  request r;
  r.form = true;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = start;
    while (end < body.size() && body[end] != '&') ++end;
    if (end > start) {
      const std::string_view seg = body.substr(start, end - start);
      param p;
      std::size_t eq = 0;
      while (eq < seg.size() && seg[eq] != '=') ++eq;
      p.raw_name = seg.substr(0, eq);
      p.raw_value = eq < seg.size() ? seg.substr(eq + 1) : std::string_view{};
      p.name_decoded = form_decode(p.raw_name, p.name);
      p.value_decoded = form_decode(p.raw_value, p.value);
      r.params.push_back(std::move(p));
    }
    start = end + 1;
  }
  return r;
}

// SPEC §2.1: already-decoded pairs, taken as they are.
template <class Pairs>
request from_pairs(const Pairs& pairs) {
  request r;
  for (const auto& [n, v] : pairs) {
    param p;
    p.raw_name = n;
    p.raw_value = v;
    p.name.assign(n.data(), n.size());
    p.value.assign(v.data(), v.size());
    r.params.push_back(std::move(p));
  }
  return r;
}

}  // namespace fuzz

#endif

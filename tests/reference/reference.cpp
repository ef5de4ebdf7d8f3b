// Independent reference implementation of SPEC.md (version 2) §2.1, §2.2,
// §2.5, §3–§6.
// Written from the SPEC alone; deliberately simple and slow. See reference.hpp.
#include "reference.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace snapref {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 (Unicode Table 3-7, well-formed byte sequences)
// ---------------------------------------------------------------------------

// Looks at the sequence starting at s[i]. If it is well formed, returns its
// length (1..4) and stores the code point in cp. Otherwise returns -k, where k
// (>= 1) is the length of the maximal subpart of an ill-formed sequence
// starting at i (Unicode "substitution of maximal subparts").
int utf8_step(const std::string& s, std::size_t i, char32_t& cp) {
  const unsigned b0 = static_cast<unsigned char>(s[i]);
  if (b0 <= 0x7F) {
    cp = b0;
    return 1;
  }
  // ranges[j] = {low, high} for the (j+1)-th byte of the sequence
  unsigned lo[3] = {0x80, 0x80, 0x80};
  unsigned hi[3] = {0xBF, 0xBF, 0xBF};
  int trail = 0;
  char32_t value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trail = 1;
    value = b0 & 0x1F;
  } else if (b0 == 0xE0) {
    trail = 2;
    lo[0] = 0xA0;
    value = b0 & 0x0F;
  } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
    trail = 2;
    value = b0 & 0x0F;
  } else if (b0 == 0xED) {
    trail = 2;
    hi[0] = 0x9F;
    value = b0 & 0x0F;
  } else if (b0 == 0xF0) {
    trail = 3;
    lo[0] = 0x90;
    value = b0 & 0x07;
  } else if (b0 >= 0xF1 && b0 <= 0xF3) {
    trail = 3;
    value = b0 & 0x07;
  } else if (b0 == 0xF4) {
    trail = 3;
    hi[0] = 0x8F;
    value = b0 & 0x07;
  } else {
    return -1;  // 80..C1, F5..FF: never a lead byte
  }
  for (int j = 0; j < trail; ++j) {
    const std::size_t at = i + 1 + static_cast<std::size_t>(j);
    if (at >= s.size()) return -(1 + j);
    const unsigned b = static_cast<unsigned char>(s[at]);
    if (b < lo[j] || b > hi[j]) return -(1 + j);
    value = (value << 6) | (b & 0x3F);
  }
  cp = value;
  return 1 + trail;
}

// Strict decoding. Returns true and fills out, or false and sets bad_at to the
// byte offset where the first ill-formed sequence starts.
bool utf8_decode(const std::string& s, std::u32string& out, std::size_t& bad_at) {
  out.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_step(s, i, cp);
    if (n < 0) {
      bad_at = i;
      return false;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return true;
}

// Replaces each maximal subpart of an ill-formed sequence with U+FFFD.
std::string utf8_repair(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_step(s, i, cp);
    if (n > 0) {
      out.append(s, i, static_cast<std::size_t>(n));
      i += static_cast<std::size_t>(n);
    } else {
      out += "\xEF\xBF\xBD";
      i += static_cast<std::size_t>(-n);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Character classes (§1, §5)
// ---------------------------------------------------------------------------

struct range {
  char32_t lo, hi;
};

// SPEC §1: Unified_Ideograph=Yes, Unicode 17.0, exactly these 16 ranges.
const std::vector<range> unicode_han = {
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xFA0E, 0xFA0F},   {0xFA11, 0xFA11},
    {0xFA13, 0xFA14},   {0xFA1F, 0xFA1F},   {0xFA21, 0xFA21},   {0xFA23, 0xFA24},
    {0xFA27, 0xFA29},   {0x20000, 0x2A6DF}, {0x2A700, 0x2B81D}, {0x2B820, 0x2CEAD},
    {0x2CEB0, 0x2EBE0}, {0x2EBF0, 0x2EE5D}, {0x30000, 0x3134A}, {0x31350, 0x33479},
};

bool is_chinese(char32_t c, const options& opt) {
  if (opt.basic_han) return c >= 0x4E00 && c <= 0x9FA5;
  for (const range& r : unicode_han)
    if (c >= r.lo && c <= r.hi) return true;
  return false;
}

bool is_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// §5: C0 controls, DEL + C1 controls, bidi controls.
bool is_hardened_control(char32_t c) {
  if (c <= 0x1F) return true;
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c == 0x200E || c == 0x200F) return true;
  if (c >= 0x202A && c <= 0x202E) return true;
  if (c >= 0x2066 && c <= 0x2069) return true;
  return false;
}

char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

std::u32string widen_ascii(const std::string& a) { return std::u32string(a.begin(), a.end()); }

// Does s have `prefix` at position pos? prefix is ASCII.
bool match_at(const std::u32string& s, std::size_t pos, const std::string& prefix, bool case_insensitive) {
  if (pos + prefix.size() > s.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char32_t a = s[pos + k];
    char32_t b = static_cast<unsigned char>(prefix[k]);
    if (case_insensitive) {
      a = ascii_lower(a);
      b = ascii_lower(b);
    }
    if (a != b) return false;
  }
  return true;
}

bool starts_with_link(const std::u32string& s) {
  return match_at(s, 0, "http://", true) || match_at(s, 0, "https://", true);
}

// Character index of the earliest "http://" or "https://" (ASCII case-insensitive), or -1.
long long find_link(const std::u32string& s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (match_at(s, i, "http://", true) || match_at(s, i, "https://", true)) return static_cast<long long>(i);
  return -1;
}

// ---------------------------------------------------------------------------
// Names (§3)
// ---------------------------------------------------------------------------

enum class kind {
  regionId, DiskId, SnapshotName, Description, Category, RetentionDays, ClientToken, version, TagKey, TagValue,
  // §3.2: the common parameters.
  Action, Format, AccessKeyId, Signature, SignatureMethod, SignatureVersion, SignatureNonce, SignatureType,
  Timestamp, SecurityToken
};

std::string api_code_for(kind k) {
  switch (k) {
    case kind::SnapshotName: return "InvalidSnapshotName.Malformed";
    case kind::Description: return "InvalidDescription.Malformed";
    case kind::Category: return "InvalidSnapshotCategory.Malformed";
    case kind::RetentionDays: return "InvalidRetentionDays.Malformed";
    case kind::ClientToken: return "InvalidClientToken.Malformed";
    case kind::TagKey: return "InvalidTagKey.Malformed";
    case kind::TagValue: return "InvalidTagValue.Malformed";
    default: return "InvalidParameter";  // regionId, DiskId, version, the common parameters
  }
}

enum class name_class { known, bad_tag_index, unknown };

struct classified {
  name_class cls = name_class::unknown;
  kind k = kind::regionId;
  int n = 0;               // tag index for TagKey / TagValue
  bool alias = false;      // Tag.N.key / Tag.N.value
  bool tag_key = false;    // for bad_tag_index: a Key name (else a Value name)
  std::string canonical;   // name after alias folding (known only)
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "1".."20" exactly, canonical decimal.
int tag_index(const std::string& n) {
  static const std::vector<std::string> allowed = {"1",  "2",  "3",  "4",  "5",  "6",  "7",
                                                   "8",  "9",  "10", "11", "12", "13", "14",
                                                   "15", "16", "17", "18", "19", "20"};
  for (std::size_t i = 0; i < allowed.size(); ++i)
    if (allowed[i] == n) return static_cast<int>(i) + 1;
  return 0;
}

// name: decoded, valid UTF-8.
classified classify(const std::string& name) {
  classified c;
  static const std::vector<std::pair<std::string, kind>> simple = {
      {"regionId", kind::regionId},       {"DiskId", kind::DiskId},
      {"SnapshotName", kind::SnapshotName}, {"Description", kind::Description},
      {"Category", kind::Category},       {"RetentionDays", kind::RetentionDays},
      {"ClientToken", kind::ClientToken}, {"version", kind::version},
      // §3.2: the common parameters.
      {"Action", kind::Action},           {"Format", kind::Format},
      {"AccessKeyId", kind::AccessKeyId}, {"Signature", kind::Signature},
      {"SignatureMethod", kind::SignatureMethod}, {"SignatureVersion", kind::SignatureVersion},
      {"SignatureNonce", kind::SignatureNonce},   {"SignatureType", kind::SignatureType},
      {"Timestamp", kind::Timestamp},     {"SecurityToken", kind::SecurityToken},
  };
  for (const auto& [text, k] : simple) {
    if (name == text) {
      c.cls = name_class::known;
      c.k = k;
      c.canonical = text;
      return c;
    }
  }
  // §3.1: the SDKs' spellings, the same fields, no violation.
  if (name == "RegionId" || name == "Version") {
    c.cls = name_class::known;
    c.k = name == "RegionId" ? kind::regionId : kind::version;
    c.canonical = name == "RegionId" ? "regionId" : "version";
    return c;
  }
  const std::string head = "Tag.";
  if (name.compare(0, head.size(), head) != 0) return c;  // unknown
  struct shape {
    std::string suffix;
    bool key, alias;
  };
  static const std::vector<shape> shapes = {
      {".Key", true, false}, {".Value", false, false}, {".key", true, true}, {".value", false, true}};
  for (const shape& sh : shapes) {
    if (name.size() < head.size() + sh.suffix.size()) continue;
    if (!ends_with(name, sh.suffix)) continue;
    const std::string n = name.substr(head.size(), name.size() - head.size() - sh.suffix.size());
    const int idx = tag_index(n);
    if (idx == 0) {
      c.cls = name_class::bad_tag_index;
      c.tag_key = sh.key;
      return c;
    }
    c.cls = name_class::known;
    c.k = sh.key ? kind::TagKey : kind::TagValue;
    c.n = idx;
    c.alias = sh.alias;
    c.canonical = "Tag." + n + (sh.key ? ".Key" : ".Value");
    return c;
  }
  return c;  // starts with "Tag." but not the shape: unknown
}

// ---------------------------------------------------------------------------
// Violations
// ---------------------------------------------------------------------------

violation make(const std::string& field, const std::string& code, const std::string& severity,
               const std::string& api) {
  violation v;
  v.field = field;
  v.code = code;
  v.severity = severity;
  v.api_code = api;
  return v;
}

violation error_at(const std::string& field, const std::string& code, kind k, long long at) {
  violation v = make(field, code, "error", api_code_for(k));
  v.at = at;
  return v;
}

violation length_error(const std::string& field, const std::string& code, kind k, std::size_t length,
                       long long limit) {
  violation v = make(field, code, "error", api_code_for(k));
  v.length = static_cast<long long>(length);
  v.limit = limit;
  return v;
}

violation plain_error(const std::string& field, const std::string& code, kind k) {
  return make(field, code, "error", api_code_for(k));
}

// Length rule: min..max characters (too_short / too_long with length and limit).
void check_length(const std::string& field, kind k, const std::u32string& s, std::size_t min, std::size_t max,
                  std::vector<violation>& out) {
  if (s.size() < min) out.push_back(length_error(field, "too_short", k, s.size(), static_cast<long long>(min)));
  if (s.size() > max) out.push_back(length_error(field, "too_long", k, s.size(), static_cast<long long>(max)));
}

// First character index for which bad(c) holds, starting at `from`, or -1.
template <class Pred>
long long first_offender(const std::u32string& s, std::size_t from, Pred bad) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (bad(s[i])) return static_cast<long long>(i);
  return -1;
}

void check_controls(const std::string& field, kind k, const std::u32string& s, const options& opt,
                    std::vector<violation>& out) {
  if (!opt.hardened) return;
  const long long at = first_offender(s, 0, is_hardened_control);
  if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// §5: YYYY-MM-DD, a real calendar date, year 0001..9999.
bool is_real_date(const std::u32string& s) {
  if (s.size() != 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return false;
    } else if (!is_digit(s[i])) {
      return false;
    }
  }
  auto num = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + static_cast<int>(s[i] - '0');
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 1 || y > 9999) return false;
  if (m < 1 || m > 12) return false;
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim = days[m - 1];
  if (m == 2 && is_leap(y)) dim = 29;
  return d >= 1 && d <= dim;
}

// §3.2: YYYY-MM-DDThh:mm:ssZ, a real date (as is_real_date), hh 00-23,
// mm 00-59, ss 00-59.
bool is_timestamp(const std::u32string& s) {
  if (s.size() != 20) return false;
  if (!is_real_date(s.substr(0, 10))) return false;
  if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
  static constexpr std::size_t digits[] = {11, 12, 14, 15, 17, 18};
  for (const std::size_t i : digits)
    if (!is_digit(s[i])) return false;
  const auto two = [&](std::size_t at) { return static_cast<int>(s[at] - '0') * 10 + static_cast<int>(s[at + 1] - '0'); };
  return two(11) <= 23 && two(14) <= 59 && two(17) <= 59;
}

// §3.2: at most `max` characters, visible ASCII only.
void check_visible_ascii(const std::string& field, kind k, const std::u32string& s, std::size_t max,
                         std::vector<violation>& out) {
  check_length(field, k, s, 0, max, out);
  const long long at = first_offender(s, 0, [](char32_t c) { return c < 0x21 || c > 0x7E; });
  if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
}

// Compares a string of ASCII digits (any length, leading zeros allowed) with a
// small bound, without overflow: returns -1, 0, 1.
int compare_digits(const std::u32string& digits, long long bound) {
  std::size_t i = 0;
  while (i < digits.size() && digits[i] == '0') ++i;
  const std::u32string sig = digits.substr(i);
  const std::u32string b = widen_ascii(std::to_string(bound));
  if (sig.size() != b.size()) return sig.size() < b.size() ? -1 : 1;
  if (sig == b) return 0;
  return sig < b ? -1 : 1;  // same length, digit-wise lexicographic = numeric
}

// The rules of one field (§4, §5) on a decoded, valid-UTF-8 value of the first
// occurrence. Empty values of optional non-tag fields and of regionId/DiskId are
// handled by the caller.
void check_value(kind k, const std::string& field, const std::u32string& s, const options& opt,
                 std::vector<violation>& out) {
  switch (k) {
    case kind::regionId: {
      if (!opt.hardened) return;
      check_length(field, k, s, 1, 64, out);
      const long long at = first_offender(s, 0, [](char32_t c) {
        return !((c >= 'a' && c <= 'z') || is_digit(c) || c == '-');
      });
      if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
      return;
    }
    case kind::DiskId: {
      if (!opt.hardened) return;
      check_length(field, k, s, 1, 64, out);
      const long long at = first_offender(s, 0, [](char32_t c) {
        return !(is_letter(c) || is_digit(c) || c == '_' || c == '-');
      });
      if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
      return;
    }
    case kind::SnapshotName: {
      check_length(field, k, s, 2, 128, out);
      if (!s.empty() && !(is_letter(s[0]) || is_chinese(s[0], opt)))
        out.push_back(error_at(field, "bad_start", k, 0));
      const long long at = first_offender(s, 1, [&](char32_t c) {
        return !(is_letter(c) || is_digit(c) || c == ':' || c == '_' || c == '-' || is_chinese(c, opt));
      });
      if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
      if (starts_with_link(s) || match_at(s, 0, "auto", false))
        out.push_back(plain_error(field, "reserved_prefix", k));
      return;
    }
    case kind::Description: {
      check_length(field, k, s, 2, 256, out);
      check_controls(field, k, s, opt, out);
      if (starts_with_link(s)) out.push_back(plain_error(field, "reserved_prefix", k));
      return;
    }
    case kind::Category: {
      if (s != U"Standard" && s != U"Flash") out.push_back(plain_error(field, "not_in_enum", k));
      return;
    }
    case kind::RetentionDays: {
      bool digits = !s.empty();
      for (char32_t c : s)
        if (!is_digit(c)) digits = false;
      if (!digits) {
        out.push_back(plain_error(field, "not_integer", k));
        return;
      }
      if (compare_digits(s, 1) < 0) {
        violation v = plain_error(field, "out_of_range", k);
        v.limit = 1;
        out.push_back(v);
      } else if (compare_digits(s, 65536) > 0) {
        violation v = plain_error(field, "out_of_range", k);
        v.limit = 65536;
        out.push_back(v);
      }
      return;
    }
    case kind::ClientToken: {
      check_length(field, k, s, 0, 64, out);
      long long at;
      if (opt.hardened)
        at = first_offender(s, 0, [](char32_t c) { return c < 0x21 || c > 0x7E; });
      else
        at = first_offender(s, 0, [](char32_t c) { return c > 0x7F; });
      if (at >= 0) out.push_back(error_at(field, "bad_char", k, at));
      return;
    }
    case kind::version: {
      if (opt.hardened && !is_real_date(s)) out.push_back(plain_error(field, "bad_format", k));
      return;
    }
    case kind::TagKey: {
      check_length(field, k, s, 1, 128, out);
      check_controls(field, k, s, opt, out);
      if (match_at(s, 0, "aliyun", false) || match_at(s, 0, "acs:", false))
        out.push_back(plain_error(field, "reserved_prefix", k));
      const long long at = find_link(s);
      if (at >= 0) out.push_back(error_at(field, "forbidden_substring", k, at));
      return;
    }
    case kind::Action:
    case kind::Format:
    case kind::SignatureMethod:
    case kind::SignatureVersion: {
      if (!opt.hardened) return;
      bool in = false;
      if (k == kind::Action) in = s == U"CreateSnapshot";
      if (k == kind::SignatureMethod) in = s == U"HMAC-SHA1";
      if (k == kind::SignatureVersion) in = s == U"1.0";
      if (k == kind::Format) {
        std::u32string lower;
        for (char32_t c : s) lower.push_back(ascii_lower(c));
        in = lower == U"json" || lower == U"xml";
      }
      if (!in) out.push_back(plain_error(field, "not_in_enum", k));
      return;
    }
    case kind::Timestamp: {
      if (opt.hardened && !is_timestamp(s)) out.push_back(plain_error(field, "bad_format", k));
      return;
    }
    case kind::AccessKeyId:
    case kind::Signature:
    case kind::SignatureNonce:
    case kind::SignatureType: {
      if (opt.hardened) check_visible_ascii(field, k, s, 256, out);
      return;
    }
    case kind::SecurityToken: {
      if (opt.hardened) check_visible_ascii(field, k, s, 8192, out);
      return;
    }
    case kind::TagValue: {
      check_length(field, k, s, 0, 128, out);
      check_controls(field, k, s, opt, out);
      if (match_at(s, 0, "acs:", false)) out.push_back(plain_error(field, "reserved_prefix", k));
      const long long at = find_link(s);
      if (at >= 0) out.push_back(error_at(field, "forbidden_substring", k, at));
      return;
    }
  }
}

// ---------------------------------------------------------------------------
// The request (§3, §6)
// ---------------------------------------------------------------------------

struct item {
  bool name_bad = false;   // badly percent-encoded name
  std::string raw_name;    // the name as written in the body (form only)
  std::string name;        // decoded name bytes
  bool value_bad = false;  // badly percent-encoded value
  std::string value;       // decoded value bytes
};

// §3, §6 (version 2): the one violation, with the limit it broke.
std::vector<violation> too_many(const options& opt) {
  violation v = make("", "too_many_parameters", "error", "InvalidParameter");
  v.limit = static_cast<long long>(opt.max_parameters);
  return {v};
}

std::vector<violation> run(const std::vector<item>& items, const options& opt) {
  std::vector<violation> out;

  struct first_info {
    std::size_t index;   // input position of the first occurrence
    std::string field;   // name as given at the first occurrence
    bool usable = false; // validly encoded and valid UTF-8
    bool value_bad = false;  // badly percent-encoded value
    std::string value;   // decoded value bytes
  };
  std::map<std::string, first_info> first;  // canonical name -> first occurrence
  std::set<std::string> present_required;   // regionId / DiskId counted as present

  for (std::size_t idx = 0; idx < items.size(); ++idx) {
    const item& it = items[idx];
    if (it.name_bad) {
      out.push_back(make(utf8_repair(it.raw_name), "bad_encoding", "error", "InvalidParameter"));
      continue;
    }
    std::u32string name32;
    std::size_t bad_at = 0;
    if (!utf8_decode(it.name, name32, bad_at)) {
      violation v = make(utf8_repair(it.name), "invalid_utf8", "error", "InvalidParameter");
      v.at = static_cast<long long>(bad_at);
      out.push_back(v);
      continue;
    }
    const classified c = classify(it.name);
    if (c.cls == name_class::unknown) {
      // §5 (version 2): an allow-listed unknown name raises nothing at all.
      if (std::find(opt.allow.begin(), opt.allow.end(), it.name) != opt.allow.end()) continue;
      out.push_back(make(it.name, "unknown_parameter", opt.hardened ? "error" : "warning", "InvalidParameter"));
      continue;
    }
    if (c.cls == name_class::bad_tag_index) {
      out.push_back(make(it.name, "bad_tag_index", "error",
                         c.tag_key ? "InvalidTagKey.Malformed" : "InvalidTagValue.Malformed"));
      continue;
    }
    // A known name.
    if (c.alias) out.push_back(make(it.name, "deprecated_name", "warning", "InvalidParameter"));
    if (first.count(c.canonical) != 0) {
      // §3 (version 2): the same decoded value byte for byte is a warning;
      // a different one, or a bad escape on either side, an error.
      const first_info& f = first[c.canonical];
      const bool same = !f.value_bad && !it.value_bad && f.value == it.value;
      out.push_back(make(it.name, "duplicate_parameter", same ? "warning" : "error", "InvalidParameter"));
      continue;
    }
    first_info info;
    info.index = idx;
    info.field = it.name;
    info.value_bad = it.value_bad;
    info.value = it.value;
    const std::string& field = it.name;
    if (it.value_bad) {
      out.push_back(plain_error(field, "bad_encoding", c.k));
      if (c.k == kind::regionId || c.k == kind::DiskId) present_required.insert(c.canonical);
      first[c.canonical] = info;
      continue;
    }
    std::u32string value32;
    if (!utf8_decode(it.value, value32, bad_at)) {
      out.push_back(error_at(field, "invalid_utf8", c.k, static_cast<long long>(bad_at)));
      if (c.k == kind::regionId || c.k == kind::DiskId) present_required.insert(c.canonical);
      first[c.canonical] = info;
      continue;
    }
    info.usable = true;
    first[c.canonical] = info;
    const bool tag = c.k == kind::TagKey || c.k == kind::TagValue;
    if (!tag && value32.empty()) continue;  // empty = absent (missing follows for required ones)
    if (c.k == kind::regionId || c.k == kind::DiskId) present_required.insert(c.canonical);
    check_value(c.k, field, value32, opt, out);
  }

  // Cross-field rules, in input order of the parameter they name.
  std::vector<std::pair<std::size_t, violation>> cross;
  std::vector<std::pair<int, const first_info*>> keys;  // usable Tag.N.Key first occurrences, by N
  for (int n = 1; n <= 20; ++n) {
    const std::string key = "Tag." + std::to_string(n) + ".Key";
    const std::string value = "Tag." + std::to_string(n) + ".Value";
    const auto k = first.find(key);
    const auto v = first.find(value);
    if (v != first.end() && k == first.end())
      cross.emplace_back(v->second.index,
                         make(v->second.field, "value_without_key", "error", "InvalidTagKey.Malformed"));
    if (k != first.end() && k->second.usable) {
      bool dup = false;
      for (const auto& [m, lower] : keys)
        if (lower->value == k->second.value) dup = true;
      if (dup)
        cross.emplace_back(k->second.index,
                           make(k->second.field, "duplicate_tag_key", "error", "Duplicate.TagKey"));
      keys.emplace_back(n, &k->second);
    }
  }
  std::stable_sort(cross.begin(), cross.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [index, v] : cross) out.push_back(v);

  // missing, in table order.
  for (const char* required : {"regionId", "DiskId"})
    if (present_required.count(required) == 0)
      out.push_back(make(required, "missing", "error", "MissingParameter"));
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// §2.2: '+' is a space, %HH a byte, any other '%' an error.
bool form_decode(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;  // needs two more characters
      const int h = hex_value(in[i + 1]);
      const int l = hex_value(in[i + 2]);
      if (h < 0 || l < 0) return false;
      out.push_back(static_cast<char>(h * 16 + l));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return true;
}

// §2.2: the non-empty '&'-separated segments of a form-encoded string, each
// split at its first '=' and decoded, appended to items.
void split_into(std::string_view text, std::vector<item>& items) {
  std::vector<std::string> segments;
  std::string current;
  for (char c : text) {
    if (c == '&') {
      if (!current.empty()) segments.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) segments.push_back(current);
  for (const std::string& seg : segments) {
    item it;
    const std::size_t eq = seg.find('=');
    const std::string raw_name = eq == std::string::npos ? seg : seg.substr(0, eq);
    const std::string raw_value = eq == std::string::npos ? std::string() : seg.substr(eq + 1);
    it.raw_name = raw_name;
    it.name_bad = !form_decode(raw_name, it.name);
    it.value_bad = !form_decode(raw_value, it.value);
    items.push_back(it);
  }
}

}  // namespace

std::vector<violation> validate_form(std::string_view body, const options& opt) {
  std::vector<item> items;
  split_into(body, items);
  if (items.size() > opt.max_parameters) return too_many(opt);
  return run(items, opt);
}

std::vector<violation> validate_request(std::string_view query, std::string_view body, const options& opt) {
  // §2.5: the query's parameters, then the body's, as one sequence.
  std::vector<item> items;
  split_into(query, items);
  split_into(body, items);
  if (items.size() > opt.max_parameters) return too_many(opt);
  return run(items, opt);
}

std::vector<violation> validate_params(const std::vector<std::pair<std::string, std::string>>& params,
                                       const options& opt) {
  if (params.size() > opt.max_parameters) return too_many(opt);
  std::vector<item> items;
  for (const auto& [name, value] : params) {
    item it;
    it.raw_name = name;
    it.name = name;
    it.value = value;
    items.push_back(it);
  }
  return run(items, opt);
}

}  // namespace snapref

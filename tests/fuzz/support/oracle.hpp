// The invariants that every result must satisfy, whatever the input
// (SPEC §2-§8), checked against the oracles' own view of the request
// (model.hpp). Shared by the fuzz targets.
//
// check_result(request, small, full, options) checks, for a request
// validated into the default result (`small`, 64 kept) and into a sink large
// enough for every violation (`full`):
//  - counts: full kept everything; small kept min(found, max_violations, 64)
//    and says truncated exactly when it found more; both found the same
//    number of violations and errors; small's kept list is the first ones of
//    the full list, member for member; positions never decrease;
//  - verdict: ok() is true exactly when no violation is an error;
//  - shape: too_many_parameters alone exactly when there are more parameters
//    than the limit, with that limit; warnings are exactly deprecated_name,
//    unknown_parameter in profile documented, and duplicate_parameter when
//    the repeat's decoded value equals the first's byte for byte (SPEC v2
//    §3); every unknown name (§3, not §3.1's SDK spellings nor §3.2's common
//    parameters) raises exactly one unknown_parameter, or nothing at all
//    when it is in the allow-list (§5);
//  - each violation against the input: its position names a parameter
//    (missing: after the last one); the field name is the name as given
//    (U+FFFD for ill-formed bytes); bad_encoding and invalid_utf8 point at
//    the name or value that really has them, at the right byte; at, length,
//    limit are present exactly for the codes SPEC §6 gives them to, and agree
//    with the decoded value (character counts, first offender in range, the
//    link that forbidden_substring reports is there and is the first; a
//    not_in_enum value is really outside its field's set; a suggested name
//    is a known name within two edits counted in code points);
//  - text: the field name and message are valid UTF-8, a message never
//    contains the offending value, and the result rendered as the CLI's JSON
//    is one line of strict UTF-8 JSON that says the same as the result.
#ifndef SNAPCHECK_FUZZ_SUPPORT_ORACLE_HPP
#define SNAPCHECK_FUZZ_SUPPORT_ORACLE_HPP

#include <algorithm>
#include <cstddef>
#include <map>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/strings.hpp>

#include "../../support/mini_json.hpp"
#include "check.hpp"
#include "json_check.hpp"
#include "model.hpp"

namespace fuzz {

// Room for every violation a request can raise: at most 1024 parameters
// (more raise one violation), a few violations each.
inline constexpr std::size_t full_capacity = 20000;
using full_result = snapcheck::basic_result<full_capacity>;

// Returns a fresh full-capacity sink. Two slots, for targets that compare two
// results; kept off the stack (each is a few MB) and reused across runs.
inline full_result& fresh_full(std::size_t slot = 0) {
  static full_result* storage[2] = {new full_result(full_capacity), new full_result(full_capacity)};
  full_result* r = storage[slot % 2];
  std::destroy_at(r);
  std::construct_at(r, full_capacity);
  return *r;
}

inline std::string describe(const snapcheck::options& opt) {
  std::string s = opt.profile == snapcheck::profile::hardened ? "hardened" : "documented";
  if (opt.chinese == snapcheck::han_set::basic) s += ", basic Han";
  s += ", max_violations " + std::to_string(opt.max_violations);
  s += ", max_parameters " + std::to_string(opt.max_parameters);
  s += ", allow {";
  for (std::string_view a : opt.allow) {
    s.push_back(' ');
    s.append(printable(a));
  }
  s.append(" }");
  return s;
}

template <class T>
std::string show(const std::optional<T>& o) {
  return o ? std::to_string(*o) : "-";
}
template <class T>
std::string show(const snapcheck::optional<T>& o) {
  return o ? std::to_string(*o) : "-";
}

inline std::string suggestion_text(const snapcheck::violation& v) {
  std::string s;
  snapcheck::write_suggestion(v, [&](std::string_view part) { s.append(part); });
  return s;
}

inline std::string show(const snapcheck::violation& v) {
  std::string s = "{field=\"" + printable(snapcheck::field_name(v.field)) + "\" code=" +
                  std::string(snapcheck::to_string(v.code)) + " severity=" +
                  std::string(snapcheck::to_string(v.severity)) + " api=" + std::string(v.api_code) +
                  " at=" + show(v.at) + " length=" + show(v.length) + " limit=" + show(v.limit) +
                  " position=" + std::to_string(v.position);
  if (v.has_suggestion()) s += " suggestion=\"" + printable(suggestion_text(v)) + "\"";
  return s + "}";
}

template <class Span>
std::string show_all(const Span& vs) {
  std::string s;
  for (const auto& v : vs) s += "  " + show(v) + "\n";
  return s;
}

inline bool same_path(const snapcheck::field_path& a, const snapcheck::field_path& b) {
  return a.def == b.def && a.index == b.index && a.spelled == b.spelled && a.text == b.text && a.form == b.form;
}

// Member-for-member equality of two violations of the same input.
inline bool same(const snapcheck::violation& a, const snapcheck::violation& b) {
  return same_path(a.field, b.field) && a.code == b.code && a.severity == b.severity &&
         a.api_code == b.api_code && a.at == b.at && a.length == b.length && a.limit == b.limit &&
         a.rule == b.rule && a.position == b.position && same_path(a.suggested_field, b.suggested_field) &&
         a.suggested_value == b.suggested_value;
}

inline bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Compares two runs of ASCII digits numerically: -1, 0, 1.
inline int compare_digits(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
  while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a < b ? -1 : (a == b ? 0 : 1);
}

inline char32_t lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

inline bool link_at(const std::u32string& s, std::size_t i) {
  for (std::u32string_view scheme : {std::u32string_view(U"http://"), std::u32string_view(U"https://")}) {
    if (i + scheme.size() > s.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < scheme.size() && match; ++k) match = lower(s[i + k]) == scheme[k];
    if (match) return true;
  }
  return false;
}

// True when a message that contained s would be echoing a value: s is long
// enough and has a byte that no message template or field name has.
inline bool telltale(std::string_view s) {
  if (s.size() < 4) return false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || c < 0x20 || std::string_view("<>{}[]|^~`@#$%&=\\;!*\"").find(ch) != std::string_view::npos)
      return true;
  }
  return false;
}

// The names a suggestion may give (SPEC §3, §3.1, §3.2): the page's plain
// names, the common parameters and the SDK spellings RegionId and Version
// (plain_names of them: a name that close is always suggested; §3.1 makes
// the SDK spellings known names, and snapcheck suggests them), then the
// tag names.
inline constexpr std::size_t plain_names = 20;
inline const std::vector<std::string>& canonical_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v = {"regionId",      "DiskId",      "SnapshotName", "Description",
                                  "Category",      "RetentionDays", "ClientToken", "version"};
    for (std::string_view c : common_parameters) v.emplace_back(c);
    v.emplace_back("RegionId");
    v.emplace_back("Version");
    for (int n = 1; n <= 20; ++n) {
      v.push_back("Tag." + std::to_string(n) + ".Key");
      v.push_back("Tag." + std::to_string(n) + ".Value");
    }
    return v;
  }();
  return names;
}

inline bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(static_cast<unsigned char>(a[i])) != lower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// True when a and b are within 2 edits (insert, delete, substitute, swap of
// two adjacent characters: the optimal string alignment distance), counted
// in code points (SPEC v2 §6: `region中Id` is one deletion from `regionId`).
inline bool within_two_edits(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return false;
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t best = std::min(d[i - 1][j] + 1, d[i][j - 1] + 1);
      best = std::min(best, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  return d[a.size()][b.size()] <= 2;
}

// name and known: valid UTF-8.
inline bool close_names(std::string_view name, std::string_view known) {
  return ascii_iequal(name, known) || within_two_edits(utf8_decode(name), utf8_decode(known));
}

// SPEC §4 and §3.2 (hardened): the literals of the fields checked against a
// set; case-insensitive for Format.
inline bool in_enum(std::string_view field, std::string_view value) {
  if (field == "Category") return value == "Standard" || value == "Flash";
  if (field == "Action") return value == "CreateSnapshot";
  if (field == "Format") return ascii_iequal(value, "JSON") || ascii_iequal(value, "XML");
  if (field == "SignatureMethod") return value == "HMAC-SHA1";
  if (field == "SignatureVersion") return value == "1.0";
  return false;
}

// What the oracle knows of each parameter of a request, by position.
struct request_view {
  std::vector<name_class> names;   // unknown for a badly encoded or ill-formed name
  std::vector<std::size_t> first;  // a known name's first occurrence (after folding); npos otherwise
};

inline request_view view_of(const request& req) {
  request_view rv;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < req.params.size(); ++i) {
    const param& p = req.params[i];
    rv.names.push_back(p.name_decoded && utf8_valid(p.name) ? classify_name(p.name) : name_class{});
    std::size_t first = npos;
    if (rv.names.back().cls == name_class::known) first = seen.emplace(rv.names.back().canonical, i).first->second;
    rv.first.push_back(first);
  }
  return rv;
}

inline bool in_allow_list(std::string_view name, const snapcheck::options& opt) {
  for (std::string_view a : opt.allow)
    if (a == name) return true;
  return false;
}

// Checks one violation against the parameter it names.
inline void check_violation(const request& req, const request_view& rv, const snapcheck::violation& v,
                            const snapcheck::options& opt) {
  using snapcheck::code;
  const auto what = [&] { return show(v); };
  const std::string field = snapcheck::field_name(v.field);
  FUZZ_CHECK(utf8_valid(field), what());
  FUZZ_CHECK(!v.api_code.empty(), what());
  const std::string msg = snapcheck::message(v);
  FUZZ_CHECK(!msg.empty() && utf8_valid(msg), what() + " message: " + printable(msg));

  // at, length, limit: exactly where SPEC §6 gives them.
  const bool wants_at = v.code == code::invalid_utf8 || v.code == code::bad_char || v.code == code::bad_start ||
                        v.code == code::forbidden_substring;
  const bool wants_length = v.code == code::too_short || v.code == code::too_long;
  const bool wants_limit = wants_length || v.code == code::out_of_range || v.code == code::too_many_parameters;
  FUZZ_CHECK(v.at.has_value() == wants_at, what());
  FUZZ_CHECK(v.length.has_value() == wants_length, what());
  FUZZ_CHECK(v.limit.has_value() == wants_limit, what());

  const bool warning_code = v.code == code::deprecated_name || v.code == code::unknown_parameter ||
                            v.code == code::duplicate_parameter;
  if (v.has_suggestion()) FUZZ_CHECK(v.code == code::unknown_parameter || v.code == code::not_in_enum, what());
  if (!warning_code) FUZZ_CHECK(v.severity == snapcheck::severity::error, what());

  if (v.code == code::too_many_parameters) {
    FUZZ_CHECK(field.empty() && v.position == 0 && *v.limit == opt.max_parameters, what());
    return;
  }
  if (v.code == code::missing) {
    FUZZ_CHECK(v.position == req.params.size(), what());
    FUZZ_CHECK(field == "regionId" || field == "DiskId", what());
    return;
  }
  FUZZ_CHECK(v.position < req.params.size(), what() + " of " + std::to_string(req.params.size()) + " parameters");
  const param& p = req.params[v.position];
  const auto ctx = [&] {
    return what() + "\n  parameter name \"" + printable(p.raw_name) + "\" value \"" + printable(p.raw_value) +
           "\"";
  };

  // The name: a badly encoded or ill-formed name is reported as such.
  if (!p.name_decoded) {
    FUZZ_CHECK(v.code == code::bad_encoding, ctx());
    FUZZ_CHECK(!v.field.has_row() && field == utf8_sanitize(p.raw_name), ctx());
    return;
  }
  const std::size_t name_bad = utf8_first_invalid(p.name);
  if (name_bad != npos) {
    FUZZ_CHECK(v.code == code::invalid_utf8 && v.at == name_bad, ctx());
    FUZZ_CHECK(!v.field.has_row() && field == utf8_sanitize(p.name), ctx());
    return;
  }
  FUZZ_CHECK(field == p.name, ctx() + "\n  field name rendered as \"" + printable(field) + "\"");
  const name_class& cls = rv.names[v.position];
  // The kind of name decides which violations it can have.
  if (v.code == code::unknown_parameter) FUZZ_CHECK(cls.cls == name_class::unknown, ctx());
  else if (v.code == code::bad_tag_index) FUZZ_CHECK(cls.cls == name_class::bad_tag_index, ctx());
  else FUZZ_CHECK(cls.cls == name_class::known, ctx());

  switch (v.code) {
    case code::unknown_parameter: {
      FUZZ_CHECK(!v.field.has_row(), ctx());
      // SPEC v2 §5: an allow-listed unknown name raises nothing at all.
      FUZZ_CHECK(!in_allow_list(p.name, opt), ctx() + " (the name is in the allow-list)");
      const bool error = opt.profile == snapcheck::profile::hardened;
      FUZZ_CHECK(v.severity == (error ? snapcheck::severity::error : snapcheck::severity::warning), ctx());
      // SPEC §3: a suggestion is a known name equal but for ASCII case or
      // within edit distance 2; one is given at least whenever a plain
      // (non-Tag) name is that close.
      const auto& known = canonical_names();
      if (v.has_suggestion()) {
        const std::string suggested = suggestion_text(v);
        FUZZ_CHECK(v.suggested_value.empty() && v.suggested_field.is_known(), ctx());
        FUZZ_CHECK(std::find(known.begin(), known.end(), suggested) != known.end() && close_names(p.name, suggested),
                   ctx() + " suggests \"" + printable(suggested) + "\"");
      } else {
        for (std::size_t i = 0; i < plain_names; ++i)
          FUZZ_CHECK(!close_names(p.name, known[i]), ctx() + " without the suggestion " + known[i]);
      }
      return;
    }
    case code::deprecated_name:
      FUZZ_CHECK(v.severity == snapcheck::severity::warning && v.field.is_known() && cls.alias &&
                     v.field.spelled == snapcheck::spelling::alias,
                 ctx());
      return;
    case code::duplicate_parameter: {
      // SPEC v2 §3: on a later occurrence; a warning exactly when both values
      // are well encoded and equal byte for byte.
      FUZZ_CHECK(v.field.is_known(), ctx());
      const std::size_t first = rv.first[v.position];
      FUZZ_CHECK(first != npos && first < v.position, ctx() + " (no earlier occurrence)");
      const param& q = req.params[first];
      const bool same_value = p.value_decoded && q.value_decoded && p.value == q.value;
      FUZZ_CHECK(v.severity == (same_value ? snapcheck::severity::warning : snapcheck::severity::error),
                 ctx() + "\n  first occurrence \"" + printable(q.raw_name) + "\" value \"" +
                     printable(q.raw_value) + "\"");
      return;
    }
    case code::value_without_key:
      FUZZ_CHECK(v.field.is_known(), ctx());
      return;
    case code::bad_tag_index:
      FUZZ_CHECK(!v.field.is_known() && v.field.has_row(), ctx());
      return;
    default: break;
  }

  // Everything else is about the value of a known field.
  FUZZ_CHECK(v.field.is_known(), ctx());
  if (v.code == code::bad_encoding) {
    FUZZ_CHECK(!p.value_decoded, ctx());
    return;
  }
  FUZZ_CHECK(p.value_decoded, ctx());
  const std::size_t value_bad = utf8_first_invalid(p.value);
  if (v.code == code::invalid_utf8) {
    FUZZ_CHECK(value_bad != npos && v.at == value_bad, ctx());
    return;
  }
  FUZZ_CHECK(value_bad == npos, ctx());
  const std::u32string chars = utf8_decode(p.value);

  // A message names the field and the bound, never the value.
  if (telltale(p.value))
    FUZZ_CHECK(msg.find(p.value) == std::string::npos, ctx() + "\n  message: " + printable(msg));

  switch (v.code) {
    case code::too_short:
      FUZZ_CHECK(*v.length == chars.size() && *v.length < *v.limit, ctx());
      return;
    case code::too_long:
      FUZZ_CHECK(*v.length == chars.size() && *v.length > *v.limit, ctx());
      return;
    case code::bad_start:
      FUZZ_CHECK(*v.at == 0 && !chars.empty(), ctx());
      return;
    case code::bad_char:
      FUZZ_CHECK(*v.at < chars.size(), ctx());
      return;
    case code::forbidden_substring: {
      FUZZ_CHECK(*v.at < chars.size() && link_at(chars, *v.at), ctx());
      for (std::size_t i = 0; i < *v.at; ++i) FUZZ_CHECK(!link_at(chars, i), ctx() + " (an earlier link)");
      return;
    }
    case code::not_in_enum:
      FUZZ_CHECK(!in_enum(cls.canonical, p.value), ctx());
      // SPEC §4: a suggestion only on a case-only mismatch with a literal of
      // the field's set; for Category always then.
      if (v.has_suggestion()) {
        FUZZ_CHECK(in_enum(cls.canonical, v.suggested_value), ctx());
        FUZZ_CHECK(ascii_iequal(p.value, v.suggested_value), ctx());
      } else if (cls.canonical == "Category") {
        FUZZ_CHECK(!ascii_iequal(p.value, "Standard") && !ascii_iequal(p.value, "Flash"), ctx());
      }
      return;
    case code::not_integer:
      FUZZ_CHECK(!is_digits(p.value), ctx());
      return;
    case code::out_of_range:
      FUZZ_CHECK(is_digits(p.value), ctx());
      FUZZ_CHECK(*v.limit == 1 || *v.limit == 65536, ctx());
      if (*v.limit == 1) FUZZ_CHECK(compare_digits(p.value, "1") < 0, ctx());
      else FUZZ_CHECK(compare_digits(p.value, "65536") > 0, ctx());
      return;
    default: return;
  }
}

// Checks the result rendered as the CLI's JSON (SPEC §8).
template <std::size_t N>
void check_json(const snapcheck::basic_result<N>& r) {
  std::string text;
  snapcheck::write_json(r, [&](std::string_view part) { text.append(part); });
  const std::string why = json::check(text);
  FUZZ_CHECK(why.empty(), why + "\n  json: " + printable(text));
  FUZZ_CHECK(text.find('\n') == std::string::npos && text.find('\r') == std::string::npos, printable(text));
  FUZZ_CHECK(text == snapcheck::to_json(r), printable(text));
  mini_json::value doc;
  try {
    doc = mini_json::parse(text);
  } catch (const std::exception& e) {
    FUZZ_CHECK(false, std::string(e.what()) + "\n  json: " + printable(text));
  }
  FUZZ_CHECK(doc.keys.size() == 3 && doc.at("ok").as_bool() == r.ok() && doc.at("truncated").as_bool() == r.truncated(),
             printable(text));
  const auto& items = doc.at("violations").items;
  FUZZ_CHECK(items.size() == r.violations().size(), printable(text));
  const auto number = [](const mini_json::value& o, const char* key) -> std::optional<std::uint64_t> {
    const mini_json::value* m = o.find(key);
    if (m == nullptr) return std::nullopt;
    return static_cast<std::uint64_t>(m->as_int());
  };
  const auto same_number = [](const std::optional<std::uint64_t>& a, const auto& b) {
    return a.has_value() == b.has_value() && (!a || *a == static_cast<std::uint64_t>(*b));
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const snapcheck::violation& v = r.violations()[i];
    const mini_json::value& o = items[i];
    const auto ctx = [&] { return show(v) + "\n  json: " + printable(text); };
    FUZZ_CHECK(o.at("field").str() == snapcheck::field_name(v.field), ctx());
    FUZZ_CHECK(o.at("code").str() == snapcheck::to_string(v.code), ctx());
    FUZZ_CHECK(o.at("severity").str() == snapcheck::to_string(v.severity), ctx());
    FUZZ_CHECK(o.at("api_code").str() == v.api_code, ctx());
    FUZZ_CHECK(o.at("message").str() == snapcheck::message(v), ctx());
    FUZZ_CHECK(same_number(number(o, "at"), v.at), ctx());
    FUZZ_CHECK(same_number(number(o, "length"), v.length), ctx());
    // The CLI's JSON gives limit for lengths and ranges only (SPEC §8), not
    // for too_many_parameters.
    if (v.code == snapcheck::code::too_many_parameters) FUZZ_CHECK(number(o, "limit") == std::nullopt, ctx());
    else FUZZ_CHECK(same_number(number(o, "limit"), v.limit), ctx());
    const mini_json::value* s = o.find("suggestion");
    FUZZ_CHECK((s != nullptr) == v.has_suggestion(), ctx());
    if (s != nullptr) FUZZ_CHECK(s->str() == suggestion_text(v), ctx());
  }
}

template <std::size_t N>
void check_result(const request& req, const snapcheck::basic_result<N>& small, const full_result& full,
                  const snapcheck::options& opt) {
  const auto all = full.violations();
  const auto kept = small.violations();
  const auto ctx = [&] {
    return "options: " + describe(opt) + "\n  full list:\n" + show_all(all) + "  kept:\n" + show_all(kept) +
           "  found " + std::to_string(small.found()) + ", errors " + std::to_string(small.errors()) +
           (small.truncated() ? ", truncated" : "");
  };

  // Counts and truncation.
  FUZZ_CHECK(!full.truncated() && all.size() == full.found(), ctx());
  FUZZ_CHECK(small.found() == full.found() && small.errors() == full.errors(), ctx());
  const std::size_t keep = std::min<std::size_t>({N, opt.max_violations});
  FUZZ_CHECK(kept.size() == std::min(keep, full.found()), ctx());
  FUZZ_CHECK(kept.size() <= N, ctx());
  FUZZ_CHECK(small.truncated() == (full.found() > keep), ctx());
  for (std::size_t i = 0; i < kept.size(); ++i)
    FUZZ_CHECK(same(kept[i], all[i]), ctx() + "\n  differs at " + std::to_string(i));

  // Verdict.
  const std::size_t errors = static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [](const auto& v) { return v.is_error(); }));
  FUZZ_CHECK(full.errors() == errors, ctx());
  FUZZ_CHECK(small.ok() == (errors == 0) && full.ok() == (errors == 0), ctx());

  // Order.
  for (std::size_t i = 1; i < all.size(); ++i) FUZZ_CHECK(all[i - 1].position <= all[i].position, ctx());
  for (std::size_t i = 1; i < kept.size(); ++i) FUZZ_CHECK(kept[i - 1].position <= kept[i].position, ctx());

  // Too many parameters: that one violation and nothing else.
  if (req.params.size() > opt.max_parameters) {
    FUZZ_CHECK(all.size() == 1 && all[0].code == snapcheck::code::too_many_parameters, ctx());
  } else {
    for (const auto& v : all) FUZZ_CHECK(v.code != snapcheck::code::too_many_parameters, ctx());
  }

  if (req.params.size() > opt.max_parameters) {
    check_violation(req, request_view{}, all[0], opt);  // only its own members: no parameter to look at
    check_json(small);
    return;
  }
  const request_view rv = view_of(req);
  for (const auto& v : all) check_violation(req, rv, v, opt);

  // Every unknown name raises exactly one unknown_parameter, and an
  // allow-listed one nothing at all (SPEC §3, v2 §5).
  std::vector<std::size_t> here(req.params.size());
  std::vector<std::size_t> unknown(req.params.size());
  for (const auto& v : all) {
    if (v.position >= req.params.size()) continue;  // missing
    ++here[v.position];
    if (v.code == snapcheck::code::unknown_parameter) ++unknown[v.position];
  }
  for (std::size_t i = 0; i < req.params.size(); ++i) {
    const param& p = req.params[i];
    if (!p.name_decoded || !utf8_valid(p.name) || rv.names[i].cls != name_class::unknown) continue;
    const bool allowed = in_allow_list(p.name, opt);
    FUZZ_CHECK(here[i] == (allowed ? 0u : 1u) && unknown[i] == here[i],
               ctx() + "\n  unknown name \"" + printable(p.name) + "\" at position " + std::to_string(i) +
                   (allowed ? " (allow-listed)" : ""));
  }
  check_json(small);
}

}  // namespace fuzz

#endif

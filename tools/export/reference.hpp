// The parameter reference of a table (docs/parameters.md): per row, the
// page's words, the rules in plain English per profile with their codes and
// api_codes, how each is stated in the JSON Schema, and example values that
// snapcheck itself accepts and rejects (each is run through the engine here).
#ifndef SNAPCHECK_TOOLS_EXPORT_REFERENCE_HPP
#define SNAPCHECK_TOOLS_EXPORT_REFERENCE_HPP

#include <snapcheck/snapcheck.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "patterns.hpp"
#include "schema.hpp"

namespace export_tool {

using param_list = std::vector<std::pair<std::string, std::string>>;

// The name a row's examples use: the name itself, or the family member with
// the lowest N.
inline std::string example_name(const sc::field& f) {
  return f.is_family() ? member_name(f, sc::spelling::name, f.min_index) : str(f.name);
}

// Returns the codes of the errors snapcheck reports on row f for params.
template <class S>
std::vector<sc::code> errors_on(const sc::field& f, const param_list& params, sc::profile p) {
  sc::options opt;
  opt.profile = p;
  const auto r = sc::validate_params<S>(params, opt);
  std::vector<sc::code> out;
  for (const auto& v : r.violations())
    if (v.is_error() && v.field.def == &f) out.push_back(v.code);
  return out;
}

// One example value with the rows' names and values it is checked with.
struct example {
  std::string value;
  bool without_others = false;  // a requires_field example: the other row left out
  std::vector<sc::code> codes;  // what snapcheck reports (invalid examples)
};

struct row_examples {
  example valid;
  example invalid[2];                   // per profile; no codes: none found
  example per_rule[sc::field::max_rules];  // a value raising the rule's own code
};

// The codes a rule raises.
inline std::vector<sc::code> codes_of(const sc::rule& r) {
  using sc::code;
  switch (r.kind) {
    case sc::rule_kind::none: return {};
    case sc::rule_kind::length: return r.min > 0 ? std::vector<code>{code::too_short, code::too_long} : std::vector<code>{code::too_long};
    case sc::rule_kind::first_char: return {code::bad_start};
    case sc::rule_kind::only_chars:
    case sc::rule_kind::no_chars: return {code::bad_char};
    case sc::rule_kind::no_prefix: return {code::reserved_prefix};
    case sc::rule_kind::no_suffix: return {code::reserved_suffix};
    case sc::rule_kind::no_substring: return {code::forbidden_substring};
    case sc::rule_kind::one_of: return {code::not_in_enum};
    case sc::rule_kind::integer: return {code::not_integer, code::out_of_range};
    case sc::rule_kind::date:
    case sc::rule_kind::timestamp: return {code::bad_format};
    case sc::rule_kind::predicate: return {r.raises};
    case sc::rule_kind::requires_field: return {code::value_without_key};
    case sc::rule_kind::unique: return {code::duplicate_tag_key};
  }
  return {};
}

// A character outside set s (ASCII first), for an invalid example.
inline std::string outsider(const sc::char_set& s) {
  for (const char c : std::string("1% !~_-.aA"))
    if (!s.contains(static_cast<unsigned char>(c))) return std::string(1, c);
  for (const char32_t cp : {U'\u00E9', U'\u20AC', U'\U0001F600'})
    if (!s.contains(cp)) return utf8(cp);
  return "";
}
// A character inside set s, for an invalid example of no_chars.
inline std::string insider(const sc::char_set& s) {
  const auto ivs = intervals_of(s);
  return ivs.empty() ? std::string() : utf8(ivs.front().first == 0 && ivs.front().second > 6 ? char32_t{7} : ivs.front().first);
}

// Values that might break rule r (the engine decides which do).
inline std::vector<std::string> breakers(const sc::rule& r, const std::string& valid) {
  std::vector<std::string> out;
  const std::string base = valid.empty() ? "example" : valid;
  switch (r.kind) {
    case sc::rule_kind::none:
    case sc::rule_kind::predicate:
    case sc::rule_kind::unique: break;
    case sc::rule_kind::requires_field: out.push_back(base); break;
    case sc::rule_kind::length:
      if (r.max < 100000) out.push_back(std::string(static_cast<std::size_t>(r.max) + 1, 'a'));
      if (r.min > 0) out.push_back(std::string(static_cast<std::size_t>(r.min) - 1, 'a'));
      break;
    case sc::rule_kind::first_char: out.push_back(outsider(r.chars) + base); break;
    case sc::rule_kind::only_chars: out.push_back(base.substr(0, 1) + outsider(r.chars) + base.substr(1)); break;
    case sc::rule_kind::no_chars: out.push_back(base.substr(0, 1) + insider(r.chars) + base.substr(1)); break;
    case sc::rule_kind::no_prefix:
      for (const auto& t : r.texts) {
        std::string s = str(t);
        if (r.cases == sc::case_mode::ascii_insensitive)
          for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        out.push_back(s + base);
      }
      break;
    case sc::rule_kind::no_suffix:
      for (const auto& t : r.texts) out.push_back(base + str(t));
      break;
    case sc::rule_kind::no_substring:
      for (const auto& t : r.texts) out.push_back(base.substr(0, 1) + str(t) + base.substr(1));
      break;
    case sc::rule_kind::one_of:
      for (const auto& t : r.texts) {
        std::string s = str(t);
        for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        out.push_back(s);
        out.push_back(str(t) + "x");
      }
      break;
    case sc::rule_kind::integer:
      if (r.min > 0) out.push_back(std::to_string(r.min - 1));
      out.push_back(std::to_string(r.max) + "0");
      out.push_back("12a");
      break;
    case sc::rule_kind::date: out.push_back("2023-02-29"); break;
    case sc::rule_kind::timestamp: out.push_back("2024-01-01T24:00:00Z"); break;
  }
  return out;
}

template <class S>
const sc::field* required_partner(const sc::field& f) {
  for (const auto& r : f.rules)
    if (r.kind == sc::rule_kind::requires_field) return &row_named<S>(r.texts[0]);
  return nullptr;
}

// Finds, per row, a value snapcheck accepts in both profiles and, per
// profile, one it rejects (with what it reports).
template <class S>
std::vector<row_examples> find_examples() {
  constexpr std::size_t rows = sizeof(S::fields) / sizeof(S::fields[0]);
  std::vector<row_examples> out(rows);
  std::vector<std::string> valid(rows);
  const auto index_of = [](const sc::field* f) { return static_cast<std::size_t>(f - S::fields); };
  // Rows that need another row go second, once that row has its example.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < rows; ++i) {
      const sc::field& f = S::fields[i];
      const sc::field* partner = required_partner<S>(f);
      if ((partner != nullptr) != (pass == 1)) continue;
      param_list others;
      if (partner) others.emplace_back(example_name(*partner), valid[index_of(partner)]);
      const auto with = [&](const std::string& v, bool alone) {
        param_list ps = alone ? param_list{} : others;
        ps.emplace_back(example_name(f), v);
        return ps;
      };
      std::vector<std::string> candidates;
      for (const auto& r : f.rules) {
        if (r.kind == sc::rule_kind::one_of) candidates.push_back(str(r.texts[0]));
        if (r.kind == sc::rule_kind::integer) candidates.push_back(std::to_string(r.min + std::min<std::uint64_t>(6, r.max - r.min)));
        if (r.kind == sc::rule_kind::date) candidates.push_back("2016-01-01");
        if (r.kind == sc::rule_kind::timestamp) candidates.push_back("2024-05-01T08:30:00Z");
      }
      for (const char* c : {"example-1", "example", "ex", "e1", "1"}) candidates.emplace_back(c);
      for (const auto& c : candidates) {
        if (errors_on<S>(f, with(c, false), sc::profile::documented).empty() &&
            errors_on<S>(f, with(c, false), sc::profile::hardened).empty()) {
          valid[i] = c;
          break;
        }
      }
      out[i].valid.value = valid[i];
      for (std::size_t k = 0; k < sc::field::max_rules; ++k) {
        const sc::rule& r = f.rules[k];
        if (r.kind == sc::rule_kind::none) continue;
        const sc::profile p = r.applies(sc::profile::documented) ? sc::profile::documented : sc::profile::hardened;
        const auto own = codes_of(r);
        for (const auto& b : breakers(r, valid[i])) {
          const bool alone = r.kind == sc::rule_kind::requires_field;
          const auto codes = errors_on<S>(f, with(b, alone), p);
          bool raised = false;
          for (const auto c : codes) raised = raised || std::find(own.begin(), own.end(), c) != own.end();
          if (!raised) continue;
          out[i].per_rule[k] = {b, alone, codes};
          break;
        }
      }
      for (std::size_t k = 0; k < 2; ++k) {
        const sc::profile p = profiles[k];
        for (const auto& r : f.rules) {
          if (r.kind == sc::rule_kind::none || !r.applies(p)) continue;
          bool found = false;
          for (const auto& b : breakers(r, valid[i])) {
            const bool alone = r.kind == sc::rule_kind::requires_field;
            const auto codes = errors_on<S>(f, with(b, alone), p);
            if (codes.empty()) continue;
            out[i].invalid[k] = {b, alone, codes};
            found = true;
            break;
          }
          if (found) break;
        }
      }
    }
  }
  return out;
}

// A value as Markdown: a code span, with characters that do not print shown
// as \uXXXX and a long run of one character as "`a` × N".
inline std::string shown(const std::string& v) {
  if (v.empty()) return "`\"\"` (empty)";
  if (v.size() > 20 && v.find_first_not_of(v[0]) == std::string::npos) return "`" + v.substr(0, 1) + "` × " + std::to_string(v.size());
  std::string out = "`";
  for (const char32_t cp : code_points_of(sc::string_view(v.data(), v.size())))
    out += escaped_in_pattern(cp) ? u_escape(cp) : cp == '`' ? std::string("'") : utf8(cp);
  return out + "`";
}

inline std::string quoted_list(sc::span<const sc::string_view> texts, const char* last_word) {
  std::string out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) out += i + 1 == texts.size() ? std::string(" ") + last_word + " " : ", ";
    out += "`" + str(texts[i]) + "`";
  }
  return out;
}

inline std::string case_words(const sc::rule& r) {
  return r.cases == sc::case_mode::ascii_insensitive ? " (ASCII case-insensitive)" : " (case-sensitive)";
}

// The rule in plain English.
inline std::string english(const sc::rule& r, bool after_first) {
  switch (r.kind) {
    case sc::rule_kind::none: return "";
    case sc::rule_kind::length:
      if (r.min == 0) return "at most " + std::to_string(r.max) + " characters";
      if (r.min == r.max) return "exactly " + std::to_string(r.min) + " characters";
      return std::to_string(r.min) + " to " + std::to_string(r.max) + " characters";
    case sc::rule_kind::first_char: return "the first character is " + str(r.describe);
    case sc::rule_kind::only_chars:
      return std::string(after_first ? "every later character is one of: " : "only ") + str(r.describe);
    case sc::rule_kind::no_chars: return "no " + str(r.describe);
    case sc::rule_kind::no_prefix: return "does not start with " + quoted_list(r.texts, "or") + case_words(r);
    case sc::rule_kind::no_suffix: return "does not end with " + quoted_list(r.texts, "or") + case_words(r);
    case sc::rule_kind::no_substring: return "does not contain " + quoted_list(r.texts, "or") + case_words(r);
    case sc::rule_kind::one_of:
      return (r.texts.size() == 1 ? "exactly " : "one of ") + quoted_list(r.texts, "or") +
             (r.cases == sc::case_mode::ascii_insensitive ? " (ASCII case-insensitive)" : "");
    case sc::rule_kind::integer:
      return "ASCII digits only (leading zeros allowed), value " + std::to_string(r.min) + " to " + std::to_string(r.max);
    case sc::rule_kind::date: return "a real calendar date written YYYY-MM-DD (years 0001 to 9999)";
    case sc::rule_kind::timestamp: return "a real UTC date and time written YYYY-MM-DDThh:mm:ssZ (years 0001 to 9999)";
    case sc::rule_kind::predicate: return "must be " + str(r.describe);
    case sc::rule_kind::requires_field: return "needs `" + str(r.texts[0]) + "` in the request too (a family: the same N)";
    case sc::rule_kind::unique: return "no member of the family with a lower N has the same value";
  }
  return "";
}

// How the rule is stated in the JSON Schema.
inline std::string schema_words(const sc::rule& r) {
  switch (sc::export_of(r.kind)) {
    case sc::schema_export::nothing: return "";
    case sc::schema_export::keyword:
      return r.kind == sc::rule_kind::length ? (r.min > 0 ? "`minLength`, `maxLength`" : "`maxLength`") : "`enum`";
    case sc::schema_export::pattern: return "`pattern`";
    case sc::schema_export::dependency: return "`dependentRequired` / `dependentSchemas`";
    case sc::schema_export::none: return "not stated (see [schema.md](schema.md))";
  }
  return "";
}

inline std::string code_list(const std::vector<sc::code>& codes) {
  std::string out;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    bool seen = false;
    for (std::size_t k = 0; k < i; ++k) seen = seen || codes[k] == codes[i];
    if (seen) continue;
    out += (out.empty() ? "" : ", ") + ("`" + str(sc::to_string(codes[i])) + "`");
  }
  return out;
}

inline std::string profiles_of(const sc::rule& r) {
  const bool d = r.applies(sc::profile::documented), h = r.applies(sc::profile::hardened);
  return d && h ? "both" : d ? "documented" : "hardened";
}

// The reference of table S as Markdown.
template <class S>
std::string parameter_reference(const std::string& title, const std::string& source_file, const std::string& schema_stem,
                                const std::vector<row_examples>& examples) {
  std::string md;
  md += "# " + title + " parameters\n\n";
  md += "<!-- GENERATED by tools/export_schema.sh from " + source_file + "; do not edit. -->\n\n";
  md += "Generated from the table `" + source_file + "`, like the JSON Schemas `schema/" + schema_stem +
        ".documented.schema.json` and `schema/" + schema_stem +
        ".hardened.schema.json` and the OpenAPI document `schema/" + schema_stem +
        ".openapi.json` ([schema.md](schema.md) says how each rule is stated there). Every example value below was run "
        "through snapcheck when this page was generated: the valid one passes in both profiles, each invalid one gets the "
        "codes shown.\n\n";
  md += "Profiles: `documented` (the default) checks what the API page says; `hardened` adds the rules marked hardened.\n\n";
  md += "Request-level violations: a required parameter absent or empty is `missing` (api_code `" + str(S::codes.missing) +
        "`); a parameter's own problems (`duplicate_parameter`, `bad_tag_index`, `unknown_parameter`, `invalid_utf8` of a "
        "name, `too_many_parameters` above " + std::to_string(sc::options{}.max_parameters) + ") have api_code `" +
        str(S::codes.parameter) + "`. ";
  bool unknown_error = false;
  if constexpr (requires { S::unknown_is_error_in; }) unknown_error = S::unknown_is_error_in.contains(sc::profile::hardened);
  md += std::string("An unknown parameter is a warning") +
        (unknown_error ? " in profile documented and an error in profile hardened" : " in both profiles") +
        " (names in the caller's allow-list raise nothing).\n\n";

  md += "| parameter | required | empty value | api_code | rules in documented | rules only in hardened |\n|---|---|---|---|---|---|\n";
  for (const sc::field& f : S::fields) {
    std::size_t both = 0, hard = 0;
    for (const auto& r : f.rules) {
      if (r.kind == sc::rule_kind::none) continue;
      if (r.applies(sc::profile::documented)) ++both;
      else ++hard;
    }
    std::string anchor = str(f.name);
    std::string slug;
    for (const char c : anchor)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
        slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    md += "| [`" + anchor + "`](#" + slug + ") | " + (f.required ? "yes" : "no") + " | " +
          (f.required ? "missing" : f.empty_is_absent ? "absent" : "checked") + " | `" + str(f.api_code) + "` | " +
          std::to_string(both) + " | " + std::to_string(hard) + " |\n";
  }
  md += "\n";

  std::size_t row = 0;
  for (const sc::field& f : S::fields) {
    const row_examples& ex = examples[row++];
    md += "## " + str(f.name) + "\n\n";
    if (!f.source.empty()) md += "> " + str(f.source) + "\n\n";
    std::string names = "`" + str(f.name) + "`";
    if (!f.alternate.empty()) names += "; also `" + str(f.alternate) + "` (accepted, no warning)";
    if (!f.alias.empty()) names += "; also `" + str(f.alias) + "` (deprecated: a `deprecated_name` warning)";
    md += "* name: " + names + "\n";
    if (f.is_family())
      md += "* N: a canonical decimal from " + std::to_string(f.min_index) + " to " + std::to_string(f.max_index) +
            " (otherwise `bad_tag_index`)\n";
    md += std::string("* required: ") + (f.required ? "yes (absent or empty: `missing`)" : "no") + "\n";
    md += std::string("* empty value: ") +
          (f.required ? "`missing`" : f.empty_is_absent ? "the same as absent (no rule runs)" : "checked by the rules") + "\n";
    md += "* api_code: `" + str(f.api_code) + "`\n\n";
    if (f.rule_count() == 0) {
      md += "No rule on the value beyond valid UTF-8 (`invalid_utf8`).\n\n";
    } else {
      md += "| rule | profiles | code | api_code | JSON Schema | rejects, for example |\n|---|---|---|---|---|---|\n";
      for (std::size_t k = 0; k < sc::field::max_rules; ++k) {
        const sc::rule& r = f.rules[k];
        if (r.kind == sc::rule_kind::none) continue;
        const example& e = ex.per_rule[k];
        std::string sample = e.codes.empty() ? std::string("—") : shown(e.value);
        if (!e.codes.empty() && e.without_others) sample += " alone";
        const bool after_first = has_first_char(f, r.applies(sc::profile::documented) ? sc::profile::documented : sc::profile::hardened);
        md += "| " + english(r, after_first) + " | " + profiles_of(r) + " | " + code_list(codes_of(r)) + " | `" +
              str(r.api_code.empty() ? f.api_code : r.api_code) + "` | " + schema_words(r) + " | " + sample + " |\n";
      }
      md += "\n";
    }
    const std::string name = example_name(f);
    const sc::field* partner = required_partner<S>(f);
    const std::string with_partner = partner ? " (with `" + example_name(*partner) + "`)" : "";
    md += "Examples (as `" + name + "`):\n\n";
    md += "* valid: " + (ex.valid.value.empty() ? std::string("none found") : shown(ex.valid.value) + with_partner) + "\n";
    for (std::size_t k = 0; k < 2; ++k) {
      const example& bad = ex.invalid[k];
      md += "* invalid in profile " + profile_name(profiles[k]) + ": ";
      if (bad.codes.empty()) {
        bool any = false;
        for (const auto& r : f.rules) any = any || (r.kind != sc::rule_kind::none && r.applies(profiles[k]));
        md += any ? "none found among the generated values\n" : "none: no rule in this profile (any valid UTF-8 value passes)\n";
        continue;
      }
      md += shown(bad.value) + (bad.without_others && partner ? " without `" + example_name(*partner) + "`" : with_partner) +
            " → " + code_list(bad.codes) + "\n";
    }
    md += "\n";
  }
  return md;
}

}  // namespace export_tool

#endif

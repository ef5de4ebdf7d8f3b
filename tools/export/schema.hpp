// JSON Schema (draft 2020-12) of a table's request, one per profile, as a flat
// JSON object of strings (SPEC §12). Every rule kind is stated as
// export_of(kind) says (rules/rule.hpp); the kinds JSON Schema cannot state
// are left out of the schema and named in a $comment of the property.
#ifndef SNAPCHECK_TOOLS_EXPORT_SCHEMA_HPP
#define SNAPCHECK_TOOLS_EXPORT_SCHEMA_HPP

#include <snapcheck/snapcheck.hpp>

#include <string>
#include <vector>

#include "json.hpp"
#include "patterns.hpp"

namespace export_tool {

inline constexpr sc::profile profiles[] = {sc::profile::documented, sc::profile::hardened};

inline std::string str(sc::string_view s) { return std::string(s.data(), s.size()); }
inline std::string profile_name(sc::profile p) { return p == sc::profile::documented ? "documented" : "hardened"; }

// The spellings a row has: its name, then its alias and alternate when set.
inline std::vector<sc::spelling> spellings_of(const sc::field& f) {
  std::vector<sc::spelling> out;
  for (const sc::spelling s : sc::all_spellings)
    if (!f.spelled(s).empty()) out.push_back(s);
  return out;
}

// A spelling of a family member with N given ("Tag.{N}.Key", 3 -> "Tag.3.Key").
inline std::string member_name(const sc::field& f, sc::spelling s, std::uint32_t n) {
  std::string name = str(f.spelled(s));
  const auto at = name.find("{N}");
  if (at != std::string::npos) name.replace(at, 3, std::to_string(n));
  return name;
}

// The pattern of every valid member name of one spelling of a family.
inline std::string family_name_pattern(const sc::field& f, sc::spelling s) {
  const sc::string_view spelled = f.spelled(s);
  const auto at = spelled.find(sc::field::index_marker);
  return "^" + literal(spelled.substr(0, at), sc::case_mode::exact) + "(?:" + decimal_range(f.min_index, f.max_index) +
         ")" + literal(spelled.substr(at + 3), sc::case_mode::exact) + end_of_value;
}

// Returns true when the row has a first_char rule in profile p (only_chars
// then reads the characters after the first).
inline bool has_first_char(const sc::field& f, sc::profile p) {
  for (const auto& r : f.rules)
    if (r.kind == sc::rule_kind::first_char && r.applies(p)) return true;
  return false;
}

// The JSON Schema of one value rule, as export_of says; an object without
// members for the kinds stated elsewhere (dependency) or not at all (none).
inline json value_constraint(const sc::rule& r, bool after_first) {
  json c = json::object();
  switch (r.kind) {
    case sc::rule_kind::none:
    case sc::rule_kind::requires_field:  // on the request object
    case sc::rule_kind::predicate:
    case sc::rule_kind::unique: return c;
    case sc::rule_kind::length:
      if (r.min > 0) c.set("minLength", json::integer(static_cast<long long>(r.min)));
      c.set("maxLength", json::integer(static_cast<long long>(r.max)));
      return c;
    case sc::rule_kind::first_char:  // passes an empty value: a length rule speaks for it
      c.set("pattern", json::string("^(?!" + char_class(r.chars, true) + ")"));
      return c;
    case sc::rule_kind::only_chars:
      c.set("pattern", json::string(after_first ? std::string("^(?:") + any_char + char_class(r.chars, false) + "*)?" + end_of_value
                                                : "^" + char_class(r.chars, false) + "*" + end_of_value));
      return c;
    case sc::rule_kind::no_chars:
      c.set("pattern", json::string("^" + char_class(r.chars, true) + "*" + end_of_value));
      return c;
    case sc::rule_kind::no_prefix:
      c.set("pattern", json::string("^(?!" + alternation(r.texts, r.cases) + ")"));
      return c;
    case sc::rule_kind::no_suffix:
      c.set("pattern", json::string(std::string("^(?!") + any_char + "*" + alternation(r.texts, r.cases) + end_of_value + ")"));
      return c;
    case sc::rule_kind::no_substring:
      c.set("pattern", json::string(std::string("^(?!") + any_char + "*" + alternation(r.texts, r.cases) + ")"));
      return c;
    case sc::rule_kind::one_of:
      if (r.cases == sc::case_mode::exact) {
        json values = json::array();
        for (const auto& t : r.texts) values.push(json::string(str(t)));
        c.set("enum", values);
      } else {
        c.set("pattern", json::string("^" + alternation(r.texts, r.cases) + end_of_value));
      }
      return c;
    case sc::rule_kind::integer:
      c.set("pattern", json::string("^0*(?:" + decimal_range(r.min, r.max) + ")" + end_of_value));
      return c;
    case sc::rule_kind::date: c.set("pattern", json::string(date_pattern())); return c;
    case sc::rule_kind::timestamp: c.set("pattern", json::string(timestamp_pattern())); return c;
  }
  return c;
}

// Why a rule kind is not in the schema, for the $comment of a property.
inline std::string not_stated(const sc::rule& r) {
  switch (sc::export_of(r.kind)) {
    case sc::schema_export::none:
      return r.kind == sc::rule_kind::unique ? "not stated: no two members of the family may have equal values (duplicate_tag_key)"
                                             : "not stated: the value must be " + str(r.describe) + " (a predicate)";
    case sc::schema_export::nothing:
    case sc::schema_export::keyword:
    case sc::schema_export::pattern:
    case sc::schema_export::dependency: return "";
  }
  return "";
}

// Adds constraint c to schema s: its keywords directly when s has none of
// them yet, otherwise as one more member of s's allOf.
inline void merge(json& s, const json& c) {
  if (c.empty()) return;
  bool clash = false;
  for (const auto& [k, v] : c.members()) clash = clash || s.has(k);
  if (!clash) {
    for (const auto& [k, v] : c.members()) s.set(k, v);
    return;
  }
  if (!s.has("allOf")) s.set("allOf", json::array());
  s["allOf"].push(c);
}

// The schema of one spelling's value in profile p.
template <class S>
json value_schema(const sc::field& f, sc::spelling spelled, sc::profile p, const std::string& example) {
  json rules = json::object();
  if (f.required) rules.set("minLength", json::integer(1));  // empty is missing
  std::vector<std::string> comments;
  const bool after_first = has_first_char(f, p);
  for (const auto& r : f.rules) {
    if (r.kind == sc::rule_kind::none || !r.applies(p)) continue;
    merge(rules, value_constraint(r, after_first));
    if (const std::string why = not_stated(r); !why.empty()) comments.push_back(why);
  }
  json s = json::object();
  s.set("type", json::string("string"));
  if (!f.source.empty()) s.set("description", json::string(str(f.source)));
  std::string comment;
  for (const auto& c : comments) comment += (comment.empty() ? "" : "; ") + c;
  if (!comment.empty()) s.set("$comment", json::string(comment));
  if (spelled == sc::spelling::alias) s.set("deprecated", json::boolean(true));
  const bool empty_passes = f.empty_is_absent && !f.required;
  if (empty_passes && !rules.empty()) {
    if (rules.members().size() == 1 && rules.has("enum")) {  // "" joins the values
      json values = json::array();
      values.push(json::string(""));
      for (const auto& v : rules.members()[0].second.items()) values.push(v);
      s.set("enum", values);
    } else {
      json alternatives = json::array();
      json empty = json::object();
      empty.set("const", json::string(""));
      alternatives.push(empty);
      alternatives.push(rules);
      s.set("anyOf", alternatives);
    }
  } else {
    for (const auto& [k, v] : rules.members()) s.set(k, v);
  }
  if (!example.empty()) s.set("examples", json::strings({example}));
  return s;
}

// The names a requires_field rule's row is present under, for N (0: a plain
// row): each spelling, with minLength 1 where an empty value is absent.
inline json presence_of(const sc::field& target, std::uint32_t n) {
  json any = json::array();
  for (const sc::spelling s : spellings_of(target)) {
    json one = json::object();
    const std::string name = target.is_family() ? member_name(target, s, n) : str(target.spelled(s));
    one.set("required", json::strings({name}));
    if (target.empty_is_absent) {
      json props = json::object();
      json nonempty = json::object();
      nonempty.set("minLength", json::integer(1));
      props.set(name, nonempty);
      one.set("properties", props);
    }
    any.push(one);
  }
  return any;
}

template <class S>
const sc::field& row_named(sc::string_view name) {
  for (const sc::field& f : S::fields)
    if (f.name == name) return f;
  return S::fields[0];  // assert_sane guarantees the name is a row
}

// Options of the export: an example value per row (by row index).
struct schema_options {
  std::vector<std::string> examples;
  bool for_openapi = false;  // no $schema / $comment header
};

// Returns the JSON Schema of the request of table S in profile p.
template <class S>
json request_schema(sc::profile p, const std::string& title, const std::string& source_file, const schema_options& o) {
  json s = json::object();
  if (!o.for_openapi) {
    s.set("$schema", json::string("https://json-schema.org/draft/2020-12/schema"));
    s.set("$comment", json::string("GENERATED by tools/export_schema.sh from " + source_file + "; do not edit. See docs/schema.md."));
  }
  s.set("title", json::string(title + " request (profile " + profile_name(p) + ")"));
  bool unknown_is_error = false;
  if constexpr (requires { S::unknown_is_error_in; }) unknown_is_error = S::unknown_is_error_in.contains(p);
  s.set("description",
        json::string(std::string("The request as a flat object of strings (decoded names and values). ") +
                     (unknown_is_error ? "Unknown names are errors (additionalProperties: false); add the names of an allow-list to properties."
                                       : "Unknown names are warnings, so they are allowed.") +
                     " Rules JSON Schema cannot state are listed in docs/schema.md."));
  s.set("type", json::string("object"));
  s.set("maxProperties", json::integer(static_cast<long long>(sc::options{}.max_parameters)));

  json required = json::array();
  json all_of = json::array();
  json properties = json::object();
  json pattern_properties = json::object();
  json dependent_required = json::object();
  json dependent_schemas = json::object();

  std::size_t row = 0;
  for (const sc::field& f : S::fields) {
    const std::string example = row < o.examples.size() ? o.examples[row] : std::string();
    ++row;
    for (const sc::spelling sp : spellings_of(f)) {
      const json value = value_schema<S>(f, sp, p, example);
      if (f.is_family()) pattern_properties.set(family_name_pattern(f, sp), value);
      else properties.set(str(f.spelled(sp)), value);
    }
    if (f.required) {
      const auto sps = spellings_of(f);
      if (sps.size() == 1) {
        required.push(json::string(str(f.name)));
      } else {
        json any = json::object();
        json alternatives = json::array();
        for (const sc::spelling sp : sps) {
          json one = json::object();
          one.set("required", json::strings({str(f.spelled(sp))}));
          alternatives.push(one);
        }
        any.set("anyOf", alternatives);
        all_of.push(any);
      }
    }
    for (const auto& r : f.rules) {
      if (r.kind != sc::rule_kind::requires_field || !r.applies(p)) continue;
      const sc::field& target = row_named<S>(r.texts[0]);
      const std::uint32_t first = f.is_family() ? f.min_index : 0, last = f.is_family() ? f.max_index : 0;
      for (std::uint32_t n = first; n <= last; ++n) {
        const json any = presence_of(target, n);
        const bool plain_list = any.items().size() == 1 && !target.empty_is_absent && !f.empty_is_absent;
        for (const sc::spelling sp : spellings_of(f)) {
          const std::string name = f.is_family() ? member_name(f, sp, n) : str(f.spelled(sp));
          if (plain_list) {
            dependent_required.set(name, any.items()[0].members()[0].second);
            continue;
          }
          json dep = json::object();
          json alternatives = any;
          if (f.empty_is_absent) {  // an empty value is absent: it needs nothing
            json empty = json::object(), props = json::object(), c = json::object();
            c.set("const", json::string(""));
            props.set(name, c);
            empty.set("properties", props);
            json with_empty = json::array();
            with_empty.push(empty);
            for (const auto& a : alternatives.items()) with_empty.push(a);
            alternatives = with_empty;
          }
          dep.set("anyOf", alternatives);
          dependent_schemas.set(name, dep);
        }
      }
    }
  }

  // Names of a family's shape whose N is not a canonical index in range
  // (bad_tag_index, an error in every profile): the family's prefix, then
  // anything but a valid N and the suffix, then the suffix; names another
  // row takes (a plain name or another family of that shape) are left out.
  for (const sc::field& f : S::fields) {
    if (!f.is_family()) continue;
    for (const sc::spelling sp : spellings_of(f)) {
      const sc::string_view spelled = f.spelled(sp);
      const auto at = spelled.find(sc::field::index_marker);
      const sc::string_view prefix = spelled.substr(0, at), suffix = spelled.substr(at + 3);
      std::string others;
      for (const sc::field& g : S::fields)
        for (const sc::spelling gs : spellings_of(g)) {
          const sc::string_view name = g.spelled(gs);
          if (&g == &f && gs == sp) continue;
          if (name.size() < prefix.size() + suffix.size() || name.substr(0, prefix.size()) != prefix ||
              name.substr(name.size() - suffix.size()) != suffix)
            continue;
          if (!others.empty()) others += '|';
          if (g.is_family()) others += family_name_pattern(g, gs).substr(1);
          else others.append(literal(name, sc::case_mode::exact)).append(end_of_value);
        }
      const std::string lit_suffix = literal(suffix, sc::case_mode::exact);
      std::string bad = "^";
      if (!others.empty()) bad.append("(?!(?:").append(others).append("))");
      bad.append(literal(prefix, sc::case_mode::exact)).append("(?!(?:").append(decimal_range(f.min_index, f.max_index));
      bad.append(")").append(lit_suffix).append(end_of_value).append(")").append(any_char).append("*");
      bad.append(lit_suffix).append(end_of_value);
      json never = json::object();
      never.set("description", json::string("bad_tag_index: N of " + str(spelled) + " must be a canonical decimal from " +
                                            std::to_string(f.min_index) + " to " + std::to_string(f.max_index)));
      never.set("not", json::object());
      pattern_properties.set(bad, never);
    }
  }

  if (!required.items().empty()) s.set("required", required);
  if (!all_of.items().empty()) s.set("allOf", all_of);
  s.set("properties", properties);
  if (!pattern_properties.empty()) s.set("patternProperties", pattern_properties);
  if (!dependent_required.empty()) s.set("dependentRequired", dependent_required);
  if (!dependent_schemas.empty()) s.set("dependentSchemas", dependent_schemas);
  if (unknown_is_error) s.set("additionalProperties", json::boolean(false));
  return s;
}

}  // namespace export_tool

#endif

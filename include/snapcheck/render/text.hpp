// Text from violation data: the field name as given, and an English message
// that names the field and the bound but never the value (values may hold
// secrets or log-injection text). Writers call out(string_view) and
// allocate nothing; std::string helpers are in snapcheck/strings.hpp.
#ifndef SNAPCHECK_RENDER_TEXT_HPP
#define SNAPCHECK_RENDER_TEXT_HPP

#include <cstddef>
#include <cstdint>

#include "../core/string_view.hpp"
#include "../encoding/text.hpp"
#include "../result/violation.hpp"
#include "../unicode/utf8.hpp"

namespace snapcheck {
namespace detail {

template <class Out>
constexpr void write_number(std::uint64_t v, Out& out) {
  char buf[20] = {};
  std::size_t n = 0;
  do {
    buf[sizeof buf - 1 - n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out(string_view(buf + sizeof buf - n, n));
}

// Writes a table name, with {N} replaced by index.
template <class Out>
constexpr void write_template(string_view name, std::uint32_t index, Out& out) {
  const auto at = name.find(field::index_marker);
  if (at == string_view::npos) {
    out(name);
    return;
  }
  out(name.substr(0, at));
  write_number(index, out);
  out(name.substr(at + field::index_marker.size()));
}

// Writes a family's table name with {N} written as the letter N (Tag.N.Key).
template <class Out>
constexpr void write_template_letter(string_view name, Out& out) {
  const auto at = name.find(field::index_marker);
  if (at == string_view::npos) {
    out(name);
    return;
  }
  out(name.substr(0, at));
  out(string_view("N"));
  out(name.substr(at + field::index_marker.size()));
}

}  // namespace detail

// Writes the parameter name of p as given in the input, always valid UTF-8.
template <class Out>
constexpr void write_field(const field_path& p, Out&& out) {
  if (p.is_known()) {
    detail::write_template(p.def->spelled(p.spelled), p.index, out);
    return;
  }
  unicode::utf8_sanitizer<Out> clean(out);
  if (!p.group.empty()) {  // "Tag.N." before the member's name
    for (const char c : p.group) clean.put(static_cast<unsigned char>(c));
    clean.finish();
    out(string_view("."));
    detail::write_number(p.group_index, out);
    out(string_view("."));
  }
  for (const unsigned char b : encoded_text{p.text, p.form == name_text::form_encoded ? encoding::form : encoding::decoded})
    clean.put(b);
  clean.finish();
}

namespace detail {

// Returns true for the characters that a message never shows as they are
// (SPEC §6): the controls U+0000-U+001F and U+007F-U+009F, the bidi
// controls U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, and the line and
// paragraph separators U+2028, U+2029. Each could break a log line or
// reorder what a reader sees.
[[nodiscard]] constexpr bool shown_escaped(char32_t c) noexcept {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

// Writes c as \u{XXXX}: upper-case hex, at least four digits.
template <class Out>
constexpr void write_code_point_escape(char32_t c, Out& out) {
  constexpr char hex[] = "0123456789ABCDEF";
  char buf[11] = {'\\', 'u', '{'};
  std::size_t digits = 4;
  while (digits < 6 && (static_cast<std::uint32_t>(c) >> (4 * digits)) != 0) ++digits;
  std::size_t n = 3;
  for (std::size_t d = digits; d-- > 0;) buf[n++] = hex[(static_cast<std::uint32_t>(c) >> (4 * d)) & 15u];
  buf[n++] = '}';
  out(string_view(buf, n));
}

// Passes valid UTF-8 on, with the characters of shown_escaped() written as
// escapes. Each call must hold whole characters (write_field's sanitizer
// passes one character a call; table names are ASCII). Remembers whether
// anything was written, for "(empty name)".
template <class Out>
struct message_name_filter {
  Out& out;
  bool wrote = false;

  constexpr void operator()(string_view s) {
    std::size_t clean = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      const auto b = static_cast<unsigned char>(s[i]);
      const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      if (i + len > s.size()) break;  // not whole: passed on as it is
      char32_t c = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
      for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
      if (shown_escaped(c)) {
        if (i > clean) out(s.substr(clean, i - clean));
        write_code_point_escape(c, out);
        clean = i + len;
      }
      i += len;
    }
    if (s.size() > clean) out(s.substr(clean));
    if (!s.empty()) wrote = true;
  }
};

}  // namespace detail

// Writes the parameter name of p as a message shows it (SPEC §6): the name
// as write_field() gives it, with control characters, bidi controls and
// U+2028/U+2029 written as \u{XXXX}, and "(empty name)" for an empty name.
// The output is one line of valid UTF-8 that no name can reorder.
template <class Out>
constexpr void write_message_name(const field_path& p, Out&& out) {
  detail::message_name_filter<Out> filter{out};
  write_field(p, filter);
  if (!filter.wrote) out(string_view("(empty name)"));
}

namespace detail {

template <class Out>
constexpr void write_texts(const rule& r, Out& out) {
  for (std::size_t t = 0; t < r.text_count(); ++t) {
    if (t > 0) out(t + 1 == r.text_count() ? string_view(" or ") : string_view(", "));
    out(string_view("'"));
    out(r.texts[t]);
    out(string_view("'"));
  }
}

template <class Out>
constexpr void write_position(const violation& v, Out& out) {
  if (!v.at) return;
  out(string_view(" (at character "));
  write_number(*v.at + 1, out);  // 1-based, as people count (SPEC §6)
  out(string_view(")"));
}

}  // namespace detail

// Writes an English sentence describing v. It names the field and the rule's
// bound, and never includes the offending value.
template <class Out>
constexpr void write_message(const violation& v, Out&& out) {
  using detail::write_number;
  auto field = [&] { write_message_name(v.field, out); };
  const rule& r = *v.rule;
  const bool has_rule = r.kind != rule_kind::none;
  switch (v.code) {
    case code::missing:
      field();
      out(string_view(" is required and must not be empty"));
      break;
    case code::unknown_parameter:
      field();
      out(v.severity == severity::error ? string_view(" is not a parameter of this API and is not allowed") : string_view(" is not a parameter of this API and is ignored"));
      break;
    case code::deprecated_name:
      field();
      out(string_view(" is a deprecated spelling of "));
      write_message_name(field_path{v.field.def, v.field.index, spelling::name}, out);
      break;
    case code::duplicate_parameter:
      field();
      out(string_view(" is given more than once; only the first occurrence is used"));
      break;
    case code::too_many_parameters:
      if (v.limit) {
        out(string_view("the request has more than "));
        write_number(*v.limit, out);
        out(*v.limit == 1 ? string_view(" parameter, the most it may have") : string_view(" parameters, the most it may have"));
      } else {
        out(string_view("the request has more parameters than the limit allows"));
      }
      break;
    case code::bad_encoding:
      field();
      out(v.field.is_known() ? string_view(" has a '%' that is not followed by two hexadecimal digits")
                             : string_view(" (a parameter name) has a '%' that is not followed by two hexadecimal digits"));
      break;
    case code::invalid_utf8:
      field();
      out(v.field.has_row() ? string_view(" is not valid UTF-8") : string_view(" (a parameter name) is not valid UTF-8"));
      if (v.at) {
        out(string_view(" (at byte "));
        write_number(*v.at + 1, out);  // 1-based, as people count
        out(string_view(")"));
      }
      break;
    case code::bad_tag_index:
      field();
      out(string_view(" has an index that is not a whole number from "));
      write_number(v.field.def->min_index, out);
      out(string_view(" to "));
      write_number(v.field.def->max_index, out);
      out(string_view(" written without leading zeros"));
      break;
    case code::too_short:
    case code::too_long:
      field();
      out(v.code == code::too_short ? string_view(" must be at least ") : string_view(" must be at most "));
      write_number(v.limit.value_or(0), out);
      out(v.limit.value_or(0) == 1 ? string_view(" character long (it has ") : string_view(" characters long (it has "));
      write_number(v.length.value_or(0), out);
      out(string_view(")"));
      break;
    case code::bad_start:
      field();
      out(string_view(" must start with "));
      out(has_rule ? r.describe : string_view("an allowed character"));
      break;
    case code::bad_char:
      field();
      if (has_rule && r.kind == rule_kind::no_chars) {
        out(string_view(" must not contain "));
        out(r.describe);
      } else {
        out(string_view(" may contain only "));
        out(has_rule ? r.describe : string_view("allowed characters"));
      }
      detail::write_position(v, out);
      break;
    case code::reserved_prefix:
      field();
      out(string_view(" must not start with "));
      if (has_rule) detail::write_texts(r, out);
      if (has_rule && r.cases == case_mode::ascii_insensitive) out(string_view(" in any letter case"));
      break;
    case code::reserved_suffix:
      field();
      out(string_view(" must not end with "));
      if (has_rule) detail::write_texts(r, out);
      if (has_rule && r.cases == case_mode::ascii_insensitive) out(string_view(" in any letter case"));
      break;
    case code::forbidden_substring:
      field();
      out(string_view(" must not contain "));
      if (has_rule) detail::write_texts(r, out);
      if (has_rule && r.cases == case_mode::ascii_insensitive) out(string_view(" in any letter case"));
      detail::write_position(v, out);
      break;
    case code::not_in_enum:
      field();
      out(string_view(" must be "));
      if (has_rule) detail::write_texts(r, out);
      break;
    case code::not_integer:
      field();
      out(string_view(" must be a whole number written with the digits 0-9 only"));
      break;
    case code::out_of_range:
      field();
      out(string_view(" must be from "));
      write_number(has_rule ? r.min : 0, out);
      out(string_view(" to "));
      write_number(has_rule ? r.max : v.limit.value_or(0), out);
      break;
    case code::bad_format:
      field();
      out(string_view(" must be "));
      out(has_rule ? r.describe : string_view("in the required format"));
      break;
    case code::value_without_key:
      field();
      out(string_view(" is given without "));
      if (has_rule && r.text_count() > 0) detail::write_template(r.texts[0], v.field.index, out);
      else out(string_view("its key"));
      break;
    case code::duplicate_tag_key:
      field();
      // Names the family from the row (Tag.N.Key), not "tag": the engine
      // serves any table, and the earlier member's N is not in the data.
      if (v.field.has_row() && v.field.def->is_family()) {
        out(string_view(" has the same value as a "));
        detail::write_template_letter(v.field.def->name, out);
        out(string_view(" with a lower N"));
      } else {
        out(string_view(" has the same value as an earlier parameter"));
      }
      break;
    case code::wrong_type:
      field();
      out(string_view(" has a JSON type that this parameter cannot hold"));
      break;
  }
  if (v.has_suggestion()) {
    out(string_view("; did you mean "));
    if (v.suggested_field.is_known()) write_field(v.suggested_field, out);
    else out(v.suggested_value);
    out(string_view("?"));
  }
}

// Writes the suggestion of v (a name or a value), if it has one.
template <class Out>
constexpr void write_suggestion(const violation& v, Out&& out) {
  if (v.suggested_field.is_known()) write_field(v.suggested_field, out);
  else out(v.suggested_value);
}

}  // namespace snapcheck

#endif

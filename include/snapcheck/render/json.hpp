// A result as one JSON object (the CLI's output, SPEC §8). The output is
// valid UTF-8 JSON whatever the input: names are sanitised, then escaped.
#ifndef SNAPCHECK_RENDER_JSON_HPP
#define SNAPCHECK_RENDER_JSON_HPP

#include <cstddef>

#include "../core/string_view.hpp"
#include "../result/result.hpp"
#include "text.hpp"

namespace snapcheck {
namespace detail {

// Escapes valid UTF-8 for a JSON string and passes it on.
template <class Out>
struct json_escaper {
  Out& out;
  constexpr void operator()(string_view s) const {
    constexpr char hex[] = "0123456789abcdef";
    std::size_t clean = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      if (i > clean) out(s.substr(clean, i - clean));
      clean = i + 1;
      if (c == '"') out(string_view("\\\""));
      else if (c == '\\') out(string_view("\\\\"));
      else if (c == '\n') out(string_view("\\n"));
      else if (c == '\r') out(string_view("\\r"));
      else if (c == '\t') out(string_view("\\t"));
      else {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out(string_view(u, 6));
      }
    }
    if (s.size() > clean) out(s.substr(clean));
  }
};

template <class Out, class Write>
constexpr void json_string(Out& out, Write&& write) {
  out(string_view("\""));
  json_escaper<Out> esc{out};
  write(esc);
  out(string_view("\""));
}

}  // namespace detail

// Writes one violation as a JSON object.
template <class Out>
constexpr void write_json(const violation& v, Out&& out) {
  out(string_view("{\"field\":"));
  detail::json_string(out, [&](auto& esc) { write_field(v.field, esc); });
  out(string_view(",\"code\":\""));
  out(to_string(v.code));
  out(string_view("\",\"severity\":\""));
  out(to_string(v.severity));
  out(string_view("\",\"api_code\":"));
  detail::json_string(out, [&](auto& esc) { esc(v.api_code); });
  out(string_view(",\"message\":"));
  detail::json_string(out, [&](auto& esc) { write_message(v, esc); });
  const auto number = [&](string_view key, auto value) {
    if (!value) return;
    out(key);
    detail::write_number(*value, out);
  };
  number(",\"at\":", v.at);
  number(",\"length\":", v.length);
  // SPEC §8 gives "limit" for lengths and ranges; too_many_parameters keeps
  // its limit for the message only.
  if (v.code != code::too_many_parameters) number(",\"limit\":", v.limit);
  if (v.has_suggestion()) {
    out(string_view(",\"suggestion\":"));
    detail::json_string(out, [&](auto& esc) { write_suggestion(v, esc); });
  }
  out(string_view("}"));
}

// Writes a result as {"ok":…,"truncated":…,"violations":[…]}.
template <std::size_t N, class Out>
constexpr void write_json(const basic_result<N>& r, Out&& out) {
  out(r.ok() ? string_view("{\"ok\":true") : string_view("{\"ok\":false"));
  out(r.truncated() ? string_view(",\"truncated\":true,\"violations\":[") : string_view(",\"truncated\":false,\"violations\":["));
  bool first = true;
  for (const violation& v : r.violations()) {
    if (!first) out(string_view(","));
    first = false;
    write_json(v, out);
  }
  out(string_view("]}"));
}

}  // namespace snapcheck

#endif

// HTTP responses from a result (SPEC §7): the status, the success body, the
// failure body in the API page's shape and in the public API's shape, and
// RFC 9457 problem details. Writers call out(string_view), or fill a
// caller's buffer (render_into, with a size query), and allocate nothing.
// The output is valid UTF-8 JSON whatever bytes the request or the caller's
// ids held: names and ids are sanitised (U+FFFD) and then JSON-escaped, and
// no value of the request is ever written.
#ifndef SNAPCHECK_RENDER_RESPONSE_HPP
#define SNAPCHECK_RENDER_RESPONSE_HPP

#include <cstddef>
#include <cstdint>

#include "../core/string_view.hpp"
#include "../result/result.hpp"
#include "../unicode/utf8.hpp"
#include "json.hpp"
#include "text.hpp"

namespace snapcheck {

// Returns the HTTP status of the answer to a request with this result:
// 200 when it is ok (warnings allowed), 400 for every validation failure.
template <std::size_t N>
[[nodiscard]] constexpr int http_status(const basic_result<N>& r) noexcept {
  return r.ok() ? 200 : 400;
}

// The body a failure is answered with.
enum class response_shape : std::uint8_t {
  page,        // {"resultCode":-1,"resultMsg":"<api_code>: <message>","result":null}
  public_api,  // {"RequestId":…,"HostId":…,"Code":…,"Message":…}
  problem,     // RFC 9457 application/problem+json, every violation listed
};

// Returns the Content-Type of a body: application/problem+json for a failure
// in the problem shape, application/json otherwise.
[[nodiscard]] constexpr string_view content_type(response_shape s, bool ok = false) noexcept {
  return !ok && s == response_shape::problem ? string_view("application/problem+json")
                                             : string_view("application/json");
}

// The members of problem details that are not taken from the violations.
struct problem_fields {
  string_view type = "about:blank";  // RFC 9457: about:blank means "just the status"
  string_view title = "Bad Request"; // with about:blank, the status's phrase
  string_view instance{};            // omitted when empty
};

// What a server supplies to render a response.
struct response_info {
  response_shape shape = response_shape::page;
  string_view request_id{};  // RequestID of a success; RequestId of a public-API failure
  string_view host_id{};     // HostId of a public-API failure
  problem_fields problem{};
};

// Returns the violation a one-violation failure body reports: the first
// kept error, else the first kept warning, else null (nothing kept).
template <std::size_t N>
[[nodiscard]] constexpr const violation* reported_violation(const basic_result<N>& r) noexcept {
  const auto all = r.violations();
  for (const violation& v : all)
    if (v.is_error()) return &v;
  return all.size() > 0 ? &all[0] : nullptr;
}

namespace detail {

// What a failure body says when no violation was kept (a result made with
// max_violations 0): the request-level code of CreateSnapshot.
inline constexpr string_view fallback_api_code = "InvalidParameter";
inline constexpr string_view fallback_message = "the request is not valid";

// Passes s, any bytes, on to out as valid UTF-8 (U+FFFD for bad bytes).
template <class Out>
constexpr void write_sanitised(string_view s, Out& out) {
  unicode::utf8_sanitizer<Out> clean(out);
  for (std::size_t i = 0; i < s.size(); ++i) clean.put(static_cast<unsigned char>(s[i]));
  clean.finish();
}

// Writes s, any bytes, as a JSON string: sanitised to UTF-8, then escaped.
template <class Out>
constexpr void json_any_string(string_view s, Out& out) {
  json_string(out, [&](auto& esc) { write_sanitised(s, esc); });
}

// Writes "<api_code>: <message>" of v (or the fallback) through esc.
template <class Esc>
constexpr void code_and_message(const violation* v, Esc& esc) {
  write_sanitised(v ? v->api_code : fallback_api_code, esc);
  esc(string_view(": "));
  if (v) write_message(*v, esc);
  else esc(fallback_message);
}

// Writes the api_code of v (or the fallback) as a JSON string.
template <class Out>
constexpr void json_api_code(const violation* v, Out& out) {
  json_any_string(v ? v->api_code : fallback_api_code, out);
}

// Writes the message of v (or the fallback), escaped for a JSON string.
template <class Esc>
constexpr void message_or_fallback(const violation* v, Esc& esc) {
  if (v) write_message(*v, esc);
  else esc(fallback_message);
}

}  // namespace detail

// Writes the success body of the API page: {"RequestID":"<id>"}.
template <class Out>
constexpr void write_success_body(string_view request_id, Out&& out) {
  out(string_view("{\"RequestID\":"));
  detail::json_any_string(request_id, out);
  out(string_view("}"));
}

// Writes the failure body in the API page's shape:
// {"resultCode":-1,"resultMsg":"<api_code>: <message>","result":null}, of
// the first error (the first warning when there is no error).
template <std::size_t N, class Out>
constexpr void write_failure_body(const basic_result<N>& r, Out&& out) {
  const violation* v = reported_violation(r);
  out(string_view("{\"resultCode\":-1,\"resultMsg\":"));
  detail::json_string(out, [&](auto& esc) { detail::code_and_message(v, esc); });
  out(string_view(",\"result\":null}"));
}

// Writes the failure body in the public API's shape:
// {"RequestId":"<id>","HostId":"<host>","Code":"<api_code>","Message":"<message>"}
// of the first error (the first warning when there is no error).
template <std::size_t N, class Out>
constexpr void write_public_failure_body(const basic_result<N>& r, string_view request_id, string_view host_id,
                                         Out&& out) {
  const violation* v = reported_violation(r);
  out(string_view("{\"RequestId\":"));
  detail::json_any_string(request_id, out);
  out(string_view(",\"HostId\":"));
  detail::json_any_string(host_id, out);
  out(string_view(",\"Code\":"));
  detail::json_api_code(v, out);
  out(string_view(",\"Message\":"));
  detail::json_string(out, [&](auto& esc) { detail::message_or_fallback(v, esc); });
  out(string_view("}"));
}

// Writes RFC 9457 problem details: type, title, status 400, detail (the
// reported violation's api_code and message, and how many more there are),
// instance when given, then the extension members "truncated" and "errors",
// every kept violation as the CLI's JSON object (SPEC §8).
template <std::size_t N, class Out>
constexpr void write_problem_details(const basic_result<N>& r, Out&& out, const problem_fields& p = {}) {
  const violation* v = reported_violation(r);
  out(string_view("{\"type\":"));
  detail::json_any_string(p.type, out);
  out(string_view(",\"title\":"));
  detail::json_any_string(p.title, out);
  out(string_view(",\"status\":400,\"detail\":"));
  detail::json_string(out, [&](auto& esc) {
    detail::code_and_message(v, esc);
    if (v == nullptr) {
      esc(string_view(" ("));
      detail::write_number(r.found(), esc);
      esc(r.found() == 1 ? " violation found, none kept)" : " violations found, none kept)");
    } else if (r.found() > 1) {
      esc(string_view(" (and "));
      detail::write_number(r.found() - 1, esc);
      esc(r.found() == 2 ? " more violation)" : " more violations)");
    }
  });
  if (!p.instance.empty()) {
    out(string_view(",\"instance\":"));
    detail::json_any_string(p.instance, out);
  }
  out(r.truncated() ? string_view(",\"truncated\":true,\"errors\":[") : string_view(",\"truncated\":false,\"errors\":["));
  bool first = true;
  for (const violation& each : r.violations()) {
    if (!first) out(string_view(","));
    first = false;
    write_json(each, out);
  }
  out(string_view("]}"));
}

// Writes the body that answers a request with result r: the success body
// (with info.request_id) when r is ok, else the failure body in info.shape.
// Send it with http_status(r) and content_type(info.shape, r.ok()).
template <std::size_t N, class Out>
constexpr void write_response_body(const basic_result<N>& r, const response_info& info, Out&& out) {
  if (r.ok()) {
    write_success_body(info.request_id, out);
    return;
  }
  switch (info.shape) {
    case response_shape::page: write_failure_body(r, out); return;
    case response_shape::public_api: write_public_failure_body(r, info.request_id, info.host_id, out); return;
    case response_shape::problem: write_problem_details(r, out, info.problem); return;
  }
}

// An output that fills a caller's buffer: it copies what fits and counts
// every byte, so size() is what the whole text needs.
class buffer_out {
 public:
  constexpr buffer_out(char* data, std::size_t capacity) noexcept : data_(data), capacity_(capacity) {}
  constexpr void operator()(string_view s) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i, ++size_)
      if (size_ < capacity_) data_[size_] = s[i];
  }
  // Returns how many bytes the text needs (written or not).
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  // Returns true when the whole text is in the buffer.
  [[nodiscard]] constexpr bool fits() const noexcept { return size_ <= capacity_; }

 private:
  char* data_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};

// Calls write(out) with an output into buf (capacity bytes; may be null when
// capacity is 0) and returns the size the whole text needs: the text is
// complete when that is at most capacity. With capacity 0 it is a size query.
//   const auto n = render_into(buf, sizeof buf, [&](auto& out) { write_failure_body(r, out); });
template <class Write>
constexpr std::size_t render_into(char* buf, std::size_t capacity, Write&& write) {
  buffer_out out(buf, capacity);
  write(out);
  return out.size();
}

}  // namespace snapcheck

#endif

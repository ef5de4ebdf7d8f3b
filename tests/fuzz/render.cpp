// Fuzz target `render`: the response renderers (SPEC §7) and the messages
// (SPEC §6) over any bytes. The input is a form body; when it holds a 0x1E
// byte, what follows the first is the caller's request id and what follows a
// second is its host id (any bytes, as a server might pass them on).
//
// Oracle, for each of four option sets (documented; hardened with an
// allow-list; hardened keeping 3 violations; documented keeping none):
//  - every writer (success body, failure body in the page's shape and in the
//    public API's, problem details, write_response_body in each shape, every
//    message and message name) first answers a size query (render_into with
//    no buffer), then writes into an exactly sized buffer: neither allocates,
//    both give the same size, and the text equals what the callable writer
//    gives; a buffer half that size holds the text's first half and nothing
//    is written past it;
//  - every body is one line of strict UTF-8 JSON (support/json_check.hpp)
//    with no byte below 0x20, and parses (tests/support/mini_json.hpp) to
//    exactly the members SPEC §7 gives it: the page's shape has resultCode
//    -1, resultMsg "<api_code>: <message>" of the first error (else the
//    first warning) and result null; the public shape RequestId and HostId
//    are the caller's ids as valid UTF-8 (each maximal invalid subpart
//    U+FFFD), Code and Message those of the same violation; problem details
//    have status 400 and one element of "errors" per kept violation whose
//    field, code, severity, api_code and message are the violation's;
//    the success body's RequestID is the caller's id, sanitised;
//  - http_status is 200 exactly when the result is ok, 400 otherwise;
//  - every message is one line of valid UTF-8 with no control character
//    (U+0000-U+001F, U+007F-U+009F), no bidi control (U+200E, U+200F,
//    U+202A-U+202E, U+2066-U+2069) and no U+2028/U+2029, and one about a
//    name that is no table row starts with that name as SPEC §6 shows it
//    (computed here from field_name(): those characters as \u{XXXX}, upper
//    case hex, at least 4 digits; "(empty name)" for an empty name).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>

#include <snapcheck/strings.hpp>

#include "../support/mini_json.hpp"
#include "support/alloc_guard.hpp"
#include "support/check.hpp"
#include "support/json_check.hpp"
#include "support/model.hpp"

namespace {

constexpr snapcheck::string_view allow_list[] = {"Signature", "x"};

const snapcheck::options configs[] = {
    {},
    {.profile = snapcheck::profile::hardened, .allow = allow_list},
    {.profile = snapcheck::profile::hardened, .max_violations = 3},
    {.max_violations = 0},
};

bool shown_escaped(char32_t c) {
  return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

// How SPEC §6 shows a (valid UTF-8) name in a message.
std::string shown_name(std::string_view name) {
  if (name.empty()) return "(empty name)";
  std::string out;
  char buf[16];
  std::size_t i = 0;
  while (i < name.size()) {
    char32_t c = 0;
    const int n = fuzz::utf8_step(name, i, c);
    FUZZ_CHECK(n > 0, "field_name is not valid UTF-8: " + fuzz::printable(name));
    if (shown_escaped(c)) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(name.substr(i, static_cast<std::size_t>(n)));
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

void check_message_line(const std::string& m, const std::string& what) {
  FUZZ_CHECK(!m.empty() && fuzz::utf8_valid(m), what + ": " + fuzz::printable(m));
  for (char32_t c : fuzz::utf8_decode(m))
    FUZZ_CHECK(!shown_escaped(c), what + ": a forbidden character in " + fuzz::printable(m));
}

// Renders through `write` three ways (size query, exact buffer, callable),
// checks they agree and that the buffered ones allocate nothing; returns the
// text.
template <class Write>
std::string render_checked(const Write& write, const std::string& what) {
  fuzz::alloc_watch_begin();
  const std::size_t need = snapcheck::render_into(nullptr, 0, write);
  std::size_t allocations = fuzz::alloc_watch_end();
  FUZZ_CHECK(allocations == 0, what + ": the size query allocated");
  std::string buffered(need + 1, '\x01');
  fuzz::alloc_watch_begin();
  const std::size_t got = snapcheck::render_into(buffered.data(), need, write);
  allocations = fuzz::alloc_watch_end();
  FUZZ_CHECK(allocations == 0, what + ": writing into a buffer allocated");
  FUZZ_CHECK(got == need && buffered[need] == '\x01', what + ": sizes differ or wrote past the buffer");
  buffered.resize(need);
  std::string called;
  write([&](snapcheck::string_view part) { called.append(part.data(), part.size()); });
  FUZZ_CHECK(called == buffered, what + ": the callable and the buffer differ");
  // Half a buffer: the first half, nothing past it.
  const std::size_t half = need / 2;
  std::string part(half + 1, '\x02');
  FUZZ_CHECK(snapcheck::render_into(part.data(), half, write) == need, what + ": short buffer size");
  FUZZ_CHECK(part.compare(0, half, buffered, 0, half) == 0 && part[half] == '\x02', what + ": short buffer text");
  return buffered;
}

mini_json::value parse_body(const std::string& body, const std::string& what) {
  const std::string why = fuzz::json::checker(body).run();
  FUZZ_CHECK(why.empty(), what + " is not strict UTF-8 JSON: " + why + "\n  " + fuzz::printable(body));
  for (char ch : body) FUZZ_CHECK(static_cast<unsigned char>(ch) >= 0x20, what + ": a raw control byte");
  try {
    return mini_json::parse(body);
  } catch (const std::exception& e) {
    fuzz::fail(__FILE__, __LINE__, "parse", what + ": " + e.what());
  }
}

void check_keys(const mini_json::value& v, std::initializer_list<std::string_view> keys, const std::string& what) {
  FUZZ_CHECK(v.is(mini_json::value::kind::object) && v.keys.size() == keys.size(), what + ": members");
  std::size_t i = 0;
  for (std::string_view k : keys) FUZZ_CHECK(v.keys[i++] == k, what + ": member " + std::string(k));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t cut1 = input.find('\x1E');
  const std::string_view body = input.substr(0, cut1);
  std::string_view id = "1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC";
  std::string_view host = "ecs.127.0.0.1";
  if (cut1 != std::string_view::npos) {
    const std::size_t cut2 = input.find('\x1E', cut1 + 1);
    id = input.substr(cut1 + 1, cut2 == std::string_view::npos ? std::string_view::npos : cut2 - cut1 - 1);
    if (cut2 != std::string_view::npos) host = input.substr(cut2 + 1);
  }
  const std::string clean_id = fuzz::utf8_sanitize(id);
  const std::string clean_host = fuzz::utf8_sanitize(host);

  for (const snapcheck::options& opt : configs) {
    const snapcheck::result r = snapcheck::validate_form(body, opt);
    const auto kept = r.violations();
    FUZZ_CHECK(snapcheck::http_status(r) == (r.ok() ? 200 : 400), "http_status");

    // The violation the one-violation bodies report.
    const snapcheck::violation* first = nullptr;
    for (const auto& v : kept)
      if (v.is_error()) {
        first = &v;
        break;
      }
    if (first == nullptr && kept.size() > 0) first = &kept[0];
    FUZZ_CHECK(snapcheck::reported_violation(r) == first, "reported_violation");
    const std::string code = first ? std::string(first->api_code) : "InvalidParameter";
    const std::string msg = first ? snapcheck::message(*first) : "the request is not valid";

    // Messages, one line each, and the name each shows.
    for (const auto& v : kept) {
      const std::string m = render_checked([&](auto&& out) { snapcheck::write_message(v, out); }, "message");
      check_message_line(m, "message of " + std::string(snapcheck::to_string(v.code)));
      const std::string name =
          render_checked([&](auto&& out) { snapcheck::write_message_name(v.field, out); }, "message name");
      FUZZ_CHECK(name == shown_name(snapcheck::field_name(v.field)), "message name: " + fuzz::printable(name));
      if (v.code != snapcheck::code::too_many_parameters && !v.field.is_known())
        FUZZ_CHECK(m.starts_with(name + " "), "message subject: " + fuzz::printable(m));
    }

    // Success body.
    const std::string ok_body =
        render_checked([&](auto&& out) { snapcheck::write_success_body(id, out); }, "success body");
    const auto ok_json = parse_body(ok_body, "success body");
    check_keys(ok_json, {"RequestID"}, "success body");
    FUZZ_CHECK(ok_json.at("RequestID").str() == clean_id, "success body RequestID");

    // The page's failure shape.
    const std::string page = render_checked([&](auto&& out) { snapcheck::write_failure_body(r, out); }, "page body");
    const auto page_json = parse_body(page, "page body");
    check_keys(page_json, {"resultCode", "resultMsg", "result"}, "page body");
    FUZZ_CHECK(page_json.at("resultCode").as_int() == -1, "resultCode");
    FUZZ_CHECK(page_json.at("result").is(mini_json::value::kind::null), "result");
    FUZZ_CHECK(page_json.at("resultMsg").str() == code + ": " + msg, "resultMsg: " + fuzz::printable(page));

    // The public API's shape.
    const std::string pub = render_checked(
        [&](auto&& out) { snapcheck::write_public_failure_body(r, id, host, out); }, "public body");
    const auto pub_json = parse_body(pub, "public body");
    check_keys(pub_json, {"RequestId", "HostId", "Code", "Message"}, "public body");
    FUZZ_CHECK(pub_json.at("RequestId").str() == clean_id && pub_json.at("HostId").str() == clean_host, "ids");
    FUZZ_CHECK(pub_json.at("Code").str() == code && pub_json.at("Message").str() == msg, "Code/Message");

    // Problem details.
    const std::string prob =
        render_checked([&](auto&& out) { snapcheck::write_problem_details(r, out); }, "problem details");
    const auto prob_json = parse_body(prob, "problem details");
    check_keys(prob_json, {"type", "title", "status", "detail", "truncated", "errors"}, "problem details");
    FUZZ_CHECK(prob_json.at("status").as_int() == 400, "status");
    FUZZ_CHECK(prob_json.at("detail").str().starts_with(code + ": " + msg), "detail");
    FUZZ_CHECK(prob_json.at("truncated").as_bool() == r.truncated(), "truncated");
    const auto& errors = prob_json.at("errors").items;
    FUZZ_CHECK(errors.size() == kept.size(), "errors size");
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const auto& e = errors[i];
      const auto& v = kept[i];
      FUZZ_CHECK(e.at("field").str() == snapcheck::field_name(v.field), "errors field");
      FUZZ_CHECK(e.at("code").str() == snapcheck::to_string(v.code), "errors code");
      FUZZ_CHECK(e.at("severity").str() == snapcheck::to_string(v.severity), "errors severity");
      FUZZ_CHECK(e.at("api_code").str() == std::string(v.api_code), "errors api_code");
      FUZZ_CHECK(e.at("message").str() == snapcheck::message(v), "errors message");
    }

    // write_response_body: the success body when ok, else the chosen shape.
    snapcheck::response_info info;
    info.request_id = id;
    info.host_id = host;
    for (const auto shape : {snapcheck::response_shape::page, snapcheck::response_shape::public_api,
                             snapcheck::response_shape::problem}) {
      info.shape = shape;
      const std::string body_out =
          render_checked([&](auto&& out) { snapcheck::write_response_body(r, info, out); }, "response body");
      const std::string& want = r.ok() ? ok_body
                                : shape == snapcheck::response_shape::page       ? page
                                : shape == snapcheck::response_shape::public_api ? pub
                                                                                 : prob;
      FUZZ_CHECK(body_out == want, "write_response_body picked the wrong body");
    }
  }
  return 0;
}

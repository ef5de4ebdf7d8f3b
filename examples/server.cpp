// A server handler for POST /apsara/route/Ecs/CreateSnapshot that checks the
// body before doing any work. It uses the hardened profile with an
// allow-list of the signature parameters its gateway adds, and answers a bad
// request with the failure body of the API page, listing every violation.
//
// Built by meson (-Dexamples=true), and by tests/dropin/check.sh with
// nothing but -I include (or the single header), under -fno-exceptions
// -fno-rtti and the strict warning set.
#include <snapcheck/strings.hpp>  // the whole library, nothing else needed

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// SPEC §9, as users write it.
[[maybe_unused]] void spec_9_snippet(std::string_view body,
                                     const std::vector<std::pair<std::string, std::string>>& params) {
  snapcheck::options opt;                        // default: profile documented
  opt.profile = snapcheck::profile::hardened;
  auto r1 = snapcheck::validate_form(body, opt);       // std::string_view body
  auto r2 = snapcheck::validate_params(params, opt);   // any range of (name, value) pairs
  bool ok = r1.ok();
  for (const auto& v : r1.violations()) {
    std::string_view s = snapcheck::to_string(v.code);   // "too_long", as in §4-§6
    std::printf("%s %.*s\n", snapcheck::field_name(v.field).c_str(), static_cast<int>(s.size()), s.data());
  }
  (void)ok;
  (void)r2;
}
static_assert(snapcheck::validate_form("regionId=cn&DiskId=d-1").ok());  // works at compile time

// Common parameters the gateway adds to every request.
constexpr std::array<snapcheck::string_view, 6> common_parameters{
    "AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp"};

// Appends s to out as the inside of a JSON string.
void append_json_text(std::string& out, std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
}

struct reply {
  int status;
  std::string body;
};

// Validates the request body; on failure answers 400 with
// {"resultCode": <api_code of the first error>, "resultMsg": <its message>,
//  "result": null, "violations": [...]}.
reply handle_create_snapshot(std::string_view body) {
  snapcheck::options opt;
  opt.profile = snapcheck::profile::hardened;
  opt.allow = common_parameters;
  const snapcheck::result r = snapcheck::validate_form(body, opt);
  if (r.ok()) {
    // ... create the snapshot ...
    return {200, "{\"RequestID\": \"5e1c0e1d-0000-4000-8000-000000000001\"}"};
  }
  const snapcheck::violation* first_error = nullptr;
  for (const auto& v : r.violations())
    if (v.is_error()) {
      first_error = &v;
      break;
    }
  std::string out = "{\"resultCode\": \"";
  // Every error may have been dropped past the cap only if 64 warnings came
  // first; answer with the generic code then.
  append_json_text(out, first_error ? first_error->api_code : snapcheck::string_view("InvalidParameter"));
  out += "\", \"resultMsg\": \"";
  append_json_text(out, first_error ? snapcheck::message(*first_error) : std::string("too many problems"));
  out += "\", \"result\": null, \"violations\": [";
  bool first = true;
  for (const auto& v : r.violations()) {
    if (!first) out += ", ";
    first = false;
    snapcheck::write_json(v, [&out](std::string_view part) { out.append(part); });
  }
  out += "]}";
  return {400, out};
}

int failures = 0;

void expect(bool condition, const char* what) {
  std::printf("%s %s\n", condition ? "ok  " : "FAIL", what);
  if (!condition) ++failures;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

int main() {
  const reply good = handle_create_snapshot(
      "regionId=cn-hangzhou&DiskId=d-bp1abc&SnapshotName=nightly-1&Signature=abc%3D&Timestamp=2024-01-01T00%3A00%3A00Z");
  expect(good.status == 200 && contains(good.body, "RequestID"), "valid request with signature parameters");

  const reply bad_name = handle_create_snapshot("regionId=cn-hangzhou&DiskId=d-bp1abc&SnapshotName=auto-x");
  expect(bad_name.status == 400, "reserved SnapshotName prefix is refused");
  expect(contains(bad_name.body, "\"resultCode\": \"InvalidSnapshotName.Malformed\""), "resultCode from api_code");
  expect(contains(bad_name.body, "\"result\": null"), "failure body has result null");
  expect(!contains(bad_name.body, "auto-x"), "the value is not echoed");

  const reply unknown = handle_create_snapshot("regionId=cn-hangzhou&DiskId=d-bp1abc&Debug=1");
  expect(unknown.status == 400 && contains(unknown.body, "\"resultCode\": \"InvalidParameter\""),
         "a parameter outside the allow-list is refused");

  const reply missing = handle_create_snapshot("regionId=cn-hangzhou");
  expect(missing.status == 400 && contains(missing.body, "\"resultCode\": \"MissingParameter\""),
         "missing DiskId");

  const reply injected = handle_create_snapshot("regionId=cn&DiskId=d-1&Description=ok%0A%22forged%22");
  expect(injected.status == 400 && !contains(injected.body, "forged"), "control characters refused, not echoed");

  spec_9_snippet("regionId=cn&DiskId=d-1", {{"regionId", "cn"}, {"DiskId", "d-1"}});
  std::printf("%s\n", bad_name.body.c_str());
  return failures == 0 ? 0 : 1;
}

// A client that checks a CreateSnapshot request before sending it: the
// request is built as decoded (name, value) pairs, validated with
// validate_params, and only then form-encoded for the wire. A refused
// request costs no round trip and says exactly which field to fix.
//
// Built by meson (-Dexamples=true), and by tests/dropin/check.sh with
// nothing but -I include (or the single header), under -fno-exceptions
// -fno-rtti and the strict warning set.
#include <snapcheck/strings.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct tag {
  std::string key;
  std::string value;
};

struct create_snapshot_request {
  std::string region_id;
  std::string disk_id;
  std::optional<std::string> snapshot_name;
  std::optional<std::string> description;
  std::optional<unsigned> retention_days;
  std::vector<tag> tags;

  // Returns the request as decoded parameters, in the API's names.
  std::vector<std::pair<std::string, std::string>> params() const {
    std::vector<std::pair<std::string, std::string>> p{{"regionId", region_id}, {"DiskId", disk_id}};
    if (snapshot_name) p.emplace_back("SnapshotName", *snapshot_name);
    if (description) p.emplace_back("Description", *description);
    if (retention_days) p.emplace_back("RetentionDays", std::to_string(*retention_days));
    for (std::size_t i = 0; i < tags.size(); ++i) {
      const std::string n = std::to_string(i + 1);
      p.emplace_back("Tag." + n + ".Key", tags[i].key);
      p.emplace_back("Tag." + n + ".Value", tags[i].value);
    }
    return p;
  }
};

// Form-encodes parameters (application/x-www-form-urlencoded).
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params) {
  constexpr char hex[] = "0123456789ABCDEF";
  auto encode = [&](std::string& out, std::string_view s) {
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         c == '-' || c == '_' || c == '.' || c == '~';
      if (plain) {
        out += c;
      } else {
        out += '%';
        out += hex[u >> 4];
        out += hex[u & 15];
      }
    }
  };
  std::string body;
  for (const auto& [name, value] : params) {
    if (!body.empty()) body += '&';
    encode(body, name);
    body += '=';
    encode(body, value);
  }
  return body;
}

// Validates the request; returns the body to send, or nothing (after
// printing what to fix).
std::optional<std::string> prepare(const create_snapshot_request& req) {
  const auto params = req.params();
  const snapcheck::result r = snapcheck::validate_params(params);
  for (const auto& v : r.violations())
    std::fprintf(stderr, "  %s: %s\n", std::string(snapcheck::to_string(v.severity)).c_str(),
                 snapcheck::message(v).c_str());
  if (!r.ok()) return std::nullopt;
  return form_encode(params);
}

int failures = 0;

void expect(bool condition, const char* what) {
  std::printf("%s %s\n", condition ? "ok  " : "FAIL", what);
  if (!condition) ++failures;
}

}  // namespace

int main() {
  create_snapshot_request good;
  good.region_id = "cn-hangzhou";
  good.disk_id = "d-bp1abc";
  good.snapshot_name = "nightly:\xE5\xA4\x87\xE4\xBB\xBD";  // "nightly:备份"
  good.retention_days = 30;
  good.tags = {{"team", "storage ops"}, {"env", ""}};
  const auto body = prepare(good);
  expect(body.has_value(), "a valid request is sent");
  if (body) {
    std::printf("  POST /apsara/route/Ecs/CreateSnapshot\n  %s\n", body->c_str());
    // What the server will see: the same verdict from the encoded body.
    expect(snapcheck::validate_form(*body).ok(), "the encoded body validates on the server side too");
  }

  create_snapshot_request bad = good;
  bad.snapshot_name = "auto-backup";
  bad.retention_days = 70000;
  bad.tags = {{"aliyun:owner", "me"}};
  expect(!prepare(bad).has_value(), "an invalid request is not sent");

  const auto bad_params = bad.params();  // kept alive: the result refers to it
  const auto r = snapcheck::validate_params(bad_params);
  bool prefix = false;
  bool range = false;
  for (const auto& v : r.violations()) {
    prefix = prefix || (v.code == snapcheck::code::reserved_prefix && snapcheck::field_name(v.field) == "Tag.1.Key");
    range = range || (v.code == snapcheck::code::out_of_range && v.limit == 65536u);
  }
  expect(prefix, "Tag.1.Key reserved prefix found");
  expect(range, "RetentionDays range found with its limit");
  return failures == 0 ? 0 : 1;
}

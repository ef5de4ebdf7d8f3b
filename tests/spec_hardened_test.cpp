// SPEC §5: the hardened profile (opt-in). Unknown names become errors unless
// allow-listed; control and bidi characters are refused in the free-text
// fields; regionId, DiskId, ClientToken and version get stricter shapes; and
// everything of §4 still applies. Values go through a parameter list and a
// form body, which must agree.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "support/request_text.hpp"

namespace {

namespace sc = snapcheck;
using namespace request_text;
using sc::code;
using param = std::pair<std::string, std::string>;





// UTF-8 of one code point, encoded here (not by the library).
std::string utf8(char32_t cp) {
  std::string out;
  const auto byte = [&](std::uint32_t b) { out.push_back(static_cast<char>(static_cast<unsigned char>(b))); };
  const auto c = static_cast<std::uint32_t>(cp);
  if (c < 0x80) {
    byte(c);
  } else if (c < 0x800) {
    byte(0xC0 | (c >> 6));
    byte(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    byte(0xE0 | (c >> 12));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  } else {
    byte(0xF0 | (c >> 18));
    byte(0x80 | ((c >> 12) & 0x3F));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  }
  return out;
}




std::string details(const sc::result& r) {
  std::string out;
  for (const auto& v : r.violations()) {
    out += field_of(v) + ":" + std::string(sc::to_string(v.code)) + "/" + std::string(sc::to_string(v.severity)) +
           "/" + std::string(v.api_code) + " at=" + std::to_string(num(v.at)) +
           " length=" + std::to_string(num(v.length)) + " limit=" + std::to_string(num(v.limit)) + "; ";
  }
  return out + (r.ok() ? "ok" : "not ok");
}

sc::options hardened() {
  sc::options o;
  o.profile = sc::profile::hardened;
  return o;
}

const sc::options documented{};

std::vector<param> exactly(std::vector<param> all) { return all; }

std::vector<param> with_ids(std::vector<param> extra) {
  std::vector<param> all{{"regionId", "cn-hangzhou"}, {"DiskId", "d-bp1"}};
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

// One request (hardened unless told), validated as a parameter list and as a
// form body; the two must agree.
class request {
 public:
  explicit request(std::vector<param> all, const sc::options& opt = hardened())
      : params_(std::move(all)),
        body_(encode(params_)),
        list_(sc::validate_params(params_, opt)),
        form_(sc::validate_form(body_, opt)) {
    BOOST_TEST_INFO("the parameter list and the form body " << body_ << " must agree");
    BOOST_TEST(details(list_) == details(form_));
  }
  request(std::string name, std::string value, const sc::options& opt = hardened())
      : request(with_ids({{std::move(name), std::move(value)}}), opt) {}
  request(const request&) = delete;
  request& operator=(const request&) = delete;

  [[nodiscard]] const sc::result& result() const { return list_; }
  [[nodiscard]] std::string summary() const { return ::summary(list_); }
  [[nodiscard]] bool ok() const { return list_.ok(); }

  [[nodiscard]] const sc::violation& the(std::string_view field, code c) const {
    for (const auto& v : list_.violations())
      if (v.code == c && field_of(v) == field) return v;
    BOOST_FAIL("no " << sc::to_string(c) << " on " << field << " in: " << details(list_));
    return list_.violations().front();
  }

 private:
  static std::string encode(const std::vector<param>& ps) {
    std::string b;
    for (const auto& [n, v] : ps) {
      if (!b.empty()) b += '&';
      b += form_encode(n);
      b += '=';
      b += form_encode(v);
    }
    return b;
  }

  std::vector<param> params_;
  std::string body_;
  sc::result list_;
  sc::result form_;
};

// A form body as written, validated under opt.
class form {
 public:
  form(std::string body, const sc::options& opt) : body_(std::move(body)), r_(sc::validate_form(body_, opt)) {}
  form(const form&) = delete;
  form& operator=(const form&) = delete;
  [[nodiscard]] std::string summary() const { return ::summary(r_); }
  [[nodiscard]] const sc::result& result() const { return r_; }

 private:
  std::string body_;
  sc::result r_;
};

const std::string ids = "regionId=cn-hangzhou&DiskId=d-bp1&";

// Checks the numbers and codes of one violation (always an error here).
void check(const sc::violation& v, std::string_view api_code, std::uint64_t at, std::uint64_t length,
           std::uint64_t limit) {
  BOOST_TEST(v.api_code == api_code);
  BOOST_TEST(sc::to_string(v.severity) == "error");
  BOOST_TEST(num(v.at) == at);
  BOOST_TEST(num(v.length) == length);
  BOOST_TEST(num(v.limit) == limit);
}

// The free-text fields of SPEC §5 and the api_code of their values.
struct text_field {
  const char* name;
  std::string_view api_code;
};
const text_field text_fields[] = {
    {"Description", "InvalidDescription.Malformed"},
    {"Tag.1.Key", "InvalidTagKey.Malformed"},
    {"Tag.1.Value", "InvalidTagValue.Malformed"},
};

// A valid request but for `name` = value (Tag.1.Key=k is there for the value).
std::vector<param> set(std::string_view name, std::string value) {
  std::vector<param> all = with_ids({{"Tag.1.Key", "k"}});
  for (auto& p : all)
    if (p.first == name) {
      p.second = std::move(value);
      return all;
    }
  all.emplace_back(std::string(name), std::move(value));
  return all;
}

// Checks "a<cp>b" in each free-text field: bad_char at 1, or nothing.
void expect_control(char32_t cp, bool bad) {
  for (const auto& f : text_fields) {
    BOOST_TEST_CONTEXT(f.name << " with U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const request q(set(f.name, cat({"a", utf8(cp), "b"})));
      if (bad) {
        BOOST_TEST(q.summary() == std::string(f.name) + ":bad_char");
        check(q.the(f.name, code::bad_char), f.api_code, 1, none, none);
      } else {
        BOOST_TEST(q.summary() == "");
      }
    }
  }
}

// Every character SPEC §5 refuses in the free-text fields.
std::vector<char32_t> all_controls() {
  std::vector<char32_t> out;
  for (char32_t c = 0x00; c <= 0x1F; ++c) out.push_back(c);
  for (char32_t c = 0x7F; c <= 0x9F; ++c) out.push_back(c);
  for (const char32_t c :
       std::initializer_list<char32_t>{0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    out.push_back(c);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_hardened)

// ---------------------------------------------------------------- unknown names
BOOST_AUTO_TEST_SUITE(unknown_names)

BOOST_AUTO_TEST_CASE(unknown_name_is_an_error) {
  const request q("Foo", "1");
  BOOST_TEST(q.summary() == "Foo:unknown_parameter");
  const auto& v = q.the("Foo", code::unknown_parameter);
  BOOST_TEST(sc::to_string(v.severity) == "error");
  BOOST_TEST(v.api_code == "InvalidParameter");
  BOOST_TEST(!q.ok());
}

BOOST_AUTO_TEST_CASE(documented_profile_keeps_it_a_warning) {
  const request q("Foo", "1", documented);
  BOOST_TEST(sc::to_string(q.the("Foo", code::unknown_parameter).severity) == "warning");
  BOOST_TEST(q.ok());
}

BOOST_AUTO_TEST_CASE(unknown_name_with_suggestion_is_still_an_error) {
  const request q("Regionid", "x");
  const auto& v = q.the("Regionid", code::unknown_parameter);
  BOOST_TEST(sc::to_string(v.severity) == "error");
  BOOST_TEST(sc::field_name(v.suggested_field) == "regionId");
}

BOOST_AUTO_TEST_CASE(allow_listed_names_raise_nothing) {
  // SPEC §5 (version 2): an allow-listed name is silent in both profiles.
  static constexpr snapcheck::string_view allowed[] = {"GatewayToken", "GatewayUser"};
  for (sc::options o : {hardened(), sc::options{}}) {
    o.allow = allowed;
    const request q(with_ids({{"GatewayToken", "abc"}, {"GatewayUser", "LTAI"}}), o);
    BOOST_TEST(q.summary() == "");
    BOOST_TEST(q.ok());
  }
}

BOOST_AUTO_TEST_CASE(allow_listed_name_keeps_request_ok) {
  static constexpr snapcheck::string_view allowed[] = {"GatewayToken"};
  sc::options o = hardened();
  o.allow = allowed;
  const request q("GatewayToken", "abc", o);
  BOOST_TEST(q.ok());
  for (const auto& v : q.result().violations()) BOOST_TEST(sc::to_string(v.severity) != "error");
}

BOOST_AUTO_TEST_CASE(allow_list_match_is_exact) {
  static constexpr snapcheck::string_view allowed[] = {"GatewayToken"};
  sc::options o = hardened();
  o.allow = allowed;
  for (const char* name : {"gatewaytoken", "GATEWAYTOKEN", "GatewayToke", "GatewayToken2", "GatewayToken ", " GatewayToken", "XGatewayToken"}) {
    BOOST_TEST_CONTEXT("name " << name) {
      const request q(name, "abc", o);
      BOOST_TEST(q.summary() == std::string(name) + ":unknown_parameter");
      BOOST_TEST(!q.ok());
    }
  }
}

BOOST_AUTO_TEST_CASE(allow_list_matches_the_decoded_name) {
  // The name of a form parameter is its decoded text: "Sig%6Eature" is "GatewayToken".
  static constexpr snapcheck::string_view allowed[] = {"GatewayToken"};
  sc::options o = hardened();
  o.allow = allowed;
  const form f(ids + "Gateway%54oken=abc", o);
  BOOST_TEST(f.result().ok());
  BOOST_TEST(f.result().errors() == 0u);
}

BOOST_AUTO_TEST_CASE(only_listed_names_are_allowed) {
  static constexpr snapcheck::string_view allowed[] = {"GatewayToken"};
  sc::options o = hardened();
  o.allow = allowed;
  const request q(with_ids({{"GatewayToken", "abc"}, {"Trace", "t"}}), o);
  BOOST_TEST(sc::to_string(q.the("Trace", code::unknown_parameter).severity) == "error");
  BOOST_TEST(q.result().errors() == 1u);
  BOOST_TEST(!q.ok());
}

BOOST_AUTO_TEST_CASE(allow_list_does_not_exempt_known_fields_from_their_rules) {
  static constexpr snapcheck::string_view allowed[] = {"SnapshotName"};
  sc::options o = hardened();
  o.allow = allowed;
  const request q("SnapshotName", "1a", o);
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(every_repetition_of_an_unknown_name_is_an_error) {
  const request q(with_ids({{"Foo", "1"}, {"Foo", "2"}}));
  BOOST_TEST(q.summary() == "Foo:unknown_parameter, Foo:unknown_parameter");
  BOOST_TEST(q.result().errors() == 2u);
}

BOOST_AUTO_TEST_CASE(deprecated_alias_stays_a_warning) {
  const request q(with_ids({{"Tag.1.key", "k"}}));
  BOOST_TEST(q.summary() == "Tag.1.key:deprecated_name");
  BOOST_TEST(sc::to_string(q.the("Tag.1.key", code::deprecated_name).severity) == "warning");
  BOOST_TEST(q.ok());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- controls in free text
BOOST_AUTO_TEST_SUITE(controls)

BOOST_AUTO_TEST_CASE(u0000_nul_bad) { expect_control(0x0000, true); }
BOOST_AUTO_TEST_CASE(u0009_tab_bad) { expect_control(0x0009, true); }
BOOST_AUTO_TEST_CASE(u000a_line_feed_bad) { expect_control(0x000A, true); }
BOOST_AUTO_TEST_CASE(u000d_carriage_return_bad) { expect_control(0x000D, true); }
BOOST_AUTO_TEST_CASE(u001b_escape_bad) { expect_control(0x001B, true); }
BOOST_AUTO_TEST_CASE(u001f_bad) { expect_control(0x001F, true); }
BOOST_AUTO_TEST_CASE(u0020_space_fine) { expect_control(0x0020, false); }
BOOST_AUTO_TEST_CASE(u007e_fine) { expect_control(0x007E, false); }
BOOST_AUTO_TEST_CASE(u007f_del_bad) { expect_control(0x007F, true); }
BOOST_AUTO_TEST_CASE(u0080_bad) { expect_control(0x0080, true); }
BOOST_AUTO_TEST_CASE(u0085_next_line_bad) { expect_control(0x0085, true); }
BOOST_AUTO_TEST_CASE(u009f_bad) { expect_control(0x009F, true); }
BOOST_AUTO_TEST_CASE(u00a0_fine) { expect_control(0x00A0, false); }
BOOST_AUTO_TEST_CASE(u200d_fine) { expect_control(0x200D, false); }
BOOST_AUTO_TEST_CASE(u200e_bad) { expect_control(0x200E, true); }
BOOST_AUTO_TEST_CASE(u200f_bad) { expect_control(0x200F, true); }
BOOST_AUTO_TEST_CASE(u2010_fine) { expect_control(0x2010, false); }
BOOST_AUTO_TEST_CASE(u2028_fine) { expect_control(0x2028, false); }
BOOST_AUTO_TEST_CASE(u2029_fine) { expect_control(0x2029, false); }
BOOST_AUTO_TEST_CASE(u202a_bad) { expect_control(0x202A, true); }
BOOST_AUTO_TEST_CASE(u202c_bad) { expect_control(0x202C, true); }
BOOST_AUTO_TEST_CASE(u202e_bad) { expect_control(0x202E, true); }
BOOST_AUTO_TEST_CASE(u202f_fine) { expect_control(0x202F, false); }
BOOST_AUTO_TEST_CASE(u2065_fine) { expect_control(0x2065, false); }
BOOST_AUTO_TEST_CASE(u2066_bad) { expect_control(0x2066, true); }
BOOST_AUTO_TEST_CASE(u2068_bad) { expect_control(0x2068, true); }
BOOST_AUTO_TEST_CASE(u2069_bad) { expect_control(0x2069, true); }
BOOST_AUTO_TEST_CASE(u206a_fine) { expect_control(0x206A, false); }
BOOST_AUTO_TEST_CASE(ufeff_fine) { expect_control(0xFEFF, false); }
BOOST_AUTO_TEST_CASE(han_and_astral_fine) {
  expect_control(0x4E2D, false);
  expect_control(0x1F600, false);
}

BOOST_AUTO_TEST_CASE(every_listed_character_is_bad) {
  for (const char32_t cp : all_controls()) expect_control(cp, true);
}

BOOST_AUTO_TEST_CASE(first_offender_only) {
  for (const auto& f : text_fields) {
    BOOST_TEST_CONTEXT(f.name) {
      const request q(set(f.name, cat({"ab", utf8(0x202E), "c", utf8(0x01), utf8(0x2066)})));
      BOOST_TEST(q.summary() == std::string(f.name) + ":bad_char");
      BOOST_TEST(num(q.the(f.name, code::bad_char).at) == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(at_is_character_index_not_byte) {
  for (const auto& f : text_fields) {
    BOOST_TEST_CONTEXT(f.name) {
      // 中文 is 6 bytes, 2 characters; U+200F is then at index 2.
      const request q(set(f.name, cat({"中文", utf8(0x200F), "x"})));
      BOOST_TEST(num(q.the(f.name, code::bad_char).at) == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(control_at_start) {
  for (const auto& f : text_fields) {
    BOOST_TEST_CONTEXT(f.name) {
      const request q(set(f.name, cat({utf8(0x7F), "xy"})));
      BOOST_TEST(num(q.the(f.name, code::bad_char).at) == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(documented_profile_allows_them) {
  for (const auto& f : text_fields) {
    for (const char32_t cp : all_controls()) {
      BOOST_TEST_CONTEXT(f.name << " with U+" << std::hex << static_cast<std::uint32_t>(cp)) {
        const request q(set(f.name, cat({"a", utf8(cp), "b"})), documented);
        BOOST_TEST(q.summary() == "");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(reported_alongside_other_rules) {
  const request a("Description", cat({"http://", utf8(0x0A)}));
  BOOST_TEST(a.summary() == "Description:bad_char, Description:reserved_prefix");
  BOOST_TEST(num(a.the("Description", code::bad_char).at) == 7u);
  const request b("Tag.1.Key", cat({"aliyun", utf8(0x2066), "http://"}));
  BOOST_TEST(b.summary() == "Tag.1.Key:bad_char, Tag.1.Key:forbidden_substring, Tag.1.Key:reserved_prefix");
  BOOST_TEST(num(b.the("Tag.1.Key", code::bad_char).at) == 6u);
  BOOST_TEST(num(b.the("Tag.1.Key", code::forbidden_substring).at) == 7u);
}

BOOST_AUTO_TEST_CASE(ill_formed_value_reports_only_invalid_utf8) {
  // C2 alone would start U+0080..U+00BF: still ill-formed, not a control.
  const request q("Description", cat({"a", std::string(1, '\x01'), std::string(1, '\xC2')}));
  BOOST_TEST(q.summary() == "Description:invalid_utf8");
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- regionId
BOOST_AUTO_TEST_SUITE(region_id)

namespace {
std::vector<param> region(std::string v) { return exactly({{"regionId", std::move(v)}, {"DiskId", "d-1"}}); }
}  // namespace

BOOST_AUTO_TEST_CASE(lower_digits_hyphen_ok) {
  const request q(region("cn-hangzhou-1"));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(one_char_ok) {
  const request q(region("a"));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_64_ok) {
  const request q(region(rep("a", 64)));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_65) {
  const request q(region(rep("a", 65)));
  BOOST_TEST(q.summary() == "regionId:too_long");
  check(q.the("regionId", code::too_long), "InvalidParameter", none, 65, 64);
}

BOOST_AUTO_TEST_CASE(upper_case_bad_char) {
  const request q(region("cn-Hangzhou"));
  BOOST_TEST(q.summary() == "regionId:bad_char");
  check(q.the("regionId", code::bad_char), "InvalidParameter", 3, none, none);
}

BOOST_AUTO_TEST_CASE(underscore_bad_char) {
  const request q(region("cn_hz"));
  BOOST_TEST(num(q.the("regionId", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(other_chars_bad) {
  for (const char* v : {"cn.hz", "cn hz", "cn/hz", "cn:hz", "cn\xC3\xA9", "cn中"}) {
    BOOST_TEST_CONTEXT("regionId=" << v) {
      const request q(region(v));
      BOOST_TEST(q.summary() == "regionId:bad_char");
      BOOST_TEST(num(q.the("regionId", code::bad_char).at) == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(first_offender_and_length_each_once) {
  const request q(region(cat({"ab", rep("X_", 40)})));
  BOOST_TEST(q.summary() == "regionId:bad_char, regionId:too_long");
  BOOST_TEST(num(q.the("regionId", code::bad_char).at) == 2u);
  BOOST_TEST(num(q.the("regionId", code::too_long).length) == 82u);
}

BOOST_AUTO_TEST_CASE(empty_is_only_missing) {
  const request q(region(""));
  BOOST_TEST(q.summary() == "regionId:missing");
}

BOOST_AUTO_TEST_CASE(documented_profile_accepts_any_shape) {
  const request q(region(cat({"CN_Hang.Zhou ", rep("x", 70)})), documented);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- DiskId
BOOST_AUTO_TEST_SUITE(disk_id)

namespace {
std::vector<param> disk(std::string v) { return exactly({{"regionId", "cn"}, {"DiskId", std::move(v)}}); }
}  // namespace

BOOST_AUTO_TEST_CASE(letters_digits_underscore_hyphen_ok) {
  const request q(disk("d-AZaz09_-"));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_64_ok) {
  const request q(disk(rep("D", 64)));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_65) {
  const request q(disk(rep("D", 65)));
  BOOST_TEST(q.summary() == "DiskId:too_long");
  check(q.the("DiskId", code::too_long), "InvalidParameter", none, 65, 64);
}

BOOST_AUTO_TEST_CASE(dot_bad_char) {
  const request q(disk("d.1"));
  BOOST_TEST(q.summary() == "DiskId:bad_char");
  check(q.the("DiskId", code::bad_char), "InvalidParameter", 1, none, none);
}

BOOST_AUTO_TEST_CASE(other_chars_bad) {
  for (const char* v : {"d 1", "d:1", "d/1", "d+1", "d\xC3\xA9", "d中"}) {
    BOOST_TEST_CONTEXT("DiskId=" << v) {
      const request q(disk(v));
      BOOST_TEST(q.summary() == "DiskId:bad_char");
      BOOST_TEST(num(q.the("DiskId", code::bad_char).at) == 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_is_only_missing) {
  const request q(disk(""));
  BOOST_TEST(q.summary() == "DiskId:missing");
}

BOOST_AUTO_TEST_CASE(documented_profile_accepts_any_shape) {
  const request q(disk(cat({"d.1 ", rep("x", 70)})), documented);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- ClientToken
BOOST_AUTO_TEST_SUITE(client_token)

constexpr std::string_view token_api = "InvalidClientToken.Malformed";

BOOST_AUTO_TEST_CASE(visible_ascii_ok) {
  std::string first;
  std::string second;
  for (char c = '!'; c != '\x7F'; ++c) (first.size() < 60 ? first : second).push_back(c);
  const request a("ClientToken", first);
  BOOST_TEST(a.summary() == "");
  const request b("ClientToken", second);
  BOOST_TEST(b.summary() == "");
}

BOOST_AUTO_TEST_CASE(exclamation_and_tilde_fine) {
  const request q("ClientToken", "!~");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(space_bad_char) {
  const request q("ClientToken", "a b");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  check(q.the("ClientToken", code::bad_char), token_api, 1, none, none);
}

BOOST_AUTO_TEST_CASE(del_bad_char) {
  const request q("ClientToken", "ab\x7F");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  check(q.the("ClientToken", code::bad_char), token_api, 2, none, none);
}

BOOST_AUTO_TEST_CASE(controls_bad_char) {
  for (const char* v : {"\tx", "\x1Fx", "\x01x"}) {
    BOOST_TEST_CONTEXT("ClientToken byte " << static_cast<int>(v[0])) {
      const request q("ClientToken", v);
      BOOST_TEST(q.summary() == "ClientToken:bad_char");
      BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(nul_bad_char) {
  const request q("ClientToken", std::string("ab\0", 3));
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(non_ascii_bad_char_once) {
  const request q("ClientToken", "x\xC3\xA9");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 1u);
}

BOOST_AUTO_TEST_CASE(first_offender_only) {
  const request q("ClientToken", "ab c\x01\xC3\xA9 ");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(exact_64_ok) {
  const request q("ClientToken", rep("~", 64));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_65) {
  const request q("ClientToken", rep("!", 65));
  BOOST_TEST(q.summary() == "ClientToken:too_long");
  check(q.the("ClientToken", code::too_long), token_api, none, 65, 64);
}

BOOST_AUTO_TEST_CASE(documented_profile_allows_space_and_controls) {
  const request q("ClientToken", "a b\t\x7F", documented);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- version
BOOST_AUTO_TEST_SUITE(version)

BOOST_AUTO_TEST_CASE(real_dates_ok) {
  for (const char* v : {"2016-01-01", "2014-05-26", "2016-12-31", "2016-04-30", "0001-01-01", "9999-12-31"}) {
    BOOST_TEST_CONTEXT("version=" << v) {
      const request q("version", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(leap_day_in_leap_year_ok) {
  const request q("version", "2016-02-29");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(leap_day_in_400_year_ok) {
  const request q("version", "2000-02-29");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(leap_day_in_common_year_bad) {
  const request q("version", "2015-02-29");
  BOOST_TEST(q.summary() == "version:bad_format");
  check(q.the("version", code::bad_format), "InvalidParameter", none, none, none);
}

BOOST_AUTO_TEST_CASE(leap_day_in_century_year_bad) {
  const request q("version", "1900-02-29");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(month_13_bad) {
  const request q("version", "2016-13-01");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(month_00_bad) {
  const request q("version", "2016-00-10");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(april_31_bad) {
  const request q("version", "2016-04-31");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(day_00_and_32_bad) {
  const request a("version", "2016-01-00");
  BOOST_TEST(a.summary() == "version:bad_format");
  const request b("version", "2016-01-32");
  BOOST_TEST(b.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(february_30_bad) {
  const request q("version", "2016-02-30");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(one_digit_month_bad) {
  const request q("version", "2016-1-01");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(one_digit_day_bad) {
  const request q("version", "2016-01-1");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(two_digit_year_bad) {
  const request q("version", "16-01-01");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(trailing_text_bad) {
  const request q("version", "2016-01-01x");
  BOOST_TEST(q.summary() == "version:bad_format");
}

BOOST_AUTO_TEST_CASE(other_shapes_bad) {
  for (const char* v : {"x2016-01-01", " 2016-01-01", "2016-01-01 ", "2016/01/01", "20160101", "2016-01-01T00:00",
                        "\xEF\xBC\x92" "016-01-01", "whatever", "2016_01_01", "+016-01-01"}) {
    BOOST_TEST_CONTEXT("version=" << v) {
      const request q("version", v);
      BOOST_TEST(q.summary() == "version:bad_format");
      check(q.the("version", code::bad_format), "InvalidParameter", none, none, none);
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("version", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(ill_formed_reports_only_invalid_utf8) {
  const request q("version", cat({"2016-01-0", std::string(1, '\xFF')}));
  BOOST_TEST(q.summary() == "version:invalid_utf8");
  BOOST_TEST(num(q.the("version", code::invalid_utf8).at) == 9u);
}

BOOST_AUTO_TEST_CASE(documented_profile_accepts_any_text) {
  const request q("version", "2015-02-29", documented);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- §4 still applies
BOOST_AUTO_TEST_SUITE(documented_rules_still_apply)

BOOST_AUTO_TEST_CASE(snapshot_name) {
  const request a("SnapshotName", "1");
  BOOST_TEST(a.summary() == "SnapshotName:bad_start, SnapshotName:too_short");
  const request b("SnapshotName", "autoX");
  BOOST_TEST(b.summary() == "SnapshotName:reserved_prefix");
  const request c("SnapshotName", rep("a", 129));
  check(c.the("SnapshotName", code::too_long), "InvalidSnapshotName.Malformed", none, 129, 128);
}

BOOST_AUTO_TEST_CASE(description) {
  const request a("Description", "a");
  BOOST_TEST(a.summary() == "Description:too_short");
  const request b("Description", "HTTPS://x");
  BOOST_TEST(b.summary() == "Description:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(category) {
  const request q("Category", "standard");
  BOOST_TEST(q.summary() == "Category:not_in_enum");
  BOOST_TEST(q.the("Category", code::not_in_enum).suggested_value == "Standard");
}

BOOST_AUTO_TEST_CASE(retention_days) {
  const request a("RetentionDays", "0");
  check(a.the("RetentionDays", code::out_of_range), "InvalidRetentionDays.Malformed", none, none, 1);
  const request b("RetentionDays", "+1");
  BOOST_TEST(b.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(client_token_ascii) {
  const request q("ClientToken", "\xE4\xB8\xAD");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
}

BOOST_AUTO_TEST_CASE(tag_key) {
  const request a("Tag.1.Key", "");
  check(a.the("Tag.1.Key", code::too_short), "InvalidTagKey.Malformed", none, 0, 1);
  const request b("Tag.1.Key", "aliyun");
  BOOST_TEST(b.summary() == "Tag.1.Key:reserved_prefix");
  const request c("Tag.1.Key", "x http://y");
  BOOST_TEST(num(c.the("Tag.1.Key", code::forbidden_substring).at) == 2u);
}

BOOST_AUTO_TEST_CASE(tag_value) {
  const request a(with_ids({{"Tag.2.Value", "v"}}));
  BOOST_TEST(a.summary() == "Tag.2.Value:value_without_key");
  const request b(set("Tag.1.Value", "acs:x"));
  BOOST_TEST(b.summary() == "Tag.1.Value:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(duplicate_tag_key) {
  const request q(with_ids({{"Tag.1.Key", "k"}, {"Tag.2.Key", "k"}}));
  BOOST_TEST(q.summary() == "Tag.2.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(missing_required) {
  const request q(exactly({{"DiskId", "d"}}));
  BOOST_TEST(q.summary() == "regionId:missing");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_value) {
  const request q("SnapshotName", cat({"ab", std::string(1, '\x80')}));
  BOOST_TEST(q.summary() == "SnapshotName:invalid_utf8");
  BOOST_TEST(num(q.the("SnapshotName", code::invalid_utf8).at) == 2u);
}

BOOST_AUTO_TEST_CASE(valid_request_is_ok) {
  const request q(with_ids({{"SnapshotName", "daily-1"},
                            {"Description", "nightly backup"},
                            {"Category", "Standard"},
                            {"RetentionDays", "30"},
                            {"ClientToken", "123e4567-e89b-12d3-a456-426655440000"},
                            {"version", "2016-01-01"},
                            {"Tag.1.Key", "env"},
                            {"Tag.1.Value", "prod"}}));
  BOOST_TEST(q.summary() == "");
  BOOST_TEST(q.ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()  // spec_hardened

// SPEC §6: what a violation says and how a result holds them: report order,
// ok(), the 64-violation cap and truncation, the api_code of every row of the
// table, and messages that name the field and the limit but never echo the
// value.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

namespace {

namespace sc = snapcheck;
using sc::code;

constexpr std::uint64_t none = ~std::uint64_t{0};

template <class T>
std::uint64_t num(const snapcheck::optional<T>& o) {
  return o ? static_cast<std::uint64_t>(*o) : none;
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto p : parts) out.append(p);
  return out;
}

std::string rep(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// n segments "prefix<i>=value" (i from 1), joined with '&', each preceded by '&'.
std::string segments(std::string_view prefix, std::string_view value, std::size_t n) {
  std::string out;
  for (std::size_t i = 1; i <= n; ++i) {
    out += '&';
    out.append(prefix);
    out += std::to_string(i);
    out += '=';
    out.append(value);
  }
  return out;
}

std::string field_of(const sc::violation& v) { return sc::field_name(v.field); }

// "field:code" of every kept violation, in report order.
std::string in_order(const sc::result& r) {
  std::string out;
  for (const auto& v : r.violations()) {
    if (!out.empty()) out += ", ";
    out += field_of(v) + ":" + std::string(sc::to_string(v.code));
  }
  return out;
}

sc::options hardened() {
  sc::options o;
  o.profile = sc::profile::hardened;
  return o;
}

// A form body and its result (the result may refer to the body's text).
class form {
 public:
  explicit form(std::string body, const sc::options& opt = {})
      : body_(std::move(body)), r_(sc::validate_form(body_, opt)) {}
  form(const form&) = delete;
  form& operator=(const form&) = delete;

  [[nodiscard]] const sc::result& result() const { return r_; }
  [[nodiscard]] std::string order() const { return in_order(r_); }

  // Returns the first violation of the given field and code (fails the case if none).
  [[nodiscard]] const sc::violation& the(std::string_view field, code c) const {
    for (const auto& v : r_.violations())
      if (v.code == c && field_of(v) == field) return v;
    BOOST_FAIL("no " << sc::to_string(c) << " on " << field << " in: " << in_order(r_));
    return r_.violations().front();
  }

 private:
  std::string body_;
  sc::result r_;
};

const std::string ids = "regionId=cn-hangzhou&DiskId=d-bp1";

// Checks that body raises code on field with the given api_code.
void expect_api_code(const std::string& body, std::string_view field, code c, std::string_view api_code,
                     const sc::options& opt = {}) {
  BOOST_TEST_CONTEXT("body " << body) {
    const form f(body, opt);
    BOOST_TEST(f.the(field, c).api_code == api_code);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_violations)

// ---------------------------------------------------------------- order
BOOST_AUTO_TEST_SUITE(order)

BOOST_AUTO_TEST_CASE(input_order_of_parameters) {
  const form f(ids + "&Category=x&SnapshotName=1a");
  BOOST_TEST(f.order() == "Category:not_in_enum, SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(input_order_swapped) {
  const form f(ids + "&SnapshotName=1a&Category=x");
  BOOST_TEST(f.order() == "SnapshotName:bad_start, Category:not_in_enum");
}

BOOST_AUTO_TEST_CASE(input_order_not_table_order) {
  const form f(ids + "&Tag.1.Key=aliyun&RetentionDays=0&Description=a&SnapshotName=1a");
  BOOST_TEST(f.order() ==
             "Tag.1.Key:reserved_prefix, RetentionDays:out_of_range, Description:too_short, SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(one_parameters_violations_stay_together) {
  const form f(ids + "&SnapshotName=1+&Category=x");
  const auto vs = f.result().violations();
  BOOST_TEST_REQUIRE(vs.size() == 3u);
  BOOST_TEST(field_of(vs[0]) == "SnapshotName");
  BOOST_TEST(field_of(vs[1]) == "SnapshotName");
  BOOST_TEST(field_of(vs[2]) == "Category");
}

BOOST_AUTO_TEST_CASE(name_level_violations_in_input_order) {
  const form f(ids + "&Foo=1&Tag.0.Key=x&Bar%zz=1&Tag.1.key=k&Tag.1.Key=k");
  BOOST_TEST(f.order() ==
             "Foo:unknown_parameter, Tag.0.Key:bad_tag_index, Bar%zz:bad_encoding, Tag.1.key:deprecated_name, "
             "Tag.1.Key:duplicate_parameter");
}

BOOST_AUTO_TEST_CASE(duplicate_parameter_at_its_occurrence) {
  const form f(ids + "&version=a&SnapshotName=1a&version=b");
  BOOST_TEST(f.order() == "SnapshotName:bad_start, version:duplicate_parameter");
}

BOOST_AUTO_TEST_CASE(missing_come_last) {
  const form f("SnapshotName=1a&Foo=1");
  BOOST_TEST(f.order() == "SnapshotName:bad_start, Foo:unknown_parameter, regionId:missing, DiskId:missing");
}

BOOST_AUTO_TEST_CASE(missing_in_table_order_not_input_order) {
  const form f("DiskId=&regionId=");
  BOOST_TEST(f.order() == "regionId:missing, DiskId:missing");
}

BOOST_AUTO_TEST_CASE(missing_region_before_disk_when_both_absent) {
  const form f("");
  BOOST_TEST(f.order() == "regionId:missing, DiskId:missing");
}

BOOST_AUTO_TEST_CASE(missing_after_later_parameters) {
  const form f("Category=x&regionId=cn&Description=a");
  BOOST_TEST(f.order() == "Category:not_in_enum, Description:too_short, DiskId:missing");
}

BOOST_AUTO_TEST_CASE(value_without_key_in_input_order) {
  const form f(ids + "&Tag.1.Value=v&SnapshotName=1a");
  BOOST_TEST(f.order() == "Tag.1.Value:value_without_key, SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(duplicate_tag_key_in_input_order) {
  const form f(ids + "&Tag.1.Key=a&Tag.2.Key=a&SnapshotName=1a");
  BOOST_TEST(f.order() == "Tag.2.Key:duplicate_tag_key, SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(cross_field_violations_in_input_order_among_themselves) {
  const form f(ids + "&Tag.3.Value=v&Tag.1.Key=a&Tag.2.Key=a&Tag.5.Value=w");
  BOOST_TEST(f.order() ==
             "Tag.3.Value:value_without_key, Tag.2.Key:duplicate_tag_key, Tag.5.Value:value_without_key");
}

BOOST_AUTO_TEST_CASE(cross_field_before_missing) {
  const form f("Tag.1.Value=v");
  BOOST_TEST(f.order() == "Tag.1.Value:value_without_key, regionId:missing, DiskId:missing");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- ok
BOOST_AUTO_TEST_SUITE(ok)

BOOST_AUTO_TEST_CASE(no_violation_is_ok) {
  const form f(ids);
  BOOST_TEST(f.result().ok());
  BOOST_TEST(f.result().violations().empty());
  BOOST_TEST(!f.result().truncated());
}

BOOST_AUTO_TEST_CASE(warnings_alone_keep_ok) {
  const form f(ids + "&Foo=1&Tag.1.key=k");
  BOOST_TEST(f.order() == "Foo:unknown_parameter, Tag.1.key:deprecated_name");
  for (const auto& v : f.result().violations()) BOOST_TEST(sc::to_string(v.severity) == "warning");
  BOOST_TEST(f.result().ok());
  BOOST_TEST(f.result().errors() == 0u);
  BOOST_TEST(f.result().found() == 2u);
}

BOOST_AUTO_TEST_CASE(one_error_is_not_ok) {
  const form f(ids + "&Foo=1&SnapshotName=1a");
  BOOST_TEST(!f.result().ok());
  BOOST_TEST(f.result().errors() == 1u);
  BOOST_TEST(sc::to_string(f.the("SnapshotName", code::bad_start).severity) == "error");
}

BOOST_AUTO_TEST_CASE(hardened_unknown_name_is_not_ok) {
  const form f(ids + "&Foo=1", hardened());
  BOOST_TEST(!f.result().ok());
}

BOOST_AUTO_TEST_CASE(missing_is_not_ok) {
  const form f("regionId=cn");
  BOOST_TEST(!f.result().ok());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- capacity and truncation
BOOST_AUTO_TEST_SUITE(capacity)

BOOST_AUTO_TEST_CASE(default_capacity_is_64) {
  BOOST_TEST(sc::result::capacity() == 64u);
  BOOST_TEST(sc::options{}.max_violations == 64u);
}

BOOST_AUTO_TEST_CASE(seventy_errors_keep_64) {
  // version=a, then 70 more occurrences: 70 duplicate_parameter errors.
  const form f(ids + "&version=a" + rep("&version=b", 70));
  const auto& r = f.result();
  BOOST_TEST(r.violations().size() == 64u);
  BOOST_TEST(r.truncated());
  BOOST_TEST(r.found() == 70u);
  BOOST_TEST(r.errors() == 70u);
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(late_cross_field_violation_displaces_the_last_kept) {
  // value_without_key is found at the end of the input but belongs to the
  // first parameter: a full result keeps it, in first place, and drops the
  // last of the 70 unknown-name warnings instead.
  const form f("Tag.5.Value=v&" + ids + rep("&x=1", 70));
  const auto& r = f.result();
  BOOST_TEST(r.violations().size() == 64u);
  BOOST_TEST(r.truncated());
  BOOST_TEST(r.found() == 71u);
  BOOST_TEST((r.violations().front().code == sc::code::value_without_key));
  BOOST_TEST(r.violations().front().position == 0u);
  BOOST_TEST(r.violations().back().position == 65u);  // x=1 number 63 of 70, after the 3 leading pieces
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(exactly_64_not_truncated) {
  const form f(ids + "&version=a" + rep("&version=b", 64));
  BOOST_TEST(f.result().violations().size() == 64u);
  BOOST_TEST(f.result().found() == 64u);
  BOOST_TEST(!f.result().truncated());
}

BOOST_AUTO_TEST_CASE(sixty_five_truncated) {
  const form f(ids + "&version=a" + rep("&version=b", 65));
  BOOST_TEST(f.result().violations().size() == 64u);
  BOOST_TEST(f.result().found() == 65u);
  BOOST_TEST(f.result().truncated());
}

BOOST_AUTO_TEST_CASE(kept_are_the_first_in_report_order) {
  const form f(ids + segments("u", "x", 70));
  const auto vs = f.result().violations();
  BOOST_TEST_REQUIRE(vs.size() == 64u);
  BOOST_TEST(field_of(vs[0]) == "u1");
  BOOST_TEST(field_of(vs[63]) == "u64");
  BOOST_TEST(f.result().found() == 70u);
  BOOST_TEST(f.result().ok());  // warnings only
}

BOOST_AUTO_TEST_CASE(max_violations_3_keeps_3) {
  sc::options o;
  o.max_violations = 3;
  const form f(ids + "&version=a" + rep("&version=b", 70), o);
  BOOST_TEST(f.result().violations().size() == 3u);
  BOOST_TEST(f.result().truncated());
  BOOST_TEST(f.result().found() == 70u);
  BOOST_TEST(!f.result().ok());
}

BOOST_AUTO_TEST_CASE(max_violations_3_not_reached) {
  sc::options o;
  o.max_violations = 3;
  const form f(ids + "&Category=x&SnapshotName=1a", o);
  BOOST_TEST(f.result().violations().size() == 2u);
  BOOST_TEST(!f.result().truncated());
}

BOOST_AUTO_TEST_CASE(error_past_the_cap_still_makes_not_ok) {
  // 70 warnings fill the 64 places; the one error comes after them.
  const form f(ids + segments("u", "x", 70) + "&SnapshotName=1a");
  const auto& r = f.result();
  BOOST_TEST(r.violations().size() == 64u);
  for (const auto& v : r.violations()) BOOST_TEST(sc::to_string(v.severity) == "warning");
  BOOST_TEST(r.truncated());
  BOOST_TEST(r.found() == 71u);
  BOOST_TEST(r.errors() == 1u);
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(missing_past_the_cap_still_makes_not_ok) {
  const form f(segments("u", "x", 70).substr(1));
  BOOST_TEST(f.result().violations().size() == 64u);
  BOOST_TEST(f.result().found() == 72u);
  BOOST_TEST(f.result().errors() == 2u);
  BOOST_TEST(!f.result().ok());
}

BOOST_AUTO_TEST_CASE(error_past_a_small_cap_still_makes_not_ok) {
  sc::options o;
  o.max_violations = 1;
  const form f(ids + "&Foo=1&SnapshotName=1a", o);
  BOOST_TEST(f.order() == "Foo:unknown_parameter");
  BOOST_TEST(f.result().truncated());
  BOOST_TEST(!f.result().ok());
}

BOOST_AUTO_TEST_CASE(json_says_truncated) {
  const form f(ids + "&version=a" + rep("&version=b", 70));
  const std::string j = sc::to_json(f.result());
  BOOST_TEST(j.find("\"truncated\":true") != std::string::npos);
  BOOST_TEST(j.find("\"ok\":false") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- api_code, row by row
BOOST_AUTO_TEST_SUITE(api_code)

BOOST_AUTO_TEST_CASE(missing_is_MissingParameter) {
  const form f("");
  BOOST_TEST(f.the("regionId", code::missing).api_code == "MissingParameter");
  BOOST_TEST(f.the("DiskId", code::missing).api_code == "MissingParameter");
}

BOOST_AUTO_TEST_CASE(duplicate_tag_key_is_Duplicate_TagKey) {
  expect_api_code(ids + "&Tag.1.Key=a&Tag.2.Key=a", "Tag.2.Key", code::duplicate_tag_key, "Duplicate.TagKey");
}

BOOST_AUTO_TEST_CASE(value_without_key_is_InvalidTagKey_Malformed) {
  expect_api_code(ids + "&Tag.1.Value=v", "Tag.1.Value", code::value_without_key, "InvalidTagKey.Malformed");
}

BOOST_AUTO_TEST_CASE(bad_tag_index_on_key_name_is_InvalidTagKey_Malformed) {
  for (const char* name : {"Tag.0.Key", "Tag.21.Key", "Tag.01.Key", "Tag.x.Key", "Tag..Key", "Tag.0.key"}) {
    expect_api_code(cat({ids, "&", name, "=k"}), name, code::bad_tag_index, "InvalidTagKey.Malformed");
  }
}

BOOST_AUTO_TEST_CASE(bad_tag_index_on_value_name_is_InvalidTagValue_Malformed) {
  for (const char* name : {"Tag.0.Value", "Tag.21.Value", "Tag.01.Value", "Tag.x.Value", "Tag..Value", "Tag.0.value"}) {
    expect_api_code(cat({ids, "&", name, "=v"}), name, code::bad_tag_index, "InvalidTagValue.Malformed");
  }
}

BOOST_AUTO_TEST_CASE(unknown_parameter_is_InvalidParameter) {
  expect_api_code(ids + "&Foo=1", "Foo", code::unknown_parameter, "InvalidParameter");
  expect_api_code(ids + "&Foo=1", "Foo", code::unknown_parameter, "InvalidParameter", hardened());
}

BOOST_AUTO_TEST_CASE(deprecated_name_is_InvalidParameter) {
  expect_api_code(ids + "&Tag.1.key=k", "Tag.1.key", code::deprecated_name, "InvalidParameter");
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.value=v", "Tag.1.value", code::deprecated_name, "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(duplicate_parameter_is_InvalidParameter) {
  for (const char* name : {"SnapshotName", "Description", "Category", "RetentionDays", "ClientToken", "version",
                           "Tag.1.Key", "regionId"}) {
    expect_api_code(cat({ids, "&Tag.1.Key=k&", name, "=abc&", name, "=abd"}), name, code::duplicate_parameter,
                    "InvalidParameter");
  }
}

BOOST_AUTO_TEST_CASE(duplicate_parameter_via_alias_is_InvalidParameter) {
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.key=k", "Tag.1.key", code::duplicate_parameter, "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(too_many_parameters_is_InvalidParameter) {
  const form f(ids + segments("p", "1", 1023));  // 1025 parameters
  BOOST_TEST_REQUIRE(f.result().violations().size() == 1u);
  const auto& v = f.result().violations()[0];
  BOOST_TEST(sc::to_string(v.code) == "too_many_parameters");
  BOOST_TEST(v.api_code == "InvalidParameter");
  BOOST_TEST(field_of(v).empty());
}

BOOST_AUTO_TEST_CASE(bad_encoding_of_a_name_is_InvalidParameter) {
  // Even when the name would decode to a known one.
  expect_api_code(ids + "&SnapshotName%zz=abc", "SnapshotName%zz", code::bad_encoding, "InvalidParameter");
  expect_api_code(ids + "&Foo%G1=x", "Foo%G1", code::bad_encoding, "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_of_a_name_is_InvalidParameter) {
  expect_api_code(ids + "&Tag.1.Key%FF=x", "Tag.1.Key\xEF\xBF\xBD", code::invalid_utf8, "InvalidParameter");
  const std::vector<std::pair<std::string, std::string>> ps{
      {"regionId", "cn"}, {"DiskId", "d"}, {"Snapshot\xC3Name", "x"}};
  const auto r = sc::validate_params(ps);
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  BOOST_TEST(sc::to_string(r.violations()[0].code) == "invalid_utf8");
  BOOST_TEST(r.violations()[0].api_code == "InvalidParameter");
}

namespace {

struct value_row {
  const char* field;
  const char* violating;  // a form-encoded value that breaks a rule of the field
  code raised;
  std::string_view api_code;
};

// The value rows of the table: each field, one rule violation of its own.
const value_row value_rows[] = {
    {"SnapshotName", "1a", code::bad_start, "InvalidSnapshotName.Malformed"},
    {"Description", "a", code::too_short, "InvalidDescription.Malformed"},
    {"Category", "x", code::not_in_enum, "InvalidSnapshotCategory.Malformed"},
    {"RetentionDays", "0", code::out_of_range, "InvalidRetentionDays.Malformed"},
    {"ClientToken", "%C3%A9", code::bad_char, "InvalidClientToken.Malformed"},
    {"Tag.1.Key", "acs:k", code::reserved_prefix, "InvalidTagKey.Malformed"},
    {"Tag.1.Value", "acs:v", code::reserved_prefix, "InvalidTagValue.Malformed"},
};

// The body with field=value and the key Tag.1.Value needs.
std::string with_value(const value_row& row, std::string_view value) {
  const std::string_view f = row.field;
  if (f == "Tag.1.Key") return cat({ids, "&Tag.1.Key=", value});
  return cat({ids, "&Tag.1.Key=k&", f, "=", value});
}

}  // namespace

BOOST_AUTO_TEST_CASE(value_rules_use_the_fields_code) {
  for (const auto& row : value_rows) expect_api_code(with_value(row, row.violating), row.field, row.raised, row.api_code);
}

BOOST_AUTO_TEST_CASE(bad_encoding_of_a_value_uses_the_fields_code) {
  for (const auto& row : value_rows) expect_api_code(with_value(row, "ab%zz"), row.field, code::bad_encoding, row.api_code);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_of_a_value_uses_the_fields_code) {
  for (const auto& row : value_rows) expect_api_code(with_value(row, "ab%FF"), row.field, code::invalid_utf8, row.api_code);
}

BOOST_AUTO_TEST_CASE(other_value_codes_use_the_fields_code) {
  expect_api_code(ids + "&SnapshotName=a", "SnapshotName", code::too_short, "InvalidSnapshotName.Malformed");
  expect_api_code(ids + "&SnapshotName=ab+c", "SnapshotName", code::bad_char, "InvalidSnapshotName.Malformed");
  expect_api_code(ids + "&SnapshotName=autox", "SnapshotName", code::reserved_prefix, "InvalidSnapshotName.Malformed");
  expect_api_code(ids + "&Description=http://x", "Description", code::reserved_prefix, "InvalidDescription.Malformed");
  expect_api_code(ids + "&RetentionDays=x", "RetentionDays", code::not_integer, "InvalidRetentionDays.Malformed");
  expect_api_code(ids + "&ClientToken=" + rep("t", 65), "ClientToken", code::too_long, "InvalidClientToken.Malformed");
  expect_api_code(ids + "&Tag.1.Key=", "Tag.1.Key", code::too_short, "InvalidTagKey.Malformed");
  expect_api_code(ids + "&Tag.1.Key=http://", "Tag.1.Key", code::forbidden_substring, "InvalidTagKey.Malformed");
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.Value=" + rep("v", 129), "Tag.1.Value", code::too_long,
                  "InvalidTagValue.Malformed");
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.Value=x+https://", "Tag.1.Value", code::forbidden_substring,
                  "InvalidTagValue.Malformed");
  expect_api_code(ids + "&Description=a%01b", "Description", code::bad_char, "InvalidDescription.Malformed",
                  hardened());
  expect_api_code(ids + "&Tag.1.Key=a%01b", "Tag.1.Key", code::bad_char, "InvalidTagKey.Malformed", hardened());
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.Value=a%01b", "Tag.1.Value", code::bad_char, "InvalidTagValue.Malformed",
                  hardened());
  expect_api_code(ids + "&ClientToken=a+b", "ClientToken", code::bad_char, "InvalidClientToken.Malformed", hardened());
}

BOOST_AUTO_TEST_CASE(alias_value_uses_the_fields_code) {
  expect_api_code(ids + "&Tag.1.key=acs:k", "Tag.1.key", code::reserved_prefix, "InvalidTagKey.Malformed");
  expect_api_code(ids + "&Tag.1.Key=k&Tag.1.value=acs:v", "Tag.1.value", code::reserved_prefix,
                  "InvalidTagValue.Malformed");
}

BOOST_AUTO_TEST_CASE(region_id_values_are_InvalidParameter) {
  expect_api_code("DiskId=d&regionId=a%FF", "regionId", code::invalid_utf8, "InvalidParameter");
  expect_api_code("DiskId=d&regionId=a%zz", "regionId", code::bad_encoding, "InvalidParameter");
  expect_api_code("DiskId=d&regionId=" + rep("a", 65), "regionId", code::too_long, "InvalidParameter", hardened());
  expect_api_code("DiskId=d&regionId=CN", "regionId", code::bad_char, "InvalidParameter", hardened());
}

BOOST_AUTO_TEST_CASE(disk_id_values_are_InvalidParameter) {
  expect_api_code("regionId=cn&DiskId=a%FF", "DiskId", code::invalid_utf8, "InvalidParameter");
  expect_api_code("regionId=cn&DiskId=a%zz", "DiskId", code::bad_encoding, "InvalidParameter");
  expect_api_code("regionId=cn&DiskId=" + rep("d", 65), "DiskId", code::too_long, "InvalidParameter", hardened());
  expect_api_code("regionId=cn&DiskId=d.1", "DiskId", code::bad_char, "InvalidParameter", hardened());
}

BOOST_AUTO_TEST_CASE(version_values_are_InvalidParameter) {
  expect_api_code(ids + "&version=a%FF", "version", code::invalid_utf8, "InvalidParameter");
  expect_api_code(ids + "&version=a%zz", "version", code::bad_encoding, "InvalidParameter");
  expect_api_code(ids + "&version=2015-02-29", "version", code::bad_format, "InvalidParameter", hardened());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- messages
BOOST_AUTO_TEST_SUITE(messages)

namespace {

// Violating requests whose values hold a distinctive marker, plainly or
// percent-encoded: "SECRETzz" (%53%45%43%52%45%54 = "SECRET") or 秘密.
const char* const secret_bodies[] = {
    "SnapshotName=1SECRETzz",
    "SnapshotName=SECRETzz+x",
    "SnapshotName=SECRETzz.",
    "SnapshotName=autoSECRETzz",
    "SnapshotName=http://SECRETzz",
    "SnapshotName=%53%45%43%52%45%54zz%2F",
    "SnapshotName=SECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzz"
    "SECRETzzSECRETzzSECRETzzSECRETzzSECRETzz",
    "SnapshotName=SECRETzz%FF",
    "SnapshotName=SECRETzz%G1",
    "SnapshotName=1%E7%A7%98%E5%AF%86",
    "regionId=&SnapshotName=SECRETzz%2F",
    "Description=%53",
    "Description=http://SECRETzz",
    "Description=HTTPS://%53ECRETzz",
    "Description=SECRETzz%0A%7B%22ok%22:true%7D%01",
    "Description=SECRETzz%E2%80%AE",
    "Description=SECRETzz%C3",
    "Category=SECRETzz",
    "Category=secretzz",
    "Category=%53ECRETzz%FF",
    "RetentionDays=SECRETzz",
    "RetentionDays=99999SECRETzz",
    "RetentionDays=9999999999999999999999999999",
    "RetentionDays=%2B1SECRETzz",
    "ClientToken=SECRETzz%E7%A7%98%E5%AF%86",
    "ClientToken=SECRETzz+SECRETzz",
    "ClientToken=SECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzz",
    "version=SECRETzz%FF",
    "version=SECRETzz",
    "Tag.1.Key=aliyunSECRETzz",
    "Tag.1.Key=acs:SECRETzz",
    "Tag.1.Key=SECRETzzhttp://",
    "Tag.1.Key=SECRETzz%0D%0A",
    "Tag.1.Key=SECRETzz%zz",
    "Tag.1.Key=SECRETzz&Tag.2.Key=SECRETzz",
    "Tag.1.Key=SECRETzz&Tag.1.Value=acs:SECRETzz",
    "Tag.1.Key=k&Tag.1.Value=SECRETzz+https://x",
    "Tag.1.Key=k&Tag.1.Value=SECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzz"
    "SECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzzSECRETzz",
    "Tag.2.Value=SECRETzz",
    "Tag.1.Key=&Tag.1.Value=SECRETzz",
    "Tag.0.Key=SECRETzz",
    "Tag.1.key=SECRETzz",
    "Foo=SECRETzz",
    "SnapshotName=ab&SnapshotName=SECRETzz",
    "regionId=SECRETzz&regionId=SECRETzz",
    "DiskId=SECRETzz%FF",
};

// The markers that must never appear in rendered text.
const std::string_view markers[] = {"SECRET", "ECRETzz", "secretzz", "\xE7\xA7\x98\xE5\xAF\x86", "%53%45"};

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Runs every secret body under both profiles and calls f(result, body).
template <class F>
void for_each_secret_request(F&& f) {
  for (const char* body : secret_bodies) {
    for (const bool harden : {false, true}) {
      // Add the ids unless the body sets one itself.
      const std::string_view b = body;
      std::string full(b);
      if (!contains(b, "regionId=")) full += "&regionId=cn-hangzhou";
      if (!contains(b, "DiskId=")) full += "&DiskId=d-bp1";
      BOOST_TEST_CONTEXT("body " << full << (harden ? " (hardened)" : " (documented)")) {
        const form fm(full, harden ? hardened() : sc::options{});
        f(fm.result());
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(messages_never_echo_the_value) {
  for_each_secret_request([](const sc::result& r) {
    for (const auto& v : r.violations()) {
      const std::string m = sc::message(v);
      for (const auto marker : markers) BOOST_TEST(!contains(m, marker), "message echoes the value: " << m);
    }
  });
}

BOOST_AUTO_TEST_CASE(json_never_echoes_the_value) {
  for_each_secret_request([](const sc::result& r) {
    const std::string j = sc::to_json(r);
    for (const auto marker : markers) BOOST_TEST(!contains(j, marker), "JSON echoes the value: " << j);
  });
}

BOOST_AUTO_TEST_CASE(every_message_names_the_field) {
  for_each_secret_request([](const sc::result& r) {
    for (const auto& v : r.violations()) {
      const std::string name = field_of(v);
      BOOST_TEST(!name.empty());
      BOOST_TEST(contains(sc::message(v), name), sc::message(v) << " does not name " << name);
    }
  });
}

BOOST_AUTO_TEST_CASE(json_names_the_field) {
  for_each_secret_request([](const sc::result& r) {
    const std::string j = sc::to_json(r);
    for (const auto& v : r.violations())
      BOOST_TEST(contains(j, "\"field\":\"" + field_of(v) + "\""), j << " lacks the field " << field_of(v));
  });
}

BOOST_AUTO_TEST_CASE(length_and_range_messages_name_the_limit) {
  std::size_t checked = 0;
  for_each_secret_request([&](const sc::result& r) {
    for (const auto& v : r.violations()) {
      if (v.code != code::too_short && v.code != code::too_long && v.code != code::out_of_range) continue;
      BOOST_TEST_REQUIRE(v.limit.has_value());
      ++checked;
      BOOST_TEST(contains(sc::message(v), std::to_string(*v.limit)), sc::message(v) << " lacks " << *v.limit);
    }
  });
  BOOST_TEST(checked >= 8u);
}

BOOST_AUTO_TEST_CASE(limits_in_messages_for_each_bound) {
  const struct {
    const char* body;
    const char* field;
    code c;
    const char* limit;
  } rows[] = {
      {"SnapshotName=a", "SnapshotName", code::too_short, "2"},
      {"SnapshotName=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
       "SnapshotName", code::too_long, "128"},
      {"RetentionDays=0", "RetentionDays", code::out_of_range, "1"},
      {"RetentionDays=65537", "RetentionDays", code::out_of_range, "65536"},
      {"Tag.1.Key=", "Tag.1.Key", code::too_short, "1"},
  };
  for (const auto& row : rows) {
    const form f(ids + "&" + row.body);
    const std::string m = sc::message(f.the(row.field, row.c));
    BOOST_TEST(contains(m, row.field), m);
    BOOST_TEST(contains(m, row.limit), m);
  }
  const form d(ids + "&Description=" + rep("d", 257));
  BOOST_TEST(contains(sc::message(d.the("Description", code::too_long)), "256"));
  const form t(ids + "&ClientToken=" + rep("t", 65));
  BOOST_TEST(contains(sc::message(t.the("ClientToken", code::too_long)), "64"));
  const form v(ids + "&Tag.1.Key=k&Tag.1.Value=" + rep("v", 129));
  BOOST_TEST(contains(sc::message(v.the("Tag.1.Value", code::too_long)), "128"));
}

BOOST_AUTO_TEST_CASE(secret_set_covers_every_value_code) {
  // Guards the tests above against a set that stops exercising some code.
  std::set<std::string_view> seen;
  for_each_secret_request([&](const sc::result& r) {
    for (const auto& v : r.violations()) seen.insert(sc::to_string(v.code));
  });
  for (const char* c : {"missing", "unknown_parameter", "deprecated_name", "duplicate_parameter", "bad_encoding",
                        "invalid_utf8", "bad_tag_index", "too_short", "too_long", "bad_start", "bad_char",
                        "reserved_prefix", "forbidden_substring", "not_in_enum", "not_integer", "out_of_range",
                        "bad_format", "value_without_key", "duplicate_tag_key"})
    BOOST_TEST(seen.count(c) == 1u, "no secret request raises " << c);
}

BOOST_AUTO_TEST_CASE(request_level_message_names_no_value) {
  const form f(ids + segments("SECRETzz", "SECRETzz", 1030));
  BOOST_TEST_REQUIRE(f.result().violations().size() == 1u);
  const std::string m = sc::message(f.result().violations()[0]);
  BOOST_TEST(!m.empty());
  BOOST_TEST(!contains(m, "ECRET"));
  BOOST_TEST(!contains(sc::to_json(f.result()), "ECRET"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()  // spec_violations

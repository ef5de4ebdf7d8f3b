// validate_params (SPEC §2.1, §9): any range of already-decoded (name, value)
// pairs reaches the same rules as a form body. The bytes are taken as they
// are: nothing is percent- or plus-decoded, and NUL is a character like any
// other.
#include <array>
#include <cstddef>
#include <forward_list>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

namespace {

using snapcheck::code;
using snapcheck::severity;
using sv_pair = std::pair<std::string_view, std::string_view>;
using string_pairs = std::vector<std::pair<std::string, std::string>>;

snapcheck::options hardened() {
  snapcheck::options o;
  o.profile = snapcheck::profile::hardened;
  return o;
}

// Returns the violations of r on the field named `field` with code c.
std::vector<snapcheck::violation> find(const snapcheck::result& r, std::string_view field, code c) {
  std::vector<snapcheck::violation> out;
  for (const auto& v : r.violations())
    if (v.code == c && snapcheck::field_name(v.field) == field) out.push_back(v);
  return out;
}

// Returns "field:code" for each violation, in report order.
std::vector<std::string> summary(const snapcheck::result& r) {
  std::vector<std::string> out;
  for (const auto& v : r.violations())
    out.push_back(snapcheck::field_name(v.field) + ":" + std::string(snapcheck::to_string(v.code)));
  return out;
}

// Checks that r has exactly one violation (field, c) with the given details.
void expect_one(const snapcheck::result& r, std::string_view field, code c, severity s,
                std::string_view api_code, snapcheck::optional<std::size_t> at = {},
                snapcheck::optional<std::size_t> length = {},
                snapcheck::optional<std::uint64_t> limit = {}) {
  const auto found = find(r, field, c);
  BOOST_TEST_INFO("looking for " << field << ":" << snapcheck::to_string(c));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const auto& v = found.front();
  BOOST_TEST((v.severity == s));
  BOOST_TEST(v.api_code == api_code);
  BOOST_TEST((v.at == at));
  BOOST_TEST((v.length == length));
  BOOST_TEST((v.limit == limit));
}

// A user type with first/second members, as a code base may already have.
struct header_field {
  std::string first;
  std::string second;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(params)

BOOST_AUTO_TEST_SUITE(range_types)

BOOST_AUTO_TEST_CASE(vector_of_string_pairs) {
  const string_pairs ok{{"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}, {"SnapshotName", "nightly"}};
  const auto r = snapcheck::validate_params(ok);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.violations().empty());

  const string_pairs bad{{"regionId", "cn"}, {"DiskId", "d-1"}, {"SnapshotName", "a"}};
  const auto r2 = snapcheck::validate_params(bad);
  BOOST_TEST(!r2.ok());
  BOOST_TEST(r2.violations().size() == 1u);
  expect_one(r2, "SnapshotName", code::too_short, severity::error, "InvalidSnapshotName.Malformed",
             {}, 1u, 2u);
}

BOOST_AUTO_TEST_CASE(array_of_string_view_pairs) {
  const std::array<sv_pair, 4> p{{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Category", "flash"},
                                  {"RetentionDays", "65537"}}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 2u);
  expect_one(r, "Category", code::not_in_enum, severity::error, "InvalidSnapshotCategory.Malformed");
  BOOST_TEST(find(r, "Category", code::not_in_enum).front().suggested_value == "Flash");
  expect_one(r, "RetentionDays", code::out_of_range, severity::error, "InvalidRetentionDays.Malformed",
             {}, {}, 65536u);
}

BOOST_AUTO_TEST_CASE(vector_of_tuples) {
  const std::vector<std::tuple<std::string, std::string>> p{
      {"regionId", "cn"}, {"DiskId", "d-1"}, {"Tag.1.Value", "v"}, {"Tag.2.Key", "aliyun-x"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 2u);
  expect_one(r, "Tag.2.Key", code::reserved_prefix, severity::error, "InvalidTagKey.Malformed");
  expect_one(r, "Tag.1.Value", code::value_without_key, severity::error, "InvalidTagKey.Malformed");
}

BOOST_AUTO_TEST_CASE(user_struct_with_first_and_second) {
  const std::vector<header_field> p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Description", "https://x"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 1u);
  expect_one(r, "Description", code::reserved_prefix, severity::error, "InvalidDescription.Malformed");

  const std::vector<header_field> good{{"regionId", "cn"}, {"DiskId", "d-1"}};
  BOOST_TEST(snapcheck::validate_params(good).ok());
}

BOOST_AUTO_TEST_CASE(std_map_reports_in_its_sorted_order) {
  // A map iterates sorted by name (upper case before lower case), and that is
  // the input order the violations follow (SPEC §6), with missing ones last.
  const std::map<std::string, std::string> p{
      {"SnapshotName", "1abc"}, {"Category", "flash"}, {"ClientToken", "\xC3\xA9"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  const std::vector<std::string> want{"Category:not_in_enum", "ClientToken:bad_char",
                                      "SnapshotName:bad_start", "regionId:missing", "DiskId:missing"};
  BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
  expect_one(r, "ClientToken", code::bad_char, severity::error, "InvalidClientToken.Malformed", 0u);
  expect_one(r, "SnapshotName", code::bad_start, severity::error, "InvalidSnapshotName.Malformed", 0u);
  expect_one(r, "regionId", code::missing, severity::error, "MissingParameter");
}

BOOST_AUTO_TEST_CASE(std_list) {
  const std::list<std::pair<std::string, std::string>> p{
      {"regionId", "cn"}, {"DiskId", "d-1"}, {"DiskId", "d-2"}, {"Tag.1.key", "k"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  const std::vector<std::string> want{"DiskId:duplicate_parameter", "Tag.1.key:deprecated_name"};
  BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
  expect_one(r, "Tag.1.key", code::deprecated_name, severity::warning, "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(forward_list_is_a_range_without_size) {
  static_assert(!std::ranges::sized_range<const std::forward_list<sv_pair>>);
  const std::forward_list<sv_pair> p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Regionid", "cn"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(r.ok());
  expect_one(r, "Regionid", code::unknown_parameter, severity::warning, "InvalidParameter");
  BOOST_TEST(snapcheck::field_name(find(r, "Regionid", code::unknown_parameter).front().suggested_field) ==
             "regionId");
}

BOOST_AUTO_TEST_CASE(too_many_parameters_counted_without_size) {
  // SPEC §3: more than 1024 parameters is one too_many_parameters error and
  // nothing else. A forward_list has to be counted by walking it.
  std::forward_list<sv_pair> p;
  for (int i = 0; i < 1024; ++i) p.push_front({"x", "1"});
  const auto r1024 = snapcheck::validate_params(p);
  // Within the limit: 1024 unknown warnings, then regionId and DiskId missing.
  BOOST_TEST(r1024.found() == 1026u);
  BOOST_TEST(r1024.errors() == 2u);
  BOOST_TEST(find(r1024, "", code::too_many_parameters).empty());

  p.push_front({"x", "1"});
  const auto r1025 = snapcheck::validate_params(p);
  BOOST_TEST(!r1025.ok());
  BOOST_TEST_REQUIRE(r1025.violations().size() == 1u);
  expect_one(r1025, "", code::too_many_parameters, severity::error, "InvalidParameter", {}, {}, 1024u);
}

BOOST_AUTO_TEST_CASE(too_many_parameters_in_a_sized_list) {
  std::list<sv_pair> p(1025, sv_pair{"regionId", ""});
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  BOOST_TEST((r.violations()[0].code == code::too_many_parameters));
  p.pop_back();
  const auto r2 = snapcheck::validate_params(p);
  BOOST_TEST(find(r2, "", code::too_many_parameters).empty());
  // 1024 is within the limit: 1023 duplicates, the first one empty (missing),
  // and DiskId missing; the result keeps 64 and says it was truncated.
  BOOST_TEST(r2.found() == 1025u);
  BOOST_TEST(r2.truncated());
  BOOST_TEST(r2.violations().size() == 64u);
  BOOST_TEST((r2.violations()[0].code == code::duplicate_parameter));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bytes_as_given)

BOOST_AUTO_TEST_CASE(percent_is_not_decoded) {
  // '%41' in a parameter value is three characters, not 'A'.
  const string_pairs p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"SnapshotName", "ab%41"},
                       {"RetentionDays", "%31"}, {"Description", "%4"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 2u);
  expect_one(r, "SnapshotName", code::bad_char, severity::error, "InvalidSnapshotName.Malformed", 2u);
  expect_one(r, "RetentionDays", code::not_integer, severity::error, "InvalidRetentionDays.Malformed");
  BOOST_TEST(find(r, "Description", code::bad_encoding).empty());
}

BOOST_AUTO_TEST_CASE(percent_in_a_name_is_not_decoded) {
  const string_pairs p{{"regionId", "cn"}, {"Disk%49d", "d-1"}};
  const auto r = snapcheck::validate_params(p);
  const std::vector<std::string> want{"Disk%49d:unknown_parameter", "DiskId:missing"};
  BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(plus_stays_plus) {
  // Were '+' a space, these two keys would be equal (duplicate_tag_key).
  const string_pairs p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Tag.1.Key", "a+b"}, {"Tag.2.Key", "a b"},
                       {"Tag.3.Key", "%41"}, {"Tag.4.Key", "A"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.violations().empty());

  const string_pairs same{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Tag.1.Key", "a+b"}, {"Tag.2.Key", "a+b"}};
  const auto r2 = snapcheck::validate_params(same);
  expect_one(r2, "Tag.2.Key", code::duplicate_tag_key, severity::error, "Duplicate.TagKey");

  // ClientToken "+" is one visible ASCII character (a space would be bad_char in hardened).
  const string_pairs token{{"regionId", "cn"}, {"DiskId", "d-1"}, {"ClientToken", "a+b"}};
  BOOST_TEST(snapcheck::validate_params(token, hardened()).ok());
}

BOOST_AUTO_TEST_CASE(embedded_nul_is_a_character) {
  using namespace std::string_literals;
  // "a\0" is two characters: long enough for Description (2-256).
  const string_pairs two{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Description", "a\0"s}};
  BOOST_TEST(two[2].second.size() == 2u);
  const auto r = snapcheck::validate_params(two);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.violations().empty());

  // 257 characters, NULs included: too_long with length 257.
  std::string long_value(257, '\0');
  long_value[0] = 'x';
  const string_pairs longer{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Description", long_value}};
  expect_one(snapcheck::validate_params(longer), "Description", code::too_long, severity::error,
             "InvalidDescription.Malformed", {}, 257u, 256u);

  // A name with a NUL after it is not the known name.
  const string_pairs name{{"regionId", "cn"}, {"DiskId\0"s, "d-1"}};
  const auto rn = snapcheck::validate_params(name);
  BOOST_TEST(!rn.ok());
  expect_one(rn, "DiskId\0"s, code::unknown_parameter, severity::warning, "InvalidParameter");
  expect_one(rn, "DiskId", code::missing, severity::error, "MissingParameter");
}

BOOST_AUTO_TEST_CASE(embedded_nul_is_bad_char_in_hardened_free_text) {
  using namespace std::string_literals;
  const string_pairs p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Description", "ab\0cd"s},
                       {"Tag.1.Key", "k\0"s}, {"Tag.1.Value", "\0"s}};
  const auto doc = snapcheck::validate_params(p);
  BOOST_TEST(doc.ok());
  BOOST_TEST(doc.violations().empty());
  const auto r = snapcheck::validate_params(p, hardened());
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 3u);
  expect_one(r, "Description", code::bad_char, severity::error, "InvalidDescription.Malformed", 2u);
  expect_one(r, "Tag.1.Key", code::bad_char, severity::error, "InvalidTagKey.Malformed", 1u);
  expect_one(r, "Tag.1.Value", code::bad_char, severity::error, "InvalidTagValue.Malformed", 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unknown_names)

BOOST_AUTO_TEST_CASE(field_text_refers_to_the_callers_storage) {
  // The result does not copy an unknown name: its field is a view of the
  // caller's string, readable through field_name while that string lives.
  string_pairs p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"Signatures", "abc"}};
  const auto r = snapcheck::validate_params(p);
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  const snapcheck::violation& v = r.violations()[0];
  BOOST_TEST((v.code == code::unknown_parameter));
  BOOST_TEST(snapcheck::field_name(v.field) == "Signatures");
  BOOST_TEST(v.field.text.data() == p[2].first.data());
  // Changed in place (same size, no reallocation): the field reads the change.
  p[2].first[0] = 'Z';
  BOOST_TEST(snapcheck::field_name(v.field) == "Zignatures");
}

BOOST_AUTO_TEST_CASE(allow_list_in_hardened) {
  const std::array<snapcheck::string_view, 2> allowed{"X-Sig", "X-Key"};
  snapcheck::options opt = hardened();
  opt.allow = allowed;
  const string_pairs p{{"regionId", "cn"}, {"DiskId", "d-1"}, {"X-Sig", "s"}, {"X-Time", "t"}};
  const auto r = snapcheck::validate_params(p, opt);
  BOOST_TEST(!r.ok());
  BOOST_TEST(find(r, "X-Sig", code::unknown_parameter).empty());  // allow-listed: nothing (SPEC §5)
  expect_one(r, "X-Time", code::unknown_parameter, severity::error, "InvalidParameter");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

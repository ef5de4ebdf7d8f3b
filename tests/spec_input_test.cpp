// Suite spec_input: SPEC §2, the input forms. A form body is decoded
// strictly (split on '&', skip empty segments, split at the first '=', '+'
// is a space, %HH either case, any other '%' is bad_encoding), with the
// consequences SPEC gives for a badly encoded name or value; and a parameter
// list of the same decoded pairs reaches the same rules.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/snapcheck.hpp>

#include "support/expect.hpp"

namespace {

using namespace expect;

constexpr auto err = sc::severity::error;
constexpr auto warn = sc::severity::warning;

// The required parameters as a form body, then extra.
std::string form(std::string_view extra) {
  std::string s = "regionId=cn&DiskId=d";
  if (!extra.empty()) {
    s += '&';
    s.append(extra);
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_input)

// ---------------------------------------------------------------------------
// "split on &; empty segments are skipped"
BOOST_AUTO_TEST_SUITE(segments)

BOOST_AUTO_TEST_CASE(empty_segments_are_skipped) {
  const std::string body = "&&regionId=cn&&DiskId=d&";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(only_ampersands_is_an_empty_request) {
  const std::string body = "&&&";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"regionId", sc::code::missing}, {"DiskId", sc::code::missing}}) ==
             "");
}

BOOST_AUTO_TEST_CASE(empty_body_is_an_empty_request) {
  BOOST_TEST(mismatch(sc::validate_form(""), {{"regionId", sc::code::missing}, {"DiskId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_CASE(ampersand_ends_a_value) {
  // Description=a (1 char) and a parameter named "b".
  const std::string body = form("Description=a&b");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Description", sc::code::too_short, {}, 1u, 2u},
                                                {"b", sc::code::unknown_parameter, {}, {}, {}, warn}}) == "");
}

BOOST_AUTO_TEST_CASE(encoded_ampersand_is_part_of_the_value) {
  const std::string body = form("SnapshotName=a%26b");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"SnapshotName", sc::code::bad_char, 1u}}) == "");
}

BOOST_AUTO_TEST_CASE(semicolon_is_not_a_separator) {
  // One parameter regionId with the value "cn;DiskId=d"; DiskId is missing.
  const std::string body = "regionId=cn;DiskId=d";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "a segment splits at its first =; no = means an empty value"
BOOST_AUTO_TEST_SUITE(first_equals)

BOOST_AUTO_TEST_CASE(value_may_contain_equals) {
  // Description "a=b" is 3 characters: fine. Split at the last '=', the name
  // would be "Description=a", an unknown parameter.
  const std::string body = form("Description=a=b");
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(value_of_a_single_equals_is_one_character) {
  const std::string body = form("Description==");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Description", sc::code::too_short, {}, 1u, 2u}}) == "");
}

BOOST_AUTO_TEST_CASE(equals_in_value_is_checked_as_a_character) {
  const std::string body = form("SnapshotName=ab=c");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"SnapshotName", sc::code::bad_char, 2u}}) == "");
}

BOOST_AUTO_TEST_CASE(no_equals_means_empty_value) {
  // Required: empty is missing. Tag.N.Key: empty is present and too short.
  const std::string body = "regionId&DiskId=d&Tag.1.Key";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.1.Key", sc::code::too_short, {}, 0u, 1u},
                                                {"regionId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_CASE(leading_equals_is_an_empty_name) {
  // "=x" has the empty name: no known parameter.
  const std::string body = form("=x");
  const auto r = sc::validate_form(body);
  BOOST_TEST(r.ok(), describe(r));
  BOOST_TEST(mismatch(r, {{"", sc::code::unknown_parameter, {}, {}, {}, warn}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "+ decodes to a space; %HH (hex, either case) to that byte"
BOOST_AUTO_TEST_SUITE(decoding)

BOOST_AUTO_TEST_CASE(plus_is_a_space) {
  const std::string one_space = form("Description=+");
  BOOST_TEST(mismatch(sc::validate_form(one_space), {{"Description", sc::code::too_short, {}, 1u, 2u}}) == "");
  const std::string inner = form("SnapshotName=a+b");
  BOOST_TEST(mismatch(sc::validate_form(inner), {{"SnapshotName", sc::code::bad_char, 1u}}) == "");
}

BOOST_AUTO_TEST_CASE(plus_counts_one_character_each) {
  const std::string ok = form("ClientToken=" + std::string(64, '+'));
  BOOST_TEST(describe(sc::validate_form(ok)) == "[]");
  const std::string bad = form("ClientToken=" + std::string(65, '+'));
  BOOST_TEST(mismatch(sc::validate_form(bad), {{"ClientToken", sc::code::too_long, {}, 65u, 64u}}) == "");
}

BOOST_AUTO_TEST_CASE(plus_in_a_name_is_a_space) {
  // "DiskId+" is "DiskId " : unknown, so DiskId is missing.
  const std::string body = "regionId=cn&DiskId+=d";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId ", sc::code::unknown_parameter},
                                                {"DiskId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_CASE(percent_hex_upper_and_lower_case) {
  // %68 is 'h', so the value starts with http://.
  const std::string upper = form("Description=%68ttp%3A%2F%2Fx");
  BOOST_TEST(mismatch(sc::validate_form(upper), {{"Description", sc::code::reserved_prefix}}) == "");
  const std::string lower = form("Description=%68ttp%3a%2f%2fx");
  BOOST_TEST(mismatch(sc::validate_form(lower), {{"Description", sc::code::reserved_prefix}}) == "");
}

BOOST_AUTO_TEST_CASE(percent_encoded_utf8_is_decoded_before_counting) {
  // %E4%B8%80 is 一 (one character).
  const std::string upper = form("SnapshotName=%E4%B8%80");
  BOOST_TEST(mismatch(sc::validate_form(upper), {{"SnapshotName", sc::code::too_short, {}, 1u, 2u}}) == "");
  const std::string mixed = form("SnapshotName=%E4%b8%80%e4%B8%80");
  BOOST_TEST(describe(sc::validate_form(mixed)) == "[]");
}

BOOST_AUTO_TEST_CASE(percent_2b_is_a_plus_not_a_space) {
  // Keys "a+b" (from %2B) and "a b" (from '+') differ: no duplicate_tag_key;
  // keys "a b" (from '+') and "a b" (from %20) are equal.
  const std::string plus = form("Tag.1.Key=a+b&Tag.2.Key=a%2Bb");
  BOOST_TEST(describe(sc::validate_form(plus)) == "[]");
  const std::string space = form("Tag.1.Key=a+b&Tag.2.Key=a%20b");
  BOOST_TEST(mismatch(sc::validate_form(space), {{"Tag.2.Key", sc::code::duplicate_tag_key}}) == "");
}

BOOST_AUTO_TEST_CASE(decoded_bytes_are_checked_as_utf8) {
  const std::string body = form("Description=ab%C0%AF");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Description", sc::code::invalid_utf8, 2u, {}, {}, err,
                                                 "InvalidDescription.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(names_are_decoded_before_matching) {
  // region%49d is regionId; Tag.1.K%65y is Tag.1.Key; %44isk%49d is DiskId.
  const std::string body = "region%49d=cn&%44isk%49d=d&Tag.1.K%65y=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.1.Key", sc::code::too_short, {}, 0u, 1u}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "any other % is a bad_encoding error"; "A badly encoded value of a known
// name: field is the name, no other rule of that field runs, and the
// parameter counts as present (no missing follows)."
BOOST_AUTO_TEST_SUITE(bad_encoding_in_value)

BOOST_AUTO_TEST_CASE(every_malformed_percent_is_bad_encoding) {
  // Each value would also be too short or fine if decoded leniently.
  for (std::string_view v : {"%", "%4", "%G1", "%%41", "ab%", "a%4", "%4G", "%g0", "%-1", "% 1", "%+1"}) {
    const std::string body = form("Description=" + std::string(v));
    const auto r = sc::validate_form(body);
    BOOST_TEST(mismatch(r, {{"Description", sc::code::bad_encoding, {}, {}, {}, err,
                             "InvalidDescription.Malformed"}}) == "",
               "value " << v);
    BOOST_TEST(!r.ok(), "value " << v);
  }
}

BOOST_AUTO_TEST_CASE(no_other_rule_of_the_field_runs) {
  // Would be reserved_prefix; would be bad_start; would be too_long.
  const std::string a = form("Description=http%3A//x%");
  BOOST_TEST(mismatch(sc::validate_form(a), {{"Description", sc::code::bad_encoding}}) == "");
  const std::string b = form("SnapshotName=!!%ZZ");
  BOOST_TEST(mismatch(sc::validate_form(b), {{"SnapshotName", sc::code::bad_encoding, {}, {}, {}, err,
                                              "InvalidSnapshotName.Malformed"}}) == "");
  const std::string c = form("ClientToken=" + std::string(70, 'x') + "%");
  BOOST_TEST(mismatch(sc::validate_form(c), {{"ClientToken", sc::code::bad_encoding, {}, {}, {}, err,
                                              "InvalidClientToken.Malformed"}}) == "");
  const std::string d = form("RetentionDays=x%");
  BOOST_TEST(mismatch(sc::validate_form(d), {{"RetentionDays", sc::code::bad_encoding, {}, {}, {}, err,
                                              "InvalidRetentionDays.Malformed"}}) == "");
  const std::string e = form("Category=Flash%");
  BOOST_TEST(mismatch(sc::validate_form(e), {{"Category", sc::code::bad_encoding, {}, {}, {}, err,
                                              "InvalidSnapshotCategory.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(bad_encoding_wins_over_invalid_utf8) {
  // The bytes before the bad '%' are ill-formed UTF-8; only bad_encoding is reported.
  const std::string body = form("Description=%FF%");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Description", sc::code::bad_encoding}}) == "");
}

BOOST_AUTO_TEST_CASE(required_field_badly_encoded_is_present_not_missing) {
  const std::string body = "regionId=%&DiskId=d%Z";
  BOOST_TEST(mismatch(sc::validate_form(body),
                      {{"regionId", sc::code::bad_encoding, {}, {}, {}, err, "InvalidParameter"},
                       {"DiskId", sc::code::bad_encoding, {}, {}, {}, err, "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(tag_key_badly_encoded_is_present_for_its_value) {
  const std::string body = form("Tag.1.Value=v&Tag.1.Key=%");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.1.Key", sc::code::bad_encoding, {}, {}, {}, err,
                                                 "InvalidTagKey.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(tag_value_badly_encoded_runs_no_value_rule) {
  // "acs:" would be reserved_prefix, but no rule that reads the value runs.
  // value_without_key is about presence (docs/decisions.md §5.10): the badly
  // encoded value is present, so it is reported too.
  const std::string body = form("Tag.2.Value=acs:%");
  const auto r = sc::validate_form(body);
  const auto* v = find(r, "Tag.2.Value", sc::code::bad_encoding);
  BOOST_TEST_REQUIRE(v != nullptr, describe(r));
  BOOST_TEST(v->api_code == "InvalidTagValue.Malformed");
  BOOST_TEST((v->severity == err));
  BOOST_TEST(find(r, "Tag.2.Value", sc::code::value_without_key) != nullptr, describe(r));
  BOOST_TEST(r.violations().size() == 2u, describe(r));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "A badly encoded name: field is the raw name text, and the parameter is no
// known parameter."
BOOST_AUTO_TEST_SUITE(bad_encoding_in_name)

BOOST_AUTO_TEST_CASE(field_is_the_raw_name_and_api_code_invalid_parameter) {
  for (std::string_view name : {"Foo%", "%", "%zz", "Disk%4Id", "%FF%", "%41%"}) {
    const std::string body = form(std::string(name) + "=1");
    const auto r = sc::validate_form(body);
    BOOST_TEST(mismatch(r, {{std::string(name), sc::code::bad_encoding, {}, {}, {}, err, "InvalidParameter"}}) == "",
               "name " << name);
    BOOST_TEST(!r.ok(), "name " << name);
  }
}

BOOST_AUTO_TEST_CASE(badly_encoded_known_name_is_no_known_parameter) {
  // regionId% is not regionId, so regionId is still missing.
  const std::string body = "regionId%=cn&DiskId=d";
  BOOST_TEST(mismatch(sc::validate_form(body),
                      {{"regionId%", sc::code::bad_encoding, {}, {}, {}, err, "InvalidParameter"},
                       {"regionId", sc::code::missing, {}, {}, {}, err, "MissingParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(badly_encoded_name_around_a_known_name) {
  const std::string body = "regionId=cn&Disk%4Id=d";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Disk%4Id", sc::code::bad_encoding},
                                                {"DiskId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_CASE(badly_encoded_tag_key_name_does_not_count_for_its_value) {
  const std::string body = form("Tag.1.Key%=k&Tag.1.Value=v");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.1.Key%", sc::code::bad_encoding},
                                                {"Tag.1.Value", sc::code::value_without_key}}) == "");
}

BOOST_AUTO_TEST_CASE(value_of_a_badly_encoded_name_is_not_checked) {
  const std::string body = form("Description%=%ZZ&SnapshotName%=!");
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Description%", sc::code::bad_encoding},
                                                {"SnapshotName%", sc::code::bad_encoding}}) == "");
}

BOOST_AUTO_TEST_CASE(badly_encoded_name_is_not_a_duplicate) {
  const std::string body = "regionId=cn&DiskId=d&DiskId%=e";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId%", sc::code::bad_encoding}}) == "");
}

BOOST_AUTO_TEST_CASE(raw_name_with_invalid_utf8_is_shown_as_valid_utf8) {
  // The raw bytes FF 25 ("\xFF%"): the field name is valid UTF-8.
  const std::string body = form("\xFF%=1");
  const auto r = sc::validate_form(body);
  const auto* v = find(r, "\xEF\xBF\xBD%", sc::code::bad_encoding);
  BOOST_TEST(v != nullptr, describe(r));
  BOOST_TEST(r.found() == 1u, describe(r));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "Values of unknown names are not decoded, so they raise nothing."
BOOST_AUTO_TEST_SUITE(unknown_names)

BOOST_AUTO_TEST_CASE(value_of_unknown_name_is_not_decoded) {
  for (std::string_view v : {"%ZZ", "%", "%4", "%FF", "%C0%AF", "http://x"}) {
    const std::string body = form("Foo=" + std::string(v));
    const auto r = sc::validate_form(body);
    BOOST_TEST(mismatch(r, {{"Foo", sc::code::unknown_parameter, {}, {}, {}, warn, "InvalidParameter"}}) == "",
               "value " << v);
    BOOST_TEST(r.ok(), "value " << v);
  }
}

BOOST_AUTO_TEST_CASE(value_of_unknown_tag_shape_is_not_decoded) {
  const std::string body = form("Tag.1.KEY=%&Tag=%ZZ");
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"Tag.1.KEY", sc::code::unknown_parameter}, {"Tag", sc::code::unknown_parameter}}) == "");
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "Input forms (all reach the same rules)": a form body and the parameter list
// of its decoded pairs give the same violations.
BOOST_AUTO_TEST_SUITE(parameter_list_same_as_form)

struct same_case {
  std::string_view name;
  std::string body;
  params list;
  std::vector<want> expected;
};

BOOST_AUTO_TEST_CASE(same_violations_from_both_entry_points) {
  const std::vector<same_case> cases = {
      {"valid", "regionId=cn&DiskId=d&Description=a%3Db&SnapshotName=%E4%B8%80x",
       base({{"Description", "a=b"}, {"SnapshotName", "\xE4\xB8\x80x"}}), {}},
      {"empty optional", "regionId=cn&DiskId=d&Description=&SnapshotName",
       base({{"Description", ""}, {"SnapshotName", ""}}), {}},
      {"space", "regionId=cn&DiskId=d&SnapshotName=a+b", base({{"SnapshotName", "a b"}}),
       {{"SnapshotName", sc::code::bad_char, 1u}}},
      {"multibyte length", "regionId=cn&DiskId=d&Description=%E4%B8%80", base({{"Description", "\xE4\xB8\x80"}}),
       {{"Description", sc::code::too_short, {}, 1u, 2u}}},
      {"encoded name", "regionId=cn&Disk%49d=x&Tag.1.Value=v", params{{"regionId", "cn"}, {"DiskId", "x"},
                                                                    {"Tag.1.Value", "v"}},
       {{"Tag.1.Value", sc::code::value_without_key, {}, {}, {}, err, "InvalidTagKey.Malformed"}}},
      {"unknown and missing", "DiskId=d&Regionid=cn", params{{"DiskId", "d"}, {"Regionid", "cn"}},
       {{"Regionid", sc::code::unknown_parameter, {}, {}, {}, warn}, {"regionId", sc::code::missing}}},
      {"alias", "regionId=cn&DiskId=d&Tag.1.key=aliyun1", base({{"Tag.1.key", "aliyun1"}}),
       {{"Tag.1.key", sc::code::deprecated_name, {}, {}, {}, warn, "InvalidParameter"},
        {"Tag.1.key", sc::code::reserved_prefix, {}, {}, {}, err, "InvalidTagKey.Malformed"}}},
      {"out of range", "regionId=cn&DiskId=d&RetentionDays=0", base({{"RetentionDays", "0"}}),
       {{"RetentionDays", sc::code::out_of_range, {}, {}, 1u}}},
      {"invalid utf8 name", "regionId=cn&DiskId=d&Name%FF=1", base({{"Name\xFF", "1"}}),
       {{"Name\xEF\xBF\xBD", sc::code::invalid_utf8, 4u, {}, {}, err, "InvalidParameter"}}},
      {"invalid utf8 value", "regionId=cn&DiskId=d&Description=ab%ED%A0%80", base({{"Description", "ab\xED\xA0\x80"}}),
       {{"Description", sc::code::invalid_utf8, 2u, {}, {}, err, "InvalidDescription.Malformed"}}},
      {"non-ascii token", "regionId=cn&DiskId=d&ClientToken=x%C3%A9", base({{"ClientToken", "x\xC3\xA9"}}),
       {{"ClientToken", sc::code::bad_char, 1u}}},
      {"duplicate", "regionId=cn&DiskId=d&DiskId=e", base({{"DiskId", "e"}}),
       {{"DiskId", sc::code::duplicate_parameter, {}, {}, {}, err, "InvalidParameter"}}},
      {"bad index", "regionId=cn&DiskId=d&Tag.0.Key=k", base({{"Tag.0.Key", "k"}}),
       {{"Tag.0.Key", sc::code::bad_tag_index, {}, {}, {}, err, "InvalidTagKey.Malformed"}}},
      {"duplicate tag key", "regionId=cn&DiskId=d&Tag.1.Key=a+b&Tag.2.Key=a%20b",
       base({{"Tag.1.Key", "a b"}, {"Tag.2.Key", "a b"}}),
       {{"Tag.2.Key", sc::code::duplicate_tag_key, {}, {}, {}, err, "Duplicate.TagKey"}}},
      {"unknown value unchecked", "regionId=cn&DiskId=d&Foo=%FF", base({{"Foo", "\xFF"}}),
       {{"Foo", sc::code::unknown_parameter}}},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name) {
      BOOST_TEST(mismatch(sc::validate_form(c.body), c.expected) == "");
      BOOST_TEST(mismatch(sc::validate_params(c.list), c.expected) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(parameter_list_bytes_are_not_decoded_again) {
  // In a parameter list, '+' and '%' are plain characters.
  const params p = base({{"Description", "%"}, {"SnapshotName", "a+b"}, {"ClientToken", "%ZZ"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"Description", sc::code::too_short, {}, 1u, 2u},
                                               {"SnapshotName", sc::code::bad_char, 1u}}) == "");
}

BOOST_AUTO_TEST_CASE(parameter_list_keeps_equals_and_ampersand_in_names) {
  // A decoded name may contain any bytes: "DiskId=d" is not DiskId.
  const params p{{"regionId", "cn"}, {"DiskId=d", ""}, {"a&b", ""}};
  BOOST_TEST(mismatch(sc::validate_params(p), {{"DiskId=d", sc::code::unknown_parameter},
                                               {"a&b", sc::code::unknown_parameter},
                                               {"DiskId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

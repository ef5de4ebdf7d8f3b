// Suite spec_names: SPEC §3, parameter names: exact and case-sensitive;
// the deprecated Tag.N.key / Tag.N.value aliases; the Tag.N index; unknown
// names (warnings, with suggestions); duplicates; names that are not UTF-8;
// the parameter count limit; unknown values left unchecked.
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

#include <snapcheck/strings.hpp>

#include "support/expect.hpp"

namespace {

using namespace expect;

constexpr auto err = sc::severity::error;
constexpr auto warn = sc::severity::warning;

#define FFFD "\xEF\xBF\xBD"

// The suggested field name of the only violation of r with code c on field.
std::string suggestion(const sc::result& r, std::string_view field, sc::code c) {
  const auto* v = find(r, field, c);
  if (v == nullptr) return "<no violation>";
  if (!v->has_suggestion()) return "<none>";
  return sc::field_name(v->suggested_field);
}

// A form body of the two required parameters and n - 2 more non-empty segments.
std::string body_of(std::size_t n, std::string_view segment = "Foo") {
  std::string s = "regionId=cn&DiskId=d";
  for (std::size_t i = 2; i < n; ++i) {
    s += '&';
    s.append(segment);
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_names)

// ---------------------------------------------------------------------------
// "Names are exact and case-sensitive"
BOOST_AUTO_TEST_SUITE(exact_names)

BOOST_AUTO_TEST_CASE(every_documented_name_is_known) {
  const std::string body =
      "regionId=cn&DiskId=d&SnapshotName=ab&Description=ab&Category=Flash&RetentionDays=1&ClientToken=t"
      "&version=2016-01-01&Tag.1.Key=k&Tag.1.Value=v&Tag.20.Key=k20&Tag.20.Value=v";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(region_id_all_lower_case_is_unknown_with_suggestion) {
  const std::string body = "regionid=cn&DiskId=d";
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"regionid", sc::code::unknown_parameter, {}, {}, {}, warn, "InvalidParameter"},
                          {"regionId", sc::code::missing, {}, {}, {}, err, "MissingParameter"}}) == "");
  BOOST_TEST(suggestion(r, "regionid", sc::code::unknown_parameter) == "regionId");
}

// SPEC §3.1: the SDKs' RegionId and Version are the same fields, with no violation.
BOOST_AUTO_TEST_CASE(sdk_spellings_are_the_same_fields) {
  for (const auto profile : {sc::profile::documented, sc::profile::hardened}) {
    const sc::options opt{.profile = profile};
    BOOST_TEST(describe(sc::validate_form("RegionId=cn-hangzhou&DiskId=d-1&Version=2014-05-26", opt)) == "[]");
    const auto both = sc::validate_form("RegionId=cn&regionId=cn&DiskId=d", opt);
    BOOST_TEST(mismatch(both, {{"regionId", sc::code::duplicate_parameter, {}, {}, {}, warn, "InvalidParameter"}}) ==
               "");
    const auto differ = sc::validate_form("version=2014-05-26&RegionId=cn&Version=2016-01-01&DiskId=d", opt);
    BOOST_TEST(mismatch(differ, {{"Version", sc::code::duplicate_parameter, {}, {}, {}, err, "InvalidParameter"}}) ==
               "");
  }
  // The field is the name as sent, and its rules apply under it.
  const auto bad = sc::validate_form("RegionId=CN&DiskId=d", sc::options{.profile = sc::profile::hardened});
  BOOST_TEST(mismatch(bad, {{"RegionId", sc::code::bad_char, 0u, {}, {}, err, "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(disk_id_lower_case_is_unknown_with_suggestion) {
  const std::string body = "regionId=cn&diskid=d";
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"diskid", sc::code::unknown_parameter, {}, {}, {}, warn},
                          {"DiskId", sc::code::missing}}) == "");
  BOOST_TEST(suggestion(r, "diskid", sc::code::unknown_parameter) == "DiskId");
}

BOOST_AUTO_TEST_CASE(other_case_variants_are_unknown) {
  for (std::string_view name : {"snapshotName", "DESCRIPTION", "category", "Retentiondays", "clientToken",
                                "VERSION", "REGIONID", "regionid", "action", "signature"}) {
    const params p = base({{std::string(name), "x"}});
    const auto r = sc::validate_params(p);
    BOOST_TEST(mismatch(r, {{std::string(name), sc::code::unknown_parameter, {}, {}, {}, warn}}) == "",
               "name " << name);
  }
}

BOOST_AUTO_TEST_CASE(surrounding_spaces_make_a_name_unknown) {
  const params p = base({{" Description", "x"}, {"Description ", "x"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{" Description", sc::code::unknown_parameter},
                                               {"Description ", sc::code::unknown_parameter}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "Tag.N.key / Tag.N.value (lower case) are accepted as the same fields, with
// a deprecated_name warning."
BOOST_AUTO_TEST_SUITE(deprecated_aliases)

BOOST_AUTO_TEST_CASE(lower_case_key_and_value_warn_deprecated_name) {
  const std::string body = "regionId=cn&DiskId=d&Tag.1.key=k&Tag.1.value=v";
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"Tag.1.key", sc::code::deprecated_name, {}, {}, {}, warn, "InvalidParameter"},
                          {"Tag.1.value", sc::code::deprecated_name, {}, {}, {}, warn, "InvalidParameter"}}) == "");
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_CASE(alias_key_value_is_validated_as_tag_key) {
  const params p = base({{"Tag.1.key", "aliyunX"}, {"Tag.2.key", ""}, {"Tag.3.key", "xhttp://y"}});
  BOOST_TEST(mismatch(sc::validate_params(p),
                      {{"Tag.1.key", sc::code::deprecated_name, {}, {}, {}, warn},
                       {"Tag.1.key", sc::code::reserved_prefix, {}, {}, {}, err, "InvalidTagKey.Malformed"},
                       {"Tag.2.key", sc::code::deprecated_name, {}, {}, {}, warn},
                       {"Tag.2.key", sc::code::too_short, {}, 0u, 1u, err, "InvalidTagKey.Malformed"},
                       {"Tag.3.key", sc::code::deprecated_name, {}, {}, {}, warn},
                       {"Tag.3.key", sc::code::forbidden_substring, 1u, {}, {}, err, "InvalidTagKey.Malformed"}}) ==
             "");
}

BOOST_AUTO_TEST_CASE(alias_value_is_validated_as_tag_value) {
  const params p = base({{"Tag.1.Key", "k"}, {"Tag.1.value", "acs:x"}, {"Tag.2.Key", "k2"}, {"Tag.2.value", ""}});
  BOOST_TEST(mismatch(sc::validate_params(p),
                      {{"Tag.1.value", sc::code::deprecated_name, {}, {}, {}, warn},
                       {"Tag.1.value", sc::code::reserved_prefix, {}, {}, {}, err, "InvalidTagValue.Malformed"},
                       {"Tag.2.value", sc::code::deprecated_name, {}, {}, {}, warn}}) == "");
}

BOOST_AUTO_TEST_CASE(alias_key_satisfies_the_value_and_alias_value_needs_a_key) {
  const params p = base({{"Tag.1.key", "k"}, {"Tag.1.Value", "v"}, {"Tag.2.value", "v"}});
  BOOST_TEST(mismatch(sc::validate_params(p),
                      {{"Tag.1.key", sc::code::deprecated_name},
                       {"Tag.2.value", sc::code::deprecated_name},
                       {"Tag.2.value", sc::code::value_without_key, {}, {}, {}, err, "InvalidTagKey.Malformed"}}) ==
             "");
}

BOOST_AUTO_TEST_CASE(alias_keys_take_part_in_duplicate_tag_key) {
  const params p = base({{"Tag.1.key", "same"}, {"Tag.2.Key", "same"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"Tag.1.key", sc::code::deprecated_name},
                                               {"Tag.2.Key", sc::code::duplicate_tag_key}}) == "");
}

BOOST_AUTO_TEST_CASE(name_then_alias_is_duplicate_parameter_on_the_alias) {
  const params p = base({{"Tag.1.Key", "a"}, {"Tag.1.key", "aliyun"}});
  // The first occurrence is the one validated: "aliyun" raises nothing.
  BOOST_TEST(mismatch(sc::validate_params(p),
                      {{"Tag.1.key", sc::code::deprecated_name, {}, {}, {}, warn, "InvalidParameter"},
                       {"Tag.1.key", sc::code::duplicate_parameter, {}, {}, {}, err, "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(alias_then_name_is_duplicate_parameter_on_the_name) {
  const params p = base({{"Tag.4.value", "v"}, {"Tag.4.Key", "k"}, {"Tag.4.Value", "acs:"}});
  BOOST_TEST(mismatch(sc::validate_params(p),
                      {{"Tag.4.value", sc::code::deprecated_name, {}, {}, {}, warn},
                       {"Tag.4.Value", sc::code::duplicate_parameter, {}, {}, {}, err, "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "N must be a canonical decimal from 1 to 20 ... otherwise bad_tag_index."
BOOST_AUTO_TEST_SUITE(tag_index)

BOOST_AUTO_TEST_CASE(n_from_1_to_20_is_accepted) {
  params p = base();
  for (int n = 1; n <= 20; ++n) {
    const std::string index = std::to_string(n);
    std::string key = "Tag.";
    key.append(index).append(".Key");
    std::string value = "Tag.";
    value.append(index).append(".Value");
    p.emplace_back(key, std::string("k").append(index));
    p.emplace_back(value, "v");
  }
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(bad_n_on_key_names_is_invalid_tag_key_malformed) {
  for (std::string_view name : {"Tag.0.Key", "Tag.01.Key", "Tag.21.Key", "Tag.x.Key", "Tag..Key", "Tag.-1.key",
                                "Tag.+1.Key", "Tag.1x.Key", "Tag. 1.Key", "Tag.1 .key", "Tag.99999999999.Key",
                                "Tag.4294967297.Key", "Tag.00.key"}) {
    const params p = base({{std::string(name), "k"}});
    const auto r = sc::validate_params(p);
    BOOST_TEST(mismatch(r, {{std::string(name), sc::code::bad_tag_index, {}, {}, {}, err,
                             "InvalidTagKey.Malformed"}}) == "",
               "name " << name);
    BOOST_TEST(!r.ok(), "name " << name);
  }
}

BOOST_AUTO_TEST_CASE(bad_n_of_any_length_is_still_a_tag_index) {
  // Regression: names longer than every known name were taken as unknown.
  for (std::string_view name : {"Tag.12345678901234.Key", "Tag.1234567890123.Value",
                                "Tag.123456789012345678901234567890123456789.value"}) {
    const params p = base({{std::string(name), "k"}});
    const auto r = sc::validate_params(p);
    const bool is_key = name.ends_with("Key");
    BOOST_TEST(mismatch(r, {{std::string(name), sc::code::bad_tag_index, {}, {}, {}, err,
                             is_key ? "InvalidTagKey.Malformed" : "InvalidTagValue.Malformed"}}) == "",
               "name " << name);
  }
  const params other = base({{"Tag.12345678901234.Ke", "k"}});
  const auto r = sc::validate_params(other);
  BOOST_TEST((r.violations().front().code == sc::code::unknown_parameter));
}

BOOST_AUTO_TEST_CASE(bad_n_on_value_names_is_invalid_tag_value_malformed) {
  for (std::string_view name : {"Tag.0.Value", "Tag.01.Value", "Tag.21.value", "Tag.x.Value", "Tag..value",
                                "Tag.-1.Value", "Tag.+1.value"}) {
    const params p = base({{std::string(name), "v"}});
    BOOST_TEST(mismatch(sc::validate_params(p), {{std::string(name), sc::code::bad_tag_index, {}, {}, {}, err,
                                                  "InvalidTagValue.Malformed"}}) == "",
               "name " << name);
  }
}

BOOST_AUTO_TEST_CASE(bad_n_in_a_form_body) {
  // %2B is '+'; '+' itself would be a space.
  const std::string body = "regionId=cn&DiskId=d&Tag.%2B1.Key=k&Tag.21.value=v&Tag.0%31.Key=k";
  BOOST_TEST(mismatch(sc::validate_form(body),
                      {{"Tag.+1.Key", sc::code::bad_tag_index, {}, {}, {}, err, "InvalidTagKey.Malformed"},
                       {"Tag.21.value", sc::code::bad_tag_index, {}, {}, {}, err, "InvalidTagValue.Malformed"},
                       {"Tag.01.Key", sc::code::bad_tag_index, {}, {}, {}, err, "InvalidTagKey.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(non_tag_shapes_are_unknown_parameters) {
  for (std::string_view name : {"Tag", "Tag.", "Tag.1", "Tag.1.", "Tag.Key", "Tag.1.KEY", "Tag.1.Keys",
                                "Tag.1.Key.x", "Tag.1.VALUE", "Tag.1.Val", "tag.1.Key", "TAG.1.Value",
                                "Tags.1.Key"}) {
    const params p = base({{std::string(name), "x"}});
    const auto r = sc::validate_params(p);
    BOOST_TEST(mismatch(r, {{std::string(name), sc::code::unknown_parameter, {}, {}, {}, warn,
                             "InvalidParameter"}}) == "",
               "name " << name);
    BOOST_TEST(r.ok(), "name " << name);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "Unknown names: unknown_parameter, a warning (the request stays valid); the
// violation carries a suggestion when a known name matches ASCII
// case-insensitively or within edit distance 2."
BOOST_AUTO_TEST_SUITE(unknown_names)

BOOST_AUTO_TEST_CASE(unknown_is_a_warning_and_the_request_stays_valid) {
  const std::string body = "regionId=cn&DiskId=d&Foo=1&Signature=x&X-Key=y";
  const auto r = sc::validate_form(body);
  BOOST_TEST(r.ok(), describe(r));
  BOOST_TEST(r.errors() == 0u);
  BOOST_TEST(mismatch(r, {{"Foo", sc::code::unknown_parameter, {}, {}, {}, warn, "InvalidParameter"},
                          {"X-Key", sc::code::unknown_parameter, {}, {}, {}, warn, "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(case_insensitive_match_suggests_the_known_name) {
  const params p = base({{"DiskID", "x"}, {"SNAPSHOTNAME", "x"}, {"retentiondays", "x"}, {"tag.2.key", "x"},
                         {"TAG.3.VALUE", "x"}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(suggestion(r, "DiskID", sc::code::unknown_parameter) == "DiskId");
  BOOST_TEST(suggestion(r, "SNAPSHOTNAME", sc::code::unknown_parameter) == "SnapshotName");
  BOOST_TEST(suggestion(r, "retentiondays", sc::code::unknown_parameter) == "RetentionDays");
  BOOST_TEST(suggestion(r, "tag.2.key", sc::code::unknown_parameter) == "Tag.2.Key");
  BOOST_TEST(suggestion(r, "TAG.3.VALUE", sc::code::unknown_parameter) == "Tag.3.Value");
}

BOOST_AUTO_TEST_CASE(edit_distance_up_to_2_suggests_the_known_name) {
  const params p = base({{"SnapshotNme", "x"},     // 1 deletion
                         {"Descriptoin", "x"},     // a transposition (2 substitutions at most)
                         {"Category1", "x"},       // 1 insertion
                         {"ClientTokn", "x"},      // 1 deletion
                         {"versoin", "x"},         // a transposition
                         {"RetentionDay", "x"},    // 1 deletion
                         {"Tag.5.Kye", "x"},       // a transposition
                         {"Tag.6.Valeu", "x"}});   // a transposition
  const auto r = sc::validate_params(p);
  BOOST_TEST(suggestion(r, "SnapshotNme", sc::code::unknown_parameter) == "SnapshotName");
  BOOST_TEST(suggestion(r, "Descriptoin", sc::code::unknown_parameter) == "Description");
  BOOST_TEST(suggestion(r, "Category1", sc::code::unknown_parameter) == "Category");
  BOOST_TEST(suggestion(r, "ClientTokn", sc::code::unknown_parameter) == "ClientToken");
  BOOST_TEST(suggestion(r, "versoin", sc::code::unknown_parameter) == "version");
  BOOST_TEST(suggestion(r, "RetentionDay", sc::code::unknown_parameter) == "RetentionDays");
  BOOST_TEST(suggestion(r, "Tag.5.Kye", sc::code::unknown_parameter) == "Tag.5.Key");
  BOOST_TEST(suggestion(r, "Tag.6.Valeu", sc::code::unknown_parameter) == "Tag.6.Value");
}

BOOST_AUTO_TEST_CASE(mangled_tag_names_suggest_a_member_within_2_edits) {
  // Every Tag.N.Key / Tag.N.Value is a known name: a name within 2 edits of
  // one gets it, the closest and on a tie the lowest N.
  const params p = base({{"Tag.Key", "x"},      // 2 insertions from Tag.1.Key
                         {"Tag.Value", "x"},    // 2 insertions from Tag.1.Value
                         {"Tag1.Key", "x"},     // 1 insertion, N kept
                         {"Tag.7Key", "x"},     // 1 insertion, N kept
                         {"Tag.12.Kye", "x"},   // a transposition, N kept
                         {"Tag.21.Kye", "x"},   // N out of range: 2 edits from Tag.1.Key and Tag.2.Key
                         {"Tags.Keys", "x"}});  // 3 edits from any member
  const auto r = sc::validate_params(p);
  BOOST_TEST(suggestion(r, "Tag.Key", sc::code::unknown_parameter) == "Tag.1.Key");
  BOOST_TEST(suggestion(r, "Tag.Value", sc::code::unknown_parameter) == "Tag.1.Value");
  BOOST_TEST(suggestion(r, "Tag1.Key", sc::code::unknown_parameter) == "Tag.1.Key");
  BOOST_TEST(suggestion(r, "Tag.7Key", sc::code::unknown_parameter) == "Tag.7.Key");
  BOOST_TEST(suggestion(r, "Tag.12.Kye", sc::code::unknown_parameter) == "Tag.12.Key");
  BOOST_TEST(suggestion(r, "Tag.21.Kye", sc::code::unknown_parameter) == "Tag.1.Key");
  BOOST_TEST(suggestion(r, "Tags.Keys", sc::code::unknown_parameter) == "<none>");
}

BOOST_AUTO_TEST_CASE(trailing_space_after_alias_suggests_a_known_name) {
  // "Tag.3.key " is 1 edit from the alias Tag.3.key and 2 from Tag.3.Key:
  // either is a known name within distance 2.
  const params p = base({{"Tag.3.key ", "x"}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(mismatch(r, {{"Tag.3.key ", sc::code::unknown_parameter, {}, {}, {}, warn}}) == "");
  const std::string s = suggestion(r, "Tag.3.key ", sc::code::unknown_parameter);
  BOOST_TEST((s == "Tag.3.Key" || s == "Tag.3.key"), s);
}

BOOST_AUTO_TEST_CASE(far_names_get_no_suggestion) {
  const params p = base({{"Foo", "x"}, {"Gateway", "x"}, {"XYZSnapshotName", "x"}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(suggestion(r, "Foo", sc::code::unknown_parameter) == "<none>");
  BOOST_TEST(suggestion(r, "Gateway", sc::code::unknown_parameter) == "<none>");
  BOOST_TEST(suggestion(r, "XYZSnapshotName", sc::code::unknown_parameter) == "<none>");
}

BOOST_AUTO_TEST_CASE(suggestion_from_a_form_body_name) {
  // "DiskId+" decodes to "DiskId ": distance 1.
  const std::string body = "regionId=cn&DiskId+=d";
  const auto r = sc::validate_form(body);
  BOOST_TEST(suggestion(r, "DiskId ", sc::code::unknown_parameter) == "DiskId");
}

BOOST_AUTO_TEST_CASE(values_of_unknown_parameters_are_not_checked) {
  const params p = base({{"Foo", "\xFF\xFE"}, {"Bar", "http://x"}, {"Tag.1.KEY", ""}, {"Baz", std::string(5000, 'x')}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(r.ok(), describe(r));
  BOOST_TEST(mismatch(r, {{"Foo", sc::code::unknown_parameter},
                          {"Bar", sc::code::unknown_parameter},
                          {"Tag.1.KEY", sc::code::unknown_parameter},
                          {"Baz", sc::code::unknown_parameter}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "A known name that occurs again (after alias folding): duplicate_parameter
// error on each later occurrence; the first occurrence is the one validated.
// Repeated unknown names are just unknown, each time."
BOOST_AUTO_TEST_SUITE(duplicates)

BOOST_AUTO_TEST_CASE(empty_second_occurrence_is_duplicate_not_missing) {
  const std::string body = "regionId=cn&DiskId=d-1&DiskId=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId", sc::code::duplicate_parameter, {}, {}, {}, err,
                                                 "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(empty_first_occurrence_is_the_one_validated_so_missing) {
  const std::string body = "regionId=&regionId=cn&DiskId=d";
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"regionId", sc::code::duplicate_parameter, {}, {}, {}, err, "InvalidParameter"},
                          {"regionId", sc::code::missing, {}, {}, {}, err, "MissingParameter"}}) == "");
  // Input order, then missing.
  BOOST_TEST_REQUIRE(r.violations().size() == 2u);
  BOOST_TEST((r.violations()[0].code == sc::code::duplicate_parameter));
  BOOST_TEST((r.violations()[1].code == sc::code::missing));
}

BOOST_AUTO_TEST_CASE(later_occurrence_value_is_not_validated) {
  const params p = base({{"SnapshotName", "ab"}, {"SnapshotName", "!"}, {"RetentionDays", "7"},
                         {"RetentionDays", "x"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"SnapshotName", sc::code::duplicate_parameter},
                                               {"RetentionDays", sc::code::duplicate_parameter}}) == "");
}

BOOST_AUTO_TEST_CASE(first_occurrence_value_is_validated) {
  const params p = base({{"SnapshotName", "!a"}, {"SnapshotName", "ab"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"SnapshotName", sc::code::bad_start},
                                               {"SnapshotName", sc::code::duplicate_parameter}}) == "");
}

BOOST_AUTO_TEST_CASE(each_later_occurrence_is_a_duplicate) {
  const std::string body = "regionId=cn&DiskId=a&DiskId=b&DiskId=c&Tag.2.Key=k&Tag.2.key=k&Tag.2.Key=k";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId", sc::code::duplicate_parameter},
                                                {"DiskId", sc::code::duplicate_parameter},
                                                {"Tag.2.key", sc::code::deprecated_name},
                                                {"Tag.2.key", sc::code::duplicate_parameter},
                                                {"Tag.2.Key", sc::code::duplicate_parameter}}) == "");
}

BOOST_AUTO_TEST_CASE(encoded_spelling_of_the_same_name_is_a_duplicate) {
  const std::string body = "regionId=cn&DiskId=a&Disk%49d=b";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"DiskId", sc::code::duplicate_parameter}}) == "");
}

BOOST_AUTO_TEST_CASE(different_tag_indexes_are_not_duplicates) {
  const params p = base({{"Tag.1.Key", "a"}, {"Tag.2.Key", "b"}, {"Tag.1.Value", "v"}, {"Tag.2.Value", "v"}});
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(repeated_unknown_names_are_unknown_each_time) {
  const std::string body = "regionId=cn&DiskId=d&Foo=1&Foo=2&Foo=";
  const auto r = sc::validate_form(body);
  BOOST_TEST(mismatch(r, {{"Foo", sc::code::unknown_parameter, {}, {}, {}, warn},
                          {"Foo", sc::code::unknown_parameter, {}, {}, {}, warn},
                          {"Foo", sc::code::unknown_parameter, {}, {}, {}, warn}}) == "");
  BOOST_TEST(count(r, sc::code::duplicate_parameter) == 0u);
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "A name that is not valid UTF-8: invalid_utf8 error; field is the name with
// each maximal invalid subpart replaced by U+FFFD."
BOOST_AUTO_TEST_SUITE(invalid_utf8_names)

BOOST_AUTO_TEST_CASE(field_is_the_name_with_fffd_and_at_is_the_byte_offset) {
  struct {
    std::string_view name;
    std::string_view field;
    std::size_t at;
  } const cases[] = {
      {"Disk\xFFId", "Disk" FFFD "Id", 4},
      {"\x80", FFFD, 0},
      {"ab\xC0\xAF", "ab" FFFD FFFD, 2},
      {"x\xE0\x80\x80", "x" FFFD FFFD FFFD, 1},
      {"\xF0\x80\x80" "x", FFFD FFFD FFFD "x", 0},
      {"a\xED\xA0\x80", "a" FFFD FFFD FFFD, 1},
      {"ab\xF4\x90\x80\x80", "ab" FFFD FFFD FFFD FFFD, 2},
      {"abc\xE2\x82", "abc" FFFD, 3},
      {"\xC3\xA9\xF0\x9F\x98" "z", "\xC3\xA9" FFFD "z", 2},
      {"a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d", "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 1},
  };
  for (const auto& c : cases) {
    const params p = base({{std::string(c.name), "v"}});
    const auto r = sc::validate_params(p);
    BOOST_TEST(mismatch(r, {{std::string(c.field), sc::code::invalid_utf8, c.at, {}, {}, err, "InvalidParameter"}}) ==
                   "",
               "field " << c.field);
  }
}

BOOST_AUTO_TEST_CASE(at_is_an_offset_in_the_decoded_name_of_a_form_body) {
  // "x%41%FF" decodes to 78 41 FF: the bad byte is at 2 (at 4 in the raw text).
  const std::string body = "regionId=cn&DiskId=d&x%41%FF=1";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"xA" FFFD, sc::code::invalid_utf8, 2u, {}, {}, err,
                                                 "InvalidParameter"}}) == "");
}

BOOST_AUTO_TEST_CASE(invalid_name_is_not_a_known_parameter) {
  // "regionId\xFF" is not regionId: regionId is missing.
  const std::string body = "regionId%FF=cn&DiskId=d";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"regionId" FFFD, sc::code::invalid_utf8, 8u},
                                                {"regionId", sc::code::missing}}) == "");
}

BOOST_AUTO_TEST_CASE(value_of_an_invalid_name_is_not_checked) {
  const std::string body = "regionId=cn&DiskId=d&%FF=%ZZ&Tag.1.Key%C0=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{FFFD, sc::code::invalid_utf8, 0u},
                                                {"Tag.1.Key" FFFD, sc::code::invalid_utf8, 9u}}) == "");
}

BOOST_AUTO_TEST_CASE(invalid_names_are_not_duplicates_of_each_other) {
  const params p = base({{"a\xFF", "1"}, {"a\xFF", "2"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"a" FFFD, sc::code::invalid_utf8, 1u},
                                               {"a" FFFD, sc::code::invalid_utf8, 1u}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "More than 1024 parameters (non-empty segments): the result is exactly one
// too_many_parameters error and nothing else."
BOOST_AUTO_TEST_SUITE(parameter_count)

void expect_too_many(const sc::result& r) {
  BOOST_TEST(r.found() == 1u, describe(r));
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  const auto& v = r.violations()[0];
  BOOST_TEST((v.code == sc::code::too_many_parameters));
  BOOST_TEST((v.severity == err));
  BOOST_TEST(v.api_code == "InvalidParameter");
  BOOST_TEST(sc::field_name(v.field) == "");
  BOOST_TEST(!r.ok());
  BOOST_TEST(!r.truncated());
}

BOOST_AUTO_TEST_CASE(exactly_1024_parameters_are_fine) {
  const std::string body = body_of(1024);
  const auto r = sc::validate_form(body);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.found() == 1022u);  // the unknown "Foo" warnings
  BOOST_TEST(count(r, sc::code::too_many_parameters) == 0u);
}

BOOST_AUTO_TEST_CASE(parameters_1025_are_one_too_many_parameters_error) {
  const std::string body = body_of(1025);
  expect_too_many(sc::validate_form(body));
}

BOOST_AUTO_TEST_CASE(too_many_parameters_is_the_only_violation) {
  // Every segment would be an error on its own, and regionId/DiskId are absent.
  std::string body = "%";
  for (int i = 1; i < 1025; ++i) body += "&%";
  expect_too_many(sc::validate_form(body));
}

BOOST_AUTO_TEST_CASE(empty_segments_do_not_count) {
  std::string body = body_of(1024);
  body += "&&&&";
  body.insert(0, "&&&");
  const auto r = sc::validate_form(body);
  BOOST_TEST(count(r, sc::code::too_many_parameters) == 0u);
  BOOST_TEST(r.ok());
  std::string over = body_of(1025) + "&&";
  expect_too_many(sc::validate_form(over));
}

BOOST_AUTO_TEST_CASE(segments_without_value_count) {
  // "Foo" (no '=') and "=x" (empty name) are non-empty segments.
  std::string body = body_of(1024, "=x");
  BOOST_TEST(count(sc::validate_form(body), sc::code::too_many_parameters) == 0u);
  body += "&Foo";
  expect_too_many(sc::validate_form(body));
}

BOOST_AUTO_TEST_CASE(parameter_list_1024_fine_1025_too_many) {
  params p = base();
  while (p.size() < 1024) p.emplace_back("Foo", "1");
  BOOST_TEST(count(sc::validate_params(p), sc::code::too_many_parameters) == 0u);
  p.emplace_back("Foo", "1");
  expect_too_many(sc::validate_params(p));
}

BOOST_AUTO_TEST_CASE(max_parameters_option_changes_the_bound) {
  sc::options o;
  o.max_parameters = 3;
  const std::string three = "regionId=cn&DiskId=d&SnapshotName=ab";
  BOOST_TEST(describe(sc::validate_form(three, o)) == "[]");
  const std::string four = "regionId=cn&&DiskId=d&SnapshotName=ab&Foo";
  expect_too_many(sc::validate_form(four, o));
  const params p = base({{"SnapshotName", "ab"}, {"Description", "ab"}});
  expect_too_many(sc::validate_params(p, o));
  o.max_parameters = 2000;
  const std::string many = body_of(1500);
  BOOST_TEST(count(sc::validate_form(many, o), sc::code::too_many_parameters) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

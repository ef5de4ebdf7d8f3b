// CreateSnapshot (Apsara Stack ECS, POST /apsara/route/Ecs/CreateSnapshot),
// as a table: one row per parameter, its rules in reporting order, and the
// wording of the API page each row encodes. Changing a bound is editing a row.
// Decisions where the page is loose are in docs/decisions.md.
#ifndef SNAPCHECK_APIS_CREATE_SNAPSHOT_HPP
#define SNAPCHECK_APIS_CREATE_SNAPSHOT_HPP

#include "../rules/char_set.hpp"
#include "../rules/rule.hpp"
#include "../schema/field.hpp"

namespace snapcheck::apis {

struct create_snapshot {
  static constexpr string_view api = "CreateSnapshot";
  static constexpr api_codes codes{.missing = "MissingParameter", .parameter = "InvalidParameter"};

  // Character sets of the page's wording; "letter" is ASCII (大小写字母).
  static constexpr char_set name_start = sets::letter | sets::chinese;
  static constexpr char_set name_chars = sets::letter | sets::digit | ascii_chars(":_-") | sets::chinese;
  static constexpr char_set region_chars = sets::lower | sets::digit | ascii_chars("-");
  static constexpr char_set disk_chars = sets::letter | sets::digit | ascii_chars("_-");

  static constexpr auto ci = case_mode::ascii_insensitive;
  static constexpr auto exact = case_mode::exact;
  static constexpr auto hardened = profile::hardened;
  static constexpr auto documented = profile::documented;

  // clang-format off
  static constexpr field fields[] = {
      {.name = "regionId", .required = true, .api_code = "InvalidParameter",
       .rules = {rules::length(1, 64).only_in(hardened),
                 rules::only_chars(region_chars, "a-z, 0-9 and '-'").only_in(hardened)},
       .source = "region id (Required: Yes)"},

      {.name = "DiskId", .required = true, .api_code = "InvalidParameter",
       .rules = {rules::length(1, 64).only_in(hardened),
                 rules::only_chars(disk_chars, "A-Z, a-z, 0-9, '_' and '-'").only_in(hardened)},
       .source = "cloud disk ID. (Required: Yes)"},

      {.name = "SnapshotName", .api_code = "InvalidSnapshotName.Malformed",
       .rules = {rules::length(2, 128),
                 rules::first_char(name_start, "a letter or a Chinese character"),
                 rules::only_chars(name_chars, "letters, digits, ':', '_', '-' and Chinese characters"),
                 rules::no_prefix(ci, "http://", "https://"),
                 rules::no_prefix(exact, "auto")},
       .source = "The length is 2~128 English or Chinese characters. It must start with a letter or "
                 "Chinese, and cannot start with http:// or https. It can contain numbers, colons (:), "
                 "underscores (_), or hyphens (-). cannot start with auto"},

      {.name = "Description", .api_code = "InvalidDescription.Malformed",
       .rules = {rules::length(2, 256),
                 rules::no_prefix(ci, "http://", "https://"),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened)},
       .source = "2 to 256 English or Chinese characters in length and cannot start with http:// or https."},

      {.name = "Category", .api_code = "InvalidSnapshotCategory.Malformed",
       .rules = {rules::one_of("Standard", "Flash")},
       .source = "Value range: Standard: normal snapshot Flash: local snapshot"},

      {.name = "RetentionDays", .api_code = "InvalidRetentionDays.Malformed",
       .rules = {rules::integer(1, 65536)},
       .source = "Valid values: 1 to 65536. default value: empty"},

      {.name = "ClientToken", .api_code = "InvalidClientToken.Malformed",
       .rules = {rules::max_length(64),
                 rules::only_chars(sets::ascii, "ASCII characters").only_in(documented),
                 rules::only_chars(sets::visible_ascii, "visible ASCII characters (U+0021-U+007E)").only_in(hardened)},
       .source = "ClientToken only supports ASCII characters and cannot exceed 64 characters."},

      {.name = "version", .api_code = "InvalidParameter",
       .rules = {rules::iso_date().only_in(hardened)},
       .source = "version of api (sample 2016-01-01)"},

      {.name = "Tag.{N}.Key", .alias = "Tag.{N}.key", .empty_is_absent = false,
       .min_index = 1, .max_index = 20, .api_code = "InvalidTagKey.Malformed",
       .rules = {rules::length(1, 128),
                 rules::no_prefix(exact, "aliyun", "acs:"),
                 rules::no_substring(ci, "http://", "https://"),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened),
                 rules::unique_in_family().with_api_code("Duplicate.TagKey")},
       .source = "The value range of n is 1~20. Once the value is passed in, an empty string is not "
                 "allowed. it can be up to 128 characters in length. it cannot start with aliyun or acs: "
                 "and cannot contain http:// or https://."},

      {.name = "Tag.{N}.Value", .alias = "Tag.{N}.value", .empty_is_absent = false,
       .min_index = 1, .max_index = 20, .api_code = "InvalidTagValue.Malformed",
       .rules = {rules::max_length(128),
                 rules::no_prefix(exact, "acs:"),
                 rules::no_substring(ci, "http://", "https://"),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened),
                 rules::requires_field("Tag.{N}.Key").with_api_code("InvalidTagKey.Malformed")},
       .source = "The value range of n is 1~20. Once the value is passed in, it can be an empty string. "
                 "it can be up to 128 characters and cannot start with acs: and cannot contain http:// or "
                 "https://."},
  };
  // clang-format on
};

}  // namespace snapcheck::apis

#endif

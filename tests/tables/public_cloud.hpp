// A second, realistic table: the public-cloud ECS CreateSnapshot (API
// version 2014-05-26), written from its public parameter list. It runs
// through the same engine as the Apsara Stack table, with no engine change.
#ifndef SNAPCHECK_TESTS_TABLES_PUBLIC_CLOUD_HPP
#define SNAPCHECK_TESTS_TABLES_PUBLIC_CLOUD_HPP

#include <snapcheck/snapcheck.hpp>

namespace tables {

namespace sc = snapcheck;

struct ecs_create_snapshot {
  static constexpr sc::api_codes codes{.missing = "MissingParameter", .parameter = "InvalidParameter"};
  static constexpr auto ci = sc::case_mode::ascii_insensitive;
  static constexpr sc::char_set name_start = sc::sets::letter | sc::sets::chinese;
  static constexpr sc::char_set name_chars =
      sc::sets::letter | sc::sets::digit | sc::ascii_chars(".:_-") | sc::sets::chinese;

  // clang-format off
  static constexpr sc::field fields[] = {
      {.name = "DiskId", .required = true, .api_code = "InvalidDiskId.Malformed",
       .source = "The ID of the disk. (Required: Yes)"},
      {.name = "SnapshotName", .api_code = "InvalidSnapshotName.Malformed",
       .rules = {sc::rules::length(2, 128),
                 sc::rules::first_char(name_start, "a letter or a Chinese character"),
                 sc::rules::only_chars(name_chars, "letters, digits, '.', ':', '_', '-' and Chinese characters"),
                 sc::rules::no_prefix<"http://", "https://">(ci),
                 sc::rules::no_prefix<"auto">()},
       .source = "2 to 128 characters; starts with a letter or a Chinese character; may contain digits, "
                 "periods, colons, underscores and hyphens; cannot start with http://, https:// or auto."},
      {.name = "Description", .api_code = "InvalidDescription.Malformed",
       .rules = {sc::rules::length(2, 256), sc::rules::no_prefix<"http://", "https://">(ci)},
       .source = "2 to 256 characters; cannot start with http:// or https://."},
      {.name = "RetentionDays", .api_code = "InvalidRetentionDays.Malformed",
       .rules = {sc::rules::integer(1, 65536)},
       .source = "The retention period of the snapshot. Valid values: 1 to 65536."},
      {.name = "InstantAccess", .api_code = "InvalidParameter",
       .rules = {sc::rules::boolean()},
       .source = "Specifies whether to enable the instant access feature. Valid values: true, false."},
      {.name = "InstantAccessRetentionDays", .api_code = "InvalidParameter",
       .rules = {sc::rules::integer(1, 65535),
                 sc::rules::requires_field<"InstantAccess">()},
       .source = "Takes effect only when InstantAccess is true. Valid values: 1 to 65535."},
      {.name = "Category", .api_code = "InvalidParameter",
       .rules = {sc::rules::one_of<"Standard", "Flash">()},
       .source = "The type of the snapshot. Valid values: Standard, Flash."},
      {.name = "ResourceGroupId", .api_code = "InvalidResourceGroupId.Malformed",
       .rules = {sc::rules::max_length(64)},
       .source = "The ID of the resource group to which the snapshot belongs."},
      {.name = "StorageLocationArn", .api_code = "InvalidParameter",
       .rules = {sc::rules::max_length(256), sc::rules::no_chars(sc::sets::controls, "control characters")},
       .source = "A reserved parameter."},
      {.name = "ClientToken", .api_code = "InvalidClientToken.Malformed",
       .rules = {sc::rules::max_length(64), sc::rules::only_chars(sc::sets::ascii, "ASCII characters")},
       .source = "Ensures idempotence; only ASCII characters, at most 64."},
      {.name = "Tag.{N}.Key", .empty_is_absent = false, .min_index = 1, .max_index = 20,
       .api_code = "InvalidTagKey.Malformed",
       .rules = {sc::rules::length(1, 128),
                 sc::rules::no_prefix<"aliyun", "acs:">(),
                 sc::rules::no_substring<"http://", "https://">(ci),
                 sc::rules::unique_in_family().with_api_code("InvalidTagKey.Duplicated")},
       .source = "The key of tag N. Valid values of N: 1 to 20. Up to 128 characters; cannot start with "
                 "aliyun or acs:; cannot contain http:// or https://."},
      {.name = "Tag.{N}.Value", .empty_is_absent = false, .min_index = 1, .max_index = 20,
       .api_code = "InvalidTagValue.Malformed",
       .rules = {sc::rules::max_length(128),
                 sc::rules::no_substring<"http://", "https://">(ci),
                 sc::rules::requires_field<"Tag.{N}.Key">().with_api_code("InvalidTagKey.Malformed")},
       .source = "The value of tag N. Up to 128 characters; cannot contain http:// or https://."},
  };
  // clang-format on
};

// A made-up table of the rule kinds the CreateSnapshot tables do not use:
// suffixes, booleans with a case mode, predicates, timestamps, long and many
// enum values, a non-ASCII prefix, requires_field between plain fields.
constexpr bool is_even_length(const sc::encoded_text& t) {
  std::size_t n = 0;
  for (unsigned char b : t) n += (b & 0xC0) != 0x80;  // characters, not bytes
  return n % 2 == 0;
}

struct rule_kinds {
  static constexpr sc::api_codes codes{.missing = "Kinds.Missing", .parameter = "Kinds.BadParameter"};
  static constexpr sc::profile_set unknown_is_error_in = sc::profile_set::only(sc::profile::hardened);
  // clang-format off
  static constexpr sc::field fields[] = {
      {.name = "File", .api_code = "Kinds.File",
       .rules = {sc::rules::length(1, 40), sc::rules::no_suffix<".exe", ".bat">(sc::case_mode::ascii_insensitive)}},
      {.name = "Flag", .alternate = "flag", .api_code = "Kinds.Flag",
       .rules = {sc::rules::boolean(sc::case_mode::ascii_insensitive)}},
      {.name = "StrictFlag", .api_code = "Kinds.StrictFlag", .rules = {sc::rules::boolean()}},
      {.name = "Pair", .api_code = "Kinds.Pair",
       .rules = {sc::rules::predicate(is_even_length, sc::code::bad_format, "an even number of characters")}},
      {.name = "At", .api_code = "Kinds.At", .rules = {sc::rules::iso_timestamp()}},
      {.name = "Zone", .api_code = "Kinds.Zone",
       .rules = {sc::rules::one_of<"cn-hangzhou-international-finance-zone-a", "us-west-1", "eu-central-1",
                                   "ap-southeast-1", "cn-beijing", "cn-shanghai">()}},
      {.name = "Note", .api_code = "Kinds.Note",
       .rules = {sc::rules::no_prefix<"\xE7\xB3\xBB\xE7\xBB\x9F:", "internal-use-only-do-not-send:">(),
                 sc::rules::no_chars(sc::sets::controls, "control characters").only_in(sc::profile::hardened)}},
      {.name = "Until", .api_code = "Kinds.Until",
       .rules = {sc::rules::iso_date(), sc::rules::requires_field<"At">()}},
  };
  // clang-format on
};

}  // namespace tables

#endif

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

namespace create_snapshot_rows {
inline constexpr rule visible_ascii = rules::only_chars(sets::visible_ascii, "visible ASCII characters (U+0021-U+007E)");
// A signature field of the RPC protocol's common parameters (SPEC §3.2):
// checked only in the hardened profile.
constexpr field signature_field(string_view name, string_view source) noexcept {
  return {.name = name, .api_code = "InvalidParameter",
          .rules = {rules::max_length(256).only_in(profile::hardened), visible_ascii.only_in(profile::hardened)},
          .source = source};
}
}  // namespace create_snapshot_rows

struct create_snapshot {
  static constexpr string_view api = "CreateSnapshot";
  static constexpr api_codes codes{.missing = "MissingParameter", .parameter = "InvalidParameter"};
  // SPEC §5: the hardened profile makes unknown parameters errors.
  static constexpr profile_set unknown_is_error_in = profile_set::only(profile::hardened);

  // Character sets of the page's wording; "letter" is ASCII (大小写字母).
  static constexpr char_set name_start = sets::letter | sets::chinese;
  static constexpr char_set name_chars = sets::letter | sets::digit | ascii_chars(":_-") | sets::chinese;
  static constexpr char_set region_chars = sets::lower | sets::digit | ascii_chars("-");
  static constexpr char_set disk_chars = sets::letter | sets::digit | ascii_chars("_-");

  static constexpr auto ci = case_mode::ascii_insensitive;
  static constexpr auto hardened = profile::hardened;
  static constexpr auto documented = profile::documented;
  static constexpr rule visible_ascii = create_snapshot_rows::visible_ascii;
  static constexpr auto signature_field = create_snapshot_rows::signature_field;

  // clang-format off
  static constexpr field fields[] = {
      {.name = "regionId", .alternate = "RegionId", .required = true, .api_code = "InvalidParameter",
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
                 rules::no_prefix<"http://", "https://">(ci),
                 rules::no_prefix<"auto">()},
       .source = "The length is 2~128 English or Chinese characters. It must start with a letter or "
                 "Chinese, and cannot start with http:// or https. It can contain numbers, colons (:), "
                 "underscores (_), or hyphens (-). cannot start with auto"},

      {.name = "Description", .api_code = "InvalidDescription.Malformed",
       .rules = {rules::length(2, 256),
                 rules::no_prefix<"http://", "https://">(ci),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened)},
       .source = "2 to 256 English or Chinese characters in length and cannot start with http:// or https."},

      {.name = "Category", .api_code = "InvalidSnapshotCategory.Malformed",
       .rules = {rules::one_of<"Standard", "Flash">()},
       .source = "Value range: Standard: normal snapshot Flash: local snapshot"},

      {.name = "RetentionDays", .api_code = "InvalidRetentionDays.Malformed",
       .rules = {rules::integer(1, 65536)},
       .source = "Valid values: 1 to 65536. default value: empty"},

      {.name = "ClientToken", .api_code = "InvalidClientToken.Malformed",
       .rules = {rules::max_length(64),
                 rules::only_chars(sets::ascii, "ASCII characters").only_in(documented),
                 visible_ascii.only_in(hardened)},
       .source = "ClientToken only supports ASCII characters and cannot exceed 64 characters."},

      {.name = "version", .alternate = "Version", .api_code = "InvalidParameter",
       .rules = {rules::iso_date().only_in(hardened)},
       .source = "version of api (sample 2016-01-01)"},

      {.name = "Tag.{N}.Key", .alias = "Tag.{N}.key", .empty_is_absent = false,
       .min_index = 1, .max_index = 20, .api_code = "InvalidTagKey.Malformed",
       .rules = {rules::length(1, 128),
                 rules::no_prefix<"aliyun", "acs:">(),
                 rules::no_substring<"http://", "https://">(ci),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened),
                 rules::unique_in_family().with_api_code("Duplicate.TagKey")},
       .source = "The value range of n is 1~20. Once the value is passed in, an empty string is not "
                 "allowed. it can be up to 128 characters in length. it cannot start with aliyun or acs: "
                 "and cannot contain http:// or https://."},

      {.name = "Tag.{N}.Value", .alias = "Tag.{N}.value", .empty_is_absent = false,
       .min_index = 1, .max_index = 20, .api_code = "InvalidTagValue.Malformed",
       .rules = {rules::max_length(128),
                 rules::no_prefix<"acs:">(),
                 rules::no_substring<"http://", "https://">(ci),
                 rules::no_chars(sets::controls, "control or bidirectional formatting characters").only_in(hardened),
                 rules::requires_field<"Tag.{N}.Key">().with_api_code("InvalidTagKey.Malformed")},
       .source = "The value range of n is 1~20. Once the value is passed in, it can be an empty string. "
                 "it can be up to 128 characters and cannot start with acs: and cannot contain http:// or "
                 "https://."},

      {.name = "Action", .api_code = "InvalidParameter",
       .rules = {rules::one_of<"CreateSnapshot">().only_in(hardened)},
       .source = "Common Parameters: the API's name"},

      {.name = "Format", .api_code = "InvalidParameter",
       .rules = {rules::one_of<"JSON", "XML">(ci).only_in(hardened)},
       .source = "Common Parameters: the format of the response"},

      signature_field("AccessKeyId", "Common Parameters: the AccessKey ID"),
      signature_field("Signature", "Common Parameters: the request's signature"),

      {.name = "SignatureMethod", .api_code = "InvalidParameter",
       .rules = {rules::one_of<"HMAC-SHA1">().only_in(hardened)},
       .source = "Common Parameters: the signature method"},

      {.name = "SignatureVersion", .api_code = "InvalidParameter",
       .rules = {rules::one_of<"1.0">().only_in(hardened)},
       .source = "Common Parameters: the version of the signature algorithm"},

      signature_field("SignatureNonce", "Common Parameters: a unique random number against replay"),
      signature_field("SignatureType", "Common Parameters: the signature type"),

      {.name = "Timestamp", .api_code = "InvalidParameter",
       .rules = {rules::iso_timestamp().only_in(hardened)},
       .source = "Common Parameters: the time of the request, in UTC (ISO 8601)"},

      {.name = "SecurityToken", .api_code = "InvalidParameter",
       .rules = {rules::max_length(8192).only_in(hardened), visible_ascii.only_in(hardened)},
       .source = "Common Parameters: the STS token"},
  };
  // clang-format on
};

}  // namespace snapcheck::apis

#endif

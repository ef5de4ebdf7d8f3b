// The success response of CreateSnapshot (SPEC §7), as a table checked by
// the same engine as the requests: {"RequestID":"<id>"}. Other members are
// allowed (json::validate_response ignores names of no row).
#ifndef SNAPCHECK_APIS_CREATE_SNAPSHOT_RESPONSE_HPP
#define SNAPCHECK_APIS_CREATE_SNAPSHOT_RESPONSE_HPP

#include "../rules/char_set.hpp"
#include "../rules/rule.hpp"
#include "../schema/field.hpp"

namespace snapcheck::apis {

struct create_snapshot_response {
  static constexpr string_view api = "CreateSnapshot response";
  static constexpr api_codes codes{.missing = "MissingParameter", .parameter = "InvalidParameter"};
  static constexpr char_set id_chars = sets::digit | code_points('A', 'F') | code_points('a', 'f') | ascii_chars("-");

  // clang-format off
  static constexpr field fields[] = {
      // A non-empty string: empty is too_short, not absent; the page's sample
      // 1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC passes the hardened rules.
      {.name = "RequestID", .required = true, .empty_is_absent = false, .api_code = "InvalidParameter",
       .rules = {rules::length(1, 64).only_in(profile::hardened),
                 rules::length(1, ~std::uint64_t{0} >> 1).only_in(profile::documented),
                 rules::only_chars(id_chars, "0-9, A-F, a-f and '-'").only_in(profile::hardened)},
       .source = "RequestID: the ID of the request (String)"},
  };
  // clang-format on
};

}  // namespace snapcheck::apis

#endif

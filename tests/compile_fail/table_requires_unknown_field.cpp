// expect: snapcheck: requires_field names no field of the table
// A requires_field rule naming a field the table does not have.
// The table is checked when it is first used; the compiler's "required
// from" lines name the table and the row's index (row_is_sane<S, 2>).
#include <snapcheck/snapcheck.hpp>

namespace sc = snapcheck;

struct table {
  static constexpr sc::api_codes codes{.missing = "Missing", .parameter = "BadParameter"};
  static constexpr sc::field fields[] = {
      {.name = "Name", .api_code = "BadName", .rules = {sc::rules::length(1, 8)}},
      {.name = "Item.{N}.Key", .min_index = 1, .max_index = 3, .api_code = "BadItem"},
#ifdef SNAPCHECK_BREAK
      {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Nmae">()}},
#else
      {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Name">()}},
#endif
  };
};

int main() { return sc::validate_form<table>("Name=a").ok() ? 0 : 1; }

// expect: snapcheck: a substring text must be ASCII and at most 8 bytes
// A substring text longer than the 64-bit window it is matched in.
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
      {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::no_substring<"javascript:">()}},
#else
      {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::no_substring<"http://">()}},
#endif
  };
};

int main() { return sc::validate_form<table>("Name=a").ok() ? 0 : 1; }

// The table of the table_*.cpp cases: two good rows, then ROW, the row a
// case defines (a good one as written, a bad one with SNAPCHECK_BREAK). The
// table is checked when it is first used; the compiler's "required from"
// lines name the table and the row's index (row_is_sane<S, 2>).
#include <snapcheck/snapcheck.hpp>

namespace sc = snapcheck;

struct table {
  static constexpr sc::api_codes codes{.missing = "Missing", .parameter = "BadParameter"};
  static constexpr sc::field fields[] = {
      {.name = "Name", .api_code = "BadName", .rules = {sc::rules::length(1, 8)}},
      {.name = "Item.{N}.Key", .min_index = 1, .max_index = 3, .api_code = "BadItem"},
      ROW,
  };
};

int main() { return sc::validate_form<table>("Name=a").ok() ? 0 : 1; }

// expect: snapcheck: a prefix, suffix, substring or one_of rule needs at least one text
// A one_of rule with no value to be one of.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::one_of<>()}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::one_of<"A", "B">()}}
#endif
#include "table_case.hpp"

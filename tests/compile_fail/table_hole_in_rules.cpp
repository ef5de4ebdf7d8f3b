// expect: snapcheck: a row's rules must not leave an empty slot before a rule
// A rule after an empty slot of the row.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::max_length(8), {}, sc::rules::max_length(9)}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::max_length(8), sc::rules::max_length(9)}}
#endif
#include "table_case.hpp"

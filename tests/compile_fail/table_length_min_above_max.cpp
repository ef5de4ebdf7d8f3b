// expect: snapcheck: a length rule needs min <= max
// A length rule whose minimum is above its maximum.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(8, 2)}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(2, 8)}}
#endif
#include "table_case.hpp"

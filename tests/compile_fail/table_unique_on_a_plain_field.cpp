// expect: snapcheck: unique_in_family needs a family row
// unique_in_family on a plain field: there is no family to be unique in.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::unique_in_family()}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::max_length(8)}}
#endif
#include "table_case.hpp"

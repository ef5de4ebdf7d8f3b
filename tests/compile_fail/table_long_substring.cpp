// expect: snapcheck: a substring text must be ASCII and at most 8 bytes
// A substring text longer than the 64-bit window it is matched in.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::no_substring<"javascript:">()}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::no_substring<"http://">()}}
#endif
#include "table_case.hpp"

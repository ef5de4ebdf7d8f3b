// expect: snapcheck: a family needs 1 <= min_index <= max_index
// A family whose N range is empty.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Part.{N}.Id", .min_index = 5, .max_index = 4, .api_code = "Bad"}
#else
#define ROW {.name = "Part.{N}.Id", .min_index = 1, .max_index = 4, .api_code = "Bad"}
#endif
#include "table_case.hpp"

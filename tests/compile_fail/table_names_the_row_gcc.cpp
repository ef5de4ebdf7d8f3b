// expect: row_is_sane\(\) \[with S = table; long unsigned int Row = 2\]
// compilers: g++
// The diagnostic names the table and the index of the bad row (g++).
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(8, 2)}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(2, 8)}}
#endif
#include "table_case.hpp"

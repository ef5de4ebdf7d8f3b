// expect: rule_is_sane\(\) \[with S = table; long unsigned int Row = 2; long unsigned int Rule = 0\]
// compilers: g++
// The diagnostic names the table and the indexes of the bad row and rule (g++).
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(8, 2)}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(2, 8)}}
#endif
#include "table_case.hpp"

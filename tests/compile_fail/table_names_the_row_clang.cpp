// expect: row_is_sane<table, 2UL>
// compilers: clang++
// The diagnostic names the table and the index of the bad row (clang++).
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(8, 2)}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::length(2, 8)}}
#endif
#include "table_case.hpp"

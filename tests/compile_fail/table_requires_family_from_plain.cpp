// expect: snapcheck: requires_field links a family only to a family
// A plain field that requires a family member: which N would it mean?
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Item.{N}.Key">()}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Name">()}}
#endif
#include "table_case.hpp"

// expect: snapcheck: requires_field names no field of the table
// A requires_field rule naming a field the table does not have.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Nmae">()}}
#else
#define ROW {.name = "Mode", .api_code = "Bad", .rules = {sc::rules::requires_field<"Name">()}}
#endif
#include "table_case.hpp"

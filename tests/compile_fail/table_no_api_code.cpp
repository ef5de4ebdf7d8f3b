// expect: snapcheck: a field needs an api_code
// A row without the api_code its violations report.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode"}
#else
#define ROW {.name = "Mode", .api_code = "Bad"}
#endif
#include "table_case.hpp"

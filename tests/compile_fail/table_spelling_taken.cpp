// expect: snapcheck: a field's name, alias or alternate is already a spelling of this or an earlier row
// A row whose alternate spelling is another row's name.
#ifdef SNAPCHECK_BREAK
#define ROW {.name = "Mode", .alternate = "Name", .api_code = "Bad"}
#else
#define ROW {.name = "Mode", .alternate = "mode", .api_code = "Bad"}
#endif
#include "table_case.hpp"

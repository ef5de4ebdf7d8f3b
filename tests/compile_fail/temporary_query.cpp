// expect: will be destroyed at the end of the full-expression
// compilers: clang++
// validate_request keeps views of both its strings: a temporary query warns.
#include <snapcheck/strings.hpp>

#include <string>

std::string query() { return "regionId=cn&Bogus=1"; }

int main() {
#ifdef SNAPCHECK_BREAK
  const auto r = snapcheck::validate_request(query(), "DiskId=d-1");
#else
  const std::string q = query();
  const auto r = snapcheck::validate_request(q, "DiskId=d-1");
#endif
  return r.ok() ? 0 : 1;
}

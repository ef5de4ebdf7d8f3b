// expect: will be destroyed at the end of the full-expression
// compilers: clang++
// A result kept after the temporary string it came from is gone: clang
// warns through [[clang::lifetimebound]] on validate_form's body.
#include <snapcheck/strings.hpp>

#include <string>

std::string read_body() { return "regionId=cn&DiskId=d-1&Bogus=1"; }

int main() {
#ifdef SNAPCHECK_BREAK
  const auto r = snapcheck::validate_form(read_body());
#else
  const std::string body = read_body();
  const auto r = snapcheck::validate_form(body);
#endif
  return r.ok() ? 0 : 1;
}

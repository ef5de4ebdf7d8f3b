// expect: deleted
// The natural loop over a temporary result: the result would die before
// the loop body runs, so violations() is deleted on an rvalue.
#include <snapcheck/snapcheck.hpp>

int count(snapcheck::string_view body) {
  int n = 0;
#ifdef SNAPCHECK_BREAK
  for (const auto& v : snapcheck::validate_form(body).violations()) n += v.is_error();
#else
  const auto r = snapcheck::validate_form(body);
  for (const auto& v : r.violations()) n += v.is_error();
#endif
  return n;
}

int main() { return count("regionId=cn&DiskId=d-1"); }

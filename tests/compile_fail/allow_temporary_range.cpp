// expect: no viable overloaded '='|no match for .operator=
// options::allow refers to the caller's range: a temporary one does not bind.
#include <snapcheck/strings.hpp>

#include <string>
#include <vector>

int main() {
  snapcheck::options opt;
  opt.profile = snapcheck::profile::hardened;
#ifdef SNAPCHECK_BREAK
  opt.allow = std::vector<std::string>{"Signature"};
#else
  const std::vector<std::string> allow{"Signature"};
  opt.allow = allow;
#endif
  return snapcheck::validate_form("regionId=cn&DiskId=d-1&Signature=x", opt).ok() ? 0 : 1;
}

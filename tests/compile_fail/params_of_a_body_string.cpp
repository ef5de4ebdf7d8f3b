// expect: (pair_range|elements are \(name, value\) pairs)
// A form body passed to validate_params, which takes (name, value) pairs:
// the pair_range concept says so at the call.
#include <snapcheck/snapcheck.hpp>

#include <string>
#include <utility>
#include <vector>

int main() {
  const std::string body = "regionId=cn&DiskId=d-1";
#ifdef SNAPCHECK_BREAK
  const auto r = snapcheck::validate_params(body);
#else
  const std::vector<std::pair<std::string, std::string>> params{{"regionId", "cn"}, {"DiskId", "d-1"}};
  const auto r = snapcheck::validate_params(params);
#endif
  return r.ok() && !body.empty() ? 0 : 1;
}

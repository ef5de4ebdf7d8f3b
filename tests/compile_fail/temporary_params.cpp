// expect: will be destroyed at the end of the full-expression
// compilers: clang++
// validate_params on a temporary vector, the result kept: clang warns
// through [[clang::lifetimebound]].
#include <snapcheck/strings.hpp>

#include <string>
#include <utility>
#include <vector>

using params = std::vector<std::pair<std::string, std::string>>;
params make() { return {{"regionId", "cn"}, {"DiskId", "d-1"}, {"Bogus", "1"}}; }

int main() {
#ifdef SNAPCHECK_BREAK
  const auto r = snapcheck::validate_params(make());
#else
  const params p = make();
  const auto r = snapcheck::validate_params(p);
#endif
  return r.ok() ? 0 : 1;
}

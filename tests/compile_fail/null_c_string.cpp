// expect-run: null const char\*
// A pair holding a null const char*: a precondition, checked in debug
// builds (no NDEBUG) with a message, instead of a crash inside strlen.
#include <snapcheck/strings.hpp>

#include <utility>
#include <vector>

int main() {
  const char* disk = "d-1";
#ifdef SNAPCHECK_BREAK
  disk = nullptr;  // say, a lookup that found nothing
#endif
  const std::vector<std::pair<const char*, const char*>> params = {{"regionId", "cn"}, {"DiskId", disk}};
  const auto r = snapcheck::validate_params(params);
  return r.ok() ? 0 : 1;
}

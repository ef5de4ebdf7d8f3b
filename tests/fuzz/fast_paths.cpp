// Fuzz target `fast_paths`: arbitrary bytes as a request to every table the
// tests have (CreateSnapshot, the public-cloud table, the rule-kinds table).
//
// Oracle: the fast paths decide nothing the general way would not: for each
// table and profile, validate<S> and validate<S, false> (every character the
// general way, as SNAPCHECK_NO_FAST_PATHS builds do) give the same result,
// rendered as the CLI's JSON, on the bytes as a form body and on the same
// bytes split at '&' and '=' as an undecoded parameter list.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/snapcheck.hpp>

#include "../tables/public_cloud.hpp"
#include "support/check.hpp"

namespace {

template <class S, bool Fast, class Source>
std::string json_of(const Source& source, snapcheck::profile p) {
  snapcheck::result r;
  snapcheck::validate<S, Fast>(source, r, snapcheck::options{.profile = p});
  std::string out;
  snapcheck::write_json(r, [&](std::string_view part) { out.append(part); });
  return out;
}

template <class S>
void compare(std::string_view body, const std::vector<std::pair<std::string_view, std::string_view>>& list) {
  for (const snapcheck::profile p : {snapcheck::profile::documented, snapcheck::profile::hardened}) {
    const snapcheck::form_source form{body};
    FUZZ_CHECK((json_of<S, true>(form, p) == json_of<S, false>(form, p)), "form body: fast and general differ");
    const snapcheck::params_source<decltype(list)> pairs{list};
    FUZZ_CHECK((json_of<S, true>(pairs, p) == json_of<S, false>(pairs, p)), "parameter list: fast and general differ");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string_view, std::string_view>> list;
  for (std::size_t start = 0; start <= body.size();) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view seg = body.substr(start, end - start);
    const std::size_t eq = seg.find('=');
    list.emplace_back(seg.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : seg.substr(eq + 1));
    start = end + 1;
  }
  compare<snapcheck::apis::create_snapshot>(body, list);
  compare<tables::ecs_create_snapshot>(body, list);
  compare<tables::rule_kinds>(body, list);
  return 0;
}

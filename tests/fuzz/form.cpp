// Fuzz target `form`: arbitrary bytes as a form body (SPEC §2.2).
//
// Oracle: for each of four option sets (documented; documented and hardened
// with the allow-list {"Signature", "x-acs-action"}, a known name and an
// unknown one; hardened, basic Han set, 3 violations kept), the body is
// validated into the default result and into a sink that keeps every
// violation, and:
//  - neither call allocates (the validation path is allocation-free);
//  - every invariant of support/oracle.hpp holds: ok() exactly when no
//    violation is an error; every at/length/limit agrees with the body as the
//    oracle decodes it on its own; the kept violations are at most the
//    capacity, are the first of the full list, and truncated() is set exactly
//    when more were found; positions never decrease; the result rendered as
//    the CLI's JSON is valid UTF-8 JSON that says the same thing; warnings
//    are exactly deprecated_name, unknown_parameter (documented) and a
//    duplicate_parameter whose value equals the first's; an allow-listed
//    unknown name raises nothing; RegionId, Version and the common
//    parameters are never unknown (SPEC v2 §3, §3.1, §3.2, §5).
// The same checks hold for the input as a whole request (SPEC v2 §2.5):
// validate_request with the first half of the bytes as the query and the
// rest as the body, against the oracle's own view of the two, the query's
// parameters then the body's.
// Sanitizers (libFuzzer builds): ASan and UBSan catch out-of-bounds reads and
// undefined behaviour anywhere on the way; libFuzzer's timeout catches hangs.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <snapcheck/snapcheck.hpp>

#include "support/alloc_guard.hpp"
#include "support/check.hpp"
#include "support/model.hpp"
#include "support/oracle.hpp"

namespace {

constexpr snapcheck::string_view allow_list[] = {"Signature", "x-acs-action"};

const snapcheck::options configs[] = {
    {},
    {.allow = allow_list},
    {.profile = snapcheck::profile::hardened, .allow = allow_list},
    {.profile = snapcheck::profile::hardened, .max_violations = 3, .chinese = snapcheck::han_set::basic},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const fuzz::request req = fuzz::split_form(body);
  for (const snapcheck::options& opt : configs) {
    fuzz::full_result& full = fuzz::fresh_full();
    fuzz::alloc_watch_begin();
    const snapcheck::result small = snapcheck::validate_form(body, opt);
    snapcheck::validate_form_into(body, full, opt);
    const std::size_t allocations = fuzz::alloc_watch_end();
    FUZZ_CHECK(allocations == 0, "validate_form allocated " + std::to_string(allocations) + " times");
    fuzz::check_result(req, small, full, opt);
  }

  const std::string_view query = body.substr(0, size / 2);
  const std::string_view rest = body.substr(size / 2);
  fuzz::request whole = fuzz::split_form(query);
  fuzz::request second = fuzz::split_form(rest);
  for (fuzz::param& p : second.params) whole.params.push_back(std::move(p));
  for (const snapcheck::options& opt : configs) {
    fuzz::full_result& full = fuzz::fresh_full();
    fuzz::alloc_watch_begin();
    const snapcheck::result small = snapcheck::validate_request(query, rest, opt);
    snapcheck::validate_request_into(query, rest, full, opt);
    const std::size_t allocations = fuzz::alloc_watch_end();
    FUZZ_CHECK(allocations == 0, "validate_request allocated " + std::to_string(allocations) + " times");
    fuzz::check_result(whole, small, full, opt);
  }
  return 0;
}

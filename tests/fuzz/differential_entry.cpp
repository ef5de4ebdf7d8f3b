// Fuzz target `differential_entry`: one request through both entry points.
// The input is a form body; the target decodes it into a (name, value) list
// with its own decoder (support/model.hpp, from SPEC §2.2) and validates the
// body with validate_form and the list with validate_params.
//
// Bodies with a bad '%' escape anywhere are skipped: the list cannot hold
// them (and a bad escape in the value of an unknown name raises nothing in
// the form, since such values are never decoded).
//
// Oracle, for each of three option sets (documented; hardened with the
// allow-list {"Signature"}; hardened with the basic Han set and 5 kept): both
// entry points give the same violations in the same order, into the default
// result and into a sink that keeps them all: the same field name as given,
// code, severity, api_code, at, length, limit, position, table row and rule,
// suggestion, message; the same ok(), truncated(), found(), errors().
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <snapcheck/strings.hpp>

#include "support/check.hpp"
#include "support/model.hpp"
#include "support/oracle.hpp"

namespace {

constexpr snapcheck::string_view allow_list[] = {"Signature", "x-acs-action"};

const snapcheck::options configs[] = {
    {},
    {.profile = snapcheck::profile::hardened, .allow = allow_list},
    {.profile = snapcheck::profile::hardened, .max_violations = 5, .chinese = snapcheck::han_set::basic},
};

// The same violation, reached from a body and from its decoded list: the
// name texts differ (form-encoded or not), what they render to does not.
bool same_meaning(const snapcheck::violation& a, const snapcheck::violation& b) {
  return snapcheck::field_name(a.field) == snapcheck::field_name(b.field) && a.field.def == b.field.def &&
         a.field.index == b.field.index && a.field.spelled == b.field.spelled && a.code == b.code &&
         a.severity == b.severity && a.api_code == b.api_code && a.at == b.at && a.length == b.length &&
         a.limit == b.limit && a.rule == b.rule && a.position == b.position &&
         a.has_suggestion() == b.has_suggestion() && fuzz::suggestion_text(a) == fuzz::suggestion_text(b) &&
         snapcheck::message(a) == snapcheck::message(b);
}

template <std::size_t N>
void compare(const snapcheck::basic_result<N>& form, const snapcheck::basic_result<N>& params,
             const snapcheck::options& opt, const char* which) {
  const auto ctx = [&] {
    return std::string(which) + ", options: " + fuzz::describe(opt) + "\n  validate_form:\n" +
           fuzz::show_all(form.violations()) + "  validate_params:\n" + fuzz::show_all(params.violations());
  };
  FUZZ_CHECK(form.ok() == params.ok() && form.truncated() == params.truncated() &&
                 form.found() == params.found() && form.errors() == params.errors(),
             ctx());
  FUZZ_CHECK(form.violations().size() == params.violations().size(), ctx());
  for (std::size_t i = 0; i < form.violations().size(); ++i)
    FUZZ_CHECK(same_meaning(form.violations()[i], params.violations()[i]), ctx() + "  first difference at " +
                                                                               std::to_string(i));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const fuzz::request req = fuzz::split_form(body);
  if (!req.all_decoded()) return 0;
  const auto pairs = req.pairs();
  for (const snapcheck::options& opt : configs) {
    compare(snapcheck::validate_form(body, opt), snapcheck::validate_params(pairs, opt), opt, "default result");
    fuzz::full_result& form = fuzz::fresh_full(0);
    fuzz::full_result& params = fuzz::fresh_full(1);
    snapcheck::validate_form_into(body, form, opt);
    snapcheck::validate_params_into(pairs, params, opt);
    compare(form, params, opt, "full result");
  }
  return 0;
}

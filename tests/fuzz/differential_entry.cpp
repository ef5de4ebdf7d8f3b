// Fuzz target `differential_entry`: one request through every entry point.
// The input is a form body. The target validates it with validate_form; as
// a whole request (SPEC v2 §2.5) with validate_request, split into a query
// and a body at up to three of its '&' (the first, the first at or after
// the middle, the last: query = the bytes before it, body = those after),
// and whole as the body with an empty query and as the query with an empty
// body; and, when it has no bad '%' escape anywhere, decoded into a
// (name, value) list by its own decoder (support/model.hpp, from SPEC §2.2)
// with validate_params. (The list cannot hold a bad escape, and a bad escape
// in the value of an unknown name raises nothing in the form, since such
// values are never decoded.)
//
// Oracle, for each of three option sets (documented; hardened with the
// allow-list {"Signature", "x-acs-action"}; hardened with the basic Han set
// and 5 kept): every entry point gives the same violations as validate_form
// in the same order, into the default result and into a sink that keeps them
// all: the same field name as given, code, severity, api_code, at, length,
// limit, position, table row and rule, suggestion, message; the same ok(),
// truncated(), found(), errors(). A query and a body are one sequence, so
// validate_request(q, b) equals validate_form(q + "&" + b), and an empty
// query gives the body's result (§2.5). validate_request allocates nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "support/alloc_guard.hpp"
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
             const snapcheck::options& opt, const std::string& which) {
  const auto ctx = [&] {
    return which + ", options: " + fuzz::describe(opt) + "\n  validate_form:\n" +
           fuzz::show_all(form.violations()) + "  the other:\n" + fuzz::show_all(params.violations());
  };
  FUZZ_CHECK(form.ok() == params.ok() && form.truncated() == params.truncated() &&
                 form.found() == params.found() && form.errors() == params.errors(),
             ctx());
  FUZZ_CHECK(form.violations().size() == params.violations().size(), ctx());
  for (std::size_t i = 0; i < form.violations().size(); ++i)
    FUZZ_CHECK(same_meaning(form.violations()[i], params.violations()[i]), ctx() + "  first difference at " +
                                                                               std::to_string(i));
}

// The (query, body) pairs a body is split into: whole as the body, whole as
// the query, and at up to three of its '&'.
std::vector<std::pair<std::string_view, std::string_view>> splits(std::string_view body) {
  std::vector<std::pair<std::string_view, std::string_view>> out = {{{}, body}, {body, {}}};
  std::vector<std::size_t> at;
  const std::size_t first = body.find('&');
  if (first != std::string_view::npos) {
    at.push_back(first);
    const std::size_t middle = body.find('&', body.size() / 2);
    if (middle != std::string_view::npos && middle != first) at.push_back(middle);
    const std::size_t last = body.rfind('&');
    if (last != first && last != middle) at.push_back(last);
  }
  for (std::size_t k : at) out.emplace_back(body.substr(0, k), body.substr(k + 1));
  return out;
}

std::string describe_split(std::string_view query, std::string_view body) {
  return "validate_request(query of " + std::to_string(query.size()) + " bytes, body of " +
         std::to_string(body.size()) + " bytes)";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const fuzz::request req = fuzz::split_form(body);

  // SPEC §2.5: a query and a body are one sequence of parameters.
  const auto requests = splits(body);
  for (const snapcheck::options& opt : configs) {
    const snapcheck::result whole = snapcheck::validate_form(body, opt);
    fuzz::full_result& form = fuzz::fresh_full(0);
    snapcheck::validate_form_into(body, form, opt);
    for (const auto& [q, b] : requests) {
      fuzz::alloc_watch_begin();
      const snapcheck::result small = snapcheck::validate_request(q, b, opt);
      const std::size_t allocations = fuzz::alloc_watch_end();
      FUZZ_CHECK(allocations == 0, "validate_request allocated " + std::to_string(allocations) + " times");
      compare(whole, small, opt, "default result, " + describe_split(q, b));
      fuzz::full_result& request = fuzz::fresh_full(1);
      snapcheck::validate_request_into(q, b, request, opt);
      compare(form, request, opt, "full result, " + describe_split(q, b));
    }
  }

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

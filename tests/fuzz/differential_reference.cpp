// Fuzz target `differential_reference`: the library against an independent
// implementation of SPEC.md (tests/reference/, namespace snapref: written
// from the SPEC alone, simple and slow, sharing no code with include/).
//
// The input is a form body. Oracle, for each of four option sets
// (documented; hardened with the allow-list {"Signature", "x-acs-action"}, a
// known name and an unknown one; documented with the basic Han set and that
// allow-list; hardened with the basic Han set and no allow-list): the library, validating into a
// sink that keeps every violation, reports exactly the reference's
// violations, for the body (validate_form); for the input as a whole
// request (SPEC v2 §2.5, validate_request), its first half (size / 2
// bytes) as the query and the rest as the body, so that a parameter or an
// escape cut in two becomes two (differential_entry checks the cuts at an
// '&' against validate_form); and,
// when the body has no bad '%' escape, for its decoded parameter list
// (validate_params, decoded by support/model.hpp; the reference's own
// validate_params gets the same list). Violations are compared as a
// multiset of (field name as given, code, severity, api_code, at, length,
// limit); and the library's ok() is true exactly when the reference found
// no error. Order, messages and
// suggestions are not compared here (the other targets check order; the
// reference produces no messages).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "../reference/reference.hpp"
#include "support/check.hpp"
#include "support/model.hpp"
#include "support/oracle.hpp"

namespace {

constexpr snapcheck::string_view allow_list[] = {"Signature", "x-acs-action"};

struct config {
  snapcheck::options lib;
  snapref::options ref;
};

config make(bool hardened, bool basic, bool allow) {
  config c;
  if (hardened) c.lib.profile = snapcheck::profile::hardened;
  if (basic) c.lib.chinese = snapcheck::han_set::basic;
  if (allow) c.lib.allow = allow_list;
  c.ref.hardened = hardened;
  c.ref.basic_han = basic;
  if (allow) c.ref.allow = {"Signature", "x-acs-action"};
  return c;
}

const config configs[] = {
    make(false, false, false),
    make(true, false, true),
    make(false, true, true),
    make(true, true, false),
};

using key = std::tuple<std::string, std::string, std::string, std::string, std::optional<long long>,
                       std::optional<long long>, std::optional<long long>>;

template <class T>
std::optional<long long> as_ll(const std::optional<T>& o) {
  if (!o) return std::nullopt;
  return static_cast<long long>(*o);
}
template <class T>
std::optional<long long> as_ll(const snapcheck::optional<T>& o) {
  if (!o) return std::nullopt;
  return static_cast<long long>(*o);
}

key key_of(const snapcheck::violation& v) {
  return {snapcheck::field_name(v.field), std::string(snapcheck::to_string(v.code)),
          std::string(snapcheck::to_string(v.severity)), std::string(v.api_code), as_ll(v.at), as_ll(v.length),
          as_ll(v.limit)};
}

key key_of(const snapref::violation& v) {
  return {v.field, v.code, v.severity, v.api_code, v.at, v.length, v.limit};
}

std::string show_ll(const std::optional<long long>& o) { return o ? std::to_string(*o) : "-"; }

std::string show(const key& k) {
  return "{field=\"" + fuzz::printable(std::get<0>(k)) + "\" code=" + std::get<1>(k) + " severity=" +
         std::get<2>(k) + " api=" + std::get<3>(k) + " at=" + show_ll(std::get<4>(k)) +
         " length=" + show_ll(std::get<5>(k)) + " limit=" + show_ll(std::get<6>(k)) + "}";
}

// Compares the library's full list with the reference's; on a difference,
// fails with both sides.
template <class Full>
void compare(const Full& full, const std::vector<snapref::violation>& expected, const config& c,
             const char* entry) {
  std::vector<key> got;
  std::vector<key> want;
  for (const auto& v : full.violations()) got.push_back(key_of(v));
  for (const auto& v : expected) want.push_back(key_of(v));
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  const bool ref_ok = std::none_of(expected.begin(), expected.end(),
                                   [](const snapref::violation& v) { return v.severity == "error"; });
  const bool agree = got == want && full.ok() == ref_ok && !full.truncated();
  if (agree) return;

  std::vector<key> extra;
  std::vector<key> lacking;
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(lacking));
  std::string why = std::string(entry) + ", options: " + fuzz::describe(c.lib) + "\n  library ok=" +
                    (full.ok() ? "true" : "false") + ", reference ok=" + (ref_ok ? "true" : "false") + "\n";
  for (const key& k : extra) why += "  only the library:   " + show(k) + "\n";
  for (const key& k : lacking) why += "  only the reference: " + show(k) + "\n";
  FUZZ_CHECK(agree, why);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const fuzz::request req = fuzz::split_form(body);
  const bool decodable = req.all_decoded();
  const auto pairs = decodable ? req.pairs() : std::vector<std::pair<std::string, std::string>>{};
  const std::string_view query = body.substr(0, body.size() / 2);
  const std::string_view rest = body.substr(body.size() / 2);
  for (const config& c : configs) {
    fuzz::full_result& full = fuzz::fresh_full();
    snapcheck::validate_form_into(body, full, c.lib);
    compare(full, snapref::validate_form(body, c.ref), c, "validate_form");
    fuzz::full_result& request = fuzz::fresh_full(1);
    snapcheck::validate_request_into(query, rest, request, c.lib);
    compare(request, snapref::validate_request(query, rest, c.ref), c, "validate_request");
    if (!decodable) continue;
    fuzz::full_result& from_pairs = fuzz::fresh_full(1);
    snapcheck::validate_params_into(pairs, from_pairs, c.lib);
    compare(from_pairs, snapref::validate_params(pairs, c.ref), c, "validate_params");
  }
  return 0;
}

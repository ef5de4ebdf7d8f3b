// Fuzz target `json`: arbitrary bytes as a JSON request (SPEC §11), given to
// each JSON library's parser and validated through its adapter.
//
// Oracle, in the documented and the hardened profile:
//  - every adapter whose library accepts the text gives the same violations
//    (field, code, severity, api_code, at, length, limit, as a multiset)
//    as RapidJSON's, which keeps every member; nlohmann/json and Boost.JSON
//    keep one value per name, so they are compared only when no object of
//    the text repeats a name;
//  - simdjson On Demand, whenever simdjson's DOM parser accepts the text,
//    walks it without an error;
//  - no adapter allocates while validating (the libraries' parsing does, before);
//  - when the text is an object of strings (no member named "Tag"), the same
//    violations as validate_params on its (name, value) pairs in order, the
//    form path of the equivalent flat request.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/json/boost_json.hpp>
#include <snapcheck/json/nlohmann.hpp>
#include <snapcheck/json/rapidjson.hpp>
#include <snapcheck/json/simdjson.hpp>
#include <snapcheck/strings.hpp>

#include "support/alloc_guard.hpp"
#include "support/check.hpp"

namespace {

using keys = std::vector<std::string>;

keys keys_of(const snapcheck::result& r) {
  keys out;
  for (const snapcheck::violation& v : r.violations()) {
    std::string k = snapcheck::field_name(v.field);
    k += '|';
    k += snapcheck::to_string(v.code);
    k += '|';
    k += snapcheck::to_string(v.severity);
    k += '|';
    k += v.api_code;
    k += '|';
    k += v.at ? std::to_string(*v.at) : "-";
    k += '|';
    k += v.length ? std::to_string(*v.length) : "-";
    k += '|';
    k += v.limit ? std::to_string(*v.limit) : "-";
    out.push_back(std::move(k));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const keys& k) {
  std::string s;
  for (const auto& x : k) {
    s += fuzz::printable(x);
    s += '\n';
  }
  return s;
}

bool repeats_names(const rapidjson::Value& v) {
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
      if (repeats_names(v[i])) return true;
    return false;
  }
  if (!v.IsObject()) return false;
  std::set<std::string> seen;
  const auto first = v.MemberBegin();
  for (rapidjson::SizeType i = 0; i < v.MemberCount(); ++i) {
    const auto& m = first[static_cast<std::ptrdiff_t>(i)];
    if (!seen.insert(std::string(m.name.GetString(), m.name.GetStringLength())).second) return true;
    if (repeats_names(m.value)) return true;
  }
  return false;
}

// Validates with allocation forbidden.
template <class Fn>
snapcheck::result guarded(Fn&& fn) {
  fuzz::alloc_watch_begin();
  snapcheck::result r = fn();
  const std::size_t allocations = fuzz::alloc_watch_end();
  FUZZ_CHECK(allocations == 0, "an adapter allocated " + std::to_string(allocations) + " times while validating");
  return r;
}

void check_same(const char* who, const keys& got, const keys& want) {
  FUZZ_CHECK(got == want, std::string(who) + " disagrees; it says:\n" + joined(got) + "RapidJSON says:\n" + joined(want));
}

void run(std::string_view text, const snapcheck::options& opt) {
  rapidjson::Document rd;
  rd.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (rd.HasParseError()) return;  // RapidJSON is the reference: it keeps every member
  const keys want = keys_of(guarded([&] { return snapcheck::json::validate(rd, opt); }));
  const bool repeats = repeats_names(rd);

  simdjson::dom::parser dp;
  simdjson::dom::element de;
  const bool dom_ok = !dp.parse(text.data(), text.size()).get(de);
  if (dom_ok) check_same("simdjson DOM", keys_of(guarded([&] { return snapcheck::json::validate(de, opt); })), want);

  simdjson::ondemand::parser op;
  const simdjson::padded_string padded(text.data(), text.size());
  simdjson::ondemand::document doc;
  if (!op.iterate(padded).get(doc)) {
    simdjson::error_code error = simdjson::SUCCESS;
    const snapcheck::result r = guarded([&] { return snapcheck::json::validate(doc, opt, &error); });
    if (dom_ok) FUZZ_CHECK(error == simdjson::SUCCESS, "On Demand failed on a text the DOM parser accepts");
    if (error == simdjson::SUCCESS) check_same("simdjson On Demand", keys_of(r), want);
  }

  if (!repeats) {
    boost::json::error_code ec;
    const boost::json::value bv = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec);
    if (!ec) check_same("Boost.JSON", keys_of(guarded([&] { return snapcheck::json::validate(bv, opt); })), want);
    const auto nj = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
    if (!nj.is_discarded())
      check_same("nlohmann/json", keys_of(guarded([&] { return snapcheck::json::validate(nj, opt); })), want);
  }

  // An object of strings is a flat request: the form path must agree.
  if (!rd.IsObject()) return;
  std::vector<std::pair<std::string_view, std::string_view>> params;
  const auto first = rd.MemberBegin();
  for (rapidjson::SizeType i = 0; i < rd.MemberCount(); ++i) {
    const auto& m = first[static_cast<std::ptrdiff_t>(i)];
    const std::string_view name(m.name.GetString(), m.name.GetStringLength());
    if (!m.value.IsString() || name == "Tag") return;
    params.emplace_back(name, std::string_view(m.value.GetString(), m.value.GetStringLength()));
  }
  check_same("validate_params on the flat request", keys_of(snapcheck::validate_params(params, opt)), want);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  snapcheck::options documented;
  run(text, documented);
  snapcheck::options hardened;
  hardened.profile = snapcheck::profile::hardened;
  run(text, hardened);
  return 0;
}

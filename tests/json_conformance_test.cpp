// The JSON conformance cases (tests/data/cases_json.jsonl, SPEC §11) through
// every JSON adapter: nlohmann::ordered_json, simdjson DOM, simdjson On
// Demand, Boost.JSON and RapidJSON. A case matches when ok and truncated
// agree and the violations agree as a multiset of (field, code, severity,
// api_code, at, length, limit).
//
// Some cases repeat a member name. nlohmann/json and Boost.JSON (1.81) keep
// only the last value of a repeated name, so they cannot see those
// duplicates: such cases are skipped for them, counted, and the count
// checked. simdjson's DOM parser rejects integers beyond 64 bits: such a
// case never becomes a DOM value; skipped for it, counted and checked too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/json/boost_json.hpp>
#include <snapcheck/json/nlohmann.hpp>
#include <snapcheck/json/rapidjson.hpp>
#include <snapcheck/json/simdjson.hpp>
#include <snapcheck/strings.hpp>

#include "support/case_keys.hpp"
#include "support/mini_json.hpp"

namespace {

constexpr std::size_t expected_case_count = 400;

struct json_case {
  std::string name;
  bool hardened = false;
  std::string json;
  std::vector<std::string> allow;
  bool ok = false;
  bool truncated = false;
  std::vector<std::string> violations;  // keys, sorted
  bool repeats_names = false;           // some object of json repeats a member name
};

// True when some object in v (at any depth) has a member name twice;
// RapidJSON keeps every member, so it can tell.
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

std::vector<json_case> read_cases() {
  const std::string path = std::string(SNAPCHECK_TEST_DATA) + "/cases_json.jsonl";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<json_case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const mini_json::value j = mini_json::parse(line);
    json_case c;
    c.name = j.at("name").str();
    c.hardened = j.at("profile").str() == "hardened";
    c.json = j.at("json").str();
    if (const auto* a = j.find("allow"))
      for (const mini_json::value& n : a->items) c.allow.push_back(n.str());
    const mini_json::value& e = j.at("expect");
    c.ok = e.at("ok").as_bool();
    c.truncated = e.at("truncated").as_bool();
    c.violations = case_keys::expected(e.at("violations"));
    rapidjson::Document d;
    d.Parse(c.json.data(), c.json.size());
    if (d.HasParseError()) throw std::runtime_error("case " + c.name + ": not JSON for RapidJSON");
    c.repeats_names = repeats_names(d);
    out.push_back(std::move(c));
  }
  return out;
}

const std::vector<json_case>& cases() {
  static const std::vector<json_case> all = read_cases();
  return all;
}

struct with_options {
  std::vector<snapcheck::string_view> allow;
  snapcheck::options opt;
  explicit with_options(const json_case& c) : allow(c.allow.begin(), c.allow.end()) {
    opt.profile = c.hardened ? snapcheck::profile::hardened : snapcheck::profile::documented;
    opt.allow = allow;
  }
};

// Checks r against c; returns true when it agrees.
bool agrees(const json_case& c, const snapcheck::result& r) {
  const bool same = r.ok() == c.ok && r.truncated() == c.truncated &&
                    (c.truncated ? r.violations().size() == c.violations.size() : case_keys::sorted(r) == c.violations);
  BOOST_TEST(r.ok() == c.ok);
  BOOST_TEST(r.truncated() == c.truncated);
  if (c.truncated) BOOST_TEST(r.violations().size() == c.violations.size());
  else BOOST_TEST(case_keys::joined(case_keys::sorted(r)) == case_keys::joined(c.violations));
  return same;
}

// Runs every case through run(case, options) -> optional<result> (nullopt:
// the adapter cannot take the case, which skip(case) must have said).
template <class Run, class Skip>
void run_all(std::string_view adapter, Run&& run, Skip&& skip, std::size_t expected_skips) {
  std::size_t agreed = 0;
  std::size_t skipped = 0;
  for (const json_case& c : cases()) {
    BOOST_TEST_CONTEXT(adapter << ": case " << c.name << " (" << (c.hardened ? "hardened" : "documented") << ") "
                               << c.json) {
      if (skip(c)) {
        ++skipped;
        continue;
      }
      const with_options o(c);
      const std::optional<snapcheck::result> r = run(c, o.opt);
      BOOST_TEST(r.has_value());
      if (r && agrees(c, *r)) ++agreed;
    }
  }
  BOOST_TEST_MESSAGE(adapter << " agrees with " << agreed << "/" << cases().size() << " cases, " << skipped
                             << " skipped");
  BOOST_TEST(skipped == expected_skips);
  BOOST_TEST(agreed + skipped == cases().size());
}

std::size_t cases_repeating_names() {
  return static_cast<std::size_t>(
      std::count_if(cases().begin(), cases().end(), [](const json_case& c) { return c.repeats_names; }));
}

// Integers beyond 64 bits: simdjson's DOM parser refuses them.
bool has_big_integer(const json_case& c) {
  simdjson::dom::parser p;
  simdjson::dom::element e;
  const auto error = p.parse(c.json).get(e);
  return error == simdjson::NUMBER_ERROR;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_conformance)

BOOST_AUTO_TEST_CASE(all_400_cases_are_read) {
  BOOST_TEST(cases().size() == expected_case_count);
  // The cases probe repeated names and big integers: the skips below are
  // for something real, and few.
  BOOST_TEST(cases_repeating_names() > 0u);
  BOOST_TEST(cases_repeating_names() < 60u);
}

BOOST_AUTO_TEST_CASE(rapidjson_agrees_with_every_case) {
  run_all(
      "RapidJSON",
      [](const json_case& c, const snapcheck::options& opt) -> std::optional<snapcheck::result> {
        static rapidjson::Document d;  // the result views its names: alive until the next case
        d.Parse(c.json.data(), c.json.size());
        if (d.HasParseError()) return std::nullopt;
        return snapcheck::json::validate(d, opt);
      },
      [](const json_case&) { return false; }, 0);
}

BOOST_AUTO_TEST_CASE(simdjson_ondemand_agrees_with_every_case) {
  run_all(
      "simdjson On Demand",
      [](const json_case& c, const snapcheck::options& opt) -> std::optional<snapcheck::result> {
        static simdjson::ondemand::parser p;
        static simdjson::padded_string text;
        text = simdjson::padded_string(c.json);
        simdjson::ondemand::document doc;
        if (p.iterate(text).get(doc)) return std::nullopt;
        simdjson::error_code error = simdjson::SUCCESS;
        snapcheck::result r = snapcheck::json::validate(doc, opt, &error);
        BOOST_TEST(error == simdjson::SUCCESS);
        return r;
      },
      [](const json_case&) { return false; }, 0);
}

BOOST_AUTO_TEST_CASE(simdjson_dom_agrees_with_every_case_it_can_parse) {
  std::size_t big = 0;
  for (const json_case& c : cases()) big += has_big_integer(c) ? 1u : 0u;
  BOOST_TEST(big > 0u);
  BOOST_TEST(big < 10u);
  run_all(
      "simdjson DOM",
      [](const json_case& c, const snapcheck::options& opt) -> std::optional<snapcheck::result> {
        static simdjson::dom::parser p;
        simdjson::dom::element e;
        if (p.parse(c.json).get(e)) return std::nullopt;
        return snapcheck::json::validate(e, opt);
      },
      has_big_integer, big);
}

BOOST_AUTO_TEST_CASE(boost_json_agrees_with_every_case_without_repeated_names) {
  run_all(
      "Boost.JSON",
      [](const json_case& c, const snapcheck::options& opt) -> std::optional<snapcheck::result> {
        static boost::json::value v;
        boost::json::error_code ec;
        v = boost::json::parse(c.json, ec);
        if (ec) return std::nullopt;
        return snapcheck::json::validate(v, opt);
      },
      [](const json_case& c) { return c.repeats_names; }, cases_repeating_names());
}

BOOST_AUTO_TEST_CASE(nlohmann_agrees_with_every_case_without_repeated_names) {
  run_all(
      "nlohmann::ordered_json",
      [](const json_case& c, const snapcheck::options& opt) -> std::optional<snapcheck::result> {
        static nlohmann::ordered_json j;
        j = nlohmann::ordered_json::parse(c.json, nullptr, false);
        if (j.is_discarded()) return std::nullopt;
        return snapcheck::json::validate(j, opt);
      },
      [](const json_case& c) { return c.repeats_names; }, cases_repeating_names());
}

BOOST_AUTO_TEST_CASE(libraries_that_drop_repeats_see_the_last_value) {
  // What docs/json.md says of nlohmann/json and Boost.JSON: one member per
  // name, the last one's value, so no duplicate_parameter.
  const std::string text = R"({"regionId":"cn-hangzhou","DiskId":"d-1","DiskId":"d 2"})";
  const auto j = nlohmann::ordered_json::parse(text);
  const auto b = boost::json::parse(text);
  const snapcheck::result rn = snapcheck::json::validate(j);
  const snapcheck::result rb = snapcheck::json::validate(b);
  BOOST_TEST(rn.ok());
  BOOST_TEST(rb.ok());
  snapcheck::options hardened;
  hardened.profile = snapcheck::profile::hardened;
  const snapcheck::result hn = snapcheck::json::validate(j, hardened);
  BOOST_TEST_REQUIRE(hn.violations().size() == 1u);
  BOOST_TEST(hn.violations()[0].code == snapcheck::code::bad_char);  // "d 2": the last value
  // RapidJSON and simdjson keep both: a duplicate_parameter error.
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  const snapcheck::result rr = snapcheck::json::validate(d);
  BOOST_TEST_REQUIRE(rr.violations().size() == 1u);
  BOOST_TEST(rr.violations()[0].code == snapcheck::code::duplicate_parameter);
  BOOST_TEST(rr.violations()[0].is_error());
}

BOOST_AUTO_TEST_SUITE_END()

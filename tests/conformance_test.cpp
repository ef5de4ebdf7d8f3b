// The shared conformance cases (tests/data/cases.jsonl, described in
// tests/data/README.md), run through every entry point: validate_form on the
// body as given (validate_request for a case with a query string),
// validate_params on the same parameters decoded by an independent form
// decoder written here (SPEC §2.1 and §2.2 must reach the same rules), and
// validate_request with the query, or an empty one (SPEC §2.5). A case matches when ok and truncated agree and
// the violations agree as a multiset of (field, code, severity, api_code, at,
// length, limit); when truncated, only their number is compared.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

#include "support/case_keys.hpp"
#include "support/form_decoder.hpp"
#include "support/mini_json.hpp"

namespace {

constexpr std::size_t expected_case_count = 800;

struct conformance_case {
  std::string name;
  bool hardened = false;
  std::string body;  // the bytes of the form body
  std::optional<std::string> query;  // the URL query string, for a whole request
  std::vector<std::string> allow;    // the allow-list (SPEC §5)
  bool ok = false;
  bool truncated = false;
  std::vector<std::string> violations;  // one key per violation, sorted
  bool expects_bad_encoding = false;
};

std::string cases_path() { return std::string(SNAPCHECK_TEST_DATA) + "/cases.jsonl"; }

std::string from_hex(const std::string& hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::runtime_error("bad hex in body_hex");
  };
  if (hex.size() % 2 != 0) throw std::runtime_error("odd body_hex");
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  return out;
}

std::vector<conformance_case> read_cases() {
  std::ifstream in(cases_path(), std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + cases_path());
  std::vector<conformance_case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const mini_json::value j = mini_json::parse(line);
    conformance_case c;
    c.name = j.at("name").str();
    const std::string& profile = j.at("profile").str();
    if (profile != "documented" && profile != "hardened") throw std::runtime_error("bad profile in " + c.name);
    c.hardened = profile == "hardened";
    if (const auto* b = j.find("body")) c.body = b->str();
    else c.body = from_hex(j.at("body_hex").str());
    if (const auto* q = j.find("query")) c.query = q->str();
    else if (const auto* qh = j.find("query_hex")) c.query = from_hex(qh->str());
    if (const auto* a = j.find("allow"))
      for (const mini_json::value& name : a->items) c.allow.push_back(name.str());
    const mini_json::value& e = j.at("expect");
    c.ok = e.at("ok").as_bool();
    c.truncated = e.at("truncated").as_bool();
    c.violations = case_keys::expected(e.at("violations"));
    for (const mini_json::value& v : e.at("violations").items)
      c.expects_bad_encoding = c.expects_bad_encoding || v.at("code").str() == "bad_encoding";
    out.push_back(std::move(c));
  }
  return out;
}

const std::vector<conformance_case>& cases() {
  static const std::vector<conformance_case> all = read_cases();
  return all;
}

using test_support::decode_form;

snapcheck::options options_for(const conformance_case& c) {
  static std::vector<snapcheck::string_view> allow;  // the options view it until the next call
  allow.assign(c.allow.begin(), c.allow.end());
  snapcheck::options opt;
  opt.profile = c.hardened ? snapcheck::profile::hardened : snapcheck::profile::documented;
  opt.allow = allow;
  return opt;
}

// The parameters of a case as one form text: the query's, then the body's.
std::string all_parameters(const conformance_case& c) { return c.query ? *c.query + "&" + c.body : c.body; }

void check_against(const conformance_case& c, const snapcheck::result& r) {
  BOOST_TEST(r.ok() == c.ok);
  BOOST_TEST(r.truncated() == c.truncated);
  if (c.truncated) BOOST_TEST(r.violations().size() == c.violations.size());
  else BOOST_TEST(case_keys::joined(case_keys::sorted(r)) == case_keys::joined(c.violations));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(conformance)

BOOST_AUTO_TEST_CASE(data_is_read_from_the_project) {
  // The cases are the project's own copy (tests/data), not the shared folder
  // they came from: the project's tests must hold without it.
  const std::filesystem::path data = std::filesystem::weakly_canonical(SNAPCHECK_TEST_DATA);
  BOOST_TEST(data.filename() == "data");
  BOOST_TEST(data.parent_path().filename() == "tests");
  BOOST_TEST(std::filesystem::exists(data / "cases.jsonl"));
  BOOST_TEST(std::filesystem::exists(data.parent_path() / "conformance_test.cpp"));
  BOOST_TEST(std::filesystem::exists(data.parent_path().parent_path() / "include" / "snapcheck" / "snapcheck.hpp"));
  BOOST_TEST(data.string().find("shared") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(exactly_600_cases_are_read) {
  BOOST_TEST(cases().size() == expected_case_count);
  std::size_t hardened = 0;
  for (const auto& c : cases()) hardened += c.hardened ? 1u : 0u;
  BOOST_TEST(hardened > 0u);
  BOOST_TEST(hardened < expected_case_count);
}

BOOST_AUTO_TEST_CASE(form_entry_agrees_with_all_cases) {
  std::size_t agreed = 0;
  for (const auto& c : cases()) {
    BOOST_TEST_CONTEXT("case " << c.name << " (" << (c.hardened ? "hardened" : "documented") << ")") {
      const snapcheck::result r = c.query ? snapcheck::validate_request(*c.query, c.body, options_for(c))
                                          : snapcheck::validate_form(c.body, options_for(c));
      check_against(c, r);
      if (r.ok() == c.ok && r.truncated() == c.truncated &&
          (c.truncated ? r.violations().size() == c.violations.size() : case_keys::sorted(r) == c.violations))
        ++agreed;
    }
  }
  BOOST_TEST_MESSAGE("validate_form agrees with " << agreed << "/" << cases().size() << " cases");
  BOOST_TEST(agreed == expected_case_count);
}

BOOST_AUTO_TEST_CASE(request_entry_agrees_with_all_cases) {
  std::size_t agreed = 0;
  std::size_t with_query = 0;
  for (const auto& c : cases()) {
    with_query += c.query ? 1u : 0u;
    BOOST_TEST_CONTEXT("case " << c.name << " (" << (c.hardened ? "hardened" : "documented") << ")") {
      // An empty query gives exactly the body's result; a query and a body
      // are the same sequence of parameters as the two joined by '&'.
      const std::string query = c.query.value_or("");  // the result views names in it
      const snapcheck::result r = snapcheck::validate_request(query, c.body, options_for(c));
      check_against(c, r);
      if (c.query) {
        const std::string joined = all_parameters(c);
        BOOST_TEST(case_keys::sorted(snapcheck::validate_form(joined, options_for(c))) == case_keys::sorted(r));
      }
      if (r.ok() == c.ok && r.truncated() == c.truncated &&
          (c.truncated ? r.violations().size() == c.violations.size() : case_keys::sorted(r) == c.violations))
        ++agreed;
    }
  }
  BOOST_TEST_MESSAGE("validate_request agrees with " << agreed << "/" << cases().size() << " cases");
  BOOST_TEST(with_query > 0u);
  BOOST_TEST(agreed == expected_case_count);
}

BOOST_AUTO_TEST_CASE(params_entry_agrees_with_all_cases) {
  std::size_t agreed = 0;
  std::size_t skipped = 0;
  std::size_t with_bad_encoding = 0;
  for (const auto& c : cases()) {
    with_bad_encoding += c.expects_bad_encoding ? 1u : 0u;
    const auto params = decode_form(all_parameters(c), !c.expects_bad_encoding);
    if (!params) {
      ++skipped;
      BOOST_TEST_CONTEXT("case " << c.name) { BOOST_TEST(c.expects_bad_encoding); }
      continue;
    }
    BOOST_TEST_CONTEXT("case " << c.name << " (" << (c.hardened ? "hardened" : "documented") << ")") {
      const snapcheck::result r = snapcheck::validate_params(*params, options_for(c));
      check_against(c, r);
      if (r.ok() == c.ok && r.truncated() == c.truncated &&
          (c.truncated ? r.violations().size() == c.violations.size() : case_keys::sorted(r) == c.violations))
        ++agreed;
    }
  }
  BOOST_TEST_MESSAGE("validate_params agrees with " << agreed << "/" << cases().size() - skipped
                                                    << " cases (" << skipped << " with a bad '%' skipped)");
  // A body with a bad '%' escape is exactly a case that expects bad_encoding.
  BOOST_TEST(skipped == with_bad_encoding);
  BOOST_TEST(skipped > 0u);
  BOOST_TEST(agreed + skipped == expected_case_count);
}

BOOST_AUTO_TEST_CASE(independent_decoder_follows_spec_2_2) {
  // The decoder above is itself an oracle: pin its behaviour.
  const auto d = decode_form("a=1&&b&c=x=y&%41+b=%2b%2F&=v&");
  BOOST_REQUIRE(d.has_value());
  const std::vector<std::pair<std::string, std::string>> want{
      {"a", "1"}, {"b", ""}, {"c", "x=y"}, {"A b", "+/"}, {"", "v"}};
  BOOST_TEST((*d == want));
  BOOST_TEST(!decode_form("a=%4").has_value());
  BOOST_TEST(!decode_form("a=%").has_value());
  BOOST_TEST(!decode_form("a%zz=1").has_value());
  BOOST_TEST(!decode_form("a=%g1").has_value());
  BOOST_TEST(decode_form("").value().empty());
  BOOST_TEST(decode_form("&&&").value().empty());
}

BOOST_AUTO_TEST_CASE(json_reader_is_strict_and_complete) {
  // The case reader is an oracle too: pin the parts of JSON the data uses.
  const auto v = mini_json::parse(
      R"( {"s": "a\"b\\c\/\b\f\n\r\t\u0041\u00e9\u4e00\ud83d\ude00", "i": -12, "d": 1.5e2,)"
      R"( "t": true, "f": false, "n": null, "a": [1, [], {}], "o": {"k": "v"}} )");
  BOOST_TEST(v.at("s").str() == "a\"b\\c/\b\f\n\r\tA\xC3\xA9\xE4\xB8\x80\xF0\x9F\x98\x80");
  BOOST_TEST(v.at("i").as_int() == -12);
  BOOST_TEST(v.at("d").is(mini_json::value::kind::number));
  BOOST_TEST(v.at("d").number == 150.0);
  BOOST_TEST(v.at("t").as_bool());
  BOOST_TEST(!v.at("f").as_bool());
  BOOST_TEST(v.at("n").is(mini_json::value::kind::null));
  BOOST_TEST(v.at("a").items.size() == 3u);
  BOOST_TEST(v.at("o").at("k").str() == "v");
  BOOST_TEST(v.find("missing") == nullptr);
  for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "\"\\ud800\"",
                          "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\nb\"", "tru", "nul", "{\"a\" 1}",
                          "{\"a\":1,\"a\":2}", "[1] 2", "{a:1}", "\"\\u12g4\""}) {
    BOOST_TEST_INFO("input " << bad);
    BOOST_CHECK_THROW(mini_json::parse(bad), std::runtime_error);
  }
}

BOOST_AUTO_TEST_SUITE_END()

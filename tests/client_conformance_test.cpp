// The shared conformance cases (tests/data/cases.jsonl) that a typed request
// can express, through validate(request) (SPEC §10). A case's parameters are
// its query string's then its body's (SPEC §2.5), with its allow-list. It is
// expressible when both decode (no bad '%'), every decoded name is a member of the
// request as the table spells it (no alias, no unknown name, no bad N) and
// no member occurs twice. For each such case the request built from the
// decoded pairs must
//  - give the case's expected result (as a multiset, as the conformance
//    suite compares: a request writes its members in table order, so the
//    order of violations can differ from the body's);
//  - give, violation for violation and in order, what validate_params gives
//    on its members and what validate_form gives on its encoding;
//  - encode to a body that decodes back to the same members.
#include <algorithm>
#include <cstddef>
#include <cstdint>
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

using pairs = std::vector<std::pair<std::string, std::string>>;

struct expected_case {
  std::string name;
  bool hardened = false;
  std::string body;
  std::string query;               // a whole request's URL query string (SPEC §2.5), or empty
  std::vector<std::string> allow;  // the allow-list, if any
  bool ok = false;
  bool truncated = false;
  std::vector<std::string> violations;  // keys, sorted
};

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<expected_case> read_cases() {
  std::ifstream in(std::string(SNAPCHECK_TEST_DATA) + "/cases.jsonl", std::ios::binary);
  if (!in) throw std::runtime_error("cannot open cases.jsonl");
  std::vector<expected_case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const mini_json::value j = mini_json::parse(line);
    expected_case c;
    c.name = j.at("name").str();
    c.hardened = j.at("profile").str() == "hardened";
    auto text = [&](std::string_view plain, std::string_view in_hex, std::string& into) {
      if (const auto* b = j.find(plain)) {
        into = b->str();
      } else if (const auto* x = j.find(in_hex)) {
        const std::string& h = x->str();
        for (std::size_t i = 0; i + 1 < h.size(); i += 2) into.push_back(static_cast<char>(hex(h[i]) * 16 + hex(h[i + 1])));
      }
    };
    text("body", "body_hex", c.body);
    text("query", "query_hex", c.query);
    if (const auto* a = j.find("allow"))
      for (const auto& n : a->items) c.allow.push_back(n.str());
    const auto& e = j.at("expect");
    c.ok = e.at("ok").as_bool();
    c.truncated = e.at("truncated").as_bool();
    c.violations = case_keys::expected(e.at("violations"));
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<pairs> decode_body(std::string_view body) { return test_support::decode_form(body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(client_conformance)

BOOST_AUTO_TEST_CASE(expressible_cases_agree_through_validate_request) {
  const auto cases = read_cases();
  BOOST_TEST_REQUIRE(cases.size() >= 600u);
  std::size_t expressible = 0;
  std::size_t with_violations = 0;
  for (const auto& c : cases) {
    // A request's parameters: the query's, then the body's (SPEC §2.5).
    auto decoded = decode_body(c.query);
    const auto from_body = decode_body(c.body);
    if (!decoded || !from_body) continue;
    decoded->insert(decoded->end(), from_body->begin(), from_body->end());
    snapcheck::create_snapshot_request r;
    bool fits = true;
    for (const auto& [name, value] : *decoded) {
      const std::size_t slot = snapcheck::create_snapshot_request::slot_named(name);
      if (slot == snapcheck::create_snapshot_request::slot_count || r.at(slot).has_value()) {
        fits = false;
        break;
      }
      r.set_slot(slot, value);  // views into *decoded, alive for this iteration
    }
    if (!fits) continue;
    ++expressible;
    with_violations += c.violations.empty() ? 0u : 1u;
    BOOST_TEST_CONTEXT("case " << c.name << (c.hardened ? " (hardened)" : "")) {
      snapcheck::options opt;
      opt.profile = c.hardened ? snapcheck::profile::hardened : snapcheck::profile::documented;
      std::vector<snapcheck::string_view> allow(c.allow.begin(), c.allow.end());
      opt.allow = allow;
      const snapcheck::result typed = snapcheck::validate(r, opt);
      BOOST_TEST(typed.ok() == c.ok);
      BOOST_TEST(typed.truncated() == c.truncated);
      const auto sorted = case_keys::sorted(typed);
      if (c.truncated) BOOST_TEST(sorted.size() == c.violations.size());
      else BOOST_TEST(case_keys::joined(sorted) == case_keys::joined(c.violations));

      pairs members;
      for (const auto m : r.params()) members.emplace_back(std::string(m.first), std::string(m.second));
      const std::string body = snapcheck::encode(r);
      BOOST_TEST(case_keys::joined(case_keys::in_order(typed)) == case_keys::joined(case_keys::in_order(snapcheck::validate_params(members, opt))));
      BOOST_TEST(case_keys::joined(case_keys::in_order(typed)) == case_keys::joined(case_keys::in_order(snapcheck::validate_form(body, opt))));
      const auto back = decode_body(body);
      BOOST_TEST((back.has_value() && *back == members));
    }
  }
  BOOST_TEST_MESSAGE("typed requests express " << expressible << " of " << cases.size() << " cases, "
                                               << with_violations << " of them with violations");
  // Most cases are requests of table names; those that are not use aliases,
  // unknown names, bad N, duplicates or bad escapes.
  BOOST_TEST(expressible >= 450u);
  BOOST_TEST(with_violations >= 250u);
}

BOOST_AUTO_TEST_SUITE_END()

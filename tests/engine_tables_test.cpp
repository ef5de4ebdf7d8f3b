// More tables through the same engine: the public-cloud CreateSnapshot
// (tests/tables/public_cloud.hpp) and a table of the rule kinds the
// CreateSnapshot tables do not use; and, for every table, the fast paths
// against the general way (validate<S, false>) on generated requests.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

#include "tables/public_cloud.hpp"

namespace {

namespace sc = snapcheck;
using sc::code;
using tables::ecs_create_snapshot;
using tables::rule_kinds;

// "field:code" of every violation, in order.
template <class Result>
std::string summary(const Result& r) {
  std::string s;
  for (const auto& v : r.violations()) {
    if (!s.empty()) s += ", ";
    s += sc::field_name(v.field) + ":" + std::string(sc::to_string(v.code));
  }
  return s;
}

template <class S>
std::string check(std::string_view body, sc::profile p = sc::profile::documented) {
  return summary(sc::validate_form<S>(body, sc::options{.profile = p}));
}

const sc::options hardened{.profile = sc::profile::hardened};

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_tables)

BOOST_AUTO_TEST_SUITE(public_cloud)

BOOST_AUTO_TEST_CASE(a_typical_request_is_valid) {
  const auto r = sc::validate_form<ecs_create_snapshot>(
      "DiskId=d-bp1&SnapshotName=db.backup-01&Description=nightly&RetentionDays=30&InstantAccess=true"
      "&InstantAccessRetentionDays=7&Category=Flash&ResourceGroupId=rg-acfm&ClientToken=t-1"
      "&Tag.1.Key=env&Tag.1.Value=prod");
  BOOST_TEST(summary(r) == "");
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_CASE(each_row_has_its_own_rules) {
  using S = ecs_create_snapshot;
  BOOST_TEST(check<S>("") == "DiskId:missing");
  BOOST_TEST(check<S>("DiskId=d&SnapshotName=a.b") == "");  // '.' is allowed here, unlike Apsara Stack's
  BOOST_TEST(check<S>("DiskId=d&SnapshotName=a%2Fb") == "SnapshotName:bad_char");
  BOOST_TEST(check<S>("DiskId=d&RetentionDays=65537") == "RetentionDays:out_of_range");
  BOOST_TEST(check<S>("DiskId=d&InstantAccess=yes") == "InstantAccess:not_in_enum");
  BOOST_TEST(check<S>("DiskId=d&InstantAccessRetentionDays=7") == "InstantAccessRetentionDays:value_without_key");
  BOOST_TEST(check<S>("DiskId=d&InstantAccess=false&InstantAccessRetentionDays=65536") ==
             "InstantAccessRetentionDays:out_of_range");
  BOOST_TEST(check<S>("DiskId=d&Category=standard") == "Category:not_in_enum");
  BOOST_TEST(check<S>("DiskId=d&Tag.21.Key=k") == "Tag.21.Key:bad_tag_index");
  BOOST_TEST(check<S>("DiskId=d&Tag.1.Key=k&Tag.2.Key=k") == "Tag.2.Key:duplicate_tag_key");
  BOOST_TEST(check<S>("DiskId=d&Tag.1.Value=acs:x") == "Tag.1.Value:value_without_key");  // no prefix rule here
  // This table makes no profile stricter: unknown names stay warnings.
  const auto h = sc::validate_form<S>("DiskId=d&RegionId=cn", hardened);
  BOOST_TEST(h.ok());
  BOOST_TEST(summary(h) == "RegionId:unknown_parameter");
}

BOOST_AUTO_TEST_CASE(messages_name_this_tables_family) {
  const auto r = sc::validate_form<ecs_create_snapshot>("DiskId=d&Tag.1.Key=k&Tag.4.Key=k");
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  BOOST_TEST(r.violations()[0].api_code == "InvalidTagKey.Duplicated");
  BOOST_TEST(sc::message(r.violations()[0]).find("Tag.4.Key") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rule_kinds_table)

BOOST_AUTO_TEST_CASE(suffixes_in_either_case) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("File=setup.msi") == "");
  BOOST_TEST(check<S>("File=setup.EXE") == "File:reserved_suffix");
  BOOST_TEST(check<S>("File=setup%2Ebat") == "File:reserved_suffix");  // decoded before it is compared
  BOOST_TEST(check<S>("File=.exe") == "File:reserved_suffix");
  BOOST_TEST(check<S>("File=exe") == "");
}

BOOST_AUTO_TEST_CASE(booleans_with_the_tables_case) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Flag=TRUE&flag=false") == "flag:duplicate_parameter");  // the alternate spelling
  BOOST_TEST(check<S>("Flag=yes") == "Flag:not_in_enum");
  BOOST_TEST(check<S>("StrictFlag=false") == "");
  const auto r = sc::validate_form<S>("StrictFlag=True");
  BOOST_TEST(summary(r) == "StrictFlag:not_in_enum");
  BOOST_TEST(r.violations()[0].suggested_value == "true");
}

BOOST_AUTO_TEST_CASE(predicates_see_the_decoded_value) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Pair=ab") == "");
  BOOST_TEST(check<S>("Pair=%E4%B8%AD%E4%B8%AD") == "");  // two characters
  BOOST_TEST(check<S>("Pair=abc") == "Pair:bad_format");
  const auto r = sc::validate_form<S>("Pair=a");
  BOOST_TEST(sc::message(r.violations()[0]) == "Pair must be an even number of characters");
  static_assert(sc::validate_form<S>("Pair=ab").ok());  // a constexpr predicate works at compile time
  static_assert(!sc::validate_form<S>("Pair=a").ok());
}

BOOST_AUTO_TEST_CASE(timestamps_are_real_times) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("At=2024-02-29T23:59:59Z") == "");
  BOOST_TEST(check<S>("At=2024-02-29T23%3A59%3A59Z") == "");
  for (const char* bad : {"2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
                          "2024-01-01T00:00:60Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00",
                          "0000-01-01T00:00:00Z", "2024-01-01T00:00:00z", "2024-01-01T00:00:00ZZ"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(check<S>(std::string("At=") + bad) == "At:bad_format"); }
  }
}

BOOST_AUTO_TEST_CASE(enum_values_of_any_count_and_length) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Zone=cn-hangzhou-international-finance-zone-a") == "");
  BOOST_TEST(check<S>("Zone=cn-shanghai") == "");
  BOOST_TEST(check<S>("Zone=cn-hangzhou-international-finance-zone-b") == "Zone:not_in_enum");
  BOOST_TEST(check<S>("Zone=cn-hangzhou-international-finance-zone-a-") == "Zone:not_in_enum");
}

BOOST_AUTO_TEST_CASE(prefixes_of_any_length_and_bytes) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Note=%E7%B3%BB%E7%BB%9F:x") == "Note:reserved_prefix");  // a non-ASCII first byte
  BOOST_TEST(check<S>("Note=%E7%B3%BB%E7%BB%9Fx") == "");
  BOOST_TEST(check<S>("Note=internal-use-only-do-not-send:yes") == "Note:reserved_prefix");
  BOOST_TEST(check<S>("Note=internal-use-only-do-not-send") == "");
}

BOOST_AUTO_TEST_CASE(requires_field_between_plain_fields) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Until=2024-01-01") == "Until:value_without_key");
  BOOST_TEST(check<S>("Until=2024-01-01&At=") == "Until:value_without_key");  // empty is absent
  BOOST_TEST(check<S>("At=2024-01-01T00:00:00Z&Until=2024-01-01") == "");
  BOOST_TEST(check<S>("Until=") == "");
}

BOOST_AUTO_TEST_CASE(profiles_are_the_tables_data) {
  using S = rule_kinds;
  BOOST_TEST(check<S>("Note=a%01b") == "");
  BOOST_TEST(check<S>("Note=a%01b", sc::profile::hardened) == "Note:bad_char");
  BOOST_TEST(sc::validate_form<S>("Other=1").ok());
  BOOST_TEST(!sc::validate_form<S>("Other=1", hardened).ok());
}

BOOST_AUTO_TEST_SUITE_END()

// The fast paths decide only what the general way would: every table, both
// profiles, form bodies and decoded lists, on generated requests.
namespace {

// Text pieces that meet every path: ordinary ASCII, escapes, '+', three- and
// four-byte characters (raw and escaped), ill-formed and bad escapes,
// controls, and the texts of the tables' prefixes, suffixes and substrings.
const std::vector<std::string> value_parts = {
    "a", "Z", "0", "9", "-", "_", ":", ".", " ", "+", "%20", "%2B", "%41", "%7E", "%",  "%4",  "%zz", "%E4%B8%AD",
    "\xE4\xB8\xAD", "%F0%A0%80%80", "\xF0\xA0\x80\x80", "%C3%A9", "\xC3\xA9", "%E2%80%AE", "\xE2\x80\xAE", "%01",
    "\x7F", "%C0%80", "\xC0", "%ED%A0%80", "http://", "HTTPS://", "auto", "aliyun", "acs:", ".exe", ".BAT",
    "true", "False", "2024-02-29", "T12:34:56Z", "Standard", "Flash", "cn-shanghai", "%E7%B3%BB%E7%BB%9F:",
    "internal-use-only-do-not-send:", "1", "65536", "0000", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"};

template <class S>
std::vector<std::string> name_parts() {
  std::vector<std::string> out = {"Unknown", "Tag.0.Key", "Tag.01.Value", "Tag.x.Key", "regionid"};
  for (const sc::field& f : S::fields)
    for (const sc::spelling s : sc::all_spellings) {
      const std::string_view n = f.spelled(s);
      if (n.empty()) continue;
      if (!f.is_family()) {
        out.emplace_back(n);
        continue;
      }
      for (const std::uint32_t index : {f.min_index, f.min_index + 1, f.max_index}) {
        std::string name(n);
        name.replace(name.find("{N}"), 3, std::to_string(index));
        out.push_back(name);
      }
    }
  return out;
}

template <class S, bool Fast, class Source>
std::string json_of(const Source& source, sc::profile p) {
  sc::result r;
  sc::validate<S, Fast>(source, r, sc::options{.profile = p});
  return sc::to_json(r);
}

template <class S>
std::size_t compare_fast_and_general(std::uint32_t seed, std::size_t requests) {
  std::mt19937 rng(seed);
  const auto names = name_parts<S>();
  const auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  std::size_t differ = 0;
  for (std::size_t i = 0; i < requests; ++i) {
    std::string body;
    std::vector<std::pair<std::string, std::string>> list;
    const std::size_t params = rng() % 6;
    for (std::size_t k = 0; k < params; ++k) {
      const std::string name = pick(names);
      std::string value;
      for (std::size_t parts = rng() % 5; parts > 0; --parts) value += pick(value_parts);
      body += (k ? "&" : "") + name + "=" + value;
      list.emplace_back(name, value);  // raw pieces as decoded text: another path through the tables
    }
    for (const sc::profile p : {sc::profile::documented, sc::profile::hardened}) {
      const sc::form_source form{body};
      const sc::params_source<decltype(list)> pairs{list};
      const bool same_form = json_of<S, true>(form, p) == json_of<S, false>(form, p);
      const bool same_list = json_of<S, true>(pairs, p) == json_of<S, false>(pairs, p);
      if (!same_form || !same_list) {
        ++differ;
        BOOST_TEST_MESSAGE("fast and general differ on " << body);
      }
    }
  }
  return differ;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fast_paths_agree_with_the_general_way_on_every_table) {
  BOOST_TEST(compare_fast_and_general<sc::apis::create_snapshot>(1, 4000) == 0u);
  BOOST_TEST(compare_fast_and_general<ecs_create_snapshot>(2, 4000) == 0u);
  BOOST_TEST(compare_fast_and_general<rule_kinds>(3, 4000) == 0u);
}

BOOST_AUTO_TEST_CASE(rows_with_a_kind_the_fast_paths_do_not_know_take_the_general_way) {
  // Predicates, suffixes and timestamps are not fast_paths_know kinds: their
  // rows have no fast-path tables at all, so nothing is skipped.
  namespace d = sc::detail;
  const auto& pair = d::program_of<rule_kinds, 3, sc::profile::documented, true>;
  const auto& file = d::program_of<rule_kinds, 0, sc::profile::documented, true>;
  const auto& note = d::program_of<rule_kinds, 6, sc::profile::documented, true>;
  for (std::size_t c = 0; c < 256; ++c) {
    BOOST_TEST(!pair.ordinary[c]);
    BOOST_TEST(!file.ordinary[c]);
  }
  BOOST_TEST(!pair.quick_whole);
  BOOST_TEST(!file.quick_whole);
  BOOST_TEST(note.ordinary['a']);  // known kinds keep theirs
  BOOST_TEST(note.quick_whole);
  // And with fast paths off, no row has any.
  const auto& general = d::program_of<sc::apis::create_snapshot, 3, sc::profile::documented, false>;
  for (std::size_t c = 0; c < 256; ++c) BOOST_TEST(!general.ordinary[c]);
  BOOST_TEST(!general.quick_whole);
  BOOST_TEST(!general.wide[0]);
}

// ClientToken allows ASCII only: once its first other character has fired
// that rule, the rest of the value is only counted (counting_program). What
// comes after must still be counted exactly, and a bad escape or bad UTF-8
// after it must still be found, as the general way finds them.
BOOST_AUTO_TEST_CASE(a_value_is_only_counted_once_its_character_rules_have_fired) {
  using S = sc::apis::create_snapshot;
  const std::string zh = "%E4%B8%AD", zh_raw = "\xE4\xB8\xAD";
  const auto repeat = [](const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
  };
  const auto check = [&](const std::string& value, bool form, const std::string& expect) {
    BOOST_TEST_CONTEXT((form ? "form " : "params ") << value) {
      sc::result fast, general;
      if (form) {
        const std::string body = "regionId=cn&DiskId=d&ClientToken=" + value;
        sc::validate<S, true>(sc::form_source{body}, fast);
        sc::validate<S, false>(sc::form_source{body}, general);
      } else {
        const std::vector<std::pair<std::string, std::string>> list = {
            {"regionId", "cn"}, {"DiskId", "d"}, {"ClientToken", value}};
        sc::validate<S, true>(sc::params_source<decltype(list)>{list}, fast);
        sc::validate<S, false>(sc::params_source<decltype(list)>{list}, general);
      }
      BOOST_TEST(sc::to_json(fast) == sc::to_json(general));
      BOOST_TEST(sc::to_json(fast).find(expect) != std::string::npos, sc::to_json(fast));
    }
  };
  // 1 + 70 characters: too long by its exact count, bad from character 1.
  check("a" + repeat(zh, 70), true, R"("length":71)");
  check("a" + repeat(zh_raw, 70), false, R"("length":71)");
  check("a" + repeat(zh, 70), true, R"("at":1)");
  // Two-, three- and four-byte characters and ASCII after the rule fired.
  check("a" + zh + "%C3%A9" + "%F0%A0%80%80" + repeat("b", 61), true, R"("length":65)");
  check("a" + zh_raw + "\xC3\xA9" + "\xF0\xA0\x80\x80" + repeat("b", 61), false, R"("length":65)");
  // A bad escape and bad UTF-8 after it.
  check("a" + repeat(zh, 10) + "%ZZ" + repeat(zh, 10), true, "bad_encoding");
  check("a" + repeat(zh, 10) + "%E4%B8q" + repeat(zh, 10), true, R"("at":31)");
  check("a" + repeat(zh_raw, 10) + "\xE4\xB8q" + repeat(zh_raw, 10), false, R"("at":31)");
}

BOOST_AUTO_TEST_SUITE_END()

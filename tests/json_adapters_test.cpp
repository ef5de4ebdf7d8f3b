// The JSON adapters beyond the conformance cases: responses (SPEC §7), the
// type rules at their edges, the parameter limit, On Demand's own paths (an
// escaped "Tag" key, a text malformed mid-walk, a document that is not an
// object), and every adapter agreeing on the same texts.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/json/boost_json.hpp>
#include <snapcheck/json/nlohmann.hpp>
#include <snapcheck/json/rapidjson.hpp>
#include <snapcheck/json/simdjson.hpp>
#include <snapcheck/strings.hpp>

namespace {

using snapcheck::code;

// The violations of a result as "field code api_code" lines.
std::vector<std::string> summary(const snapcheck::result& r) {
  std::vector<std::string> out;
  for (const auto& v : r.violations())
    out.push_back(snapcheck::field_name(v.field) + " " + std::string(snapcheck::to_string(v.code)) + " " +
                  std::string(v.api_code));
  return out;
}

// Runs text through every adapter (request or response) and returns the
// five summaries; each adapter's value lives until its summary is taken.
std::vector<std::vector<std::string>> through_all(const std::string& text, bool response,
                                                  const snapcheck::options& opt = {}) {
  std::vector<std::vector<std::string>> out;
  {
    const auto j = nlohmann::ordered_json::parse(text);
    out.push_back(summary(response ? snapcheck::json::validate_response(j, opt) : snapcheck::json::validate(j, opt)));
  }
  {
    simdjson::dom::parser p;
    simdjson::dom::element e;
    BOOST_TEST_REQUIRE(!p.parse(text).get(e));
    out.push_back(summary(response ? snapcheck::json::validate_response(e, opt) : snapcheck::json::validate(e, opt)));
  }
  {
    simdjson::ondemand::parser p;
    const simdjson::padded_string padded(text);
    simdjson::ondemand::document doc;
    BOOST_TEST_REQUIRE(!p.iterate(padded).get(doc));
    simdjson::error_code error = simdjson::SUCCESS;
    out.push_back(summary(response ? snapcheck::json::validate_response(doc, opt, &error)
                                   : snapcheck::json::validate(doc, opt, &error)));
    BOOST_TEST(error == simdjson::SUCCESS);
  }
  {
    const boost::json::value v = boost::json::parse(text);
    out.push_back(summary(response ? snapcheck::json::validate_response(v, opt) : snapcheck::json::validate(v, opt)));
  }
  {
    rapidjson::Document d;
    d.Parse(text.data(), text.size());
    BOOST_TEST_REQUIRE(!d.HasParseError());
    out.push_back(summary(response ? snapcheck::json::validate_response(d, opt) : snapcheck::json::validate(d, opt)));
  }
  return out;
}

// Checks that every adapter gives `expected` for text.
void all_say(const std::string& text, const std::vector<std::string>& expected, bool response = false,
             const snapcheck::options& opt = {}) {
  const char* names[] = {"nlohmann", "simdjson DOM", "simdjson On Demand", "Boost.JSON", "RapidJSON"};
  const auto got = through_all(text, response, opt);
  for (std::size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST_CONTEXT(names[i] << ": " << text) { BOOST_TEST(got[i] == expected, boost::test_tools::per_element()); }
  }
}

snapcheck::options hardened() {
  snapcheck::options o;
  o.profile = snapcheck::profile::hardened;
  return o;
}

const std::string valid_head = R"("regionId":"cn-hangzhou","DiskId":"d-1")";

// "{" valid_head rest (appended: g++ 12 -O3 warns falsely about chains of +).
std::string with_head(const char* rest) {
  std::string s = "{";
  s += valid_head;
  s += rest;
  return s;
}
std::string times(const std::string& part, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += part;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_responses)

BOOST_AUTO_TEST_CASE(a_request_id_passes_and_other_members_are_allowed) {
  all_say(R"({"RequestID":"1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC"})", {}, true);
  all_say(R"({"RequestID":"1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC"})", {}, true, hardened());
  all_say(R"({"Other":1,"RequestID":"x y","More":[1,{"a":null}]})", {}, true);
}

BOOST_AUTO_TEST_CASE(missing_or_null_is_missing_parameter) {
  all_say(R"({})", {"RequestID missing MissingParameter"}, true);
  all_say(R"({"RequestID":null,"requestId":"x"})", {"RequestID missing MissingParameter"}, true);
}

BOOST_AUTO_TEST_CASE(not_a_string_is_wrong_type) {
  all_say(R"({"RequestID":5})", {"RequestID wrong_type InvalidParameter"}, true);
  all_say(R"({"RequestID":["x"]})", {"RequestID wrong_type InvalidParameter"}, true);
  all_say(R"({"RequestID":true})", {"RequestID wrong_type InvalidParameter"}, true);
}

BOOST_AUTO_TEST_CASE(empty_is_too_short_not_missing) {
  all_say(R"({"RequestID":""})", {"RequestID too_short InvalidParameter"}, true);
  all_say(R"({"RequestID":""})", {"RequestID too_short InvalidParameter"}, true, hardened());
}

BOOST_AUTO_TEST_CASE(hardened_checks_the_id_format) {
  all_say(R"({"RequestID":"x y"})", {"RequestID bad_char InvalidParameter"}, true, hardened());
  std::string id65 = R"({"RequestID":")";
  id65 += times("a", 65);
  id65 += R"("})";
  std::string id64 = R"({"RequestID":")";
  id64 += times("a", 64);
  id64 += R"("})";
  all_say(id65, {"RequestID too_long InvalidParameter"}, true, hardened());
  all_say(id64, {}, true, hardened());
  all_say(id65, {}, true);  // documented: any non-empty string
}

BOOST_AUTO_TEST_CASE(a_body_that_is_not_an_object_is_one_wrong_type) {
  all_say(R"(["RequestID"])", {" wrong_type InvalidParameter"}, true);
  all_say(R"("x")", {" wrong_type InvalidParameter"}, true);
}

BOOST_AUTO_TEST_CASE(a_repeated_request_id_is_a_duplicate_where_the_library_keeps_both) {
  rapidjson::Document d;
  const std::string text = R"({"RequestID":"a","RequestID":"b"})";
  d.Parse(text.data(), text.size());
  BOOST_TEST(summary(snapcheck::json::validate_response(d)) ==
                 std::vector<std::string>{"RequestID duplicate_parameter InvalidParameter"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_adapters)

BOOST_AUTO_TEST_CASE(retention_days_as_integer_digits_or_other_types) {
  all_say(with_head(R"(,"RetentionDays":7})"), {});
  all_say(with_head(R"(,"RetentionDays":"7"})"), {});
  all_say(with_head(R"(,"RetentionDays":0})"), {"RetentionDays out_of_range InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":-3})"), {"RetentionDays out_of_range InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":18446744073709551615})"),
          {"RetentionDays out_of_range InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":-9223372036854775808})"),
          {"RetentionDays out_of_range InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":7.0})"), {"RetentionDays wrong_type InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":1e3})"), {"RetentionDays wrong_type InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":false})"), {"RetentionDays wrong_type InvalidRetentionDays.Malformed"});
  all_say(with_head(R"(,"RetentionDays":null})"), {});
}

BOOST_AUTO_TEST_CASE(numbers_elsewhere_are_wrong_type) {
  all_say(R"({"regionId":1,"DiskId":"d-1"})", {"regionId wrong_type InvalidParameter"});
  all_say(R"({"regionId":"cn","DiskId":-1.5})", {"DiskId wrong_type InvalidParameter"});
}

BOOST_AUTO_TEST_CASE(tag_array_members_elements_and_range) {
  all_say(with_head(R"(,"Tag":[{"Key":"k","Value":"v"},null,{"key":"k2"}]})"),
          {"Tag.3.key deprecated_name InvalidParameter"});
  all_say(with_head(R"(,"Tag":[{"Key":"k","Other":"x"}]})"), {"Tag.1.Other unknown_parameter InvalidParameter"});
  all_say(with_head(R"(,"Tag":[{},{"Value":"v"}]})"),
          {"Tag.2.Value value_without_key InvalidTagKey.Malformed"});
  all_say(with_head(R"(,"Tag":[true]})"), {"Tag.1.Key wrong_type InvalidTagKey.Malformed"});
  all_say(with_head(R"(,"Tag":{"Key":"k"}})"), {"Tag wrong_type InvalidParameter"});
  all_say(with_head(R"(,"Tag":null})"), {});
  std::string many = with_head(R"(,"Tag":[)");
  for (int i = 0; i < 21; ++i) {
    if (i) many += ",";
    many += R"({"Key":"k)";
    many += std::to_string(i);
    many += R"("})";
  }
  many += "]}";
  all_say(many, {"Tag.21.Key bad_tag_index InvalidTagKey.Malformed"});
}

BOOST_AUTO_TEST_CASE(an_element_and_a_flat_name_are_the_same_parameter) {
  all_say(with_head(R"(,"Tag.1.Key":"a","Tag":[{"Key":"b"}]})"),
          {"Tag.1.Key duplicate_parameter InvalidParameter"});
  all_say(with_head(R"(,"Tag.1.Value":"a","Tag":[{"Key":"b"}]})"), {});
}

BOOST_AUTO_TEST_CASE(the_parameter_limit_counts_pieces) {
  snapcheck::options small;
  small.max_parameters = 4;
  all_say(R"({"regionId":"cn","DiskId":"d","Tag":[{"Key":"a","Value":"b"}]})", {}, false, small);
  all_say(R"({"regionId":"cn","DiskId":"d","Tag":[{"Key":"a","Value":"b"},{"Key":"c"}]})",
          {" too_many_parameters InvalidParameter"}, false, small);
  all_say(R"({"regionId":"cn","DiskId":"d","x":null,"Tag":[null,{"Key":"a","Value":null}],"y":1})",
          {"y unknown_parameter InvalidParameter"}, false, small);  // four: nulls are absent
}

BOOST_AUTO_TEST_CASE(ondemand_reads_an_escaped_group_name) {
  all_say(with_head(R"(,"T\u0061g":[{"Key":"aliyun-x"}]})"), {"Tag.1.Key reserved_prefix InvalidTagKey.Malformed"});
  all_say(with_head(R"(,"Ta\"g":[{"Key":"aliyun-x"}]})"), {"Ta\"g unknown_parameter InvalidParameter"});
}

// On Demand's get_double refuses an exponent of more than 19 digits; the
// adapter reads such a number by its text, as the other libraries' doubles.
BOOST_AUTO_TEST_CASE(numbers_with_long_exponents_agree) {
  const std::string zeros(40, '0');
  const std::vector<std::string> out_of_range = {"RetentionDays out_of_range InvalidRetentionDays.Malformed"};
  const std::vector<std::string> wrong_type = {"RetentionDays wrong_type InvalidRetentionDays.Malformed"};
  const auto days = [&](const std::string& number) { return with_head((",\"RetentionDays\":" + number + "}").c_str()); };
  all_say(days("1e" + zeros + "30"), out_of_range);
  all_say(days("1E+" + zeros + "19"), wrong_type);
  all_say(days("1e" + zeros + "20"), out_of_range);
  all_say(days("-1e" + zeros + "19"), out_of_range);
  all_say(days("-1e" + zeros + "18"), wrong_type);
  all_say(days("1e-" + zeros + "1"), wrong_type);
  all_say(days("0.000e" + zeros + "99"), wrong_type);
  all_say(days("0.00185e" + zeros + "22"), out_of_range);
  all_say(days("0.00184e" + zeros + "22"), wrong_type);
  all_say(days("1e" + zeros + zeros), wrong_type);
  // Either side of where a double rounds to 2^64 (Boost.JSON and RapidJSON
  // round -9223372036854776833 to -2^63, not away from it: no such pair there).
  all_say(days("18446744073709550592e" + zeros), out_of_range);
  all_say(days("18446744073709550591.9e" + zeros), wrong_type);
  all_say(days("-9223372036854776832e" + zeros), wrong_type);
}

// A digit far past the twentieth still decides a tie at the threshold:
// On Demand's reading of the text agrees with simdjson's DOM, which rounds
// correctly (Boost.JSON and RapidJSON do not, there).
BOOST_AUTO_TEST_CASE(a_far_digit_decides_a_tie_at_the_threshold) {
  const std::string zeros(40, '0');
  for (const auto& [number, want] : std::vector<std::pair<std::string, std::string>>{
           {"-9223372036854776832." + zeros + "1e" + zeros, "RetentionDays out_of_range InvalidRetentionDays.Malformed"},
           {"-9223372036854776832." + zeros + "e" + zeros, "RetentionDays wrong_type InvalidRetentionDays.Malformed"}}) {
    const std::string text = with_head((",\"RetentionDays\":" + number + "}").c_str());
    BOOST_TEST_CONTEXT(text) {
      simdjson::dom::parser dp;
      simdjson::dom::element e;
      BOOST_TEST_REQUIRE(!dp.parse(text).get(e));
      BOOST_TEST(summary(snapcheck::json::validate(e)) == std::vector<std::string>{want}, boost::test_tools::per_element());
      simdjson::ondemand::parser op;
      const simdjson::padded_string padded(text);
      simdjson::ondemand::document doc;
      BOOST_TEST_REQUIRE(!op.iterate(padded).get(doc));
      simdjson::error_code error = simdjson::SUCCESS;
      BOOST_TEST(summary(snapcheck::json::validate(doc, {}, &error)) == std::vector<std::string>{want},
                 boost::test_tools::per_element());
      BOOST_TEST(error == simdjson::SUCCESS);
    }
  }
}

BOOST_AUTO_TEST_CASE(ondemand_reports_a_text_malformed_during_the_walk) {
  simdjson::ondemand::parser p;
  for (const std::string text : {R"({"regionId":"cn","DiskId":"d","RetentionDays":01})",
                                 R"({"regionId":"cn","DiskId":"d","RetentionDays":1.e000000000000000000001})",
                                 R"({"regionId":"cn","DiskId":"d","RetentionDays":-e000000000000000000001})",
                                 R"({"regionId":"cn","DiskId":"d","x":tru})",
                                 R"({"regionId":"cn","DiskId":"d\q"})"}) {
    BOOST_TEST_CONTEXT(text) {
      const simdjson::padded_string padded(text);
      simdjson::ondemand::document doc;
      if (p.iterate(padded).get(doc)) continue;  // stage 1 may see it first: fine too
      simdjson::error_code error = simdjson::SUCCESS;
      const snapcheck::result r = snapcheck::json::validate(doc, {}, &error);
      BOOST_TEST(error != simdjson::SUCCESS);
      BOOST_TEST(summary(r) == std::vector<std::string>{" wrong_type InvalidParameter"},
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(ondemand_takes_a_value_or_an_object) {
  simdjson::ondemand::parser p;
  const simdjson::padded_string padded(std::string(R"({"outer":{"regionId":"cn","DiskId":"d","Category":"x"}})"));
  simdjson::ondemand::document doc = p.iterate(padded).value_unsafe();
  simdjson::ondemand::value inner = doc["outer"].value_unsafe();
  BOOST_TEST(summary(snapcheck::json::validate(inner)) ==
                 std::vector<std::string>{"Category not_in_enum InvalidSnapshotCategory.Malformed"},
             boost::test_tools::per_element());
  simdjson::ondemand::document doc2 = p.iterate(padded).value_unsafe();
  simdjson::ondemand::object object = doc2["outer"].get_object().value_unsafe();
  snapcheck::result r;
  BOOST_TEST(snapcheck::json::validate_into(object, r) == simdjson::SUCCESS);
  BOOST_TEST(summary(r).size() == 1u);
}

BOOST_AUTO_TEST_CASE(nlohmann_json_sorted_objects_work_too) {
  const auto j = nlohmann::json::parse(R"({"DiskId":"d-1","regionId":"cn","Category":"x"})");
  BOOST_TEST(summary(snapcheck::json::validate(j)) ==
                 std::vector<std::string>{"Category not_in_enum InvalidSnapshotCategory.Malformed"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

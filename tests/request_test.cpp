// SPEC §2.5: a whole request, its query string and its form body, and the
// parameters a server supplies out of band (the region of a Tea SDK
// request, from its endpoint or its x-acs-regionid header).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

namespace {

namespace sc = snapcheck;
using supplied_pairs = std::vector<std::pair<std::string_view, std::string_view>>;

// "field:code:severity" of every violation, in order.
std::string summary(const sc::result& r) {
  std::string s;
  for (const auto& v : r.violations()) {
    if (!s.empty()) s += ", ";
    s += sc::field_name(v.field) + ":" + std::string(sc::to_string(v.code)) + ":" + std::string(sc::to_string(v.severity));
  }
  return s;
}

const sc::options hardened{.profile = sc::profile::hardened};

}  // namespace

BOOST_AUTO_TEST_SUITE(request)

BOOST_AUTO_TEST_CASE(query_and_body_are_one_sequence) {
  BOOST_TEST(summary(sc::validate_request("regionId=cn", "DiskId=d-1")) == "");
  BOOST_TEST(summary(sc::validate_request("regionId=cn", "DiskId=d-1&regionId=cn-x")) ==
             "regionId:duplicate_parameter:error");
  BOOST_TEST(summary(sc::validate_request("RegionId=cn", "DiskId=d-1&regionId=cn")) ==
             "regionId:duplicate_parameter:warning");
  // An empty query is the body alone.
  const std::string body = "regionId=cn&SnapshotName=1x";
  BOOST_TEST(summary(sc::validate_request("", body)) == summary(sc::validate_form(body)));
}

BOOST_AUTO_TEST_CASE(the_limit_counts_both_parts) {
  std::string query, body;
  for (int i = 0; i < 512; ++i) query += "a=1&";
  for (int i = 0; i < 512; ++i) body += "b=1&";
  const auto at_limit = sc::validate_request(query, body);
  BOOST_TEST(at_limit.found() == 1026u);  // 1024 unknown names, then regionId and DiskId missing
  const std::string one_more = body + "c=1";  // the result views the names in it
  const auto over = sc::validate_request(query, one_more);
  BOOST_TEST(summary(over) == ":too_many_parameters:error");
}

BOOST_AUTO_TEST_CASE(supplied_parameters_fill_what_the_request_lacks) {
  const supplied_pairs region{{"regionId", "cn-hangzhou"}};
  // A Tea SDK request: no region parameter; the server's stands in.
  BOOST_TEST(summary(sc::validate_request("DiskId=d-1&Action=CreateSnapshot", "", region, hardened)) == "");
  // The request's own wins, in either spelling, and is not a duplicate.
  BOOST_TEST(summary(sc::validate_request("RegionId=cn-beijing&DiskId=d-1", "", region, hardened)) == "");
  BOOST_TEST(summary(sc::validate_request("DiskId=d-1", "regionId=CN", region, hardened)) == "regionId:bad_char:error");
  // An empty region parameter is absent (SPEC §1): the supplied one counts.
  BOOST_TEST(summary(sc::validate_request("regionId=&DiskId=d-1", "", region)) == "");
  // Supplied values are checked like any other, under the name as supplied.
  const supplied_pairs bad{{"regionId", "CN_1"}};
  BOOST_TEST(summary(sc::validate_request("DiskId=d-1", "", bad, hardened)) == "regionId:bad_char:error");
  // Without one, the region is missing.
  BOOST_TEST(summary(sc::validate_request("DiskId=d-1", "", supplied_pairs{}, hardened)) == "regionId:missing:error");
}

BOOST_AUTO_TEST_CASE(the_capacity_is_a_template_argument) {
  std::string body;
  for (int i = 0; i < 100; ++i) {
    body += 'x';
    body += std::to_string(i);
    body += "=1&";
  }
  const sc::options keep_all{.max_violations = 1000};
  const auto small = sc::validate_form(body, keep_all);  // 64 kept: the default capacity caps the option
  BOOST_TEST(small.violations().size() == 64u);
  BOOST_TEST(small.truncated());
  const auto large = sc::validate_form<sc::apis::create_snapshot, 256>(body, keep_all);
  BOOST_TEST(large.violations().size() == 102u);  // 100 unknown names, regionId and DiskId missing
  BOOST_TEST(!large.truncated());
  static_assert(decltype(large)::capacity() == 256u);
}

BOOST_AUTO_TEST_CASE(supplied_parameters_work_at_compile_time) {
  static constexpr std::pair<std::string_view, std::string_view> region[] = {{"regionId", "cn"}};
  static_assert(sc::validate_request("DiskId=d-1", "", region).ok());
  static_assert(!sc::validate_request("", "", region).ok());  // DiskId is still missing
}

BOOST_AUTO_TEST_SUITE_END()

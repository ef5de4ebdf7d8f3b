// HTTP responses from a result (SPEC §7): status, success body, the failure
// body in the page's shape and the public API's, RFC 9457 problem details,
// the buffer writer and its size query, and the std::string helpers.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include <snapcheck/strings.hpp>

#include "support/mini_json.hpp"

namespace {

using namespace std::string_view_literals;

// A compile-time rendering: the page's failure body of "DiskId=d".
struct fixed_text {
  char data[160] = {};
  std::size_t size = 0;
};
constexpr fixed_text constexpr_failure = [] {
  fixed_text t;
  const auto r = snapcheck::validate_form("DiskId=d");
  t.size = snapcheck::render_into(t.data, sizeof t.data, [&](auto& out) { snapcheck::write_failure_body(r, out); });
  return t;
}();
static_assert(std::string_view(constexpr_failure.data, constexpr_failure.size) ==
              R"({"resultCode":-1,"resultMsg":"MissingParameter: regionId is required and must not be empty","result":null})");
static_assert(snapcheck::http_status(snapcheck::validate_form("regionId=cn&DiskId=d")) == 200);
static_assert(snapcheck::http_status(snapcheck::validate_form("DiskId=d")) == 400);

}  // namespace

BOOST_AUTO_TEST_SUITE(render)
BOOST_AUTO_TEST_SUITE(responses)

BOOST_AUTO_TEST_CASE(status_is_200_when_ok_and_400_for_every_failure) {
  BOOST_TEST(snapcheck::http_status(snapcheck::validate_form("regionId=cn&DiskId=d")) == 200);
  // Warnings only: still ok.
  BOOST_TEST(snapcheck::http_status(snapcheck::validate_form("regionId=cn&DiskId=d&Zzz=1&Tag.1.key=k")) == 200);
  for (const char* bad : {"DiskId=d", "regionId=cn&DiskId=d&Category=x", "regionId=cn&DiskId=d&Tag.0.Key=k",
                          "regionId=cn&DiskId=d&Description=%zz", "regionId=cn&DiskId=d&DiskId=e"})
    BOOST_TEST(snapcheck::http_status(snapcheck::validate_form(bad)) == 400, bad);
}

BOOST_AUTO_TEST_CASE(success_body_is_the_pages) {
  BOOST_TEST(snapcheck::success_body("1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC") ==
             R"({"RequestID":"1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC"})");
}

BOOST_AUTO_TEST_CASE(caller_ids_are_escaped_and_sanitised) {
  const std::string id = std::string("a\"b\\c\n\x01") + "\xFF" + "\xE4\xB8\xAD";
  const std::string body = snapcheck::success_body(id);
  const auto j = mini_json::parse(body);
  BOOST_TEST(j.at("RequestID").str() == "a\"b\\c\n\x01\xEF\xBF\xBD\xE4\xB8\xAD");
  const auto r = snapcheck::validate_form("DiskId=d");
  const auto p = mini_json::parse(snapcheck::public_failure_body(r, id, "host\xC0"));
  BOOST_TEST(p.at("RequestId").str() == "a\"b\\c\n\x01\xEF\xBF\xBD\xE4\xB8\xAD");
  BOOST_TEST(p.at("HostId").str() == "host\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(page_failure_reports_the_first_error) {
  const auto r = snapcheck::validate_form("DiskId=d&SnapshotName=a");
  BOOST_TEST(snapcheck::failure_body(r) ==
             R"({"resultCode":-1,"resultMsg":"InvalidSnapshotName.Malformed: SnapshotName must be at least 2 )"
             R"j(characters long (it has 1)","result":null})j");
}

BOOST_AUTO_TEST_CASE(an_earlier_warning_is_passed_over_for_the_first_error) {
  const auto r = snapcheck::validate_form("regionId=cn&DiskId=d&Zzz=1&Category=x");
  BOOST_TEST(!r.violations()[0].is_error());
  const auto j = mini_json::parse(snapcheck::failure_body(r));
  BOOST_TEST(j.at("resultCode").as_int() == -1);
  BOOST_TEST(j.at("result").is(mini_json::value::kind::null));
  BOOST_TEST(j.at("resultMsg").str() == "InvalidSnapshotCategory.Malformed: Category must be 'Standard' or 'Flash'");
}

BOOST_AUTO_TEST_CASE(without_an_error_the_first_warning_is_reported) {
  const auto r = snapcheck::validate_form("regionId=cn&DiskId=d&Tag.1.key=k&Zzz=1");
  const auto j = mini_json::parse(snapcheck::failure_body(r));
  BOOST_TEST(j.at("resultMsg").str() == "InvalidParameter: Tag.1.key is a deprecated spelling of Tag.1.Key");
}

BOOST_AUTO_TEST_CASE(public_api_shape) {
  const auto r = snapcheck::validate_form("regionId=cn&DiskId=d&RetentionDays=0");
  BOOST_TEST(snapcheck::public_failure_body(r, "req-1", "ecs.example") ==
             R"({"RequestId":"req-1","HostId":"ecs.example","Code":"InvalidRetentionDays.Malformed",)"
             R"("Message":"RetentionDays must be from 1 to 65536"})");
}

BOOST_AUTO_TEST_CASE(problem_details_list_every_violation_as_the_cli_does) {
  const auto r = snapcheck::validate_form("SnapshotName=1&Zzz=2&Category=x");
  const std::string body = snapcheck::problem_details(r);
  const auto j = mini_json::parse(body);
  BOOST_TEST(j.at("type").str() == "about:blank");
  BOOST_TEST(j.at("title").str() == "Bad Request");
  BOOST_TEST(j.at("status").as_int() == 400);
  BOOST_TEST(j.find("instance") == nullptr);
  BOOST_TEST(j.at("truncated").as_bool() == false);
  const auto& errors = j.at("errors").items;
  BOOST_TEST_REQUIRE(errors.size() == r.violations().size());
  BOOST_TEST(r.found() >= 5u);
  // detail: the first error, and how many more there are.
  BOOST_TEST(j.at("detail").str() == "InvalidSnapshotName.Malformed: SnapshotName must be at least 2 characters "
                                     "long (it has 1) (and " + std::to_string(r.found() - 1) + " more violations)");
  // Each element is exactly the CLI's object for that violation.
  const auto cli = mini_json::parse(snapcheck::to_json(r)).at("violations").items;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    BOOST_TEST(errors[i].keys == cli[i].keys);
    for (const auto& k : cli[i].keys) {
      const auto& a = errors[i].at(k);
      const auto& b = cli[i].at(k);
      BOOST_TEST((a.type == b.type && a.text == b.text && a.integer == b.integer), k);
    }
  }
  BOOST_TEST(body.find(R"("errors":[{"field":"SnapshotName","code":"too_short")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(problem_details_take_the_callers_type_title_and_instance) {
  snapcheck::problem_fields p;
  p.type = "https://example.com/problems/invalid-request";
  p.title = "Your request parameters didn't validate.";
  p.instance = "/apsara/route/Ecs/CreateSnapshot";
  const auto j = mini_json::parse(snapcheck::problem_details(snapcheck::validate_form("DiskId=d"), p));
  BOOST_TEST(j.at("type").str() == p.type);
  BOOST_TEST(j.at("title").str() == p.title);
  BOOST_TEST(j.at("instance").str() == p.instance);
  BOOST_TEST(j.at("detail").str() == "MissingParameter: regionId is required and must not be empty");
}

BOOST_AUTO_TEST_CASE(truncated_problem_details_say_so) {
  std::string body = "DiskId=d";
  for (int i = 0; i < 70; ++i) body += "&x=1";
  const auto r = snapcheck::validate_form(body);
  const auto j = mini_json::parse(snapcheck::problem_details(r));
  BOOST_TEST(j.at("truncated").as_bool());
  BOOST_TEST(j.at("errors").items.size() == 64u);
  BOOST_TEST(j.at("detail").str().ends_with("(and 70 more violations)"));
}

BOOST_AUTO_TEST_CASE(hostile_names_stay_valid_json_and_one_line) {
  const std::string body = std::string("x%0D%0A%1B%5B2J%E2%80%AE=1&a%22b%5C\xFF=2&Category=%G0");
  const auto r = snapcheck::validate_form(body);
  for (const std::string& out :
       {snapcheck::failure_body(r), snapcheck::public_failure_body(r, "i", "h"), snapcheck::problem_details(r)}) {
    BOOST_TEST(out.find('\n') == std::string::npos);
    BOOST_TEST(out.find('\r') == std::string::npos);
    BOOST_CHECK_NO_THROW(mini_json::parse(out));
  }
  const auto j = mini_json::parse(snapcheck::problem_details(r));
  const auto& first = j.at("errors").items.at(0);
  BOOST_TEST(first.at("field").str() == "x\r\n\x1B[2J\xE2\x80\xAE");  // the name as given
  BOOST_TEST(first.at("message").str().starts_with("x\\u{000D}\\u{000A}\\u{001B}[2J\\u{202E} is not"));
  // The first error is the name with the invalid byte.
  const auto page = mini_json::parse(snapcheck::failure_body(r));
  BOOST_TEST(page.at("resultMsg").str() == "InvalidParameter: a\"b\\\xEF\xBF\xBD (a parameter name) is not valid "
                                           "UTF-8 (at byte 5)");
}

BOOST_AUTO_TEST_CASE(response_body_picks_success_or_the_shape) {
  snapcheck::response_info info;
  info.request_id = "r-9";
  info.host_id = "h";
  const auto ok = snapcheck::validate_form("regionId=cn&DiskId=d&Zzz=1");
  const auto bad = snapcheck::validate_form("DiskId=d");
  for (const auto shape :
       {snapcheck::response_shape::page, snapcheck::response_shape::public_api, snapcheck::response_shape::problem}) {
    info.shape = shape;
    BOOST_TEST(snapcheck::response_body(ok, info) == R"({"RequestID":"r-9"})");
    BOOST_TEST(snapcheck::content_type(shape, true) == "application/json");
  }
  info.shape = snapcheck::response_shape::page;
  BOOST_TEST(snapcheck::response_body(bad, info) == snapcheck::failure_body(bad));
  BOOST_TEST(snapcheck::content_type(info.shape) == "application/json");
  info.shape = snapcheck::response_shape::public_api;
  BOOST_TEST(snapcheck::response_body(bad, info) == snapcheck::public_failure_body(bad, "r-9", "h"));
  info.shape = snapcheck::response_shape::problem;
  BOOST_TEST(snapcheck::response_body(bad, info) == snapcheck::problem_details(bad));
  BOOST_TEST(snapcheck::content_type(info.shape) == "application/problem+json");
}

BOOST_AUTO_TEST_CASE(nothing_kept_still_gives_a_valid_body) {
  snapcheck::options opt;
  opt.max_violations = 0;
  const auto r = snapcheck::validate_form("DiskId=d", opt);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.violations().size() == 0u);
  BOOST_TEST(snapcheck::failure_body(r) ==
             R"({"resultCode":-1,"resultMsg":"InvalidParameter: the request is not valid","result":null})");
  const auto j = mini_json::parse(snapcheck::problem_details(r));
  BOOST_TEST(j.at("truncated").as_bool());
  BOOST_TEST(j.at("errors").items.empty());
  BOOST_TEST(j.at("detail").str() == "InvalidParameter: the request is not valid (1 violation found, none kept)");
}

BOOST_AUTO_TEST_CASE(buffer_output_size_query_and_short_buffers) {
  const auto r = snapcheck::validate_form("regionId=cn&DiskId=d&SnapshotName=a&Category=x");
  const std::string want = snapcheck::problem_details(r);
  const auto write = [&](auto& out) { snapcheck::write_problem_details(r, out); };
  BOOST_TEST(snapcheck::render_into(nullptr, 0, write) == want.size());
  std::string exact(want.size(), '#');
  BOOST_TEST(snapcheck::render_into(exact.data(), exact.size(), write) == want.size());
  BOOST_TEST(exact == want);
  // A short buffer gets the start, nothing past its end, and the full size.
  std::string small(40 + 8, '#');
  BOOST_TEST(snapcheck::render_into(small.data(), 40, write) == want.size());
  BOOST_TEST(small.substr(0, 40) == want.substr(0, 40));
  BOOST_TEST(small.substr(40) == "########");
  snapcheck::buffer_out out(small.data(), 40);
  write(out);
  BOOST_TEST(!out.fits());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

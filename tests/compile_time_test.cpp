// Validation in constant expressions (SPEC §9: "works at compile time").
// Every check below is a static_assert: this file does not build if one
// fails. The run-time case at the end validates the same bodies again and
// compares with what the compiler computed, so the suite shows in the log.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

namespace {

using snapcheck::code;
using snapcheck::severity;

// SPEC §9, verbatim.
static_assert(snapcheck::validate_form("regionId=cn&DiskId=d-1").ok());

// What a test looks at in a result: its verdict, how many violations, and
// the first one (field name as given, code, severity, api_code, numbers).
struct first_violation {
  bool ok = true;
  std::size_t count = 0;
  std::array<char, 48> field_buf{};
  std::size_t field_size = 0;
  code c{};
  severity s{};
  std::string_view api_code{};
  snapcheck::optional<std::size_t> at{};
  snapcheck::optional<std::size_t> length{};
  snapcheck::optional<std::uint64_t> limit{};

  constexpr std::string_view field() const { return {field_buf.data(), field_size}; }
  constexpr bool operator==(const first_violation& o) const {
    return ok == o.ok && count == o.count && field() == o.field() && c == o.c && s == o.s &&
           api_code == o.api_code && at == o.at && length == o.length && limit == o.limit;
  }
};

template <std::size_t N>
constexpr first_violation first_of(const snapcheck::basic_result<N>& r) {
  first_violation f;
  f.ok = r.ok();
  f.count = r.violations().size();
  if (r.violations().empty()) return f;
  const snapcheck::violation& v = r.violations()[0];
  // write_field is constexpr: render the name into a fixed buffer.
  snapcheck::write_field(v.field, [&](std::string_view part) {
    for (char ch : part)
      if (f.field_size < f.field_buf.size()) f.field_buf[f.field_size++] = ch;
  });
  f.c = v.code;
  f.s = v.severity;
  f.api_code = v.api_code;
  f.at = v.at;
  f.length = v.length;
  f.limit = v.limit;
  return f;
}

constexpr snapcheck::options documented{};
constexpr std::array<snapcheck::string_view, 1> allowed{"X-Gateway-Id"};
constexpr snapcheck::options hardened{.profile = snapcheck::profile::hardened, .allow = allowed};

constexpr first_violation first(std::string_view body, const snapcheck::options& opt = documented) {
  return first_of(snapcheck::validate_form(body, opt));
}

// Builds a first_violation expectation from literals.
constexpr first_violation expect(bool ok, std::size_t count, std::string_view field, code c, severity s,
                                 std::string_view api_code, snapcheck::optional<std::size_t> at = {},
                                 snapcheck::optional<std::size_t> length = {},
                                 snapcheck::optional<std::uint64_t> limit = {}) {
  first_violation f;
  f.ok = ok;
  f.count = count;
  for (char ch : field) f.field_buf[f.field_size++] = ch;
  f.c = c;
  f.s = s;
  f.api_code = api_code;
  f.at = at;
  f.length = length;
  f.limit = limit;
  return f;
}
constexpr first_violation clean() { return first_violation{}; }

[[maybe_unused]] std::ostream& operator<<(std::ostream& os, const first_violation& f) {
  os << "{ok=" << f.ok << " count=" << f.count << " field=" << f.field() << " code=" << snapcheck::to_string(f.c)
     << " severity=" << snapcheck::to_string(f.s) << " api_code=" << f.api_code;
  if (f.at) os << " at=" << *f.at;
  if (f.length) os << " length=" << *f.length;
  if (f.limit) os << " limit=" << *f.limit;
  return os << "}";
}

constexpr auto E = severity::error;
constexpr auto W = severity::warning;

// A body of 129 Chinese characters (U+4E00, three bytes each) as SnapshotName.
constexpr auto long_han_name = [] {
  constexpr std::string_view head = "regionId=cn&DiskId=d-1&SnapshotName=";
  std::array<char, head.size() + 129 * 9> b{};
  std::size_t n = 0;
  for (char ch : head) b[n++] = ch;
  for (int i = 0; i < 129; ++i)
    for (char ch : std::string_view("%E4%B8%80")) b[n++] = ch;
  return b;
}();
constexpr std::string_view long_han_body{long_han_name.data(), long_han_name.size()};

// One row per body: the profile and what SPEC says the first violation is.
struct row {
  std::string_view body;
  const snapcheck::options* opt;
  first_violation want;
};

constexpr row rows[] = {
    // 0: §4 required
    {"", &documented, expect(false, 2, "regionId", code::missing, E, "MissingParameter")},
    {"regionId=cn&DiskId=", &documented, expect(false, 1, "DiskId", code::missing, E, "MissingParameter")},
    // 2: length, counted in characters
    {"regionId=cn&DiskId=d-1&SnapshotName=a", &documented,
     expect(false, 1, "SnapshotName", code::too_short, E, "InvalidSnapshotName.Malformed", {}, 1u, 2u)},
    {long_han_body, &documented,
     expect(false, 1, "SnapshotName", code::too_long, E, "InvalidSnapshotName.Malformed", {}, 129u, 128u)},
    // 4: first character, later characters
    {"regionId=cn&DiskId=d-1&SnapshotName=1ab", &documented,
     expect(false, 1, "SnapshotName", code::bad_start, E, "InvalidSnapshotName.Malformed", 0u)},
    {"regionId=cn&DiskId=d-1&SnapshotName=ab+c", &documented,
     expect(false, 1, "SnapshotName", code::bad_char, E, "InvalidSnapshotName.Malformed", 2u)},
    // 6: prefixes: case-sensitive 'auto', case-insensitive links
    {"regionId=cn&DiskId=d-1&SnapshotName=autoX", &documented,
     expect(false, 1, "SnapshotName", code::reserved_prefix, E, "InvalidSnapshotName.Malformed")},
    {"regionId=cn&DiskId=d-1&Description=HTTPS://x", &documented,
     expect(false, 1, "Description", code::reserved_prefix, E, "InvalidDescription.Malformed")},
    // 8: substring
    {"regionId=cn&DiskId=d-1&Tag.1.Key=a-hTtP://b", &documented,
     expect(false, 1, "Tag.1.Key", code::forbidden_substring, E, "InvalidTagKey.Malformed", 2u)},
    // 9: enum
    {"regionId=cn&DiskId=d-1&Category=flash", &documented,
     expect(false, 1, "Category", code::not_in_enum, E, "InvalidSnapshotCategory.Malformed")},
    // 10: integer
    {"regionId=cn&DiskId=d-1&RetentionDays=0", &documented,
     expect(false, 1, "RetentionDays", code::out_of_range, E, "InvalidRetentionDays.Malformed", {}, {}, 1u)},
    {"regionId=cn&DiskId=d-1&RetentionDays=000000000000000000000000065537", &documented,
     expect(false, 1, "RetentionDays", code::out_of_range, E, "InvalidRetentionDays.Malformed", {}, {}, 65536u)},
    {"regionId=cn&DiskId=d-1&RetentionDays=%2B1", &documented,
     expect(false, 1, "RetentionDays", code::not_integer, E, "InvalidRetentionDays.Malformed")},
    // 13: ASCII only
    {"regionId=cn&DiskId=d-1&ClientToken=ab%C3%A9", &documented,
     expect(false, 1, "ClientToken", code::bad_char, E, "InvalidClientToken.Malformed", 2u)},
    // 14: cross-field
    {"regionId=cn&DiskId=d-1&Tag.3.Value=v", &documented,
     expect(false, 1, "Tag.3.Value", code::value_without_key, E, "InvalidTagKey.Malformed")},
    {"regionId=cn&DiskId=d-1&Tag.1.Key=k&Tag.7.Key=k", &documented,
     expect(false, 1, "Tag.7.Key", code::duplicate_tag_key, E, "Duplicate.TagKey")},
    // 16: names
    {"regionId=cn&DiskId=d-1&Tag.01.Key=k", &documented,
     expect(false, 1, "Tag.01.Key", code::bad_tag_index, E, "InvalidTagKey.Malformed")},
    {"regionId=cn&DiskId=d-1&Tag.2.value=v&Tag.2.Key=k", &documented,
     expect(true, 1, "Tag.2.value", code::deprecated_name, W, "InvalidParameter")},
    {"regionId=cn&DiskId=d-1&regionId=cn-x", &documented,
     expect(false, 1, "regionId", code::duplicate_parameter, E, "InvalidParameter")},
    {"RegionId=cn&DiskId=d-1&regionId=cn", &documented,  // the SDK's spelling, then the page's: same value
     expect(true, 1, "regionId", code::duplicate_parameter, W, "InvalidParameter")},
    // 20: encoding and UTF-8
    {"regionId=cn&DiskId=d-1&Description=ab%zz", &documented,
     expect(false, 1, "Description", code::bad_encoding, E, "InvalidDescription.Malformed")},
    {"regionId=cn&DiskId=d-1&Description=ab%C3", &documented,
     expect(false, 1, "Description", code::invalid_utf8, E, "InvalidDescription.Malformed", 2u)},
    // 22: hardened
    {"regionId=cn&DiskId=d-1&Timestamp=1", &hardened,
     expect(false, 1, "Timestamp", code::bad_format, E, "InvalidParameter")},
    {"regionId=cn&DiskId=d-1&X-Gateway-Id=1&Trace=1", &hardened,  // allowed: nothing; unknown: an error
     expect(false, 1, "Trace", code::unknown_parameter, E, "InvalidParameter")},
    {"regionId=CN&DiskId=d-1", &hardened, expect(false, 1, "regionId", code::bad_char, E, "InvalidParameter", 0u)},
    {"regionId=cn&DiskId=d-1&version=2023-02-29", &hardened,
     expect(false, 1, "version", code::bad_format, E, "InvalidParameter")},
    {"regionId=cn&DiskId=d-1&Description=ab%E2%80%AEcd", &hardened,
     expect(false, 1, "Description", code::bad_char, E, "InvalidDescription.Malformed", 2u)},
    {"regionId=cn&DiskId=d-1&version=2023-02-29&Description=ab%E2%80%AEcd", &documented, clean()},
    {"regionId=cn&DiskId=d-1&ClientToken=a+b", &hardened,
     expect(false, 1, "ClientToken", code::bad_char, E, "InvalidClientToken.Malformed", 1u)},
};

constexpr bool row_matches(std::size_t i) { return first(rows[i].body, *rows[i].opt) == rows[i].want; }

// One static_assert per row, so that a failing one names its line.
static_assert(row_matches(0));
static_assert(row_matches(1));
static_assert(row_matches(2));
static_assert(row_matches(3));
static_assert(row_matches(4));
static_assert(row_matches(5));
static_assert(row_matches(6));
static_assert(row_matches(7));
static_assert(row_matches(8));
static_assert(row_matches(9));
static_assert(row_matches(10));
static_assert(row_matches(11));
static_assert(row_matches(12));
static_assert(row_matches(13));
static_assert(row_matches(14));
static_assert(row_matches(15));
static_assert(row_matches(16));
static_assert(row_matches(17));
static_assert(row_matches(18));
static_assert(row_matches(19));
static_assert(row_matches(20));
static_assert(row_matches(21));
static_assert(row_matches(22));
static_assert(row_matches(23));
static_assert(row_matches(24));
static_assert(row_matches(25));
static_assert(row_matches(26));
static_assert(row_matches(27));
static_assert(row_matches(28));
static_assert(std::size(rows) == 29);

// A few direct checks, written the way users would.
static_assert(!snapcheck::validate_form("").ok());
// violations() needs a result that outlives the span (it is deleted on a
// temporary result), hence the constexpr variables.
constexpr snapcheck::result empty_body = snapcheck::validate_form("");
static_assert(empty_body.violations().size() == 2);
constexpr snapcheck::result flash = snapcheck::validate_form("regionId=cn&DiskId=d-1&Category=flash");
static_assert(flash.violations()[0].suggested_value == "Flash");
static_assert(snapcheck::validate_form("regionid=cn&regionId=cn&DiskId=d-1").ok());  // unknown is a warning
static_assert(!snapcheck::validate_form("regionid=cn&regionId=cn&DiskId=d-1", hardened).ok());
static_assert(snapcheck::validate_request("RegionId=cn&Action=CreateSnapshot", "DiskId=d-1", hardened).ok());

// The options' caps, in a constant expression.
constexpr snapcheck::options two_params{.max_parameters = 2};
static_assert(first("a&b&c", two_params) ==
              expect(false, 1, "", code::too_many_parameters, E, "InvalidParameter", {}, {}, 2u));
static_assert(first("a&&b&", two_params) == expect(false, 4, "a", code::unknown_parameter, W, "InvalidParameter"));
constexpr snapcheck::options keep_one{.max_violations = 1};
static_assert(snapcheck::validate_form("", keep_one).truncated());
static_assert(snapcheck::validate_form("", keep_one).found() == 2);
static_assert(!snapcheck::validate_form("", keep_one).ok());

// validate_params over a constexpr array of string_view pairs.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> params{
    {{"regionId", "cn"}, {"DiskId", "d-1"}, {"SnapshotName", "ab%41"}, {"Tag.1.Key", "acs:x"}}};
constexpr auto params_result = snapcheck::validate_params(params);
static_assert(!params_result.ok());
static_assert(params_result.violations().size() == 2);
static_assert(params_result.violations()[0].code == code::bad_char);  // '%' taken as is
static_assert(params_result.violations()[0].at == 2u);
static_assert(params_result.violations()[1].code == code::reserved_prefix);
static_assert(params_result.violations()[1].api_code == "InvalidTagKey.Malformed");
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> good_params{
    {{"regionId", "cn"}, {"DiskId", "d-1"}}};
static_assert(snapcheck::validate_params(good_params).ok());
static_assert(snapcheck::validate_params(good_params, hardened).ok());

// to_string: the spelling is part of the contract.
static_assert(snapcheck::to_string(code::missing) == "missing");
static_assert(snapcheck::to_string(code::unknown_parameter) == "unknown_parameter");
static_assert(snapcheck::to_string(code::deprecated_name) == "deprecated_name");
static_assert(snapcheck::to_string(code::duplicate_parameter) == "duplicate_parameter");
static_assert(snapcheck::to_string(code::too_many_parameters) == "too_many_parameters");
static_assert(snapcheck::to_string(code::bad_encoding) == "bad_encoding");
static_assert(snapcheck::to_string(code::invalid_utf8) == "invalid_utf8");
static_assert(snapcheck::to_string(code::bad_tag_index) == "bad_tag_index");
static_assert(snapcheck::to_string(code::too_short) == "too_short");
static_assert(snapcheck::to_string(code::too_long) == "too_long");
static_assert(snapcheck::to_string(code::bad_start) == "bad_start");
static_assert(snapcheck::to_string(code::bad_char) == "bad_char");
static_assert(snapcheck::to_string(code::reserved_prefix) == "reserved_prefix");
static_assert(snapcheck::to_string(code::forbidden_substring) == "forbidden_substring");
static_assert(snapcheck::to_string(code::not_in_enum) == "not_in_enum");
static_assert(snapcheck::to_string(code::not_integer) == "not_integer");
static_assert(snapcheck::to_string(code::out_of_range) == "out_of_range");
static_assert(snapcheck::to_string(code::bad_format) == "bad_format");
static_assert(snapcheck::to_string(code::value_without_key) == "value_without_key");
static_assert(snapcheck::to_string(code::duplicate_tag_key) == "duplicate_tag_key");
static_assert(snapcheck::to_string(code::wrong_type) == "wrong_type");
static_assert(snapcheck::to_string(severity::error) == "error");
static_assert(snapcheck::to_string(severity::warning) == "warning");
constexpr snapcheck::result no_disk = snapcheck::validate_form("regionId=cn");
static_assert(snapcheck::to_string(no_disk.violations()[0].code) == "missing");

// What the compiler computed, kept for the run-time comparison below.
constexpr auto at_compile_time = [] {
  std::array<first_violation, std::size(rows)> out{};
  for (std::size_t i = 0; i < std::size(rows); ++i) out[i] = first(rows[i].body, *rows[i].opt);
  return out;
}();

}  // namespace

BOOST_AUTO_TEST_SUITE(compile_time)

BOOST_AUTO_TEST_CASE(run_time_agrees_with_compile_time) {
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    BOOST_TEST_CONTEXT("row " << i << ": " << rows[i].body.substr(0, 80)) {
      // volatile: keep the compiler from folding the run-time call.
      volatile std::size_t index = i;
      const row& r = rows[index];
      const first_violation now = first(r.body, *r.opt);
      BOOST_TEST(now == at_compile_time[i]);
      BOOST_TEST(now == r.want);
      BOOST_TEST(now.field() == r.want.field());
      BOOST_TEST(snapcheck::to_string(now.c) == snapcheck::to_string(r.want.c));
    }
  }
}

BOOST_AUTO_TEST_CASE(params_at_run_time_agree) {
  const auto now = snapcheck::validate_params(params);
  BOOST_TEST((first_of(now) == first_of(params_result)));
  BOOST_TEST(now.violations().size() == params_result.violations().size());
  BOOST_TEST(snapcheck::field_name(now.violations()[1].field) == "Tag.1.Key");
}

BOOST_AUTO_TEST_CASE(spec_9_line_at_run_time) {
  const std::string_view body = "regionId=cn&DiskId=d-1";
  BOOST_TEST(snapcheck::validate_form(body).ok());
  const auto r = snapcheck::validate_form(body);
  BOOST_TEST(r.violations().empty());
}

BOOST_AUTO_TEST_SUITE_END()

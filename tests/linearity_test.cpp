// Linear time whatever the input (DESIGN: "Linear time in the input, whatever
// the input; no regex engine"). Each case builds one worst-case shape at
// 10 KiB and at 1 MiB, checks what SPEC says the result is, and asserts that
// the 1 MiB body takes less than 200 times as long as the 10 KiB one (linear
// would be about 102 times).
//
// Timing: std::chrono::steady_clock, the best of several runs at each size,
// interleaved (a burst of small runs, then one large run, several rounds) so
// that both sizes see the same machine load; a ratio over the bound is
// measured again up to three times before it fails (a 1 MiB run lasts a few
// milliseconds: long enough to be preempted on a busy machine). Under AddressSanitizer the
// inputs still run (once each) but the ratio is not asserted: the
// sanitizer's costs are not the library's.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include <snapcheck/snapcheck.hpp>

#if defined(__SANITIZE_ADDRESS__)
#define SNAPCHECK_LINEARITY_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define SNAPCHECK_LINEARITY_SANITIZED 1
#endif
#endif
#ifndef SNAPCHECK_LINEARITY_SANITIZED
#define SNAPCHECK_LINEARITY_SANITIZED 0
#endif

namespace {

using snapcheck::code;

constexpr std::size_t small_size = 10 * 1024;
constexpr std::size_t large_size = 1024 * 1024;
constexpr double max_ratio = 200.0;
constexpr bool assert_ratio = SNAPCHECK_LINEARITY_SANITIZED == 0;

// Options that let every parameter through, for the shapes with many.
snapcheck::options unlimited() {
  snapcheck::options opt;
  opt.max_parameters = std::numeric_limits<std::size_t>::max();
  return opt;
}

// head, then piece repeated, cut to exactly size bytes.
std::string repeat_to(std::string_view head, std::string_view piece, std::size_t size) {
  std::string s(head);
  while (s.size() < size) s.append(piece);
  s.resize(size);
  return s;
}

// head, then whole pieces while they fit, then '&' up to exactly size bytes
// (empty segments: skipped, SPEC §2.2), so that no piece is cut.
std::string whole_pieces_to(std::string_view head, std::string_view piece, std::size_t size) {
  std::string s(head);
  while (s.size() + piece.size() <= size) s.append(piece);
  s.append(size - s.size(), '&');
  return s;
}

double seconds_of(const std::string& body, const snapcheck::options& opt) {
  const auto start = std::chrono::steady_clock::now();
  const snapcheck::result r = snapcheck::validate_form(body, opt);
  const auto stop = std::chrono::steady_clock::now();
  // Use the result, so that the call cannot be dropped.
  static volatile std::size_t sink = 0;
  sink = sink + r.found();
  return std::chrono::duration<double>(stop - start).count();
}

struct timing {
  double small = 0;
  double large = 0;
  [[nodiscard]] double ratio() const { return large / small; }
};

// Best of several interleaved runs at each size.
timing measure(const std::string& small, const std::string& large, const snapcheck::options& opt) {
  constexpr int rounds = assert_ratio ? 15 : 1;
  constexpr int small_runs = assert_ratio ? 40 : 1;
  timing best{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  (void)seconds_of(small, opt);  // warm up
  (void)seconds_of(large, opt);
  for (int round = 0; round < rounds; ++round) {
    for (int i = 0; i < small_runs; ++i) best.small = std::min(best.small, seconds_of(small, opt));
    best.large = std::min(best.large, seconds_of(large, opt));
  }
  return best;
}

// Measures a shape and asserts the bound (measuring again, up to three
// times, a ratio over it: one noisy moment must not fail the suite).
void check_linear(const char* shape, std::string (*make)(std::size_t), const snapcheck::options& opt) {
  const std::string small = make(small_size);
  const std::string large = make(large_size);
  BOOST_TEST_REQUIRE(small.size() == small_size);
  BOOST_TEST_REQUIRE(large.size() == large_size);
  timing t = measure(small, large, opt);
  for (int again = 0; again < 3 && assert_ratio && t.ratio() >= max_ratio; ++again) {
    const timing u = measure(small, large, opt);
    if (u.ratio() < t.ratio()) t = u;
  }
  BOOST_TEST_MESSAGE("linearity " << shape << ": 10 KiB " << t.small * 1e6 << " us, 1 MiB " << t.large * 1e6
                                  << " us, ratio " << t.ratio());
  if (assert_ratio) {
    BOOST_TEST(t.ratio() < max_ratio, shape << ": 1 MiB took " << t.ratio() << " times as long as 10 KiB");
  }
}

// ---------------------------------------------------------------- shapes

std::string all_percent(std::size_t n) { return std::string(n, '%'); }
std::string all_ampersand(std::size_t n) { return std::string(n, '&'); }
std::string equals_storm(std::size_t n) { return std::string(n, '='); }

std::string long_retention_days(std::size_t n) {
  return repeat_to("regionId=cn&DiskId=d-1&RetentionDays=", "9876543210", n);
}

// Unknown names, some close to known ones (suggestions are computed for the
// ones the result keeps). 44 bytes for 5 names: about 119 000 at 1 MiB.
std::string unknown_names(std::size_t n) {
  return whole_pieces_to("regionId=cn&DiskId=d-1&", "Regionid=v&Tag.1.Kex=&diskid=1&Foo=x&Sig=s&", n);
}

// One SnapshotName value of raw UTF-8 Chinese text, BMP and astral.
// "中" is 3 bytes, "𠀀" (U+20000) 4 bytes: 7 bytes, 2 characters.
std::string chinese_value(std::size_t n) {
  return whole_pieces_to("regionId=cn&DiskId=d-1&SnapshotName=", "\xE4\xB8\xAD\xF0\xA0\x80\x80", n);
}

// Tag.1 to Tag.20, each key 128 characters (all the same key) and each
// value 128 Chinese characters (percent-encoded), the 40 parameters repeated
// in turn while they fit, then '&' up to exactly n bytes.
std::string tags_at_max(std::size_t n) {
  std::string value;
  for (int i = 0; i < 128; ++i) value += "%E4%B8%AD";
  std::string segments[40];
  for (int t = 1; t <= 20; ++t) {
    segments[2 * (t - 1)] = "Tag." + std::to_string(t) + ".Key=" + std::string(128, 'k') + "&";
    segments[2 * (t - 1) + 1] = "Tag." + std::to_string(t) + ".Value=" + value + "&";
  }
  std::string s = "regionId=cn&DiskId=d-1&";
  for (std::size_t i = 0; s.size() + segments[i % 40].size() <= n; ++i) s += segments[i % 40];
  s.append(n - s.size(), '&');
  return s;
}

// Counts how many violations with this code a full validation finds.
std::size_t count_code(const snapcheck::result& r, code c) {
  return static_cast<std::size_t>(std::count_if(r.violations().begin(), r.violations().end(),
                                                [&](const snapcheck::violation& v) { return v.code == c; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(linearity)

// A body of '%' only: one parameter whose name is badly encoded (SPEC §2.2),
// then regionId and DiskId missing.
BOOST_AUTO_TEST_CASE(all_percent_signs) {
  const std::string r_body = all_percent(small_size);  // the result refers to it
  const auto r = snapcheck::validate_form(r_body);
  BOOST_TEST(r.found() == 3u);
  BOOST_TEST(count_code(r, code::bad_encoding) == 1u);
  BOOST_TEST(count_code(r, code::missing) == 2u);
  check_linear("all '%'", all_percent, {});
}

// Only '&': no parameter at all (empty segments are skipped).
BOOST_AUTO_TEST_CASE(all_ampersands) {
  const std::string r_body = all_ampersand(large_size);  // the result refers to it
  const auto r = snapcheck::validate_form(r_body);
  BOOST_TEST(r.found() == 2u);
  BOOST_TEST(count_code(r, code::missing) == 2u);
  check_linear("all '&'", all_ampersand, {});
}

// Only '=': one parameter with an empty name (unknown, a warning) whose value
// is the other '='s.
BOOST_AUTO_TEST_CASE(equals_signs_storm) {
  const std::string r_body = equals_storm(large_size);  // the result refers to it
  const auto r = snapcheck::validate_form(r_body);
  BOOST_TEST(r.found() == 3u);
  BOOST_TEST(count_code(r, code::unknown_parameter) == 1u);
  BOOST_TEST(snapcheck::to_string(r.violations()[0].severity) == "warning");
  check_linear("'=' storm", equals_storm, {});
}

// RetentionDays with a million digits: out_of_range, limit 65536, and no
// overflow on the way (SPEC §4: "any length of digits").
BOOST_AUTO_TEST_CASE(million_digit_retention_days) {
  const std::string r_body = long_retention_days(large_size);  // the result refers to it
  const auto r = snapcheck::validate_form(r_body);
  BOOST_TEST_REQUIRE(r.found() == 1u);
  BOOST_TEST(snapcheck::to_string(r.violations()[0].code) == "out_of_range");
  BOOST_TEST(r.violations()[0].limit.value_or(0) == 65536u);
  check_linear("million-digit RetentionDays", long_retention_days, {});
}

// About 119 000 unknown names at 1 MiB (the parameter limit lifted so that
// every one is looked up): each one an unknown_parameter warning, 64 kept.
BOOST_AUTO_TEST_CASE(hundred_thousand_unknown_names) {
  const std::string body = unknown_names(large_size);
  const auto r = snapcheck::validate_form(body, unlimited());
  const std::size_t names = static_cast<std::size_t>(std::count(body.begin(), body.end(), '=')) - 2;
  BOOST_TEST(names > 100000u);
  BOOST_TEST(r.found() == names);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.truncated());
  BOOST_TEST(r.violations().size() == 64u);
  BOOST_TEST(r.violations()[0].has_suggestion());  // Regionid -> regionId
  check_linear("unknown names", unknown_names, unlimited());
}

// One SnapshotName of a megabyte of Chinese characters: every character is
// allowed, so the only violation is too_long, counting code points.
BOOST_AUTO_TEST_CASE(megabyte_of_chinese_text) {
  const std::string body = chinese_value(large_size);
  const auto r = snapcheck::validate_form(body);
  const std::size_t text_bytes =
      body.find_last_not_of('&') + 1 - std::string_view("regionId=cn&DiskId=d-1&SnapshotName=").size();
  BOOST_TEST_REQUIRE(r.found() == 1u);
  BOOST_TEST(snapcheck::to_string(r.violations()[0].code) == "too_long");
  BOOST_TEST(r.violations()[0].length.value_or(0) == text_bytes / 7 * 2);
  BOOST_TEST(r.violations()[0].limit.value_or(0) == 128u);
  check_linear("1 MiB Chinese value", chinese_value, {});
}

// 20 tags at their maximal lengths, repeated: the first round is valid but
// for 19 duplicate_tag_key (one key for all), every later one a
// duplicate_parameter.
BOOST_AUTO_TEST_CASE(twenty_maximal_tags_repeated) {
  const std::string body = tags_at_max(large_size);
  const auto r = snapcheck::validate_form(body, unlimited());
  const std::size_t params = static_cast<std::size_t>(std::count(body.begin(), body.end(), '='));
  BOOST_TEST(params > 40u * 20u);
  BOOST_TEST(r.found() == (params - 2 - 40) + 19);
  BOOST_TEST(r.truncated());
  BOOST_TEST(count_code(r, code::duplicate_tag_key) == 19u);  // all 19 come before any duplicate
  check_linear("20 maximal tags repeated", tags_at_max, unlimited());
}

BOOST_AUTO_TEST_SUITE_END()

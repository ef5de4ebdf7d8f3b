// core/: the stand-ins for std::string_view, std::span and std::optional
// behave as their std counterparts where the library and its users rely on
// them, at compile time and at run time, and convert to and from std types.
#include <array>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/snapcheck.hpp>

namespace sc = snapcheck;

BOOST_AUTO_TEST_SUITE(core)

// The reference: std::string_view's own answers, for every pair of short
// strings over a small alphabet and every start offset.
BOOST_AUTO_TEST_CASE(string_view_find_compare_and_substr_agree_with_std) {
  std::vector<std::string> words{""};
  for (std::size_t len = 1; len <= 4; ++len) {
    const std::size_t before = words.size();
    for (std::size_t i = 0; i < before; ++i)
      if (words[i].size() == len - 1)
        for (char c : {'a', 'b', '\xE6'}) words.push_back(words[i] + c);
  }
  std::size_t checks = 0;
  for (const std::string& a : words) {
    const std::string_view sa(a);
    const sc::string_view ca(a);
    for (const std::string& b : words) {
      const std::string_view sb(b);
      const sc::string_view cb(b);
      BOOST_TEST_CONTEXT('"' << a << "\" \"" << b << '"') {
        BOOST_TEST((ca == cb) == (sa == sb));
        BOOST_TEST((ca < cb) == (sa < sb));
        BOOST_TEST((ca.compare(cb) < 0) == (sa.compare(sb) < 0));
        BOOST_TEST((ca.compare(cb) == 0) == (sa.compare(sb) == 0));
        BOOST_TEST(ca.starts_with(cb) == sa.starts_with(sb));
        BOOST_TEST(ca.ends_with(cb) == sa.ends_with(sb));
        for (std::size_t from = 0; from <= a.size() + 1; ++from) {
          BOOST_TEST(ca.find(cb, from) == sa.find(sb, from));
          if (!b.empty()) BOOST_TEST(ca.find(b[0], from) == sa.find(b[0], from));
          ++checks;
        }
      }
    }
    for (std::size_t pos = 0; pos <= a.size(); ++pos)
      for (std::size_t n = 0; n <= a.size() + 1; ++n)
        BOOST_TEST(std::string_view(ca.substr(pos, n)) == sa.substr(pos, n));
  }
  BOOST_TEST(checks > 10000u);
  BOOST_TEST(sc::string_view::npos == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(string_view_works_in_constant_expressions) {
  constexpr sc::string_view s = "Tag.{N}.Key";
  static_assert(s.size() == 11 && s.find("{N}") == 4 && s.find('K') == 8 && s.find('z') == sc::string_view::npos);
  static_assert(s.substr(4, 3) == "{N}" && s.substr(99).empty() && s.starts_with("Tag.") && s.ends_with(".Key"));
  static_assert(sc::string_view("ab") < sc::string_view("b") && !(sc::string_view("b") < "ab"));
  static_assert(sc::string_view("a") < sc::string_view("\xE6"));  // bytes compare unsigned, as std's

}

BOOST_AUTO_TEST_CASE(string_view_converts_to_and_from_std_types) {
  const std::string owned = "DiskId";
  const sc::string_view from_string = owned;  // a view of owned
  BOOST_TEST((from_string.data() == owned.data()));
  const std::string_view std_view = from_string;
  BOOST_TEST((std_view.data() == owned.data() && std_view.size() == 6));
  const std::string copy(from_string);
  BOOST_TEST(copy == owned);
  BOOST_TEST((from_string == std_view && std_view == from_string));
  BOOST_TEST((from_string == owned && owned == from_string));
  BOOST_TEST((from_string != std::string_view("DiskID") && std::string_view("DiskID") != from_string));
  BOOST_TEST((from_string == "DiskId" && "DiskId" == from_string && from_string != "Disk"));
  std::ostringstream out;
  out << '[' << from_string << ']' << sc::string_view() << sc::string_view("x\0y", 3);
  BOOST_TEST(out.str() == std::string("[DiskId]x\0y", 11));
  // A default view is empty and, as std's, has a null data().
  BOOST_TEST((sc::string_view().data() == nullptr && sc::string_view().empty()));
}

BOOST_AUTO_TEST_CASE(entry_points_take_std_strings_and_return_views_std_code_can_read) {
  const std::string body = "regionId=cn&DiskId=d-1&Category=standard";
  const sc::result r = sc::validate_form(body);
  BOOST_REQUIRE(r.violations().size() == 1u);
  const sc::violation& v = r.violations()[0];
  const std::string_view api_code = v.api_code;
  BOOST_TEST(api_code == "InvalidSnapshotCategory.Malformed");
  BOOST_TEST(std::string_view(v.suggested_value) == "Standard");
  const std::array<std::pair<std::string_view, std::string_view>, 2> pairs{
      {{"regionId", "cn"}, {"DiskId", "d-1"}}};
  BOOST_TEST(sc::validate_params(pairs).ok());
}

BOOST_AUTO_TEST_CASE(optional_is_absent_or_a_value) {
  constexpr sc::optional<std::size_t> none;
  constexpr sc::optional<std::size_t> three = 3;
  static_assert(!none && !none.has_value() && three && *three == 3 && three == 3u && !(none == 0u));
  static_assert(none == sc::optional<std::size_t>() && !(none == three) && three == sc::optional<std::size_t>(3));
  static_assert(none.value_or(7) == 7 && three.value_or(7) == 3);
  sc::optional<std::size_t> o = 4;
  o.reset();
  BOOST_TEST(!o.has_value());
  const sc::result r = sc::validate_form("regionId=cn&DiskId=d-1&RetentionDays=0");
  BOOST_REQUIRE(r.violations().size() == 1u);
  BOOST_TEST((r.violations()[0].limit == 1u && !r.violations()[0].length));
}

BOOST_AUTO_TEST_CASE(span_views_arrays_and_containers) {
  static constexpr int c_array[] = {1, 2, 3};
  constexpr sc::span<const int> a = c_array;
  static_assert(a.size() == 3 && a[1] == 2 && a.front() == 1 && a.back() == 3 && !a.empty());
  const std::vector<int> v{4, 5};
  const sc::span<const int> b = v;
  BOOST_TEST((b.data() == v.data() && b.size() == 2u));
  int sum = 0;
  for (int x : b) sum += x;
  BOOST_TEST(sum == 9);
  std::vector<sc::string_view> allow{"X-Trace"};
  sc::options opt{.profile = sc::profile::hardened};
  opt.allow = allow;
  const sc::result r = sc::validate_form("regionId=cn&DiskId=d-1&X-Trace=x&X-Other=y", opt);
  BOOST_REQUIRE(r.violations().size() == 1u);  // allow-listed: nothing; the other name: an error
  BOOST_TEST(r.violations()[0].field.text == "X-Other");
}

BOOST_AUTO_TEST_SUITE_END()

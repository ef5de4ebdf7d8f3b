// The engine is generic (DESIGN: "it must never name CreateSnapshot"): a
// made-up API table, defined here with the same rule builders, validates
// through the same entry points with its own names, bounds and api codes,
// and nothing of CreateSnapshot leaks into it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

namespace {

namespace sc = snapcheck;
namespace rules = snapcheck::rules;
using sc::code;
using sc::severity;

// CreateWidget: a made-up API.
struct create_widget {
  static constexpr sc::api_codes codes{.missing = "Widget.MissingParameter", .parameter = "Widget.BadParameter"};

  // clang-format off
  static constexpr sc::profile_set unknown_is_error_in = sc::profile_set::only(sc::profile::hardened);
  static constexpr sc::field fields[] = {
      // A required plain field; the first character upper case, the rest lower case or digits.
      {.name = "WidgetName", .required = true, .api_code = "Widget.InvalidName",
       .rules = {rules::length(3, 10),
                 rules::first_char(sc::sets::upper, "an upper-case letter"),
                 rules::only_chars(sc::sets::lower | sc::sets::digit, "lower-case letters and digits")}},
      // An optional integer with a range unlike RetentionDays.
      {.name = "Count", .api_code = "Widget.InvalidCount", .rules = {rules::integer(5, 50)}},
      // An enum.
      {.name = "Color", .api_code = "Widget.InvalidColor", .rules = {rules::one_of<"Red", "Green", "Blue">()}},
      // A plain field with an alias, a substring rule and a hardened-only rule.
      {.name = "Notes", .alias = "Remarks", .api_code = "Widget.InvalidNotes",
       .rules = {rules::max_length(20),
                 rules::no_substring<"DROP", "--">(sc::case_mode::exact),
                 rules::no_chars(sc::sets::controls, "control characters").only_in(sc::profile::hardened)}},
      // A family of three, with an alias, unique values, and a dependent member.
      {.name = "Label.{N}.Name", .alias = "Label.{N}.name", .empty_is_absent = false,
       .min_index = 1, .max_index = 3, .api_code = "Widget.InvalidLabelName",
       .rules = {rules::length(1, 8), rules::unique_in_family().with_api_code("Widget.DuplicateLabel")}},
      {.name = "Label.{N}.Text", .min_index = 1, .max_index = 3, .api_code = "Widget.InvalidLabelText",
       .rules = {rules::max_length(16),
                 rules::requires_field<"Label.{N}.Name">().with_api_code("Widget.LabelWithoutName")}},
      // Checked only in the hardened profile.
      {.name = "Made", .api_code = "Widget.InvalidDate", .rules = {rules::iso_date().only_in(sc::profile::hardened)}},
  };
  // clang-format on
};

static_assert(sc::schema<create_widget>);
static_assert(sc::assert_sane<create_widget>());

constexpr const sc::field& widget_name = create_widget::fields[0];
constexpr const sc::field& notes = create_widget::fields[3];
constexpr const sc::field& label_name = create_widget::fields[4];
constexpr const sc::field& label_text = create_widget::fields[5];

// Works in constant expressions too.
static_assert(sc::validate_form<create_widget>("WidgetName=Abc").ok());
static_assert(!sc::validate_form<create_widget>("WidgetName=abc").ok());
static_assert(!sc::validate_form<create_widget>("regionId=cn&DiskId=d-1").ok());

sc::options hardened() {
  sc::options o;
  o.profile = sc::profile::hardened;
  return o;
}

std::vector<sc::violation> find(const sc::result& r, std::string_view field, code c) {
  std::vector<sc::violation> out;
  for (const auto& v : r.violations())
    if (v.code == c && sc::field_name(v.field) == field) out.push_back(v);
  return out;
}

std::vector<std::string> summary(const sc::result& r) {
  std::vector<std::string> out;
  for (const auto& v : r.violations()) out.push_back(sc::field_name(v.field) + ":" + std::string(sc::to_string(v.code)));
  return out;
}

void expect_one(const sc::result& r, std::string_view field, code c, severity s, std::string_view api_code,
                snapcheck::optional<std::size_t> at = {}, snapcheck::optional<std::size_t> length = {},
                snapcheck::optional<std::uint64_t> limit = {}) {
  const auto found = find(r, field, c);
  BOOST_TEST_INFO("looking for " << field << ":" << sc::to_string(c));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const auto& v = found.front();
  BOOST_TEST((v.severity == s));
  BOOST_TEST(v.api_code == api_code);
  BOOST_TEST((v.at == at));
  BOOST_TEST((v.length == length));
  BOOST_TEST((v.limit == limit));
}

// Validates a body through both entry points: the form, and the list of
// pairs given (the same parameters, already decoded). Both must agree.
sc::result both(std::string_view body, const std::vector<std::pair<std::string, std::string>>& params,
                const sc::options& opt = {}) {
  const sc::result f = sc::validate_form<create_widget>(body, opt);
  const sc::result p = sc::validate_params<create_widget>(params, opt);
  BOOST_TEST_INFO("body " << body);
  BOOST_TEST(summary(f) == summary(p), boost::test_tools::per_element());
  BOOST_TEST(f.ok() == p.ok());
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_generic)

BOOST_AUTO_TEST_CASE(valid_widget) {
  const auto r = both("WidgetName=Abc1&Count=5&Color=Blue&Notes=fine&Label.1.Name=a&Label.1.Text=t&Made=2024-02-29",
                      {{"WidgetName", "Abc1"}, {"Count", "5"}, {"Color", "Blue"}, {"Notes", "fine"},
                       {"Label.1.Name", "a"}, {"Label.1.Text", "t"}, {"Made", "2024-02-29"}});
  BOOST_TEST(r.ok());
  BOOST_TEST(r.violations().empty());
}

BOOST_AUTO_TEST_CASE(missing_uses_the_schemas_code) {
  const auto r = both("", {});
  BOOST_TEST(!r.ok());
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  expect_one(r, "WidgetName", code::missing, severity::error, "Widget.MissingParameter");
  // Empty counts as absent for a plain field.
  const auto e = both("WidgetName=", {{"WidgetName", ""}});
  expect_one(e, "WidgetName", code::missing, severity::error, "Widget.MissingParameter");
}

BOOST_AUTO_TEST_CASE(create_snapshot_names_are_unknown_here) {
  const auto r = both("WidgetName=Abc&regionId=cn&DiskId=d-1&Tag.1.Key=k&RetentionDays=70000",
                      {{"WidgetName", "Abc"}, {"regionId", "cn"}, {"DiskId", "d-1"}, {"Tag.1.Key", "k"},
                       {"RetentionDays", "70000"}});
  BOOST_TEST(r.ok());
  const std::vector<std::string> want{"regionId:unknown_parameter", "DiskId:unknown_parameter",
                                      "Tag.1.Key:unknown_parameter", "RetentionDays:unknown_parameter"};
  BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
  for (const auto& v : r.violations()) {
    BOOST_TEST(v.api_code == "Widget.BadParameter");
    BOOST_TEST((v.severity == severity::warning));
    BOOST_TEST(!v.field.is_known());
  }
  // In hardened they are errors; CreateSnapshot's required fields are not required here.
  const auto h = sc::validate_form<create_widget>("WidgetName=Abc&regionId=cn", hardened());
  BOOST_TEST(!h.ok());
  BOOST_TEST(h.violations().size() == 1u);
  expect_one(h, "regionId", code::unknown_parameter, severity::error, "Widget.BadParameter");
  // And the default schema does not know the widget's names.
  const auto cs = sc::validate_form("regionId=cn&DiskId=d-1&WidgetName=Abc");
  expect_one(cs, "WidgetName", code::unknown_parameter, severity::warning, "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(integer_has_its_own_range) {
  auto one = [](std::string_view v) {
    const std::string body = "WidgetName=Abc&Count=" + std::string(v);
    return both(body, {{"WidgetName", "Abc"}, {"Count", std::string(v)}});
  };
  BOOST_TEST(one("5").ok());
  BOOST_TEST(one("50").ok());
  BOOST_TEST(one("0050").ok());
  expect_one(one("4"), "Count", code::out_of_range, severity::error, "Widget.InvalidCount", {},
             {}, 5u);
  expect_one(one("51"), "Count", code::out_of_range, severity::error, "Widget.InvalidCount", {},
             {}, 50u);
  // Fine for RetentionDays (1-65536), not for Count.
  expect_one(one("65536"), "Count", code::out_of_range, severity::error, "Widget.InvalidCount", {},
             {}, 50u);
  expect_one(one("99999999999999999999999999"), "Count", code::out_of_range, severity::error,
             "Widget.InvalidCount", {}, {}, 50u);
  expect_one(one("1x"), "Count", code::not_integer, severity::error, "Widget.InvalidCount");
}

BOOST_AUTO_TEST_CASE(length_and_character_rules) {
  auto one = [](std::string_view v) {
    return both("WidgetName=" + std::string(v), {{"WidgetName", std::string(v)}});
  };
  BOOST_TEST(one("Abc").ok());
  BOOST_TEST(one("Abcdefghij").ok());
  expect_one(one("Ab"), "WidgetName", code::too_short, severity::error, "Widget.InvalidName", {}, 2u,
             3u);
  expect_one(one("Abcdefghijk"), "WidgetName", code::too_long, severity::error, "Widget.InvalidName",
             {}, 11u, 10u);
  // first_char: upper case only; only_chars covers the rest, not the first.
  expect_one(one("abc"), "WidgetName", code::bad_start, severity::error, "Widget.InvalidName", 0u);
  expect_one(one("AbC"), "WidgetName", code::bad_char, severity::error, "Widget.InvalidName", 2u);
  // Letters CreateSnapshot's SnapshotName accepts are not allowed here.
  expect_one(one("Ab-c:d"), "WidgetName", code::bad_char, severity::error, "Widget.InvalidName", 2u);
  const auto han = sc::validate_form<create_widget>("WidgetName=%E4%B8%80bc");
  expect_one(han, "WidgetName", code::bad_start, severity::error, "Widget.InvalidName", 0u);
  // Each rule reports at most once.
  const auto many = one("aB-C");
  BOOST_TEST(find(many, "WidgetName", code::bad_char).size() == 1u);
  BOOST_TEST(find(many, "WidgetName", code::bad_start).size() == 1u);
}

BOOST_AUTO_TEST_CASE(enum_with_its_own_values) {
  BOOST_TEST(both("WidgetName=Abc&Color=Red", {{"WidgetName", "Abc"}, {"Color", "Red"}}).ok());
  const auto r = both("WidgetName=Abc&Color=red", {{"WidgetName", "Abc"}, {"Color", "red"}});
  expect_one(r, "Color", code::not_in_enum, severity::error, "Widget.InvalidColor");
  BOOST_TEST(find(r, "Color", code::not_in_enum).front().suggested_value == "Red");
  const auto flash = both("WidgetName=Abc&Color=Flash", {{"WidgetName", "Abc"}, {"Color", "Flash"}});
  expect_one(flash, "Color", code::not_in_enum, severity::error, "Widget.InvalidColor");
  BOOST_TEST(!find(flash, "Color", code::not_in_enum).front().has_suggestion());
}

BOOST_AUTO_TEST_CASE(alias_of_a_plain_field) {
  const auto r = both("WidgetName=Abc&Remarks=hi", {{"WidgetName", "Abc"}, {"Remarks", "hi"}});
  BOOST_TEST(r.ok());
  expect_one(r, "Remarks", code::deprecated_name, severity::warning, "Widget.BadParameter");
  const sc::violation v = find(r, "Remarks", code::deprecated_name).front();
  BOOST_TEST(v.field.def == &notes);
  BOOST_TEST((v.field.spelled == sc::spelling::alias));
  // Rules of the field apply under its alias, reported with the alias name.
  const auto sub = both("WidgetName=Abc&Remarks=a--b", {{"WidgetName", "Abc"}, {"Remarks", "a--b"}});
  expect_one(sub, "Remarks", code::forbidden_substring, severity::error, "Widget.InvalidNotes", 1u);
  // Name and alias both present: duplicate_parameter.
  const auto dup = both("Notes=x1&WidgetName=Abc&Remarks=x2", {{"Notes", "x1"}, {"WidgetName", "Abc"}, {"Remarks", "x2"}});
  expect_one(dup, "Remarks", code::duplicate_parameter, severity::error, "Widget.BadParameter");
}

BOOST_AUTO_TEST_CASE(substring_rule_is_case_exact) {
  auto notes_of = [](std::string_view v) {
    return both("WidgetName=Abc&Notes=" + std::string(v), {{"WidgetName", "Abc"}, {"Notes", std::string(v)}});
  };
  BOOST_TEST(notes_of("drop table").ok());
  BOOST_TEST(notes_of("http://x").ok());  // CreateSnapshot's link rules do not apply
  expect_one(notes_of("xxDROPyy--"), "Notes", code::forbidden_substring, severity::error, "Widget.InvalidNotes", 2u);
  expect_one(notes_of("123456789012345678901"), "Notes", code::too_long, severity::error, "Widget.InvalidNotes",
             {}, 21u, 20u);
}

BOOST_AUTO_TEST_CASE(family_members) {
  const auto r = both("WidgetName=Abc&Label.2.Name=a&Label.3.Name=a&Label.1.Text=t&Label.4.Name=x&Label.0.Text=y",
                      {{"WidgetName", "Abc"}, {"Label.2.Name", "a"}, {"Label.3.Name", "a"}, {"Label.1.Text", "t"},
                       {"Label.4.Name", "x"}, {"Label.0.Text", "y"}});
  BOOST_TEST(!r.ok());
  expect_one(r, "Label.3.Name", code::duplicate_tag_key, severity::error, "Widget.DuplicateLabel");
  expect_one(r, "Label.1.Text", code::value_without_key, severity::error, "Widget.LabelWithoutName");
  expect_one(r, "Label.4.Name", code::bad_tag_index, severity::error, "Widget.InvalidLabelName");
  expect_one(r, "Label.0.Text", code::bad_tag_index, severity::error, "Widget.InvalidLabelText");
  BOOST_TEST(r.violations().size() == 4u);

  // Tag-style names of CreateSnapshot are not members here, nor is N = 4.
  const auto tag = both("WidgetName=Abc&Tag.1.Name=a", {{"WidgetName", "Abc"}, {"Tag.1.Name", "a"}});
  expect_one(tag, "Tag.1.Name", code::unknown_parameter, severity::warning, "Widget.BadParameter");
  // An empty member is present (empty_is_absent = false): too_short.
  const auto empty = both("WidgetName=Abc&Label.1.Name=", {{"WidgetName", "Abc"}, {"Label.1.Name", ""}});
  expect_one(empty, "Label.1.Name", code::too_short, severity::error, "Widget.InvalidLabelName", {}, 0u,
             1u);
  // The alias of a family member.
  const auto alias = both("WidgetName=Abc&Label.2.name=n&Label.2.Text=t",
                          {{"WidgetName", "Abc"}, {"Label.2.name", "n"}, {"Label.2.Text", "t"}});
  BOOST_TEST(alias.ok());
  expect_one(alias, "Label.2.name", code::deprecated_name, severity::warning, "Widget.BadParameter");
  BOOST_TEST(alias.violations().size() == 1u);
}

BOOST_AUTO_TEST_CASE(violations_follow_input_order) {
  // SPEC §6: "Violations come in input order, then missing ones in table
  // order." A cross-field violation is about a parameter that has a place in
  // the input (the Label.N.Text without its name, the later duplicate name),
  // so it sits at that place, not after every other parameter.
  const auto r = both("Label.2.Name=a&Label.3.Name=a&Label.1.Text=t&Label.4.Name=x&Label.0.Text=y",
                      {{"Label.2.Name", "a"}, {"Label.3.Name", "a"}, {"Label.1.Text", "t"}, {"Label.4.Name", "x"},
                       {"Label.0.Text", "y"}});
  const std::vector<std::string> want{"Label.3.Name:duplicate_tag_key", "Label.1.Text:value_without_key",
                                      "Label.4.Name:bad_tag_index", "Label.0.Text:bad_tag_index",
                                      "WidgetName:missing"};
  BOOST_TEST(summary(r) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hardened_only_rules) {
  const std::vector<std::pair<std::string, std::string>> p{{"WidgetName", "Abc"}, {"Made", "2023-02-29"},
                                                           {"Notes", "a\tb"}};
  const auto doc = both("WidgetName=Abc&Made=2023-02-29&Notes=a%09b", p);
  BOOST_TEST(doc.ok());
  BOOST_TEST(doc.violations().empty());
  const auto h = both("WidgetName=Abc&Made=2023-02-29&Notes=a%09b", p, hardened());
  BOOST_TEST(!h.ok());
  BOOST_TEST(h.violations().size() == 2u);
  expect_one(h, "Made", code::bad_format, severity::error, "Widget.InvalidDate");
  expect_one(h, "Notes", code::bad_char, severity::error, "Widget.InvalidNotes", 1u);
  BOOST_TEST(sc::validate_form<create_widget>("WidgetName=Abc&Made=2024-02-29", hardened()).ok());
}

BOOST_AUTO_TEST_CASE(suggestions_come_from_this_schema) {
  const auto r = sc::validate_form<create_widget>("WidgetName=Abc&widgetname=x&Label.2.Nmae=y&regionid=cn");
  const auto a = find(r, "widgetname", code::unknown_parameter);
  BOOST_TEST_REQUIRE(a.size() == 1u);
  BOOST_TEST(sc::field_name(a.front().suggested_field) == "WidgetName");
  const auto b = find(r, "Label.2.Nmae", code::unknown_parameter);
  BOOST_TEST_REQUIRE(b.size() == 1u);
  BOOST_TEST(sc::field_name(b.front().suggested_field) == "Label.2.Name");
  const auto c = find(r, "regionid", code::unknown_parameter);
  BOOST_TEST_REQUIRE(c.size() == 1u);
  BOOST_TEST(!c.front().has_suggestion());  // no regionId in this API
}

BOOST_AUTO_TEST_CASE(encoding_errors_use_this_schemas_codes) {
  const auto r = sc::validate_form<create_widget>("WidgetName=Ab%zz&No%tes=x&Color=%FF");
  expect_one(r, "WidgetName", code::bad_encoding, severity::error, "Widget.InvalidName");
  expect_one(r, "No%tes", code::bad_encoding, severity::error, "Widget.BadParameter");
  expect_one(r, "Color", code::invalid_utf8, severity::error, "Widget.InvalidColor", 0u);
  BOOST_TEST(find(r, "WidgetName", code::missing).empty());
  sc::options few;
  few.max_parameters = 2;
  const auto many = sc::validate_form<create_widget>("a&b&c", few);
  BOOST_TEST_REQUIRE(many.violations().size() == 1u);
  BOOST_TEST((many.violations()[0].code == code::too_many_parameters));
  BOOST_TEST(many.violations()[0].api_code == "Widget.BadParameter");
}

BOOST_AUTO_TEST_CASE(field_name_renders_members_and_aliases) {
  BOOST_TEST(sc::field_name(sc::field_path{&widget_name}) == "WidgetName");
  BOOST_TEST(sc::field_name(sc::field_path{&notes, 0, sc::spelling::alias}) == "Remarks");
  BOOST_TEST(sc::field_name(sc::field_path{&label_name, 2}) == "Label.2.Name");
  BOOST_TEST(sc::field_name(sc::field_path{&label_name, 3, sc::spelling::alias}) == "Label.3.name");
  BOOST_TEST(sc::field_name(sc::field_path{&label_text, 1}) == "Label.1.Text");
  // From a real result: the member's N as given.
  const auto r = sc::validate_form<create_widget>("WidgetName=Abc&Label.2.Text=t");
  BOOST_TEST_REQUIRE(r.violations().size() == 1u);
  BOOST_TEST(r.violations()[0].field.def == &label_text);
  BOOST_TEST(r.violations()[0].field.index == 2u);
  BOOST_TEST(sc::field_name(r.violations()[0].field) == "Label.2.Text");
}

BOOST_AUTO_TEST_CASE(generic_validate_with_a_custom_sink) {
  // The engine's own entry point, with a sink of the caller's.
  struct counting_sink {
    std::array<std::size_t, sc::code_count> by_code{};
    std::size_t total = 0;
    void add(const sc::violation& v) {
      ++by_code[static_cast<std::size_t>(v.code)];
      ++total;
    }
    bool accepts_more() const { return true; }
  };
  counting_sink sink;
  sc::validate<create_widget>(sc::form_source{"Count=1&Count=2&Color=x&Label.1.Text=t"}, sink);
  BOOST_TEST(sink.total == 5u);
  BOOST_TEST(sink.by_code[static_cast<std::size_t>(code::out_of_range)] == 1u);
  BOOST_TEST(sink.by_code[static_cast<std::size_t>(code::duplicate_parameter)] == 1u);
  BOOST_TEST(sink.by_code[static_cast<std::size_t>(code::not_in_enum)] == 1u);
  BOOST_TEST(sink.by_code[static_cast<std::size_t>(code::value_without_key)] == 1u);
  BOOST_TEST(sink.by_code[static_cast<std::size_t>(code::missing)] == 1u);

  counting_sink s2;
  const std::vector<std::pair<std::string_view, std::string_view>> p{{"Count", "1"}};
  sc::validate_params_into<create_widget>(p, s2);
  BOOST_TEST(s2.total == 2u);  // out_of_range, missing WidgetName
  sc::basic_result<2> small;
  sc::validate_form_into<create_widget>("Count=1&Color=x&Label.1.Text=t", small);
  BOOST_TEST(small.violations().size() == 2u);
  BOOST_TEST(small.truncated());
  BOOST_TEST(small.found() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

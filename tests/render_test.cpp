// Text rendered from violation data: field names as given, English messages,
// and the JSON object of SPEC §8.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include <snapcheck/strings.hpp>

namespace {

using namespace std::string_view_literals;

// Returns the first violation of body with the given code (or fails).
snapcheck::violation first(std::string_view body, snapcheck::code c, const snapcheck::options& opt = {}) {
  const auto r = snapcheck::validate_form(body, opt);
  for (const auto& v : r.violations())
    if (v.code == c) return v;
  BOOST_FAIL("no violation with code " << snapcheck::to_string(c));
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_SUITE(field_names)

BOOST_AUTO_TEST_CASE(known_fields_render_from_the_table) {
  const auto v = first("regionId=cn&DiskId=d&Tag.7.Key=acs:x", snapcheck::code::reserved_prefix);
  BOOST_TEST(snapcheck::field_name(v.field) == "Tag.7.Key");
  BOOST_TEST(v.field.is_known());
  BOOST_TEST(v.field.index == 7u);
}

BOOST_AUTO_TEST_CASE(percent_encoded_known_name_renders_decoded) {
  const auto v = first("regionId=cn&DiskId=d&Snapshot%4Eame=1", snapcheck::code::too_short);
  BOOST_TEST(snapcheck::field_name(v.field) == "SnapshotName");
}

BOOST_AUTO_TEST_CASE(alias_renders_as_given) {
  const auto v = first("regionId=cn&DiskId=d&Tag.3.key=k", snapcheck::code::deprecated_name);
  BOOST_TEST(snapcheck::field_name(v.field) == "Tag.3.key");
  BOOST_TEST(snapcheck::message(v) == "Tag.3.key is a deprecated spelling of Tag.3.Key");
}

BOOST_AUTO_TEST_CASE(unknown_form_name_renders_decoded) {
  const auto v = first("regionId=cn&DiskId=d&Foo+Bar%21=1", snapcheck::code::unknown_parameter);
  BOOST_TEST(snapcheck::field_name(v.field) == "Foo Bar!");
}

BOOST_AUTO_TEST_CASE(badly_encoded_name_renders_raw) {
  const auto v = first("regionId=cn&DiskId=d&Fo%zz+o=1", snapcheck::code::bad_encoding);
  BOOST_TEST(snapcheck::field_name(v.field) == "Fo%zz+o");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_name_gets_replacement_characters) {
  // "Snap" then an overlong (C0 AF), a lone continuation (80) and a cut
  // sequence (E4 B8): four maximal subparts... C0, AF, 80, E4 B8.
  const auto v = first("regionId=cn&DiskId=d&Snap%C0%AF%80%E4%B8=1", snapcheck::code::invalid_utf8);
  BOOST_TEST(snapcheck::field_name(v.field) == "Snap\uFFFD\uFFFD\uFFFD\uFFFD");
  BOOST_TEST(*v.at == 4u);
}

BOOST_AUTO_TEST_CASE(empty_name_renders_empty) {
  const auto v = first("regionId=cn&DiskId=d&=v", snapcheck::code::unknown_parameter);
  BOOST_TEST(snapcheck::field_name(v.field).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(length_messages_name_field_limit_and_length) {
  const auto v = first("regionId=cn&DiskId=d&SnapshotName=a", snapcheck::code::too_short);
  BOOST_TEST(snapcheck::message(v) == "SnapshotName must be at least 2 characters long (it has 1)");
}

BOOST_AUTO_TEST_CASE(range_message_names_both_bounds) {
  const auto v = first("regionId=cn&DiskId=d&RetentionDays=0", snapcheck::code::out_of_range);
  BOOST_TEST(snapcheck::message(v) == "RetentionDays must be from 1 to 65536");
}

BOOST_AUTO_TEST_CASE(missing_message) {
  const auto v = first("DiskId=d", snapcheck::code::missing);
  BOOST_TEST(snapcheck::message(v) == "regionId is required and must not be empty");
}

BOOST_AUTO_TEST_CASE(unknown_name_message_carries_the_suggestion) {
  const auto v = first("regionId=cn&DiskId=d&Regionid=x", snapcheck::code::unknown_parameter);
  BOOST_TEST(snapcheck::message(v) ==
             "Regionid is not a parameter of this API and is ignored; did you mean regionId?");
}

BOOST_AUTO_TEST_CASE(value_without_key_names_the_key) {
  const auto v = first("regionId=cn&DiskId=d&Tag.4.Value=v", snapcheck::code::value_without_key);
  BOOST_TEST(snapcheck::message(v) == "Tag.4.Value is given without Tag.4.Key");
}

BOOST_AUTO_TEST_CASE(bad_char_message_gives_the_position_not_the_character) {
  const auto v = first("regionId=cn&DiskId=d&SnapshotName=ab%24cd", snapcheck::code::bad_char);
  const std::string m = snapcheck::message(v);
  BOOST_TEST(m == "SnapshotName may contain only letters, digits, ':', '_', '-' and Chinese characters "
                  "(at character 3)");
  BOOST_TEST(m.find('$') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_code_has_a_message_naming_the_field) {
  // One body per code that CreateSnapshot can raise from a form body.
  const std::pair<std::string, snapcheck::code> cases[] = {
      {"DiskId=d", snapcheck::code::missing},
      {"regionId=cn&DiskId=d&Zzz=1", snapcheck::code::unknown_parameter},
      {"regionId=cn&DiskId=d&Tag.1.key=k", snapcheck::code::deprecated_name},
      {"regionId=cn&DiskId=d&DiskId=e", snapcheck::code::duplicate_parameter},
      {"regionId=cn&DiskId=d&Category=%G0", snapcheck::code::bad_encoding},
      {"regionId=cn&DiskId=d&Category=%FF", snapcheck::code::invalid_utf8},
      {"regionId=cn&DiskId=d&Tag.0.Key=k", snapcheck::code::bad_tag_index},
      {"regionId=cn&DiskId=d&Description=x", snapcheck::code::too_short},
      {"regionId=cn&DiskId=d&ClientToken=" + std::string(65, 'x'), snapcheck::code::too_long},
      {"regionId=cn&DiskId=d&SnapshotName=1a", snapcheck::code::bad_start},
      {"regionId=cn&DiskId=d&SnapshotName=a.b", snapcheck::code::bad_char},
      {"regionId=cn&DiskId=d&SnapshotName=autox", snapcheck::code::reserved_prefix},
      {"regionId=cn&DiskId=d&Tag.1.Key=xhttp://", snapcheck::code::forbidden_substring},
      {"regionId=cn&DiskId=d&Category=x", snapcheck::code::not_in_enum},
      {"regionId=cn&DiskId=d&RetentionDays=x", snapcheck::code::not_integer},
      {"regionId=cn&DiskId=d&RetentionDays=0", snapcheck::code::out_of_range},
      {"regionId=cn&DiskId=d&Tag.1.Value=v", snapcheck::code::value_without_key},
      {"regionId=cn&DiskId=d&Tag.1.Key=k&Tag.2.Key=k", snapcheck::code::duplicate_tag_key},
  };
  for (const auto& [body, c] : cases) {
    BOOST_TEST_CONTEXT(body) {
      const auto v = first(body, c);
      const std::string m = snapcheck::message(v);
      BOOST_TEST(!m.empty());
      BOOST_TEST(m.find(snapcheck::field_name(v.field)) == 0u);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(valid_request_renders_empty_list) {
  const std::string want = R"({"ok":true,"truncated":false,"violations":[]})";
  BOOST_TEST(snapcheck::to_json(snapcheck::validate_form("regionId=cn&DiskId=d")) == want);
}

BOOST_AUTO_TEST_CASE(optional_members_appear_only_when_they_apply) {
  const auto r = snapcheck::validate_form("DiskId=d&SnapshotName=a");
  const std::string want =
             R"({"ok":false,"truncated":false,"violations":[)"
             R"({"field":"SnapshotName","code":"too_short","severity":"error","api_code":"InvalidSnapshotName.Malformed",)"
             R"j("message":"SnapshotName must be at least 2 characters long (it has 1)","length":1,"limit":2},)j"
             R"({"field":"regionId","code":"missing","severity":"error","api_code":"MissingParameter",)"
             R"("message":"regionId is required and must not be empty"}]})";
  BOOST_TEST(snapcheck::to_json(r) == want);
}

BOOST_AUTO_TEST_CASE(names_are_escaped_and_sanitised) {
  // A name with a quote, a backslash, a newline, DEL and a raw invalid byte.
  const std::string body = std::string("regionId=cn&DiskId=d&a%22b%5Cc%0Ad\x7F") + "\xFF" + "=1";
  const std::string j = snapcheck::to_json(snapcheck::validate_form(body));
  const std::string want = std::string("\"field\":\"a\\\"b\\\\c\\nd\x7F") + "\uFFFD\"";
  BOOST_TEST(j.find(want) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_use_u_escapes) {
  const std::string j = snapcheck::to_json(snapcheck::validate_form("regionId=cn&DiskId=d&%01=1"));
  BOOST_TEST(j.find(R"("field":"\u0001")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_results_say_so) {
  std::string body = "regionId=cn&DiskId=d";
  for (int i = 0; i < 70; ++i) body += "&x=1";
  const auto r = snapcheck::validate_form(body);
  const std::string j = snapcheck::to_json(r);
  BOOST_TEST(j.starts_with(R"({"ok":true,"truncated":true,"violations":[)"));
  BOOST_TEST(r.violations().size() == 64u);
}

BOOST_AUTO_TEST_CASE(suggestion_member_for_enum_case) {
  const std::string j = snapcheck::to_json(snapcheck::validate_form("regionId=cn&DiskId=d&Category=FLASH"));
  BOOST_TEST(j.find(R"("suggestion":"Flash")") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

// Writer callables may take auto: every piece of text arrives as a
// string_view, never as a C string or an array.
BOOST_AUTO_TEST_SUITE(render_writers)

BOOST_AUTO_TEST_CASE(writers_may_take_auto) {
  const auto r = snapcheck::validate_form("regionId=cn&Foo=1&SnapshotName=1a");
  std::string json, messages, body;
  snapcheck::write_json(r, [&](auto s) { json.append(s.data(), s.size()); });
  for (const auto& v : r.violations()) snapcheck::write_message(v, [&](auto s) { messages.append(s.data(), s.size()); });
  snapcheck::write_failure_body(r, [&](auto s) { body.append(s.data(), s.size()); });
  BOOST_TEST(json == snapcheck::to_json(r));
  BOOST_TEST(body == snapcheck::failure_body(r));
  BOOST_TEST(messages.find("Foo is not a parameter") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

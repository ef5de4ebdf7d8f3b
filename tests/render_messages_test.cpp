// Messages for people and logs (SPEC §6, version 2): a name's control and
// bidi characters are shown as \u{XXXX}, an empty name as "(empty name)",
// positions count from 1, plurals agree, too_many_parameters names its limit,
// and duplicate_tag_key names the row's family.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

namespace {

using snapcheck::code;

// Decodes strict UTF-8 on its own (not with the library's decoder); returns
// false for ill-formed text.
bool decode_utf8(std::string_view s, std::u32string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (b < 0x80) { len = 1; c = b; }
    else if (b >= 0xC2 && b <= 0xDF) { len = 2; c = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; c = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; c = b & 0x07; min = 0x10000; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return false;
      c = (c << 6) | (t & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    out.push_back(c);
    i += len;
  }
  return true;
}

// The characters SPEC §6 forbids in a message, written out from the SPEC.
bool forbidden_in_message(char32_t c) {
  if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) return true;
  constexpr char32_t others[] = {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029};
  for (char32_t b : others)
    if (c == b) return true;
  return false;
}

// Empty when m is one clean line, else what is wrong.
std::string line_fault(const std::string& m) {
  std::u32string cps;
  if (m.empty()) return "empty message";
  if (!decode_utf8(m, cps)) return "not valid UTF-8";
  for (std::size_t i = 0; i < cps.size(); ++i)
    if (forbidden_in_message(cps[i])) return "forbidden character U+" + std::to_string(cps[i]) + " at " + std::to_string(i);
  if (m.front() == ' ') return "no subject: starts with a space";
  return {};
}

// Hostile names as decoded bytes, and what a message shows for each.
struct hostile {
  std::string bytes;
  std::string shown;
};
const hostile hostile_cases[] = {
    {"x\r\n\x1B[2J\xE2\x80\xAE", "x\\u{000D}\\u{000A}\\u{001B}[2J\\u{202E}"},
    {"", "(empty name)"},
    {"\r", "\\u{000D}"},
    {"a\nb", "a\\u{000A}b"},
    {std::string("n\0l", 3), "n\\u{0000}l"},
    {"del\x7F", "del\\u{007F}"},
    {"nel\xC2\x85", "nel\\u{0085}"},
    {"c1\xC2\x9F", "c1\\u{009F}"},
    {"ls\xE2\x80\xA8ps\xE2\x80\xA9", "ls\\u{2028}ps\\u{2029}"},
    {"lrm\xE2\x80\x8E\xE2\x80\x8F", "lrm\\u{200E}\\u{200F}"},
    {"\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", "\\u{202A}\\u{202B}\\u{202C}\\u{202D}"},
    {"\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", "\\u{2066}\\u{2067}\\u{2068}\\u{2069}"},
    {"bad\xFF\xC0", "bad\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"cut\xE2\x80", "cut\xEF\xBF\xBD"},
    {"\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"},  // 中文 stays as it is
    {"\xE2\x80\x8D", "\xE2\x80\x8D"},  // ZWJ is not in the SPEC's list
};

std::string percent_encode(std::string_view s) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

snapcheck::violation only(const snapcheck::result& r, code c) {
  for (const auto& v : r.violations())
    if (v.code == c) return v;
  BOOST_FAIL("no violation with code " << snapcheck::to_string(c));
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)
BOOST_AUTO_TEST_SUITE(hostile_names)

// The example: CR, LF, an escape sequence and U+202E in one name.
BOOST_AUTO_TEST_CASE(crafted_unknown_name_is_escaped_in_the_message) {
  const auto r = snapcheck::validate_form("regionId=cn&DiskId=d&x%0D%0A%1B%5B2J%E2%80%AE=1");
  const auto v = only(r, code::unknown_parameter);
  BOOST_TEST(snapcheck::message(v) ==
             "x\\u{000D}\\u{000A}\\u{001B}[2J\\u{202E} is not a parameter of this API and is ignored");
  // The field member stays the name as given.
  BOOST_TEST(snapcheck::field_name(v.field) == "x\r\n\x1B[2J\xE2\x80\xAE");
}

BOOST_AUTO_TEST_CASE(empty_name_has_a_subject) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&=x"), code::unknown_parameter);
  BOOST_TEST(snapcheck::message(v) == "(empty name) is not a parameter of this API and is ignored");
  BOOST_TEST(snapcheck::field_name(v.field).empty());
}

BOOST_AUTO_TEST_CASE(escapes_use_upper_case_hex_and_at_least_four_digits) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&%1b%e2%80%ae%c2%9f=1"), code::unknown_parameter);
  BOOST_TEST(snapcheck::message(v).starts_with("\\u{001B}\\u{202E}\\u{009F} is not"));
}

// Each hostile name, as a decoded pair, a form-encoded name and raw bytes in
// a form body, shown exactly as the table above says.
BOOST_AUTO_TEST_CASE(unknown_names_from_every_input_form) {
  for (const auto& h : hostile_cases) {
    BOOST_TEST_CONTEXT("name " << percent_encode(h.bytes)) {
      const std::vector<std::pair<std::string, std::string>> pairs = {
          {"regionId", "cn"}, {"DiskId", "d"}, {h.bytes, "v"}};
      const auto from_params = snapcheck::validate_params(pairs);
      const std::string encoded = "regionId=cn&DiskId=d&" + percent_encode(h.bytes) + "=v";
      const auto from_form = snapcheck::validate_form(encoded);
      const bool utf8 = h.shown.find("\xEF\xBF\xBD") == std::string::npos;
      const code c = utf8 ? code::unknown_parameter : code::invalid_utf8;
      for (const auto* r : {&from_params, &from_form}) {
        const auto v = only(*r, c);
        const std::string m = snapcheck::message(v);
        BOOST_TEST(line_fault(m) == "");
        BOOST_TEST(m.starts_with(h.shown + " "), m);
      }
    }
  }
}

// A badly encoded name is shown raw: its bytes are still escaped.
BOOST_AUTO_TEST_CASE(badly_encoded_raw_name_is_escaped) {
  const std::string body = "regionId=cn&DiskId=d&a\r\n\x1B%zz\xE2\x80\xAE=1";
  const auto v = only(snapcheck::validate_form(body), code::bad_encoding);
  BOOST_TEST(snapcheck::field_name(v.field) == "a\r\n\x1B%zz\xE2\x80\xAE");
  BOOST_TEST(snapcheck::message(v) ==
             "a\\u{000D}\\u{000A}\\u{001B}%zz\\u{202E} (a parameter name) has a '%' that is not followed by "
             "two hexadecimal digits");
}

BOOST_AUTO_TEST_CASE(bad_tag_index_name_is_escaped) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&Tag.%0A.Key=k"), code::bad_tag_index);
  const std::string m = snapcheck::message(v);
  BOOST_TEST(m.starts_with("Tag.\\u{000A}.Key has an index"), m);
  BOOST_TEST(line_fault(m) == "");
}

// Every code's message, for every hostile name held in every way a field
// path can hold text, with and without a table row, at both severities:
// one line, valid UTF-8, no control or bidi character, and a subject.
BOOST_AUTO_TEST_CASE(every_message_of_every_code_stays_one_clean_line) {
  using snapcheck::field_path;
  using snapcheck::name_text;
  const auto& rows = snapcheck::apis::create_snapshot::fields;
  std::vector<const snapcheck::field*> defs = {&snapcheck::detail::no_row};
  for (const auto& f : rows) defs.push_back(&f);
  std::size_t rendered = 0;
  for (std::size_t ci = 0; ci < snapcheck::code_count; ++ci) {
    const auto c = static_cast<code>(ci);
    for (const auto& h : hostile_cases) {
      // Decoded text; the same bytes form-encoded; and raw (bad encoding).
      const std::string encoded = percent_encode(h.bytes);
      const std::pair<std::string_view, name_text> texts[] = {
          {h.bytes, name_text::decoded}, {encoded, name_text::form_encoded}, {h.bytes, name_text::raw}};
      for (const auto& [text, form] : texts) {
        for (const snapcheck::field* def : defs) {
          for (const auto sev : {snapcheck::severity::error, snapcheck::severity::warning}) {
            // A row with rules is tried with each of its rules too.
            std::vector<const snapcheck::rule*> rules = {&snapcheck::detail::no_rule};
            for (std::size_t k = 0; k < def->rule_count(); ++k) rules.push_back(&def->rules[k]);
            for (const snapcheck::rule* rule : rules) {
              snapcheck::violation v;
              v.field = field_path{def, 0, snapcheck::spelling::name, snapcheck::string_view(text.data(), text.size()), form};
              v.code = c;
              v.severity = sev;
              v.api_code = "InvalidParameter";
              v.at = std::size_t{0};
              v.length = std::size_t{1};
              v.limit = std::uint64_t{1};
              v.rule = rule;
              const std::string m = snapcheck::message(v);
              ++rendered;
              const std::string fault = line_fault(m);
              if (!fault.empty())
                BOOST_ERROR(snapcheck::to_string(c) << " with " << percent_encode(h.bytes) << ": " << fault
                                                   << ": " << percent_encode(m));
              // A message about a parameter shows its name (escaped) first.
              if (c != code::too_many_parameters && !v.field.is_known() && !m.starts_with(h.shown))
                BOOST_ERROR(snapcheck::to_string(c) << ": " << m << " does not start with " << h.shown);
            }
          }
        }
      }
    }
  }
  BOOST_TEST(rendered > snapcheck::code_count * std::size(hostile_cases) * 3 * 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(message_wording)

BOOST_AUTO_TEST_CASE(positions_count_from_one) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&SnapshotName=a.b"), code::bad_char);
  BOOST_TEST(*v.at == 1u);
  BOOST_TEST(snapcheck::message(v).ends_with("(at character 2)"));
  const auto w = only(snapcheck::validate_form("regionId=cn&DiskId=d&Tag.1.Key=http://x"), code::forbidden_substring);
  BOOST_TEST(*w.at == 0u);
  BOOST_TEST(snapcheck::message(w).ends_with("(at character 1)"));
}

BOOST_AUTO_TEST_CASE(byte_offsets_count_from_one) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&Category=%FF"), code::invalid_utf8);
  BOOST_TEST(*v.at == 0u);
  BOOST_TEST(snapcheck::message(v) == "Category is not valid UTF-8 (at byte 1)");
}

BOOST_AUTO_TEST_CASE(singular_bound_says_character) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&Tag.1.Key="), code::too_short);
  BOOST_TEST(*v.limit == 1u);
  BOOST_TEST(snapcheck::message(v) == "Tag.1.Key must be at least 1 character long (it has 0)");
  const auto w = only(snapcheck::validate_form("regionId=cn&DiskId=d&SnapshotName=a"), code::too_short);
  BOOST_TEST(snapcheck::message(w) == "SnapshotName must be at least 2 characters long (it has 1)");
}

BOOST_AUTO_TEST_CASE(too_many_parameters_names_the_limit) {
  snapcheck::violation v;
  v.code = code::too_many_parameters;
  v.limit = std::uint64_t{1024};
  BOOST_TEST(snapcheck::message(v) == "the request has more than 1024 parameters, the most it may have");
  v.limit = std::uint64_t{1};
  BOOST_TEST(snapcheck::message(v) == "the request has more than 1 parameter, the most it may have");
}

// Once the engine sets limit (SPEC v2), the message of a real request names it.
BOOST_AUTO_TEST_CASE(too_many_parameters_from_a_request) {
  snapcheck::options opt;
  opt.max_parameters = 3;
  const auto v = only(snapcheck::validate_form("a=1&b=2&c=3&d=4", opt), code::too_many_parameters);
  const std::string m = snapcheck::message(v);
  BOOST_TEST(line_fault(m) == "");
  if (v.limit) BOOST_TEST(m == "the request has more than 3 parameters, the most it may have");
}

BOOST_AUTO_TEST_CASE(duplicate_tag_key_names_the_family_of_its_row) {
  const auto v = only(snapcheck::validate_form("regionId=cn&DiskId=d&Tag.1.Key=k&Tag.2.Key=k"),
                      code::duplicate_tag_key);
  BOOST_TEST(snapcheck::message(v) == "Tag.2.Key has the same value as a Tag.N.Key with a lower N");
}

// A made-up table whose family is not called Tag: the message says Label.
struct labelled {
  static constexpr snapcheck::string_view api = "Labelled";
  static constexpr snapcheck::api_codes codes{.missing = "Missing", .parameter = "Invalid"};
  static constexpr snapcheck::field fields[] = {
      {.name = "Label.{N}.Name", .min_index = 1, .max_index = 5, .api_code = "InvalidLabel",
       .rules = {snapcheck::rules::unique_in_family()}},
  };
};

BOOST_AUTO_TEST_CASE(duplicate_key_of_another_family) {
  const auto r = snapcheck::validate_form<labelled>("Label.1.Name=a&Label.2.Name=a");
  const auto v = only(r, code::duplicate_tag_key);
  BOOST_TEST(snapcheck::message(v) == "Label.2.Name has the same value as a Label.N.Name with a lower N");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

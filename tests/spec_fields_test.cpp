// SPEC §4: the field rules of the documented profile (the default). One
// nested suite per field, a case per rule and per boundary. Every value goes
// through two input forms, a parameter list of raw bytes and a form body in
// which the test itself percent-encodes every byte, and both must give the
// same violations (SPEC §2: all forms reach the same rules).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/snapcheck.hpp>

#include "support/request_text.hpp"

namespace {

namespace sc = snapcheck;
using namespace request_text;
using sc::code;
using param = std::pair<std::string, std::string>;




int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}


// Test-side notation: "%HH" in a literal stands for the byte 0xHH, so that
// ill-formed UTF-8 reads clearly ("ab%E0%80%80z"). Decoded here, not by the
// library.
std::string bytes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}




// Everything a violation carries, in report order, to compare two input forms.
std::string details(const sc::result& r) {
  std::string out;
  for (const auto& v : r.violations()) {
    out += field_of(v) + ":" + std::string(sc::to_string(v.code)) + "/" + std::string(sc::to_string(v.severity)) +
           "/" + std::string(v.api_code) + " at=" + std::to_string(num(v.at)) +
           " length=" + std::to_string(num(v.length)) + " limit=" + std::to_string(num(v.limit)) +
           " suggestion=" + std::string(v.suggested_value) + "; ";
  }
  return out + (r.ok() ? "ok" : "not ok");
}

// Exactly the given parameters (spelled out at call sites for clarity).
std::vector<param> exactly(std::vector<param> all) { return all; }

// The parameters a valid request needs, then extra.
std::vector<param> with_ids(std::vector<param> extra) {
  std::vector<param> all{{"regionId", "cn-hangzhou"}, {"DiskId", "d-bp1"}};
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

// One request, validated as a parameter list and as a form body; the two
// results must agree in every detail.
class request {
 public:
  // Exactly the given parameters.
  explicit request(std::vector<param> all)
      : params_(std::move(all)),
        body_(encode(params_)),
        list_(sc::validate_params(params_)),
        form_(sc::validate_form(body_)) {
    BOOST_TEST_INFO("the parameter list and the form body " << body_ << " must agree");
    BOOST_TEST(details(list_) == details(form_));
  }
  // regionId, DiskId and name=value.
  request(std::string name, std::string value) : request(with_ids({{std::move(name), std::move(value)}})) {}
  request(const request&) = delete;
  request& operator=(const request&) = delete;

  [[nodiscard]] const sc::result& result() const { return list_; }
  [[nodiscard]] std::string summary() const { return ::summary(list_); }
  [[nodiscard]] bool ok() const { return list_.ok() && form_.ok(); }
  [[nodiscard]] std::size_t count() const { return list_.violations().size(); }

  // Returns the violation of the given field and code (fails the case if none).
  [[nodiscard]] const sc::violation& the(std::string_view field, code c) const {
    for (const auto& v : list_.violations())
      if (v.code == c && field_of(v) == field) return v;
    BOOST_FAIL("no " << sc::to_string(c) << " on " << field << " in: " << details(list_));
    return list_.violations().front();
  }

 private:
  static std::string encode(const std::vector<param>& ps) {
    std::string b;
    for (const auto& [n, v] : ps) {
      if (!b.empty()) b += '&';
      b += form_encode(n) + "=" + form_encode(v);
    }
    return b;
  }

  std::vector<param> params_;
  std::string body_;
  sc::result list_;
  sc::result form_;
};

// A form body as written (for spellings only a form body has).
class form {
 public:
  explicit form(std::string body) : body_(std::move(body)), r_(sc::validate_form(body_)) {}
  form(const form&) = delete;
  form& operator=(const form&) = delete;
  [[nodiscard]] std::string summary() const { return ::summary(r_); }
  [[nodiscard]] const sc::result& result() const { return r_; }

 private:
  std::string body_;
  sc::result r_;
};

const std::string ids = "regionId=cn-hangzhou&DiskId=d-bp1&";

// Checks the numbers and codes of one violation.
void check(const sc::violation& v, std::string_view api_code, std::uint64_t at, std::uint64_t length,
           std::uint64_t limit) {
  BOOST_TEST(v.api_code == api_code);
  BOOST_TEST(sc::to_string(v.severity) == "error");
  BOOST_TEST(num(v.at) == at);
  BOOST_TEST(num(v.length) == length);
  BOOST_TEST(num(v.limit) == limit);
}

constexpr std::string_view name_api = "InvalidSnapshotName.Malformed";
constexpr std::string_view desc_api = "InvalidDescription.Malformed";
constexpr std::string_view category_api = "InvalidSnapshotCategory.Malformed";
constexpr std::string_view days_api = "InvalidRetentionDays.Malformed";
constexpr std::string_view token_api = "InvalidClientToken.Malformed";
constexpr std::string_view key_api = "InvalidTagKey.Malformed";
constexpr std::string_view value_api = "InvalidTagValue.Malformed";

// A Chinese character outside the BMP (U+20000), four bytes in UTF-8.
const std::string astral_han = "\xF0\xA0\x80\x80";

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_fields)

// ---------------------------------------------------------------- regionId
BOOST_AUTO_TEST_SUITE(region_id)

BOOST_AUTO_TEST_CASE(absent_is_missing) {
  const request q(exactly({{"DiskId", "d-1"}}));
  BOOST_TEST(q.summary() == "regionId:missing");
  BOOST_TEST(q.the("regionId", code::missing).api_code == "MissingParameter");
  BOOST_TEST(!q.ok());
}

BOOST_AUTO_TEST_CASE(empty_is_missing) {
  const request q(exactly({{"regionId", ""}, {"DiskId", "d-1"}}));
  BOOST_TEST(q.summary() == "regionId:missing");
  BOOST_TEST(q.the("regionId", code::missing).api_code == "MissingParameter");
}

BOOST_AUTO_TEST_CASE(any_nonempty_value_is_fine) {
  // The documented profile has no charset or length rule for regionId.
  const request q(exactly({{"regionId", cat({"CN_Hang zhou.中", rep("x", 100)})}, {"DiskId", "d-1"}}));
  BOOST_TEST(q.summary() == "");
  BOOST_TEST(q.ok());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- DiskId
BOOST_AUTO_TEST_SUITE(disk_id)

BOOST_AUTO_TEST_CASE(absent_is_missing) {
  const request q(exactly({{"regionId", "cn"}}));
  BOOST_TEST(q.summary() == "DiskId:missing");
  BOOST_TEST(q.the("DiskId", code::missing).api_code == "MissingParameter");
}

BOOST_AUTO_TEST_CASE(empty_is_missing) {
  const request q(exactly({{"regionId", "cn"}, {"DiskId", ""}}));
  BOOST_TEST(q.summary() == "DiskId:missing");
}

BOOST_AUTO_TEST_CASE(both_absent_are_both_missing) {
  const request q(std::vector<param>{});
  BOOST_TEST(q.summary() == "DiskId:missing, regionId:missing");
}

BOOST_AUTO_TEST_CASE(any_nonempty_value_is_fine) {
  const request q(exactly({{"regionId", "cn"}, {"DiskId", cat({"d.1 中/", rep("y", 100)})}}));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- SnapshotName
BOOST_AUTO_TEST_SUITE(snapshot_name)

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("SnapshotName", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_short_1) {
  const request q("SnapshotName", "a");
  BOOST_TEST(q.summary() == "SnapshotName:too_short");
  check(q.the("SnapshotName", code::too_short), name_api, none, 1, 2);
}

BOOST_AUTO_TEST_CASE(too_short_1_han) {
  const request q("SnapshotName", "中");
  BOOST_TEST(q.summary() == "SnapshotName:too_short");
  check(q.the("SnapshotName", code::too_short), name_api, none, 1, 2);
}

BOOST_AUTO_TEST_CASE(exact_2) {
  const request q("SnapshotName", "ab");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_ascii) {
  const request q("SnapshotName", rep("a", 128));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_astral_han) {
  // 128 characters, 512 bytes: lengths count code points.
  const request q("SnapshotName", rep(astral_han, 128));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_129) {
  const request q("SnapshotName", rep("a", 129));
  BOOST_TEST(q.summary() == "SnapshotName:too_long");
  check(q.the("SnapshotName", code::too_long), name_api, none, 129, 128);
}

BOOST_AUTO_TEST_CASE(too_long_129_astral_han) {
  const request q("SnapshotName", rep(astral_han, 129));
  BOOST_TEST(q.summary() == "SnapshotName:too_long");
  check(q.the("SnapshotName", code::too_long), name_api, none, 129, 128);
}

BOOST_AUTO_TEST_CASE(starts_with_letter_or_han) {
  for (const std::string& v : {std::string("ab"), std::string("Zz"), std::string("中文"), std::string("中a"),
                               astral_han + "a", std::string("\xE3\x90\x80" "x")}) {
    BOOST_TEST_CONTEXT("SnapshotName=" << v) {
      const request q("SnapshotName", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_start_digit) {
  const request q("SnapshotName", "1abc");
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
  BOOST_TEST(q.the("SnapshotName", code::bad_start).api_code == name_api);
}

BOOST_AUTO_TEST_CASE(bad_start_underscore) {
  const request q("SnapshotName", "_abc");
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(bad_start_colon) {
  const request q("SnapshotName", ":abc");
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(bad_start_hyphen) {
  const request q("SnapshotName", "-abc");
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(bad_start_non_ascii_letter) {
  // "letter" means ASCII A-Z a-z (SPEC §1): é is not one.
  const request q("SnapshotName", "\xC3\xA9" "abc");
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(bad_start_fullwidth_letter) {
  const request q("SnapshotName", "\xEF\xBC\xA1" "bc");  // U+FF21 FULLWIDTH A
  BOOST_TEST(q.summary() == "SnapshotName:bad_start");
}

BOOST_AUTO_TEST_CASE(allowed_later_chars) {
  const request q("SnapshotName", cat({"a:b_c-d0123456789XYZ中", astral_han}));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(bad_char_space) {
  const request q("SnapshotName", "ab cd");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char");
  check(q.the("SnapshotName", code::bad_char), name_api, 2, none, none);
}

BOOST_AUTO_TEST_CASE(bad_char_first_offender_only) {
  const request q("SnapshotName", "ab.c d/e");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char");
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(bad_char_at_is_character_index_not_byte) {
  // Three Chinese characters (9 bytes), then a space: at = 3.
  const request q("SnapshotName", "中文名 x");
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 3u);
}

BOOST_AUTO_TEST_CASE(bad_char_at_after_astral_chars) {
  const request q("SnapshotName", cat({"a", astral_han, astral_han, "."}));
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 3u);
}

BOOST_AUTO_TEST_CASE(bad_char_non_ascii_later) {
  const request q("SnapshotName", "ab\xC3\xA9");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char");
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(bad_start_and_bad_char_both_reported) {
  const request q("SnapshotName", "1a b");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char, SnapshotName:bad_start");
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 2u);
}

BOOST_AUTO_TEST_CASE(reserved_prefix_http) {
  // '/' is outside the charset too: both rules report, each once.
  const request q("SnapshotName", "http://x");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char, SnapshotName:reserved_prefix");
  BOOST_TEST(q.the("SnapshotName", code::reserved_prefix).api_code == name_api);
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 5u);
}

BOOST_AUTO_TEST_CASE(reserved_prefix_https_upper_case) {
  const request q("SnapshotName", "HTTPS://x");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char, SnapshotName:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(reserved_prefix_mixed_case) {
  const request q("SnapshotName", "hTtP://x");
  BOOST_TEST(q.summary() == "SnapshotName:bad_char, SnapshotName:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(https_colon_without_slashes_is_not_reserved) {
  const request q("SnapshotName", "https:abc");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(http_colon_without_slashes_is_not_reserved) {
  const request q("SnapshotName", "http:x");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(auto_prefix_reserved) {
  const request q("SnapshotName", "autox");
  BOOST_TEST(q.summary() == "SnapshotName:reserved_prefix");
  BOOST_TEST(q.the("SnapshotName", code::reserved_prefix).api_code == name_api);
}

BOOST_AUTO_TEST_CASE(auto_alone_reserved) {
  const request q("SnapshotName", "auto");
  BOOST_TEST(q.summary() == "SnapshotName:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(auto_with_separator_reserved) {
  const request q("SnapshotName", "auto_daily");
  BOOST_TEST(q.summary() == "SnapshotName:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(auto_is_case_sensitive) {
  for (const char* v : {"Auto1", "AUTO", "aUto", "autO"}) {
    BOOST_TEST_CONTEXT("SnapshotName=" << v) {
      const request q("SnapshotName", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(auto_only_as_prefix) {
  for (const char* v : {"xauto", "aut", "au-to"}) {
    BOOST_TEST_CONTEXT("SnapshotName=" << v) {
      const request q("SnapshotName", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(each_rule_reports_at_most_once) {
  // Every rule broken, several times over where it can be: each reports once.
  const request q("SnapshotName", cat({"9", rep(" .", 100)}));
  BOOST_TEST(q.summary() == "SnapshotName:bad_char, SnapshotName:bad_start, SnapshotName:too_long");
  BOOST_TEST(num(q.the("SnapshotName", code::bad_char).at) == 1u);
  BOOST_TEST(q.count() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- Description
BOOST_AUTO_TEST_SUITE(description)

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("Description", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_short_1) {
  const request q("Description", "a");
  BOOST_TEST(q.summary() == "Description:too_short");
  check(q.the("Description", code::too_short), desc_api, none, 1, 2);
}

BOOST_AUTO_TEST_CASE(exact_2) {
  const request q("Description", "ab");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_256_han) {
  const request q("Description", rep("中", 256));  // 768 bytes
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_256_astral) {
  const request q("Description", rep("\xF0\x9F\x98\x80", 256));  // U+1F600, 1024 bytes
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_257) {
  const request q("Description", rep("a", 257));
  BOOST_TEST(q.summary() == "Description:too_long");
  check(q.the("Description", code::too_long), desc_api, none, 257, 256);
}

BOOST_AUTO_TEST_CASE(too_long_257_han) {
  const request q("Description", rep("中", 257));
  check(q.the("Description", code::too_long), desc_api, none, 257, 256);
}

BOOST_AUTO_TEST_CASE(reserved_prefix_http) {
  const request q("Description", "http://example.com");
  BOOST_TEST(q.summary() == "Description:reserved_prefix");
  BOOST_TEST(q.the("Description", code::reserved_prefix).api_code == desc_api);
}

BOOST_AUTO_TEST_CASE(reserved_prefix_https_any_case) {
  for (const char* v : {"https://x", "HTTPS://x", "HtTpS://x", "HTTP://x"}) {
    BOOST_TEST_CONTEXT("Description=" << v) {
      const request q("Description", v);
      BOOST_TEST(q.summary() == "Description:reserved_prefix");
    }
  }
}

BOOST_AUTO_TEST_CASE(scheme_without_slashes_is_not_reserved) {
  const request q("Description", "https: see the docs");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(link_later_in_text_is_fine) {
  // Only the start is ruled: there is no substring rule on Description.
  const request q("Description", "see http://example.com");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(any_characters_allowed) {
  // No charset rule in the documented profile: spaces, punctuation, controls,
  // bidi controls, form delimiters, astral characters.
  const std::string v = "This is a description example. &=%+/?#\t\x01\x7F\xC2\x85\xE2\x80\xAE\xE2\x81\xA6"
                        "\xF0\x9F\x98\x80\xC3\xA9";
  const request q("Description", v);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(starting_with_digit_or_space_is_fine) {
  const request q("Description", " 1st");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(each_rule_reports_at_most_once) {
  const request q("Description", cat({"http://", rep("x", 300)}));
  BOOST_TEST(q.summary() == "Description:reserved_prefix, Description:too_long");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- Category
BOOST_AUTO_TEST_SUITE(category)

BOOST_AUTO_TEST_CASE(standard_ok) {
  const request q("Category", "Standard");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(flash_ok) {
  const request q("Category", "Flash");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("Category", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(lower_case_suggests_standard) {
  const request q("Category", "standard");
  BOOST_TEST(q.summary() == "Category:not_in_enum");
  const auto& v = q.the("Category", code::not_in_enum);
  BOOST_TEST(v.api_code == category_api);
  BOOST_TEST(v.has_suggestion());
  BOOST_TEST(v.suggested_value == "Standard");
}

BOOST_AUTO_TEST_CASE(upper_case_suggests_flash) {
  const request q("Category", "FLASH");
  const auto& v = q.the("Category", code::not_in_enum);
  BOOST_TEST(v.suggested_value == "Flash");
}

BOOST_AUTO_TEST_CASE(unrelated_value_has_no_suggestion) {
  const request q("Category", "Foo");
  BOOST_TEST(q.summary() == "Category:not_in_enum");
  const auto& v = q.the("Category", code::not_in_enum);
  BOOST_TEST(!v.has_suggestion());
  BOOST_TEST(v.suggested_value.empty());
}

BOOST_AUTO_TEST_CASE(leading_space_not_ok) {
  const request q("Category", " Flash");
  BOOST_TEST(q.summary() == "Category:not_in_enum");
  // Not a case-only mismatch: no suggestion.
  BOOST_TEST(q.the("Category", code::not_in_enum).suggested_value.empty());
}

BOOST_AUTO_TEST_CASE(trailing_space_not_ok) {
  const request q("Category", "Standard ");
  BOOST_TEST(q.summary() == "Category:not_in_enum");
}

BOOST_AUTO_TEST_CASE(prefix_of_value_not_ok) {
  for (const char* v : {"Flas", "Standar", "FlashX", "StandardFlash"}) {
    BOOST_TEST_CONTEXT("Category=" << v) {
      const request q("Category", v);
      BOOST_TEST(q.summary() == "Category:not_in_enum");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- RetentionDays
BOOST_AUTO_TEST_SUITE(retention_days)

BOOST_AUTO_TEST_CASE(min_1_ok) {
  const request q("RetentionDays", "1");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(max_65536_ok) {
  const request q("RetentionDays", "65536");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(leading_zeros_ok) {
  for (const char* v : {"0001", "065536", "00030"}) {
    BOOST_TEST_CONTEXT("RetentionDays=" << v) {
      const request q("RetentionDays", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(many_leading_zeros_ok) {
  const request q("RetentionDays", rep("0", 1000) + "7");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("RetentionDays", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(zero_out_of_range_limit_1) {
  const request q("RetentionDays", "0");
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
  check(q.the("RetentionDays", code::out_of_range), days_api, none, none, 1);
}

BOOST_AUTO_TEST_CASE(zeros_out_of_range_limit_1) {
  const request q("RetentionDays", "0000");
  check(q.the("RetentionDays", code::out_of_range), days_api, none, none, 1);
}

BOOST_AUTO_TEST_CASE(over_65536_out_of_range_limit_65536) {
  const request q("RetentionDays", "65537");
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
  check(q.the("RetentionDays", code::out_of_range), days_api, none, none, 65536);
}

BOOST_AUTO_TEST_CASE(thousand_digits_out_of_range_no_overflow) {
  const request q("RetentionDays", rep("9", 1000));
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
  check(q.the("RetentionDays", code::out_of_range), days_api, none, none, 65536);
}

BOOST_AUTO_TEST_CASE(power_of_ten_thousand_digits_out_of_range) {
  const request q("RetentionDays", cat({"1", rep("0", 999)}));
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
}

BOOST_AUTO_TEST_CASE(two_to_the_64_plus_1_out_of_range) {
  // Wraps to 1 in 64-bit arithmetic: must still be out of range.
  const request q("RetentionDays", "18446744073709551617");
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
  BOOST_TEST(num(q.the("RetentionDays", code::out_of_range).limit) == 65536u);
}

BOOST_AUTO_TEST_CASE(two_to_the_64_plus_65536_out_of_range) {
  // Wraps to 65536 in 64-bit arithmetic.
  const request q("RetentionDays", "18446744073709617152");
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
}

BOOST_AUTO_TEST_CASE(two_to_the_32_plus_1_out_of_range) {
  const request q("RetentionDays", "4294967297");
  BOOST_TEST(q.summary() == "RetentionDays:out_of_range");
}

BOOST_AUTO_TEST_CASE(not_integer_forms) {
  const std::vector<std::string> values = {
      "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "1,000", "1_000", "\xEF\xBC\x90" /* U+FF10 fullwidth 0 */,
      "\xD9\xA1" /* U+0661 Arabic-Indic 1 */, "one", "\t1", "-0", "1\n"};
  for (const auto& v : values) {
    BOOST_TEST_CONTEXT("RetentionDays=" << v) {
      const request q("RetentionDays", v);
      BOOST_TEST(q.summary() == "RetentionDays:not_integer");
      check(q.the("RetentionDays", code::not_integer), days_api, none, none, none);
    }
  }
}

BOOST_AUTO_TEST_CASE(minus_sign) {
  const request q("RetentionDays", "-1");
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(plus_sign) {
  const request q("RetentionDays", "+1");
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(leading_space) {
  const request q("RetentionDays", " 1");
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(trailing_space) {
  const request q("RetentionDays", "1 ");
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(fullwidth_digit) {
  const request q("RetentionDays", "\xEF\xBC\x90");
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(decimal_and_exponent) {
  const request a("RetentionDays", "1.0");
  BOOST_TEST(a.summary() == "RetentionDays:not_integer");
  const request b("RetentionDays", "1e3");
  BOOST_TEST(b.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_CASE(not_integer_reported_once_and_without_range) {
  // Huge and non-numeric: only not_integer, once.
  const request q("RetentionDays", cat({rep("9", 50), "x", rep("9", 50)}));
  BOOST_TEST(q.summary() == "RetentionDays:not_integer");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- ClientToken
BOOST_AUTO_TEST_SUITE(client_token)

BOOST_AUTO_TEST_CASE(empty_is_absent) {
  const request q("ClientToken", "");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_64_ok) {
  const request q("ClientToken", rep("a", 64));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_65) {
  const request q("ClientToken", rep("a", 65));
  BOOST_TEST(q.summary() == "ClientToken:too_long");
  check(q.the("ClientToken", code::too_long), token_api, none, 65, 64);
}

BOOST_AUTO_TEST_CASE(one_char_ok) {
  const request q("ClientToken", "x");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(non_ascii_bad_char) {
  const request q("ClientToken", "abc\xC3\xA9");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  check(q.the("ClientToken", code::bad_char), token_api, 3, none, none);
}

BOOST_AUTO_TEST_CASE(bad_char_at_is_first_non_ascii_character_index) {
  // a, 中 (index 1), b, 中: one bad_char at 1.
  const request q("ClientToken", "a中b中");
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 1u);
}

BOOST_AUTO_TEST_CASE(bad_char_at_counts_characters_before_it) {
  const request q("ClientToken", "\xC3\xA9\xC3\xA9" "x\xE2\x82\xAC");
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 0u);
}

BOOST_AUTO_TEST_CASE(control_characters_allowed) {
  // ASCII includes controls; the documented profile only asks for ASCII.
  for (const std::string& v : {std::string("a\tb"), std::string("\x01\x1F"), std::string("a\x7F"),
                              std::string("a b"), std::string("a\0b", 3)}) {
    BOOST_TEST_CONTEXT("ClientToken bytes " << form_encode(v)) {
      const request q("ClientToken", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(all_printable_ascii_allowed) {
  std::string v;
  for (char c = '!'; c <= '~' && v.size() < 64; ++c) v.push_back(c);
  const request q("ClientToken", v);
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(length_counted_in_characters) {
  // 40 characters, 80 bytes: not too long, but not ASCII either.
  const request q("ClientToken", rep("\xC3\xA9", 40));
  BOOST_TEST(q.summary() == "ClientToken:bad_char");
  BOOST_TEST(num(q.the("ClientToken", code::bad_char).at) == 0u);
}

BOOST_AUTO_TEST_CASE(too_long_in_characters_and_bad_char) {
  const request q("ClientToken", rep("\xC3\xA9", 65));
  BOOST_TEST(q.summary() == "ClientToken:bad_char, ClientToken:too_long");
  check(q.the("ClientToken", code::too_long), token_api, none, 65, 64);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- version
BOOST_AUTO_TEST_SUITE(version)

BOOST_AUTO_TEST_CASE(any_valid_utf8_ok) {
  for (const char* v : {"whatever", "2016-01-01", "2016-13-45", "中文", " ", "\x01"}) {
    BOOST_TEST_CONTEXT("version=" << form_encode(v)) {
      const request q("version", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(long_value_ok) {
  const request q("version", rep("v", 5000));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(ill_formed_is_invalid_utf8_invalid_parameter) {
  const request q("version", bytes("2016%FF"));
  BOOST_TEST(q.summary() == "version:invalid_utf8");
  check(q.the("version", code::invalid_utf8), "InvalidParameter", 4, none, none);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- Tag.N.Key
BOOST_AUTO_TEST_SUITE(tag_key)

BOOST_AUTO_TEST_CASE(empty_too_short_length_0_limit_1) {
  const request q("Tag.1.Key", "");
  BOOST_TEST(q.summary() == "Tag.1.Key:too_short");
  check(q.the("Tag.1.Key", code::too_short), key_api, none, 0, 1);
}

BOOST_AUTO_TEST_CASE(one_char_ok) {
  const request q("Tag.1.Key", "k");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_ok) {
  const request q("Tag.1.Key", rep("k", 128));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_astral_ok) {
  const request q("Tag.1.Key", rep(astral_han, 128));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_129) {
  const request q("Tag.1.Key", rep("k", 129));
  BOOST_TEST(q.summary() == "Tag.1.Key:too_long");
  check(q.the("Tag.1.Key", code::too_long), key_api, none, 129, 128);
}

BOOST_AUTO_TEST_CASE(too_long_129_han) {
  const request q("Tag.20.Key", rep("中", 129));
  check(q.the("Tag.20.Key", code::too_long), key_api, none, 129, 128);
}

BOOST_AUTO_TEST_CASE(any_characters_allowed) {
  const request q("Tag.1.Key", "a b.c/d=e&f%g+h\t\xE2\x80\xAE");
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(reserved_prefix_aliyun) {
  for (const char* v : {"aliyun", "aliyunfoo", "aliyun:x", "aliyun http"}) {
    BOOST_TEST_CONTEXT("Tag.1.Key=" << v) {
      const request q("Tag.1.Key", v);
      BOOST_TEST(q.summary() == "Tag.1.Key:reserved_prefix");
      BOOST_TEST(q.the("Tag.1.Key", code::reserved_prefix).api_code == key_api);
    }
  }
}

BOOST_AUTO_TEST_CASE(reserved_prefix_acs_colon) {
  for (const char* v : {"acs:", "acs:x", "acs:ecs:tag"}) {
    BOOST_TEST_CONTEXT("Tag.1.Key=" << v) {
      const request q("Tag.1.Key", v);
      BOOST_TEST(q.summary() == "Tag.1.Key:reserved_prefix");
    }
  }
}

BOOST_AUTO_TEST_CASE(reserved_prefixes_are_case_sensitive) {
  for (const char* v : {"Aliyun", "ALIYUN", "aliYun", "ACS:x", "Acs:x", "aCs:x"}) {
    BOOST_TEST_CONTEXT("Tag.1.Key=" << v) {
      const request q("Tag.1.Key", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(near_prefixes_are_fine) {
  for (const char* v : {"aliyu", "acs", "acsx", "acs-x", "x-aliyun", "xacs:"}) {
    BOOST_TEST_CONTEXT("Tag.1.Key=" << v) {
      const request q("Tag.1.Key", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(forbidden_substring_http_at_start) {
  const request q("Tag.1.Key", "http://x");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring");
  check(q.the("Tag.1.Key", code::forbidden_substring), key_api, 0, none, none);
}

BOOST_AUTO_TEST_CASE(forbidden_substring_https_upper_case_inside) {
  const request q("Tag.1.Key", "a HTTPS://b");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 2u);
}

BOOST_AUTO_TEST_CASE(forbidden_substring_at_is_character_index) {
  // Two Chinese characters (6 bytes) before the match: at = 2.
  const request q("Tag.1.Key", "中文http://x");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 2u);
}

BOOST_AUTO_TEST_CASE(forbidden_substring_at_end) {
  const request q("Tag.1.Key", "go to hTtP://");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 6u);
}

BOOST_AUTO_TEST_CASE(earliest_match_wins) {
  const request q("Tag.1.Key", "xhttps://a http://b");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 1u);
}

BOOST_AUTO_TEST_CASE(earliest_match_wins_whichever_scheme) {
  const request a("Tag.1.Key", "ab http://c HTTPS://d");
  BOOST_TEST(num(a.the("Tag.1.Key", code::forbidden_substring).at) == 3u);
  const request b("Tag.1.Key", "abc HTTPS://c http://d");
  BOOST_TEST(num(b.the("Tag.1.Key", code::forbidden_substring).at) == 4u);
}

BOOST_AUTO_TEST_CASE(overlapping_text_matches_once) {
  // "hthttp://" has its match at 2; reported once.
  const request q("Tag.1.Key", "hthttp://http://");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 2u);
}

BOOST_AUTO_TEST_CASE(scheme_without_slashes_is_fine) {
  for (const char* v : {"http:/x", "https:x", "http//x", "https:/ /", "ftp://x"}) {
    BOOST_TEST_CONTEXT("Tag.1.Key=" << v) {
      const request q("Tag.1.Key", v);
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(reserved_prefix_and_forbidden_substring_both_reported) {
  const request q("Tag.1.Key", "acs:http://x");
  BOOST_TEST(q.summary() == "Tag.1.Key:forbidden_substring, Tag.1.Key:reserved_prefix");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 4u);
}

BOOST_AUTO_TEST_CASE(each_rule_reports_at_most_once) {
  const request q("Tag.1.Key", cat({"aliyun", rep("http://", 30)}));
  BOOST_TEST(q.summary() ==
             "Tag.1.Key:forbidden_substring, Tag.1.Key:reserved_prefix, Tag.1.Key:too_long");
  BOOST_TEST(num(q.the("Tag.1.Key", code::forbidden_substring).at) == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- Tag.N.Value
BOOST_AUTO_TEST_SUITE(tag_value)

namespace {
// A request with Tag.1.Key=k and Tag.1.Value=value.
std::vector<param> tag(std::string value) { return with_ids({{"Tag.1.Key", "k"}, {"Tag.1.Value", std::move(value)}}); }
}  // namespace

BOOST_AUTO_TEST_CASE(empty_ok) {
  const request q(tag(""));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_ok) {
  const request q(tag(rep("v", 128)));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(exact_128_astral_ok) {
  const request q(tag(rep(astral_han, 128)));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(too_long_129) {
  const request q(tag(rep("v", 129)));
  BOOST_TEST(q.summary() == "Tag.1.Value:too_long");
  check(q.the("Tag.1.Value", code::too_long), value_api, none, 129, 128);
}

BOOST_AUTO_TEST_CASE(reserved_prefix_acs_colon) {
  const request q(tag("acs:x"));
  BOOST_TEST(q.summary() == "Tag.1.Value:reserved_prefix");
  BOOST_TEST(q.the("Tag.1.Value", code::reserved_prefix).api_code == value_api);
}

BOOST_AUTO_TEST_CASE(acs_is_case_sensitive) {
  const request q(tag("ACS:x"));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(aliyun_is_fine_in_values) {
  for (const char* v : {"aliyun", "aliyunfoo"}) {
    BOOST_TEST_CONTEXT("Tag.1.Value=" << v) {
      const request q(tag(v));
      BOOST_TEST(q.summary() == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(forbidden_substring_like_keys) {
  const request q(tag("中文http://x"));
  BOOST_TEST(q.summary() == "Tag.1.Value:forbidden_substring");
  check(q.the("Tag.1.Value", code::forbidden_substring), value_api, 2, none, none);
}

BOOST_AUTO_TEST_CASE(forbidden_substring_any_case) {
  const request q(tag("HTTPS://x"));
  BOOST_TEST(num(q.the("Tag.1.Value", code::forbidden_substring).at) == 0u);
}

BOOST_AUTO_TEST_CASE(forbidden_substring_earliest_match) {
  const request q(tag("ab https://c http://d"));
  BOOST_TEST(q.summary() == "Tag.1.Value:forbidden_substring");
  BOOST_TEST(num(q.the("Tag.1.Value", code::forbidden_substring).at) == 3u);
}

BOOST_AUTO_TEST_CASE(value_without_key) {
  const request q(with_ids({{"Tag.1.Value", "v"}}));
  BOOST_TEST(q.summary() == "Tag.1.Value:value_without_key");
  const auto& v = q.the("Tag.1.Value", code::value_without_key);
  BOOST_TEST(v.api_code == "InvalidTagKey.Malformed");
  BOOST_TEST(sc::to_string(v.severity) == "error");
  BOOST_TEST(!q.ok());
}

BOOST_AUTO_TEST_CASE(empty_value_without_key) {
  const request q(with_ids({{"Tag.3.Value", ""}}));
  BOOST_TEST(q.summary() == "Tag.3.Value:value_without_key");
}

BOOST_AUTO_TEST_CASE(key_after_value_is_fine) {
  const request q(with_ids({{"Tag.1.Value", "v"}, {"Tag.1.Key", "k"}}));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(key_of_another_n_does_not_count) {
  const request q(with_ids({{"Tag.1.Key", "k"}, {"Tag.2.Value", "v"}}));
  BOOST_TEST(q.summary() == "Tag.2.Value:value_without_key");
  BOOST_TEST(q.the("Tag.2.Value", code::value_without_key).api_code == "InvalidTagKey.Malformed");
}

BOOST_AUTO_TEST_CASE(invalid_key_still_counts_as_given) {
  // The key is present (though too short): the value is not without a key.
  const request q(with_ids({{"Tag.1.Key", ""}, {"Tag.1.Value", "v"}}));
  BOOST_TEST(q.summary() == "Tag.1.Key:too_short");
}

BOOST_AUTO_TEST_CASE(key_without_value_is_fine) {
  const request q(with_ids({{"Tag.5.Key", "k"}}));
  BOOST_TEST(q.summary() == "");
}

BOOST_AUTO_TEST_CASE(each_rule_reports_at_most_once) {
  const request q(tag(cat({"acs:", rep("https://", 20)})));
  BOOST_TEST(q.summary() ==
             "Tag.1.Value:forbidden_substring, Tag.1.Value:reserved_prefix, Tag.1.Value:too_long");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- across tags
BOOST_AUTO_TEST_SUITE(across_tags)

BOOST_AUTO_TEST_CASE(duplicate_on_higher_n_only) {
  const form f(ids + "Tag.1.Key=a&Tag.3.Key=a&Tag.2.Key=a");
  BOOST_TEST(f.summary() == "Tag.2.Key:duplicate_tag_key, Tag.3.Key:duplicate_tag_key");
  for (const auto& v : f.result().violations()) {
    BOOST_TEST(v.api_code == "Duplicate.TagKey");
    BOOST_TEST(sc::to_string(v.severity) == "error");
  }
}

BOOST_AUTO_TEST_CASE(duplicate_far_apart) {
  const request q(with_ids({{"Tag.20.Key", "k"}, {"Tag.1.Key", "k"}}));
  BOOST_TEST(q.summary() == "Tag.20.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(han_keys_compared) {
  const request q(with_ids({{"Tag.1.Key", "中文"}, {"Tag.2.Key", "中文"}}));
  BOOST_TEST(q.summary() == "Tag.2.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(case_differs_no_duplicate) {
  const form f(ids + "Tag.1.Key=a&Tag.2.Key=A");
  BOOST_TEST(f.summary() == "");
}

BOOST_AUTO_TEST_CASE(trailing_space_differs_no_duplicate) {
  const form f(ids + "Tag.1.Key=a&Tag.2.Key=a%20");
  BOOST_TEST(f.summary() == "");
}

BOOST_AUTO_TEST_CASE(no_unicode_normalisation) {
  // é precomposed (C3 A9) and decomposed (65 CC 81): different bytes.
  const form f(ids + "Tag.1.Key=%C3%A9&Tag.2.Key=e%CC%81");
  BOOST_TEST(f.summary() == "");
}

BOOST_AUTO_TEST_CASE(percent_encoded_equals_plain) {
  const form f(ids + "Tag.1.Key=%41&Tag.2.Key=A");
  BOOST_TEST(f.summary() == "Tag.2.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(plus_equals_percent_20) {
  const form f(ids + "Tag.1.Key=a+b&Tag.2.Key=a%20b");
  BOOST_TEST(f.summary() == "Tag.2.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_keys_not_compared) {
  const form f(ids + "Tag.1.Key=%FF&Tag.2.Key=%FF");
  BOOST_TEST(f.summary() == "Tag.1.Key:invalid_utf8, Tag.2.Key:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_key_not_compared_with_valid_one) {
  const form f(ids + "Tag.1.Key=a%FF&Tag.2.Key=a%FF&Tag.3.Key=a");
  BOOST_TEST(f.summary() == "Tag.1.Key:invalid_utf8, Tag.2.Key:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(alias_key_compared) {
  const form f(ids + "Tag.1.key=a&Tag.2.Key=a");
  BOOST_TEST(f.summary() == "Tag.1.key:deprecated_name, Tag.2.Key:duplicate_tag_key");
}

BOOST_AUTO_TEST_CASE(keys_breaking_rules_still_compared) {
  const form f(ids + "Tag.1.Key=aliyun&Tag.2.Key=aliyun");
  BOOST_TEST(f.summary() ==
             "Tag.1.Key:reserved_prefix, Tag.2.Key:duplicate_tag_key, Tag.2.Key:reserved_prefix");
}

BOOST_AUTO_TEST_CASE(empty_keys_are_equal_too) {
  // Empty keys are present (SPEC §1), valid UTF-8, and equal byte for byte.
  const form f(ids + "Tag.1.Key=&Tag.2.Key=");
  BOOST_TEST(f.summary() == "Tag.1.Key:too_short, Tag.2.Key:duplicate_tag_key, Tag.2.Key:too_short");
}

BOOST_AUTO_TEST_CASE(equal_values_are_not_duplicates) {
  const form f(ids + "Tag.1.Key=a&Tag.1.Value=v&Tag.2.Key=b&Tag.2.Value=v");
  BOOST_TEST(f.summary() == "");
}

BOOST_AUTO_TEST_CASE(key_equal_to_another_tags_value_is_fine) {
  const form f(ids + "Tag.1.Key=a&Tag.1.Value=b&Tag.2.Key=b");
  BOOST_TEST(f.summary() == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- UTF-8 of values
BOOST_AUTO_TEST_SUITE(utf8_values)

namespace {

struct known_field {
  const char* name;
  std::string_view api_code;
};

// Every known field and the api_code of its value errors (SPEC §6 table).
const known_field known_fields[] = {
    {"regionId", "InvalidParameter"},
    {"DiskId", "InvalidParameter"},
    {"SnapshotName", name_api},
    {"Description", desc_api},
    {"Category", category_api},
    {"RetentionDays", days_api},
    {"ClientToken", token_api},
    {"version", "InvalidParameter"},
    {"Tag.1.Key", key_api},
    {"Tag.1.Value", value_api},
};

// A valid request with `name` set to value (replacing the id it names).
std::vector<param> set(std::string_view name, std::string value) {
  std::vector<param> all{{"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}, {"Tag.1.Key", "k"}};
  for (auto& p : all)
    if (p.first == name) {
      p.second = std::move(value);
      return all;
    }
  all.emplace_back(std::string(name), std::move(value));
  return all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_known_field_gets_invalid_utf8) {
  for (const auto& f : known_fields) {
    BOOST_TEST_CONTEXT("field " << f.name) {
      const request q(set(f.name, bytes("ab%E0%80%80z")));
      BOOST_TEST(q.summary() == std::string(f.name) + ":invalid_utf8");
      check(q.the(f.name, code::invalid_utf8), f.api_code, 2, none, none);
    }
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_of_a_required_field_is_not_missing) {
  // The parameter is present: invalid_utf8 only, no missing.
  const request q(set("regionId", bytes("%FF")));
  BOOST_TEST(q.summary() == "regionId:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(overlong_offset_2) {
  const request q("SnapshotName", bytes("ab%E0%80%80z"));
  BOOST_TEST(num(q.the("SnapshotName", code::invalid_utf8).at) == 2u);
}

BOOST_AUTO_TEST_CASE(truncated_alone_offset_0) {
  const request q("Description", bytes("%C3"));
  BOOST_TEST(q.summary() == "Description:invalid_utf8");
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 0u);
}

BOOST_AUTO_TEST_CASE(truncated_before_ascii) {
  const request q("Description", bytes("ok%C3x"));
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 2u);
}

BOOST_AUTO_TEST_CASE(truncated_four_byte_at_end) {
  const request q("Description", bytes("a%F0%9F%98"));
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 1u);
}

BOOST_AUTO_TEST_CASE(offset_is_bytes_not_characters) {
  // 中 is 3 bytes: the bad byte starts at byte 3 (character 1).
  const request q("Description", bytes("中%FFx"));
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 3u);
}

BOOST_AUTO_TEST_CASE(lone_continuation_byte) {
  const request q("Tag.1.Key", bytes("abc%80"));
  BOOST_TEST(num(q.the("Tag.1.Key", code::invalid_utf8).at) == 3u);
}

BOOST_AUTO_TEST_CASE(surrogate_rejected) {
  const request q("ClientToken", bytes("abc%ED%A0%80"));
  BOOST_TEST(q.summary() == "ClientToken:invalid_utf8");
  BOOST_TEST(num(q.the("ClientToken", code::invalid_utf8).at) == 3u);
}

BOOST_AUTO_TEST_CASE(above_10ffff_rejected) {
  const request q("version", bytes("%F4%90%80%80"));
  BOOST_TEST(q.summary() == "version:invalid_utf8");
  BOOST_TEST(num(q.the("version", code::invalid_utf8).at) == 0u);
}

BOOST_AUTO_TEST_CASE(two_byte_overlong_rejected) {
  const request q("Category", bytes("%C0%AF"));
  BOOST_TEST(q.summary() == "Category:invalid_utf8");
  BOOST_TEST(num(q.the("Category", code::invalid_utf8).at) == 0u);
}

BOOST_AUTO_TEST_CASE(f5_byte_rejected) {
  const request q("RetentionDays", bytes("1%F5"));
  BOOST_TEST(q.summary() == "RetentionDays:invalid_utf8");
  BOOST_TEST(num(q.the("RetentionDays", code::invalid_utf8).at) == 1u);
}

BOOST_AUTO_TEST_CASE(first_ill_formed_sequence_wins) {
  const request q("Description", bytes("a%FFb%C3"));
  BOOST_TEST(q.summary() == "Description:invalid_utf8");
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 1u);
}

BOOST_AUTO_TEST_CASE(after_han_truncated_sequence) {
  const request q("Description", bytes("中%E4%B8"));
  BOOST_TEST(num(q.the("Description", code::invalid_utf8).at) == 3u);
}

BOOST_AUTO_TEST_CASE(too_long_snapshot_name_reports_only_invalid_utf8) {
  const request q("SnapshotName", rep("a", 300) + bytes("%FF"));
  BOOST_TEST(q.summary() == "SnapshotName:invalid_utf8");
  BOOST_TEST(num(q.the("SnapshotName", code::invalid_utf8).at) == 300u);
}

BOOST_AUTO_TEST_CASE(snapshot_name_start_and_chars_not_checked) {
  const request q("SnapshotName", bytes("1 x%FF"));
  BOOST_TEST(q.summary() == "SnapshotName:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(snapshot_name_prefix_not_checked) {
  const request q("SnapshotName", bytes("auto%FF"));
  BOOST_TEST(q.summary() == "SnapshotName:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(description_rules_not_checked) {
  const request a("Description", bytes("http://%FF"));
  BOOST_TEST(a.summary() == "Description:invalid_utf8");
  const request b("Description", bytes("%FF"));  // one byte: would be too short
  BOOST_TEST(b.summary() == "Description:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(category_enum_not_checked) {
  const request q("Category", bytes("standard%FF"));
  BOOST_TEST(q.summary() == "Category:invalid_utf8");
  BOOST_TEST(q.the("Category", code::invalid_utf8).suggested_value.empty());
}

BOOST_AUTO_TEST_CASE(retention_days_integer_not_checked) {
  const request a("RetentionDays", bytes("x%FF"));
  BOOST_TEST(a.summary() == "RetentionDays:invalid_utf8");
  const request b("RetentionDays", bytes("0%FF"));
  BOOST_TEST(b.summary() == "RetentionDays:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(client_token_rules_not_checked) {
  const request q("ClientToken", rep("t", 70) + "\xC3\xA9" + bytes("%FF"));
  BOOST_TEST(q.summary() == "ClientToken:invalid_utf8");
  BOOST_TEST(num(q.the("ClientToken", code::invalid_utf8).at) == 72u);
}

BOOST_AUTO_TEST_CASE(tag_key_rules_not_checked) {
  const request a("Tag.1.Key", bytes("aliyun%FF"));
  BOOST_TEST(a.summary() == "Tag.1.Key:invalid_utf8");
  const request b("Tag.1.Key", bytes("x http://%FF"));
  BOOST_TEST(b.summary() == "Tag.1.Key:invalid_utf8");
  const request c("Tag.1.Key", rep("k", 200) + bytes("%FF"));
  BOOST_TEST(c.summary() == "Tag.1.Key:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(tag_value_rules_not_checked) {
  const request q(set("Tag.1.Value", bytes("acs:http://%FF") + rep("v", 200)));
  BOOST_TEST(q.summary() == "Tag.1.Value:invalid_utf8");
}

BOOST_AUTO_TEST_CASE(tag_value_without_key_is_still_present) {
  // Decision (docs/decisions.md §5.10): invalid_utf8 stops the rules that
  // read the value; value_without_key is about presence, and an ill-formed
  // value is present, so both are reported.
  const request q(with_ids({{"Tag.2.Value", bytes("%FF")}}));
  BOOST_TEST(q.summary() == "Tag.2.Value:invalid_utf8, Tag.2.Value:value_without_key");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------- api_code per field
BOOST_AUTO_TEST_SUITE(api_code)

BOOST_AUTO_TEST_CASE(region_id_value_is_invalid_parameter) {
  const request q(exactly({{"regionId", bytes("%FF")}, {"DiskId", "d"}}));
  BOOST_TEST(q.the("regionId", code::invalid_utf8).api_code == "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(disk_id_value_is_invalid_parameter) {
  const request q(exactly({{"regionId", "cn"}, {"DiskId", bytes("%FF")}}));
  BOOST_TEST(q.the("DiskId", code::invalid_utf8).api_code == "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(version_value_is_invalid_parameter) {
  const request q("version", bytes("%FF"));
  BOOST_TEST(q.the("version", code::invalid_utf8).api_code == "InvalidParameter");
}

BOOST_AUTO_TEST_CASE(snapshot_name) {
  const request q("SnapshotName", cat({"9", rep(" ", 200)}));
  for (const auto& v : q.result().violations()) BOOST_TEST(v.api_code == name_api);
  BOOST_TEST(q.count() == 3u);
}

BOOST_AUTO_TEST_CASE(description) {
  const request q("Description", cat({"https://", rep("x", 300)}));
  for (const auto& v : q.result().violations()) BOOST_TEST(v.api_code == desc_api);
  BOOST_TEST(q.count() == 2u);
}

BOOST_AUTO_TEST_CASE(category) {
  const request q("Category", "x");
  BOOST_TEST(q.the("Category", code::not_in_enum).api_code == category_api);
}

BOOST_AUTO_TEST_CASE(retention_days) {
  const request a("RetentionDays", "x");
  BOOST_TEST(a.the("RetentionDays", code::not_integer).api_code == days_api);
  const request b("RetentionDays", "99999");
  BOOST_TEST(b.the("RetentionDays", code::out_of_range).api_code == days_api);
}

BOOST_AUTO_TEST_CASE(client_token) {
  const request q("ClientToken", rep("中", 65));
  for (const auto& v : q.result().violations()) BOOST_TEST(v.api_code == token_api);
  BOOST_TEST(q.count() == 2u);
}

BOOST_AUTO_TEST_CASE(tag_key) {
  const request q("Tag.4.Key", cat({"aliyun", rep("http://", 20)}));
  for (const auto& v : q.result().violations()) BOOST_TEST(v.api_code == key_api);
  BOOST_TEST(q.count() == 3u);
}

BOOST_AUTO_TEST_CASE(tag_value) {
  const request q(with_ids({{"Tag.4.Key", "k"}, {"Tag.4.Value", cat({"acs:", rep("http://", 20)})}}));
  for (const auto& v : q.result().violations()) BOOST_TEST(v.api_code == value_api);
  BOOST_TEST(q.count() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()  // spec_fields

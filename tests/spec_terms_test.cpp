// Suite spec_terms: SPEC §1, the terms every rule is written in:
// characters (code points), Chinese characters (Unicode 17 by default, the
// basic U+4E00–U+9FA5 set as an option), letters (ASCII only), ASCII
// case-insensitive comparison, and presence (empty optional value = absent).
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "support/expect.hpp"

namespace {

using namespace expect;

// Encodes one code point as UTF-8 (the test's own encoder).
std::string u8(char32_t cp) {
  const auto v = static_cast<std::uint32_t>(cp);
  std::string s;
  auto put = [&s](std::uint32_t b) { s.push_back(static_cast<char>(static_cast<unsigned char>(b))); };
  if (v < 0x80) {
    put(v);
  } else if (v < 0x800) {
    put(0xC0 | (v >> 6));
    put(0x80 | (v & 0x3F));
  } else if (v < 0x10000) {
    put(0xE0 | (v >> 12));
    put(0x80 | ((v >> 6) & 0x3F));
    put(0x80 | (v & 0x3F));
  } else {
    put(0xF0 | (v >> 18));
    put(0x80 | ((v >> 12) & 0x3F));
    put(0x80 | ((v >> 6) & 0x3F));
    put(0x80 | (v & 0x3F));
  }
  return s;
}

// Joins parts (GCC 12 warns falsely on "literal" + std::string at -O3).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

std::string times(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

sc::options basic_han() {
  sc::options o;
  o.chinese = sc::han_set::basic;
  return o;
}

constexpr auto err = sc::severity::error;

}  // namespace

BOOST_AUTO_TEST_SUITE(spec_terms)

// ---------------------------------------------------------------------------
// "character: a Unicode scalar value (a code point, not a byte, not a UTF-16
// unit). Every length in this document counts characters."
BOOST_AUTO_TEST_SUITE(characters_are_code_points)

BOOST_AUTO_TEST_CASE(one_byte_chars_snapshot_name_128_ok_129_too_long) {
  const params ok = base({{"SnapshotName", times("a", 128)}});
  BOOST_TEST(sc::validate_params(ok).found() == 0u);
  const params bad = base({{"SnapshotName", times("a", 129)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"SnapshotName", sc::code::too_long, {}, 129u, 128u}}) == "");
}

BOOST_AUTO_TEST_CASE(two_byte_chars_description_256_ok_257_too_long) {
  const std::string e_acute = u8(0xE9);  // é: 2 bytes
  const params ok = base({{"Description", times(e_acute, 256)}});
  BOOST_TEST(describe(sc::validate_params(ok)) == "[]");
  const params bad = base({{"Description", times(e_acute, 257)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"Description", sc::code::too_long, {}, 257u, 256u}}) == "");
}

BOOST_AUTO_TEST_CASE(three_byte_han_snapshot_name_128_ok_129_too_long) {
  const std::string yi = u8(0x4E00);  // 一: 3 bytes
  const params ok = base({{"SnapshotName", times(yi, 128)}});
  BOOST_TEST(describe(sc::validate_params(ok)) == "[]");
  const params bad = base({{"SnapshotName", times(yi, 129)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"SnapshotName", sc::code::too_long, {}, 129u, 128u}}) == "");
}

BOOST_AUTO_TEST_CASE(four_byte_astral_han_snapshot_name_128_ok_129_too_long) {
  // 128 astral characters are 512 bytes and 256 UTF-16 units, still 128 characters.
  const std::string astral = u8(0x20000);
  const params ok = base({{"SnapshotName", times(astral, 128)}});
  BOOST_TEST(describe(sc::validate_params(ok)) == "[]");
  const params bad = base({{"SnapshotName", times(astral, 129)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"SnapshotName", sc::code::too_long, {}, 129u, 128u}}) == "");
}

BOOST_AUTO_TEST_CASE(four_byte_emoji_tag_value_128_ok_129_too_long) {
  const std::string emoji = u8(0x1F600);
  const params ok = base({{"Tag.1.Key", "k"}, {"Tag.1.Value", times(emoji, 128)}});
  BOOST_TEST(describe(sc::validate_params(ok)) == "[]");
  const params bad = base({{"Tag.1.Key", "k"}, {"Tag.1.Value", times(emoji, 129)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"Tag.1.Value", sc::code::too_long, {}, 129u, 128u}}) == "");
}

BOOST_AUTO_TEST_CASE(single_multibyte_char_is_too_short_length_1) {
  // 3 bytes, but 1 character.
  const params name = base({{"SnapshotName", u8(0x4E00)}});
  BOOST_TEST(mismatch(sc::validate_params(name), {{"SnapshotName", sc::code::too_short, {}, 1u, 2u}}) == "");
  // 4 bytes and 2 UTF-16 units, but 1 character.
  const params desc = base({{"Description", u8(0x1F600)}});
  BOOST_TEST(mismatch(sc::validate_params(desc), {{"Description", sc::code::too_short, {}, 1u, 2u}}) == "");
}

BOOST_AUTO_TEST_CASE(at_is_a_character_index_not_a_byte_offset) {
  const std::string astral = u8(0x20000);
  const params name = base({{"SnapshotName", astral + astral + "!"}});
  BOOST_TEST(mismatch(sc::validate_params(name), {{"SnapshotName", sc::code::bad_char, 2u}}) == "");
  const std::string emoji = u8(0x1F600);
  const params key = base({{"Tag.1.Key", emoji + emoji + "http://x"}});
  BOOST_TEST(mismatch(sc::validate_params(key), {{"Tag.1.Key", sc::code::forbidden_substring, 2u}}) == "");
  const params token = base({{"ClientToken", cat({u8(0xE9), "a", emoji})}});
  BOOST_TEST(mismatch(sc::validate_params(token), {{"ClientToken", sc::code::bad_char, 0u}}) == "");
  const params token2 = base({{"ClientToken", cat({"ab", emoji})}});
  BOOST_TEST(mismatch(sc::validate_params(token2), {{"ClientToken", sc::code::bad_char, 2u}}) == "");
}

BOOST_AUTO_TEST_CASE(client_token_64_ascii_chars_ok_65_too_long) {
  const params ok = base({{"ClientToken", times("x", 64)}});
  BOOST_TEST(describe(sc::validate_params(ok)) == "[]");
  const params bad = base({{"ClientToken", times("x", 65)}});
  BOOST_TEST(mismatch(sc::validate_params(bad), {{"ClientToken", sc::code::too_long, {}, 65u, 64u}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "Chinese character: Unified_Ideograph=Yes (Unicode 17.0) ... the default is
// the Unicode set"; the option offers [\u4e00-\u9fa5].
BOOST_AUTO_TEST_SUITE(chinese_characters)

BOOST_AUTO_TEST_CASE(unicode_17_set_is_the_default) {
  BOOST_TEST((sc::options{}.chinese == sc::han_set::unicode));
  for (const char32_t cp : std::initializer_list<char32_t>{0x3400, 0x4DBF, 0x4E00, 0x9FA5, 0x9FA6, 0x9FFF, 0xFA0E, 0xFA11,
                                                          0xFA29, 0x20000, 0x2A6DF, 0x2B820, 0x2EBF0, 0x30000, 0x3134A,
                                                          0x31350, 0x33479}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      // As the first character and as a later one.
      const params p = base({{"SnapshotName", u8(cp) + u8(cp)}});
      BOOST_TEST(describe(sc::validate_params(p)) == "[]");
    }
  }
}

BOOST_AUTO_TEST_CASE(examples_u3400_u20000_u31350_accepted_by_default) {
  const params p = base({{"SnapshotName", u8(0x3400) + u8(0x20000) + u8(0x31350)}});
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(non_ideographs_rejected_by_default) {
  // U+3007 (ideographic zero, not unified), U+4DC0 (hexagram), U+FA10 (a
  // compatibility ideograph), U+2EBE1 and U+3134B (gaps between ranges).
  for (const char32_t cp : std::initializer_list<char32_t>{0x3007, 0x4DC0, 0xFA10, 0x2EBE1, 0x3134B}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const params start = base({{"SnapshotName", u8(cp) + "ab"}});
      BOOST_TEST(mismatch(sc::validate_params(start), {{"SnapshotName", sc::code::bad_start}}) == "");
      const params later = base({{"SnapshotName", cat({"ab", u8(cp)})}});
      BOOST_TEST(mismatch(sc::validate_params(later), {{"SnapshotName", sc::code::bad_char, 2u}}) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(basic_option_accepts_u4e00_to_u9fa5) {
  for (const char32_t cp : std::initializer_list<char32_t>{0x4E00, 0x6C49, 0x9FA5}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const params p = base({{"SnapshotName", u8(cp) + u8(cp)}});
      BOOST_TEST(describe(sc::validate_params(p, basic_han())) == "[]");
    }
  }
}

BOOST_AUTO_TEST_CASE(basic_option_rejects_the_rest_as_bad_start_and_bad_char) {
  for (const char32_t cp : std::initializer_list<char32_t>{0x9FA6, 0x9FFF, 0x3400, 0x4DBF, 0xFA0E, 0x20000, 0x31350}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const params start = base({{"SnapshotName", u8(cp) + "ab"}});
      BOOST_TEST(mismatch(sc::validate_params(start, basic_han()), {{"SnapshotName", sc::code::bad_start}}) == "");
      const params later = base({{"SnapshotName", cat({"a", u8(cp)})}});
      BOOST_TEST(mismatch(sc::validate_params(later, basic_han()), {{"SnapshotName", sc::code::bad_char, 1u}}) ==
                 "");
    }
  }
}

BOOST_AUTO_TEST_CASE(basic_option_also_applies_to_form_bodies) {
  // U+3400 is %E3%90%80.
  const std::string body = "regionId=cn&DiskId=d&SnapshotName=%E3%90%80ab";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
  BOOST_TEST(mismatch(sc::validate_form(body, basic_han()), {{"SnapshotName", sc::code::bad_start}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "letter: ASCII A–Z, a–z".
BOOST_AUTO_TEST_SUITE(letters_are_ascii_only)

BOOST_AUTO_TEST_CASE(ascii_letters_start_a_snapshot_name) {
  for (std::string_view first : {"A", "Z", "a", "z"}) {
    const params p = base({{"SnapshotName", std::string(first) + "0"}});
    BOOST_TEST(describe(sc::validate_params(p)) == "[]", "first " << first);
  }
}

BOOST_AUTO_TEST_CASE(non_ascii_letters_are_bad_start) {
  // é, ß, fullwidth Ａ, fullwidth ａ, Greek alpha, Cyrillic a, long s, Kelvin sign.
  for (const char32_t cp : std::initializer_list<char32_t>{0xE9, 0xDF, 0xFF21, 0xFF41, 0x3B1, 0x430, 0x17F, 0x212A}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const params p = base({{"SnapshotName", u8(cp) + "ab"}});
      const auto r = sc::validate_params(p);
      BOOST_TEST(mismatch(r, {{"SnapshotName", sc::code::bad_start, {}, {}, {}, err,
                               "InvalidSnapshotName.Malformed"}}) == "");
      BOOST_TEST(!r.ok());
    }
  }
}

BOOST_AUTO_TEST_CASE(non_ascii_letters_are_bad_char_later) {
  for (const char32_t cp : std::initializer_list<char32_t>{0xE9, 0xDF, 0xFF21, 0x3B1, 0x212A}) {
    BOOST_TEST_CONTEXT("U+" << std::hex << static_cast<std::uint32_t>(cp)) {
      const params p = base({{"SnapshotName", cat({"ab", u8(cp), "c"})}});
      BOOST_TEST(mismatch(sc::validate_params(p), {{"SnapshotName", sc::code::bad_char, 2u}}) == "");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "ASCII case-insensitive: compare after mapping A–Z to a–z only."
BOOST_AUTO_TEST_SUITE(ascii_case_insensitive)

BOOST_AUTO_TEST_CASE(ascii_upper_case_folds_http_prefix) {
  for (std::string_view d : {"HTTP://x", "Http://x", "hTtP://x", "HTTPS://x", "hTtPs://x"}) {
    const params p = base({{"Description", std::string(d)}});
    BOOST_TEST(mismatch(sc::validate_params(p), {{"Description", sc::code::reserved_prefix}}) == "", d);
  }
}

BOOST_AUTO_TEST_CASE(snapshot_name_upper_case_http_is_reserved_prefix) {
  // '/' is no name character either, so bad_char comes too.
  const params p = base({{"SnapshotName", "HTTP://x"}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(find(r, "SnapshotName", sc::code::reserved_prefix) != nullptr, describe(r));
  BOOST_TEST(mismatch(r, {{"SnapshotName", sc::code::reserved_prefix}, {"SnapshotName", sc::code::bad_char, 5u}}) ==
             "");
}

BOOST_AUTO_TEST_CASE(ascii_upper_case_folds_http_substring) {
  const params p = base({{"Tag.1.Key", "xHtTpS://y"}, {"Tag.1.Value", "aHTTP://b"}});
  BOOST_TEST(mismatch(sc::validate_params(p), {{"Tag.1.Key", sc::code::forbidden_substring, 1u},
                                               {"Tag.1.Value", sc::code::forbidden_substring, 1u}}) == "");
}

BOOST_AUTO_TEST_CASE(fullwidth_letters_do_not_fold_into_http) {
  // ｈｔｔｐ and ＨＴＴＰ are U+FF48 U+FF54 U+FF54 U+FF50 and U+FF28 U+FF34 U+FF34 U+FF30.
  const std::string lower = u8(0xFF48) + u8(0xFF54) + u8(0xFF54) + u8(0xFF50) + "://x";
  const std::string upper = u8(0xFF28) + u8(0xFF34) + u8(0xFF34) + u8(0xFF30) + "://x";
  const params p = base({{"Description", lower}, {"Tag.1.Key", cat({"a", upper})}, {"Tag.1.Value", upper}});
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(unicode_case_folding_letters_do_not_fold) {
  // U+017F (long s) folds to 's' under full Unicode case folding; ASCII
  // folding leaves it alone, so "httpſ://" is not "https://".
  const params p = base({{"Description", cat({"http", u8(0x17F), "://x"})}, {"Tag.1.Key", cat({"HTTP", u8(0x17F), "://y"})}});
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(kelvin_sign_does_not_fold_into_a_name) {
  // "TAG.1.KEY" folds to tag.1.key in ASCII, so it earns a suggestion;
  // "Tag.1.\u212Aey" (Kelvin sign K) would fold to "tag.1.key" only under
  // Unicode case folding: it is an unknown name with no suggestion.
  const std::string kelvin = cat({"Tag.1.", u8(0x212A), "EY"});
  const params p = base({{"TAG.1.KEY", "a"}, {kelvin, "b"}});
  const auto r = sc::validate_params(p);
  BOOST_TEST(mismatch(r, {{"TAG.1.KEY", sc::code::unknown_parameter}, {kelvin, sc::code::unknown_parameter}}) == "");
  const auto* ascii = find(r, "TAG.1.KEY", sc::code::unknown_parameter);
  BOOST_TEST_REQUIRE(ascii != nullptr);
  BOOST_TEST(sc::field_name(ascii->suggested_field) == "Tag.1.Key");
  const auto* k = find(r, kelvin, sc::code::unknown_parameter);
  BOOST_TEST_REQUIRE(k != nullptr);
  BOOST_TEST(!k->has_suggestion(), describe(*k));
}

BOOST_AUTO_TEST_CASE(category_case_only_mismatch_is_ascii_only) {
  const params upper = base({{"Category", "FLASH"}});
  const auto r1 = sc::validate_params(upper);
  BOOST_TEST(mismatch(r1, {{"Category", sc::code::not_in_enum}}) == "");
  BOOST_TEST_REQUIRE(find(r1, "Category", sc::code::not_in_enum) != nullptr);
  BOOST_TEST(find(r1, "Category", sc::code::not_in_enum)->suggested_value == "Flash");
  // Fullwidth ＦＬＡＳＨ is no case variant of Flash.
  const params wide = base({{"Category", u8(0xFF26) + u8(0xFF2C) + u8(0xFF21) + u8(0xFF33) + u8(0xFF28)}});
  const auto r2 = sc::validate_params(wide);
  BOOST_TEST(mismatch(r2, {{"Category", sc::code::not_in_enum}}) == "");
  BOOST_TEST_REQUIRE(find(r2, "Category", sc::code::not_in_enum) != nullptr);
  BOOST_TEST(find(r2, "Category", sc::code::not_in_enum)->suggested_value.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// "present: ... For optional fields other than Tag.N.Key and Tag.N.Value, an
// empty value is the same as absent."
BOOST_AUTO_TEST_SUITE(presence)

BOOST_AUTO_TEST_CASE(empty_optional_values_are_absent_in_form_body) {
  const std::string body =
      "regionId=cn&DiskId=d&SnapshotName=&Description=&Category=&RetentionDays=&ClientToken=&version=";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(empty_optional_values_are_absent_in_parameter_list) {
  const params p = base({{"SnapshotName", ""},
                         {"Description", ""},
                         {"Category", ""},
                         {"RetentionDays", ""},
                         {"ClientToken", ""},
                         {"version", ""}});
  BOOST_TEST(describe(sc::validate_params(p)) == "[]");
}

BOOST_AUTO_TEST_CASE(empty_optional_values_are_absent_in_hardened_profile) {
  sc::options o;
  o.profile = sc::profile::hardened;
  const std::string body =
      "regionId=cn&DiskId=d&SnapshotName=&Description=&Category=&RetentionDays=&ClientToken=&version=";
  BOOST_TEST(describe(sc::validate_form(body, o)) == "[]");
}

BOOST_AUTO_TEST_CASE(name_without_equals_is_an_empty_value_so_absent) {
  const std::string body = "regionId=cn&DiskId=d&SnapshotName&Description&Category&RetentionDays&ClientToken&version";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(empty_required_value_is_missing) {
  const std::string body = "regionId=&DiskId=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"regionId", sc::code::missing, {}, {}, {}, err, "MissingParameter"},
                                                {"DiskId", sc::code::missing, {}, {}, {}, err, "MissingParameter"}}) ==
             "");
}

BOOST_AUTO_TEST_CASE(empty_tag_key_is_present_and_too_short) {
  const std::string body = "regionId=cn&DiskId=d&Tag.1.Key=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.1.Key", sc::code::too_short, {}, 0u, 1u, err,
                                                 "InvalidTagKey.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(empty_tag_value_is_present_and_fine) {
  const std::string body = "regionId=cn&DiskId=d&Tag.1.Key=k&Tag.1.Value=";
  BOOST_TEST(describe(sc::validate_form(body)) == "[]");
}

BOOST_AUTO_TEST_CASE(empty_tag_value_alone_is_present_so_needs_its_key) {
  const std::string body = "regionId=cn&DiskId=d&Tag.2.Value=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.2.Value", sc::code::value_without_key, {}, {}, {}, err,
                                                 "InvalidTagKey.Malformed"}}) == "");
}

BOOST_AUTO_TEST_CASE(empty_tag_key_counts_for_its_value) {
  // The key is present (and too short), so the value has its key.
  const std::string body = "regionId=cn&DiskId=d&Tag.3.Value=v&Tag.3.Key=";
  BOOST_TEST(mismatch(sc::validate_form(body), {{"Tag.3.Key", sc::code::too_short, {}, 0u, 1u}}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

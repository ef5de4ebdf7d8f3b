// The engine's fast paths (engine/scan.hpp, row_program): per row, the ASCII
// bytes and the blocks of three-byte characters that are only counted. The
// tables must never let through a character a rule of the row would report,
// and must let through the common ones, or the fast path is dead code. Then
// values that switch between the fast and the general path, where the two
// must agree on positions, substrings and heads.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

#include "fuzz/support/model.hpp"

namespace {

namespace sc = snapcheck;
namespace d = snapcheck::detail;
using S = sc::apis::create_snapshot;
using sc::code;
using sc::profile;
using sc::unicode::han_set;

// Returns true when the general way would report nothing for the character
// cp (not the first of its value) under row I: every active only_chars set
// has it and no active no_chars set does.
template <std::size_t I, profile P>
bool passes_set_rules(char32_t cp, han_set hs) {
  const sc::field& f = S::fields[I];
  for (std::size_t k = 0; k < f.rule_count(); ++k) {
    const sc::rule& r = f.rules[k];
    if (!r.applies(P)) continue;
    if (r.kind == sc::rule_kind::only_chars && !r.chars.contains(cp, hs)) return false;
    if (r.kind == sc::rule_kind::no_chars && r.chars.contains(cp, hs)) return false;
  }
  return true;
}

// Returns true when the general way would report nothing for cp as the
// first character of a row with a first_char rule: every active first_char
// set has it and no active no_chars set does (only_chars skips it).
template <std::size_t I, profile P>
bool passes_as_first(char32_t cp) {
  const sc::field& f = S::fields[I];
  for (std::size_t k = 0; k < f.rule_count(); ++k) {
    const sc::rule& r = f.rules[k];
    if (!r.applies(P)) continue;
    if (r.kind == sc::rule_kind::first_char && !r.chars.contains(cp, han_set::unicode)) return false;
    if (r.kind == sc::rule_kind::no_chars && r.chars.contains(cp, han_set::unicode)) return false;
  }
  return true;
}

// Checks every entry of row I's tables under P; returns how many
// characters the three-byte table lets through (for the usefulness checks).
template <std::size_t I, profile P>
std::size_t check_row() {
  constexpr const d::row_program& program = d::program_of<S, I, P, true>;
  BOOST_TEST_CONTEXT("row " << S::fields[I].name << (P == profile::hardened ? " hardened" : " documented")) {
    for (std::size_t c = 0; c < 256; ++c) {
      if (!program.ordinary[c]) continue;
      BOOST_TEST_CONTEXT("byte " << c) {
        BOOST_TEST(c < 0x80);
        BOOST_TEST((c != '%' && c != '+'));
        BOOST_TEST(!program.windows.can_end_with(static_cast<unsigned char>(c)));
        BOOST_TEST((passes_set_rules<I, P>(static_cast<char32_t>(c), han_set::unicode)));
      }
    }
    for (std::size_t c = 0; c < 128; ++c) {
      if (((program.first_ascii[c / 64] >> (c % 64)) & 1u) == 0) continue;
      BOOST_TEST_CONTEXT("first byte " << c) {
        BOOST_TEST((c != '%' && c != '+'));
        BOOST_TEST(!program.windows.can_end_with(static_cast<unsigned char>(c)));
        BOOST_TEST((passes_as_first<I, P>(static_cast<char32_t>(c))));
      }
    }
    std::size_t through = 0;
    for (const han_set hs : {han_set::unicode, han_set::basic}) {
      const auto& blocks = program.three_byte[hs == han_set::basic ? 1 : 0];
      for (char32_t cp = 0x800; cp <= 0xFFFF; ++cp) {
        if (((blocks[cp >> 12] >> ((cp >> 6) & 63)) & 1u) == 0) continue;
        ++through;
        if ((cp >> 12) == 0 || (cp >> 12) == 0xD || !passes_set_rules<I, P>(cp, hs)) {
          BOOST_ERROR("three-byte table lets through U+" << std::hex << static_cast<std::uint32_t>(cp));
          return through;
        }
      }
    }
    return through;
  }
  return 0;
}

template <profile P, std::size_t... I>
void check_rows(std::index_sequence<I...>) {
  (check_row<I, P>(), ...);
}

constexpr std::size_t row_of(std::string_view name) { return d::field_index<S>(name); }

template <std::size_t I, profile P>
bool fast_three(char32_t cp, han_set hs = han_set::unicode) {
  const auto& blocks = d::program_of<S, I, P, true>.three_byte[hs == han_set::basic ? 1 : 0];
  return ((blocks[cp >> 12] >> ((cp >> 6) & 63)) & 1u) != 0;
}

std::string summary(const sc::result& r) {
  std::ostringstream s;
  const char* sep = "";
  for (const auto& v : r.violations()) {
    s << sep << sc::field_name(v.field) << ':' << sc::to_string(v.code);
    if (v.at) s << '@' << *v.at;
    sep = ", ";
  }
  return s.str();
}

// The rest of a valid request, so that only the field under test reports.
std::string body_with(std::string_view extra) {
  std::string body = "regionId=cn-hangzhou&DiskId=d-1&";
  body.append(extra);
  return body;
}

// Texts longer than the eight bytes a word compare covers.
struct long_texts {
  static constexpr sc::api_codes codes{.missing = "Missing", .parameter = "BadParameter"};
  static constexpr sc::field fields[] = {
      {.name = "Mode", .api_code = "BadMode", .rules = {sc::rules::one_of<"Incremental1", "Full">()}},
      {.name = "Note", .api_code = "BadNote",
       .rules = {sc::rules::no_prefix<"forbidden:">(sc::case_mode::ascii_insensitive), sc::rules::length(1, 40)}},
  };
};

// Plain names longer than sixteen bytes that share their first and last
// eight: only a full comparison tells them apart.
struct long_names {
  static constexpr sc::api_codes codes{.missing = "Missing", .parameter = "BadParameter"};
  static constexpr sc::field fields[] = {
      {.name = "ParameterOneNumberOfThree", .api_code = "Bad"},
      {.name = "ParameterTwoNumberOfThree", .api_code = "Bad"},
  };
};

// Every valid spelling of CreateSnapshot's names, with what it must match.
std::vector<std::pair<std::string, d::name_match>> valid_spellings() {
  std::vector<std::pair<std::string, d::name_match>> out;
  for (std::uint32_t i = 0; i < std::size(S::fields); ++i) {
    const sc::field& f = S::fields[i];
    for (const sc::spelling spelled : sc::all_spellings) {
      if (f.spelled(spelled).empty()) continue;
      if (!f.is_family()) {
        out.push_back({std::string(f.spelled(spelled)), {d::name_match::kind::known, spelled, static_cast<std::uint16_t>(i), 0}});
        continue;
      }
      for (std::uint32_t n = f.min_index; n <= f.max_index; ++n)
        out.push_back({std::string(f.prefix()) + std::to_string(n) + std::string(f.suffix(spelled)),
                       {d::name_match::kind::known, spelled, static_cast<std::uint16_t>(i), n}});
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_fast_paths)

BOOST_AUTO_TEST_CASE(tables_never_pass_what_a_rule_reports) {
  constexpr auto rows = std::make_index_sequence<std::size(S::fields)>{};
  check_rows<profile::documented>(rows);
  check_rows<profile::hardened>(rows);
}

BOOST_AUTO_TEST_CASE(tables_pass_the_common_characters) {
  constexpr std::size_t name = row_of("SnapshotName");
  constexpr std::size_t description = row_of("Description");
  constexpr std::size_t key = row_of("Tag.{N}.Key");
  // Chinese text is counted, Yijing hexagrams (U+4DC0, not Han) are not.
  BOOST_TEST((fast_three<name, profile::documented>(0x4E2D)));
  BOOST_TEST((fast_three<name, profile::documented>(0x9FFF)));
  BOOST_TEST(!(fast_three<name, profile::documented>(0x4DC0)));
  BOOST_TEST(!(fast_three<name, profile::documented>(0x9FFF, han_set::basic)));
  BOOST_TEST((fast_three<name, profile::documented>(0x9F40, han_set::basic)));
  // Hardened Description: the bidirectional controls' block is checked.
  BOOST_TEST((fast_three<description, profile::hardened>(0x4E2D)));
  BOOST_TEST(!(fast_three<description, profile::hardened>(0x2000)));
  BOOST_TEST((fast_three<description, profile::hardened>(0x2100)));
  BOOST_TEST((d::program_of<S, description, profile::documented, true>.ordinary['a']));
  BOOST_TEST((d::program_of<S, description, profile::documented, true>.ordinary[' ']));
  BOOST_TEST(!(d::program_of<S, description, profile::hardened, true>.ordinary[0x1F]));
  // Substring texts end with '/': that byte goes the general way.
  BOOST_TEST(!(d::program_of<S, key, profile::documented, true>.ordinary['/']));
  BOOST_TEST((d::program_of<S, key, profile::documented, true>.ordinary[':']));
  // Integer rows count their digits in runs (and read them again at the end).
  BOOST_TEST((d::program_of<S, row_of("RetentionDays"), profile::documented, true>.ordinary['1']));
  // SnapshotName's first character: a letter passes quickly, a digit does not.
  BOOST_TEST(((d::program_of<S, name, profile::documented, true>.first_ascii[1] >> ('a' - 64)) & 1u) == 1u);
  BOOST_TEST(((d::program_of<S, name, profile::documented, true>.first_ascii[0] >> '1') & 1u) == 0u);
}

BOOST_AUTO_TEST_CASE(integers_are_read_at_the_end_from_any_encoding) {
  // Runs only count an integer row's characters; the digits are read once
  // more at the end, decoded: escaped digits, long runs of leading zeros,
  // numbers past every bound and characters that are not digits anywhere.
  const std::pair<std::string, std::string> cases[] = {
      {"30", ""},
      {"%33%30", ""},
      {"00000000000000000000030", ""},
      {"65536", ""},
      {"65537", "RetentionDays:out_of_range"},
      {"0", "RetentionDays:out_of_range"},
      {"99999999999999999999999999", "RetentionDays:out_of_range"},
      {"3a", "RetentionDays:not_integer"},
      {"a3", "RetentionDays:not_integer"},
      {"3%20", "RetentionDays:not_integer"},
      {"+3", "RetentionDays:not_integer"},
      {"3%E4%B8%AD", "RetentionDays:not_integer"},
      {"-1", "RetentionDays:not_integer"},
  };
  for (const auto& [value, want] : cases) {
    BOOST_TEST_CONTEXT(value) {
      BOOST_TEST(summary(sc::validate_form(body_with("RetentionDays=" + value))) == want);
      std::string decoded = value == "%33%30" ? "30" : value == "3%20" ? "3 " : value == "+3" ? " 3" : value;
      if (value == "3%E4%B8%AD") decoded = "3\xE4\xB8\xAD";
      const std::pair<std::string_view, std::string_view> pairs[] = {
          {"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}, {"RetentionDays", decoded}};
      BOOST_TEST(summary(sc::validate_params(pairs)) == want);
    }
  }
}

BOOST_AUTO_TEST_CASE(substring_split_across_escapes_is_found) {
  // "中" then "http://" with ':' and '/' escaped: the text ends in an escape.
  const std::string r_body = body_with("Tag.1.Key=ab%E4%B8%ADhttp%3A%2F%2Fx");  // the result refers to it
  const auto r = sc::validate_form(r_body);
  BOOST_TEST(summary(r) == "Tag.1.Key:forbidden_substring@3");
  const std::string upper_body = body_with("Tag.1.Key=%E4%B8%AD%E4%B8%ADHtTpS%3a/%2f");  // the result refers to it
  const auto upper = sc::validate_form(upper_body);
  BOOST_TEST(summary(upper) == "Tag.1.Key:forbidden_substring@2");
  const std::string plus_body = body_with("Tag.1.Value=a+b+http://");  // the result refers to it
  const auto plus = sc::validate_form(plus_body);
  BOOST_TEST(summary(plus) == "Tag.1.Value:forbidden_substring@4, Tag.1.Value:value_without_key");
}

BOOST_AUTO_TEST_CASE(a_character_inside_a_text_breaks_it) {
  for (const char* v : {"http:/%E4%B8%AD/", "http:%2F%E4%B8%AD%2F", "http%3A%C2%A0//", "htt%25p://"}) {
    BOOST_TEST_CONTEXT(v) {
      std::string field = "Tag.1.Key=";
      field.append(v);
      BOOST_TEST(summary(sc::validate_form(body_with(field))) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(positions_count_characters_across_both_paths) {
  // Fast-path Chinese, then a character of a block the table refuses, then
  // an ASCII byte the set rejects: at is a character index.
  const std::string r_body = body_with("SnapshotName=a%E4%B8%AD%E4%B8%AD%E4%B7%80b%E4%B8%AD!");  // the result refers to it
  const auto r = sc::validate_form(r_body);
  BOOST_TEST(summary(r) == "SnapshotName:bad_char@3");
  const std::string late_body = body_with("SnapshotName=a%E4%B8%ADbc%E4%B8%AD:_-9!");  // the result refers to it
  const auto late = sc::validate_form(late_body);
  BOOST_TEST(summary(late) == "SnapshotName:bad_char@9");
}

BOOST_AUTO_TEST_CASE(heads_decode_escapes_for_prefixes_and_enums) {
  BOOST_TEST(summary(sc::validate_form(body_with("Category=%53tandard"))) == "");
  BOOST_TEST(summary(sc::validate_form(body_with("Category=Standar%64"))) == "");
  BOOST_TEST(summary(sc::validate_form(body_with("Category=Standard%20"))) == "Category:not_in_enum");
  BOOST_TEST(summary(sc::validate_form(body_with("Tag.1.Key=%61liyun%E4%B8%AD"))) == "Tag.1.Key:reserved_prefix");
  BOOST_TEST(summary(sc::validate_form(body_with("Description=htt%50s%3A%2F%2Fx"))) ==
             "Description:reserved_prefix");
  BOOST_TEST(summary(sc::validate_form(body_with("version=2016-01-0%31"), {.profile = profile::hardened})) == "");
}

BOOST_AUTO_TEST_CASE(escaped_and_raw_duplicates_are_equal) {
  // The fingerprint of unique rules reads the decoded head.
  const std::string r_body = body_with("Tag.1.Key=%E4%B8%ADabcdefgh&Tag.2.Key=中abcdefgh&Tag.3.Key=中abcdefgi");  // the result refers to it
  const auto r = sc::validate_form(r_body);
  BOOST_TEST(summary(r) == "Tag.2.Key:duplicate_tag_key");
  // Plain ASCII keys skip the scan (ordinary_prefix) and take their
  // fingerprint from the raw bytes: equal to an escaped key's, either order.
  const std::pair<const char*, const char*> pairs[] = {
      {"Tag.1.Key=env&Tag.2.Key=%65nv", "Tag.2.Key:duplicate_tag_key"},
      {"Tag.1.Key=%65nv&Tag.2.Key=env", "Tag.2.Key:duplicate_tag_key"},
      {"Tag.1.Key=abcdefghij&Tag.2.Key=abcdefgh%69j", "Tag.2.Key:duplicate_tag_key"},
      {"Tag.1.Key=abcdefgh%69j&Tag.2.Key=abcdefghij", "Tag.2.Key:duplicate_tag_key"},
      {"Tag.1.Key=env&Tag.2.Key=Env", ""},
      {"Tag.1.Key=abcdefghij&Tag.2.Key=abcdefghik", ""},
  };
  for (const auto& [tags, want] : pairs) BOOST_TEST(summary(sc::validate_form(body_with(tags))) == want, tags);
}

BOOST_AUTO_TEST_CASE(wide_steps_only_where_every_three_byte_character_passes) {
  constexpr std::size_t name = row_of("SnapshotName");
  constexpr std::size_t value = row_of("Tag.{N}.Value");
  constexpr std::size_t description = row_of("Description");
  BOOST_TEST((d::program_of<S, value, profile::documented, true>.wide[0]));
  BOOST_TEST((d::program_of<S, description, profile::documented, true>.wide[1]));
  BOOST_TEST(!(d::program_of<S, name, profile::documented, true>.wide[0]));        // Chinese characters only
  BOOST_TEST(!(d::program_of<S, description, profile::hardened, true>.wide[0]));   // bidirectional controls
  const auto& program = d::program_of<S, value, profile::documented, true>;
  for (const unsigned char special : program.specials) BOOST_TEST((special >= 0x80 || !program.ordinary[special]));
  for (std::size_t c = 0; c < 0x80; ++c)
    if (!program.ordinary[c]) BOOST_TEST((std::count(program.specials.begin(), program.specials.end(), c) == 1));
}

BOOST_AUTO_TEST_CASE(wide_steps_agree_with_the_general_way) {
  // Decoded values long enough for 16-byte steps, with what must stop one
  // at every offset of a block: a substring text, bad UTF-8, a surrogate,
  // a two-byte character, a character across the block's end.
  const std::string zh = "中";  // E4 B8 AD
  const auto check = [](const std::string& v, const std::string& want) {
    const std::vector<std::pair<std::string, std::string>> params = {
        {"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}, {"Tag.1.Key", "k"}, {"Tag.1.Value", v}};
    BOOST_TEST_CONTEXT("value of " << v.size() << " bytes") { BOOST_TEST(summary(sc::validate_params(params)) == want); }
  };
  for (std::size_t pad = 0; pad < 20; ++pad) {
    BOOST_TEST_CONTEXT("pad " << pad) {
    const std::string head = std::string(pad, 'a') + zh + zh + "bc" + zh;  // pad + 5 characters, pad + 11 bytes
    const std::size_t chars = pad + 5;
    check(head + "xhttp://y" + std::string(20, 'z'), "Tag.1.Value:forbidden_substring@" + std::to_string(chars + 1));
    check(head + std::string(20, 'z') + "\xE4\xB8" + "q", "Tag.1.Value:invalid_utf8@" + std::to_string(pad + 11 + 20));
    check(head + std::string(20, 'z') + "\xED\xA0\x80", "Tag.1.Value:invalid_utf8@" + std::to_string(pad + 11 + 20));
    check(head + "\xC3\xA9" + std::string(20, 'z'), "");
    // A sequence cut short just before a lead the step stops at (found by fuzz_params).
    std::string cut_short = head + std::string(20, 'z');
    for (std::size_t at = 0; at < 16; ++at) {
      const std::string bad = cut_short + std::string(at, 'y') + "\xE4\xB8" + zh + zh + "\xAD" + std::string(40, 'y');
      check(bad, "Tag.1.Value:invalid_utf8@" + std::to_string(pad + 11 + 20 + at));
    }
    std::string exact = head;  // 128 characters: fine; 129: too long
    while (exact.size() < 300 && chars + (exact.size() - head.size()) / 3 < 128) exact += zh;
    std::size_t n = chars + (exact.size() - head.size()) / 3;
    while (n < 128) {
      exact += 'w';
      ++n;
    }
    check(exact, "");
    check(exact + "w", "Tag.1.Value:too_long");
    }
  }
  // The value fuzz_params found: 19 characters, then E4 B8 and a new character.
  std::string found;
  for (int k = 0; k < 19; ++k) found += zh;
  found += "\xE4\xB8" + zh + zh + "\xAD";
  for (int k = 0; k < 30; ++k) found += zh;
  check(found, "Tag.1.Value:invalid_utf8@57");
}

BOOST_AUTO_TEST_CASE(escaped_three_byte_characters_agree_with_decoded_ones) {
  // Every lead byte with continuations at and around the edges of 80-BF,
  // escaped in either case, between ASCII text: the escaped fast path must
  // say what the decoded value says (validate_params), for rows whose tables
  // pass every character, only Chinese ones, or all but a few.
  const auto hex = [](unsigned b, bool lower) {
    const char* digits = lower ? "0123456789abcdef" : "0123456789ABCDEF";
    return std::string{'%', digits[b >> 4], digits[b & 15]};
  };
  const unsigned seconds[] = {0x7F, 0x80, 0x9F, 0xA0, 0xB8, 0xBF, 0xC0};
  const unsigned thirds[] = {0x7F, 0x80, 0xAD, 0xBF, 0xC0};
  for (const std::string name : {"Tag.1.Value", "SnapshotName", "Description"}) {
    for (unsigned lead = 0xC2; lead <= 0xF0; ++lead) {
      for (const unsigned b1 : seconds) {
        for (const unsigned b2 : thirds) {
          const std::string decoded{static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)};
          const std::vector<std::pair<std::string, std::string>> params = {
              {"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}, {"Tag.1.Key", "k"}, {name, "ab" + decoded + "cd"}};
          const std::string want = summary(sc::validate_params(params));
          for (const bool lower : {false, true}) {
            const std::string escaped = hex(lead, lower) + hex(b1, lower) + hex(b2, lower);
            BOOST_TEST_CONTEXT(name << " = ab" << escaped << "cd") {
              BOOST_TEST(summary(sc::validate_form(body_with("Tag.1.Key=k&" + name + "=ab" + escaped + "cd"))) == want);
            }
          }
        }
      }
    }
    // An escape broken at any of its nine bytes is no character: a bad hex
    // digit is bad encoding, a missing '%' leaves bytes of a cut sequence.
    const std::string good = "%E4%B8%AD";
    for (std::size_t at = 0; at < good.size(); ++at) {
      std::string bad = good;
      bad[at] = at % 3 == 0 ? 'x' : 'G';
      const std::string body = body_with("Tag.1.Key=k&" + name + "=ab" + bad + "cd");
      const std::string want = name + (at == 0 ? ":invalid_utf8@5" : at % 3 == 0 ? ":invalid_utf8@2" : ":bad_encoding");
      BOOST_TEST_CONTEXT(name << " = ab" << bad << "cd") {
        BOOST_TEST(summary(sc::validate_form(body)).find(want) != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_name_table_holds_every_valid_spelling_and_nothing_else) {
  const auto spellings = valid_spellings();
  constexpr const auto& table = d::name_table_of<S>;
  constexpr unsigned bits = d::roomy_bits<S>();
  std::size_t entries = 0;
  for (const auto& bucket : table.buckets)
    for (const d::name_entry& e : bucket) entries += e.key.size != d::name_table<bits>::unused;
  BOOST_TEST(entries == spellings.size());  // 20 plain names and spellings, 2 families x 20 x 2 spellings
  // The empty name is no spelling, though its key is all zeros.
  BOOST_TEST((d::match_name<S>("").what == d::name_match::kind::unknown));
  const auto same = [](const d::name_match& a, const d::name_match& b) {
    return a.what == b.what && a.field == b.field && a.index == b.index && a.spelled == b.spelled;
  };
  for (const auto& [name, want] : spellings) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(same(d::match_name<S>(name), want));
      // Found in the table itself, not by the families' shapes.
      const d::name_key key = d::key_of(name);
      const std::size_t h = d::name_hash(key, bits);
      BOOST_TEST(std::count_if(table.buckets[h].begin(), table.buckets[h].end(),
                               [&](const d::name_entry& e) { return e.key == key; }) == 1);
      // One byte changed anywhere: known only if that is another valid spelling.
      for (std::size_t at = 0; at < name.size(); ++at) {
        for (const char c : {'0', '1', '9', 'K', 'k', '.', 'x', '\x80'}) {
          std::string other = name;
          other[at] = c;
          const auto it = std::find_if(spellings.begin(), spellings.end(), [&](const auto& v) { return v.first == other; });
          const d::name_match got = d::match_name<S>(other);
          if (it != spellings.end()) BOOST_TEST(same(got, it->second), other);
          else BOOST_TEST((got.what != d::name_match::kind::known), other);
        }
      }
    }
  }
  // Keys are the same computed at compile time (byte by byte) and at run
  // time (word loads), for each width.
  constexpr d::name_key compile_time[] = {d::key_of("abc"), d::key_of("DiskId"), d::key_of("Tag.20.Value"),
                                          d::key_of("ParameterOneNumberOfThree")};
  const std::string run_time[] = {"abc", "DiskId", "Tag.20.Value", "ParameterOneNumberOfThree"};
  for (std::size_t k = 0; k < std::size(run_time); ++k)
    BOOST_TEST((d::key_of(run_time[k]) == compile_time[k]), run_time[k]);
  // Above sixteen bytes, names with the same first and last eight are told apart.
  BOOST_TEST((d::match_name<long_names>("ParameterOneNumberOfThree").field == 0));
  BOOST_TEST((d::match_name<long_names>("ParameterTwoNumberOfThree").field == 1));
  BOOST_TEST((d::match_name<long_names>("ParameterSixNumberOfThree").what == d::name_match::kind::unknown));
}

BOOST_AUTO_TEST_CASE(form_splitting_agrees_with_a_plain_loop) {
  // Bodies of every length to 200 bytes with '&' and '=' at every offset of
  // a 16-byte compare, of a 64-byte chunk and of the body's last 16 bytes,
  // and values of 64 bytes and more, whose end memchr finds: the pieces
  // must be those of SPEC 2.2 computed one byte at a time.
  const auto reference = [](std::string_view body) {  // the fuzz model's split, one byte at a time
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : fuzz::split_form(body).params)
      out.emplace_back(std::string(p.raw_name), p.raw_value.data() == nullptr ? "<none>" : std::string(p.raw_value));
    return out;
  };
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  std::size_t bodies = 0;
  constexpr unsigned rates[] = {0, 4, 15, 60, 250, 600};  // separators per thousand bytes
  for (std::size_t size = 0; size <= 200; ++size) {
    for (int round = 0; round < 36; ++round) {
      std::string body(size, 'a');
      const unsigned rate = rates[next() % 6];  // from no separator to mostly separators
      for (char& c : body) {
        const unsigned r = next() % 1000;
        c = r < rate / 2 ? '&' : r < rate ? '=' : static_cast<char>('a' + r % 26);
      }
      std::vector<std::pair<std::string, std::string>> got;
      sc::form_source(body).for_each([&](const sc::piece& p) {
        // A piece without '=' has a value that is empty and not a view into the body.
        got.emplace_back(std::string(p.name), p.value.data() == nullptr ? std::string("<none>") : std::string(p.value));
      });
      BOOST_TEST_CONTEXT(body) { BOOST_TEST((got == reference(body))); }
      ++bodies;
    }
  }
  BOOST_TEST(bodies == 201u * 36u);
  // Long values ending at every offset around the 64-byte chunks, with and
  // without a piece after them.
  for (std::size_t lead = 0; lead < 3; ++lead)
    for (std::size_t size = 50; size <= 200; ++size)
      for (const char* after : {"", "&b=c", "&&x", "=&y"}) {
        const std::string body = std::string(lead, '&') + "a=" + std::string(size, 'v') + after;
        std::vector<std::pair<std::string, std::string>> got;
        sc::form_source(body).for_each([&](const sc::piece& p) {
          got.emplace_back(std::string(p.name), p.value.data() == nullptr ? std::string("<none>") : std::string(p.value));
        });
        BOOST_TEST_CONTEXT(body) { BOOST_TEST((got == reference(body))); }
      }
}

BOOST_AUTO_TEST_CASE(banded_edit_distance_equals_the_full_one) {
  // Suggestions compare an unknown name with every known spelling, so the
  // distance only fills the band of cells that can stay within the limit.
  // Every pair of strings up to 6 bytes over a 3-letter alphabet, and random
  // longer ones, against the full optimal-string-alignment table.
  const auto full = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) t[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) t[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
      for (std::size_t j = 1; j <= b.size(); ++j) {
        t[i][j] = std::min({t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) t[i][j] = std::min(t[i][j], t[i - 2][j - 2] + 1);
      }
    return t[a.size()][b.size()];
  };
  std::vector<std::string> words{""};
  for (std::size_t k = 0, end = 1; k < end; ++k) {
    if (words[k].size() == 6) continue;
    for (const char c : {'a', 'b', 'c'}) words.push_back(words[k] + c);
    end = words.size();
  }
  std::uint32_t seed = 7;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int k = 0; k < 3000; ++k) {
    std::string w(12 + next() % 20, 'a');
    for (char& c : w) c = static_cast<char>('a' + next() % 3);
    words.push_back(w);
    for (int e = 0; e < 3; ++e) w[next() % w.size()] = static_cast<char>('a' + next() % 3);
    words.push_back(w);
  }
  std::size_t pairs = 0;
  for (std::size_t x = 0; x < words.size(); x += (x < 1093 ? 1 : 2)) {
    const std::size_t y0 = x < 1093 ? 0 : x + 1;
    const std::size_t y1 = x < 1093 ? 1093 : x + 2;
    for (std::size_t y = y0; y < y1 && y < words.size(); ++y) {
      const std::size_t want = full(words[x], words[y]);
      for (const std::size_t limit : {0u, 1u, 2u, 3u}) {
        const std::size_t got = d::edit_distance(words[x], words[y], limit);
        if (got != (want > limit ? limit + 1 : want)) {
          BOOST_ERROR("edit_distance(" << words[x] << ", " << words[y] << ", " << limit << ") = " << got << ", want "
                                       << want);
          return;
        }
      }
      ++pairs;
    }
  }
  BOOST_TEST(pairs > 1093u * 1093u);
}

BOOST_AUTO_TEST_CASE(texts_longer_than_a_word_compare_in_full) {
  const auto mode = [](const char* body) { return summary(sc::validate_form<long_texts>(body)); };
  BOOST_TEST(mode("Mode=Incremental1") == "");
  BOOST_TEST(mode("Mode=Incremental2") == "Mode:not_in_enum");
  BOOST_TEST(mode("Mode=Incremental") == "Mode:not_in_enum");
  BOOST_TEST(mode("Mode=Incremental12") == "Mode:not_in_enum");
  BOOST_TEST(mode("Mode=%49ncremental1") == "");
  const auto r = sc::validate_form<long_texts>("Mode=incrementaL1");
  BOOST_TEST(summary(r) == "Mode:not_in_enum");
  BOOST_TEST(r.violations()[0].suggested_value == "Incremental1");
  BOOST_TEST(mode("Note=FORBIDDEN:x") == "Note:reserved_prefix");
  BOOST_TEST(mode("Note=%46orbidden%3Ax") == "Note:reserved_prefix");
  BOOST_TEST(mode("Note=forbidden") == "");
  BOOST_TEST(mode("Note=forbidden;x") == "");
}

BOOST_AUTO_TEST_CASE(word_folding_lowers_exactly_a_to_z) {
  // Every byte in every position, next to bytes that must not change.
  for (unsigned b = 0; b < 256; ++b) {
    for (unsigned at = 0; at < 8; ++at) {
      std::uint64_t w = 0x5A41FF80405B607Bull;  // 'Z' 'A' and neighbours of both ranges
      w &= ~(std::uint64_t{0xFF} << (8 * at));
      w |= std::uint64_t{b} << (8 * at);
      std::uint64_t want = 0;
      for (unsigned k = 0; k < 8; ++k)
        want |= std::uint64_t{d::ascii_lower(static_cast<unsigned char>(w >> (8 * k)))} << (8 * k);
      if (d::fold_word(w) != want) BOOST_ERROR("fold_word wrong for byte " << b << " at " << at);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Suite unicode_utf8: strict UTF-8 as Unicode 17.0 defines it (Table 3-7),
// the offset of the first ill-formed sequence, and the U+FFFD "substitution
// of maximal subparts" practice (Unicode §3.9, Tables 3-8 to 3-11).
//
// Every expectation below is worked out by hand from the standard:
// - well-formed sequences (Table 3-7):
//     00..7F | C2..DF 80..BF | E0 A0..BF 80..BF | E1..EC 80..BF 80..BF
//     ED 80..9F 80..BF | EE..EF 80..BF 80..BF | F0 90..BF 80..BF 80..BF
//     F1..F3 80..BF 80..BF 80..BF | F4 80..8F 80..BF 80..BF
// - a maximal subpart is the longest prefix of a well-formed sequence found at
//   the point of failure, or else a single code unit; each becomes one U+FFFD.
//   So C0, C1, F5..FF and a lone continuation byte are one U+FFFD each, and
//   E0 80 is two (E0 is a prefix of nothing that continues with 80).
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include <snapcheck/snapcheck.hpp>

namespace {

namespace uc = snapcheck::unicode;

#define FFFD "\xEF\xBF\xBD"

// The decoder's answers to each byte of s: 'm' more, 's' scalar, 'x' ill-formed.
std::string steps(std::string_view s) {
  uc::utf8_decoder d;
  std::string out;
  for (char c : s) {
    switch (d.feed(static_cast<unsigned char>(c))) {
      case uc::utf8_decoder::step::more: out += 'm'; break;
      case uc::utf8_decoder::step::scalar: out += 's'; break;
      case uc::utf8_decoder::step::ill_formed: out += 'x'; break;
    }
  }
  return out;
}

// The code point completed by the last byte of s (which must complete one).
char32_t decode_one(std::string_view s) {
  uc::utf8_decoder d;
  auto last = uc::utf8_decoder::step::more;
  for (char c : s) last = d.feed(static_cast<unsigned char>(c));
  BOOST_TEST((last == uc::utf8_decoder::step::scalar));
  return d.value();
}

std::string sanitize(std::string_view s) {
  std::string out;
  auto sink = [&out](std::string_view part) { out.append(part); };
  uc::utf8_sanitizer<decltype(sink)> z(sink);
  for (char c : s) z.put(static_cast<unsigned char>(c));
  z.finish();
  return out;
}

std::string hex(std::string_view s) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += digits[b >> 4];
    out += digits[b & 0x0F];
  }
  return out;
}

struct offset_case {
  std::string_view input;
  std::size_t first_invalid;
};

struct sanitize_case {
  std::string_view input;
  std::string_view output;
};

void check_offsets(std::initializer_list<offset_case> cases) {
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("input " << hex(c.input)) {
      BOOST_TEST(uc::first_invalid(c.input) == c.first_invalid);
    }
  }
}

void check_sanitized(std::initializer_list<sanitize_case> cases) {
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("input " << hex(c.input)) {
      const std::string got = sanitize(c.input);
      BOOST_TEST(hex(got) == hex(c.output));
      BOOST_TEST(uc::first_invalid(got) == uc::npos);  // the output is valid UTF-8
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode_utf8)

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(decoder)

BOOST_AUTO_TEST_CASE(ascii_is_one_scalar_per_byte) {
  BOOST_TEST(steps("Az\x7F") == "sss");
  BOOST_TEST(steps(std::string_view("\0", 1)) == "s");
  BOOST_TEST(static_cast<unsigned long>(decode_one("A")) == 0x41ul);
  BOOST_TEST(static_cast<unsigned long>(decode_one("\x7F")) == 0x7Ful);
}

BOOST_AUTO_TEST_CASE(well_formed_boundaries_of_table_3_7) {
  struct {
    std::string_view bytes;
    std::string_view steps;
    char32_t value;
  } const cases[] = {
      {"\xC2\x80", "ms", 0x80},
      {"\xDF\xBF", "ms", 0x7FF},
      {"\xE0\xA0\x80", "mms", 0x800},
      {"\xE0\xBF\xBF", "mms", 0xFFF},
      {"\xE1\x80\x80", "mms", 0x1000},
      {"\xEC\xBF\xBF", "mms", 0xCFFF},
      {"\xED\x80\x80", "mms", 0xD000},
      {"\xED\x9F\xBF", "mms", 0xD7FF},
      {"\xEE\x80\x80", "mms", 0xE000},
      {"\xEF\xBF\xBF", "mms", 0xFFFF},
      {"\xF0\x90\x80\x80", "mmms", 0x10000},
      {"\xF0\xBF\xBF\xBF", "mmms", 0x3FFFF},
      {"\xF1\x80\x80\x80", "mmms", 0x40000},
      {"\xF3\xBF\xBF\xBF", "mmms", 0xFFFFF},
      {"\xF4\x80\x80\x80", "mmms", 0x100000},
      {"\xF4\x8F\xBF\xBF", "mmms", 0x10FFFF},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("bytes " << hex(c.bytes)) {
      BOOST_TEST(steps(c.bytes) == c.steps);
      BOOST_TEST(static_cast<unsigned long>(decode_one(c.bytes)) == static_cast<unsigned long>(c.value));
    }
  }
}

BOOST_AUTO_TEST_CASE(bytes_that_never_start_a_sequence) {
  // Continuations 80..BF, the overlong leads C0 and C1, and F5..FF.
  for (unsigned b : {0x80u, 0x9Fu, 0xBFu, 0xC0u, 0xC1u, 0xF5u, 0xF7u, 0xF8u, 0xFBu, 0xFCu, 0xFEu, 0xFFu}) {
    BOOST_TEST_CONTEXT("byte " << b) {
      uc::utf8_decoder d;
      BOOST_TEST((d.feed(static_cast<unsigned char>(b)) == uc::utf8_decoder::step::ill_formed));
      BOOST_TEST(!d.pending());
    }
  }
}

BOOST_AUTO_TEST_CASE(second_byte_ranges_restricted_by_the_lead) {
  BOOST_TEST(steps("\xE0\x80") == "mx");  // overlong 3-byte
  BOOST_TEST(steps("\xE0\x9F") == "mx");
  BOOST_TEST(steps("\xED\xA0") == "mx");  // surrogates D800..DFFF
  BOOST_TEST(steps("\xED\xBF") == "mx");
  BOOST_TEST(steps("\xF0\x80") == "mx");  // overlong 4-byte
  BOOST_TEST(steps("\xF0\x8F") == "mx");
  BOOST_TEST(steps("\xF4\x90") == "mx");  // above U+10FFFF
  BOOST_TEST(steps("\xF4\xBF") == "mx");
}

BOOST_AUTO_TEST_CASE(sequence_cut_by_a_non_continuation) {
  BOOST_TEST(steps("\xC2" "A") == "mx");
  BOOST_TEST(steps("\xE2\x82" "A") == "mmx");
  BOOST_TEST(steps("\xF0\x9F\x98" "A") == "mmmx");
  BOOST_TEST(steps("\xC2\xC2") == "mx");
  BOOST_TEST(steps("\xE2\xC0") == "mx");
}

BOOST_AUTO_TEST_CASE(resets_after_ill_formed_so_the_byte_can_be_fed_again) {
  uc::utf8_decoder d;
  BOOST_TEST((d.feed(0xE2) == uc::utf8_decoder::step::more));
  BOOST_TEST((d.feed('A') == uc::utf8_decoder::step::ill_formed));
  BOOST_TEST(!d.pending());
  BOOST_TEST((d.feed('A') == uc::utf8_decoder::step::scalar));
  BOOST_TEST(static_cast<unsigned long>(d.value()) == 0x41ul);
  // A later, well-formed sequence decodes normally.
  BOOST_TEST((d.feed(0xC3) == uc::utf8_decoder::step::more));
  BOOST_TEST((d.feed(0xA9) == uc::utf8_decoder::step::scalar));
  BOOST_TEST(static_cast<unsigned long>(d.value()) == 0xE9ul);
}

BOOST_AUTO_TEST_CASE(pending_inside_a_sequence_only) {
  uc::utf8_decoder d;
  BOOST_TEST(!d.pending());
  (void)d.feed(0xF0);
  BOOST_TEST(d.pending());
  (void)d.feed(0x9F);
  BOOST_TEST(d.pending());
  (void)d.feed(0x98);
  BOOST_TEST(d.pending());
  BOOST_TEST((d.feed(0x80) == uc::utf8_decoder::step::scalar));
  BOOST_TEST(!d.pending());
  BOOST_TEST(static_cast<unsigned long>(d.value()) == 0x1F600ul);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(first_invalid)

BOOST_AUTO_TEST_CASE(valid_text_has_no_offset) {
  check_offsets({
      {"", uc::npos},
      {"abc", uc::npos},
      {"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", uc::npos},  // é € 😀
      {"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
       "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF",
       uc::npos},
  });
}

BOOST_AUTO_TEST_CASE(overlong_two_byte_leads_c0_c1) {
  check_offsets({{"\xC0\xAF", 0}, {"a\xC0\x80", 1}, {"ab\xC1\xBF", 2}});
}

BOOST_AUTO_TEST_CASE(overlong_three_byte_e0_80_to_9f) {
  check_offsets({{"\xE0\x80\xAF", 0}, {"xy\xE0\x9F\xBF", 2}, {"\xE0\xA0\x80\xE0\x80\x80", 3}});
}

BOOST_AUTO_TEST_CASE(overlong_four_byte_f0_80_to_8f) {
  check_offsets({{"\xF0\x80\x80\x80", 0}, {"a\xF0\x8F\xBF\xBF", 1}, {"\xF0\x80\x80", 0}});
}

BOOST_AUTO_TEST_CASE(surrogates_ed_a0_to_bf) {
  check_offsets({{"\xED\xA0\x80", 0}, {"a\xED\xAD\xBF", 1}, {"ab\xED\xBF\xBF", 2}, {"\xED\x9F\xBF\xED\xB0\x80", 3}});
}

BOOST_AUTO_TEST_CASE(above_u10ffff_f4_90_and_f5_to_ff) {
  check_offsets({{"\xF4\x90\x80\x80", 0},
                 {"a\xF4\xBF\xBF\xBF", 1},
                 {"\xF5\x80\x80\x80", 0},
                 {"ab\xF7\xBF\xBF\xBF", 2},
                 {"\xF8\x88\x80\x80\x80", 0},
                 {"\xFE", 0},
                 {"abc\xFF", 3}});
}

BOOST_AUTO_TEST_CASE(lone_continuation) {
  check_offsets({{"\x80", 0}, {"ab\xBF", 2}, {"\xE2\x82\xAC\x80", 3}, {"\xC3\xA9\x80\x80", 2}});
}

BOOST_AUTO_TEST_CASE(truncated_at_end) {
  check_offsets({{"\xC2", 0}, {"abc\xE2\x82", 3}, {"\xE2\x82\xAC\xF0\x9F\x98", 3}, {"\xC3\xA9\xF4\x8F\xBF", 2}});
}

BOOST_AUTO_TEST_CASE(truncated_mid_string) {
  check_offsets({{"a\xE2\x82" "b", 1},
                 {"\xF0\x9F\x98" "a", 0},
                 {"\xE2\x82\xAC\xE2\x82\xE2\x82\xAC", 3},
                 {"\xC2\xC2\xA9", 0}});
}

BOOST_AUTO_TEST_CASE(usable_in_constant_expressions) {
  static_assert(uc::first_invalid("abc") == uc::npos);
  static_assert(uc::first_invalid("ab\xED\xA0\x80") == 2);
  static_assert(uc::first_invalid("\xE2\x82\xAC\xF0\x9F") == 3);
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(maximal_subpart_substitution)

BOOST_AUTO_TEST_CASE(valid_text_passes_unchanged) {
  check_sanitized({
      {"", ""},
      {"abc", "abc"},
      {"a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"},
      {"\xF4\x8F\xBF\xBF\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF\xEF\xBF\xBD"},
  });
}

BOOST_AUTO_TEST_CASE(c0_c1_are_one_fffd_each) {
  check_sanitized({{"\xC0\xAF", FFFD FFFD}, {"\xC1\xBF", FFFD FFFD}, {"a\xC0" "b", "a" FFFD "b"}});
}

BOOST_AUTO_TEST_CASE(overlong_three_byte_is_fffd_per_byte) {
  // E0 is not a prefix of any well-formed sequence continued by 80..9F.
  check_sanitized({{"\xE0\x80\x80", FFFD FFFD FFFD}, {"\xE0\x9F\xBF", FFFD FFFD FFFD}});
}

BOOST_AUTO_TEST_CASE(overlong_four_byte_is_fffd_per_byte) {
  check_sanitized({{"\xF0\x80\x80", FFFD FFFD FFFD},
                   {"\xF0\x80\x80\x80", FFFD FFFD FFFD FFFD},
                   {"\xF0\x8F\xBF\xBF", FFFD FFFD FFFD FFFD}});
}

BOOST_AUTO_TEST_CASE(surrogate_is_fffd_per_byte) {
  check_sanitized({{"\xED\xA0\x80", FFFD FFFD FFFD}, {"\xED\xBF\xBF" "a", FFFD FFFD FFFD "a"}});
}

BOOST_AUTO_TEST_CASE(above_u10ffff_is_fffd_per_byte) {
  check_sanitized({{"\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD},
                   {"\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD},
                   {"\xF8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD},
                   {"\xFF", FFFD},
                   {"\xFE\xFF", FFFD FFFD}});
}

BOOST_AUTO_TEST_CASE(lone_continuations_are_one_fffd_each) {
  check_sanitized({{"\x80", FFFD}, {"\x80\xBF", FFFD FFFD}, {"a\x80" "b", "a" FFFD "b"}});
}

BOOST_AUTO_TEST_CASE(truncated_prefix_at_end_is_one_fffd) {
  check_sanitized({{"\xC2", FFFD},
                   {"\xE2\x82", FFFD},
                   {"\xF0\x9F\x98", FFFD},
                   {"a\xF4\x8F\xBF", "a" FFFD}});
}

BOOST_AUTO_TEST_CASE(truncated_prefix_mid_string_is_one_fffd) {
  check_sanitized({{"\xE2\x82" "a", FFFD "a"},
                   {"\xF0\x9F\x98\xE2\x82\xAC", FFFD "\xE2\x82\xAC"},
                   {"\xC2\xC2\xA9", FFFD "\xC2\xA9"},
                   {"\xF1\x80\x80\xF1\x80\x80\x80", FFFD "\xF1\x80\x80\x80"}});
}

BOOST_AUTO_TEST_CASE(unicode_table_3_8_example_mixed) {
  // 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 -> a FFFD FFFD FFFD b FFFD c FFFD FFFD d
  check_sanitized({{"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
                    "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d"}});
}

BOOST_AUTO_TEST_CASE(unicode_example_non_shortest_forms) {
  // C0 AF E0 80 BF F0 81 82 41 -> eight FFFD, then A
  check_sanitized({{"\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41", FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD "A"}});
}

BOOST_AUTO_TEST_CASE(unicode_example_surrogates) {
  // ED A0 80 ED BF BF ED AF 41 -> eight FFFD, then A
  check_sanitized({{"\xED\xA0\x80\xED\xBF\xBF\xED\xAF\x41", FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD "A"}});
}

BOOST_AUTO_TEST_CASE(unicode_example_other_ill_formed) {
  // F4 91 92 93 FF 41 80 BF 42 -> five FFFD, A, two FFFD, B
  check_sanitized({{"\xF4\x91\x92\x93\xFF\x41\x80\xBF\x42", FFFD FFFD FFFD FFFD FFFD "A" FFFD FFFD "B"}});
}

BOOST_AUTO_TEST_CASE(unicode_example_truncated_sequences) {
  // E1 80 E2 F0 91 92 F1 BF 41 -> four FFFD, then A
  check_sanitized({{"\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41", FFFD FFFD FFFD FFFD "A"}});
}

BOOST_AUTO_TEST_CASE(finish_resets_for_the_next_text) {
  std::string out;
  auto sink = [&out](std::string_view part) { out.append(part); };
  uc::utf8_sanitizer<decltype(sink)> z(sink);
  z.put(0xE2);
  z.put(0x82);
  z.finish();
  BOOST_TEST(hex(out) == hex(FFFD));
  z.put(0xAC);  // not a continuation of the finished text: a lone continuation
  z.put('a');
  z.finish();
  BOOST_TEST(hex(out) == hex(FFFD FFFD "a"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

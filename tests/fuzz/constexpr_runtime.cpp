// Fuzz target `constexpr_runtime`: validation in a constant expression and
// at run time give identical results (SPEC §9: "works at compile time").
//
// A fixed set of bodies (below: every violation code, both profiles, the Han
// sets, truncation, too many parameters) is validated under three option
// sets (documented; hardened with the allow-list {"Signature"}; documented
// with the basic Han set and 3 violations kept). For each pair the compiler
// computes, in a constant expression, a text that holds everything in the
// result: the result as the CLI's JSON (field names, codes, severities,
// api_codes, messages, at, length, limit, suggestions, ok, truncated), then
// found(), errors(), and for each kept violation its position, table row,
// rule and tag index.
//
// Oracle: at run time, the same body, copied into an exactly sized heap
// buffer, validated by the same functions without allocating, gives the same
// text byte for byte. The input chooses which pairs to check: each byte
// picks one (byte mod the number of pairs); an empty input checks them all.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <snapcheck/snapcheck.hpp>

#include "support/alloc_guard.hpp"
#include "support/check.hpp"

namespace {

using snapcheck::apis::create_snapshot;

// 1025 parameters: one more than the default limit.
constexpr std::size_t many_size = 2 * 1025 - 1;
constexpr std::array<char, many_size> many_parameters = [] {
  std::array<char, many_size> a{};
  for (std::size_t i = 0; i < many_size; ++i) a[i] = i % 2 == 0 ? 'a' : '&';
  return a;
}();

constexpr std::string_view bodies[] = {
    // the minimal valid request
    "regionId=cn&DiskId=d-1",
    // an empty body: both required fields missing
    "",
    // the typical request of the benchmarks (w1_typical.form)
    "regionId=cn-hangzhou&DiskId=d-bp1s5fnvk4gn2tws0abc&SnapshotName=daily-backup-%E6%95%B0%E6%8D%AE%E5%BA%93-01&Description=%E6%AF%8F%E6%97%A5%E6%95%B0%E6%8D%AE%E5%BA%93%E5%A4%87%E4%BB%BD%20daily%20backup%20of%20the%20order%20database&Category=Standard&RetentionDays=30&ClientToken=123e4567-e89b-12d3-a456-426655440000&version=2016-01-01&Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=owner&Tag.2.Value=%E6%95%B0%E6%8D%AE%E5%9B%A2%E9%98%9F&Tag.3.Key=cost-center&Tag.3.Value=cc-1024",
    // unknown names, with and without a suggestion
    "regionId=cn&DiskId=d&RegionId=x&diskid=y&Foo=bar&Tag.1.Kye=z",
    // deprecated aliases
    "regionId=cn&DiskId=d&Tag.1.key=a&Tag.1.value=b",
    // a name and its alias both present
    "regionId=cn&DiskId=d&Tag.1.Key=a&Tag.1.key=b",
    // a known name twice
    "regionId=cn&regionId=us&DiskId=d",
    // a bad escape in a value, a name, and an unknown name's value
    "regionId=cn&DiskId=d&Description=%ZZ&%G1=x&Other=%",
    // ill-formed UTF-8 in a value and in a name
    "regionId=cn&DiskId=d&SnapshotName=ab%FF&Sn%C0%AFap=x&Description=x%E4%B8",
    // bad tag indexes
    "regionId=cn&DiskId=d&Tag.0.Key=a&Tag.21.Value=b&Tag.01.Key=c&Tag.x.key=d&Tag..Key=e&Tag.1.Kay=f",
    // SnapshotName too short, then too long
    "regionId=cn&DiskId=d&SnapshotName=a",
    // SnapshotName of 129 characters
    "regionId=cn&DiskId=d&SnapshotName=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    // SnapshotName: bad start and bad characters
    "regionId=cn&DiskId=d&SnapshotName=1ab+c.d",
    // SnapshotName: reserved prefixes
    "regionId=cn&DiskId=d&SnapshotName=HTTP://x&Description=https://y",
    // SnapshotName starting with auto
    "regionId=cn&DiskId=d&SnapshotName=autoBackup",
    // Description too long (257)
    "regionId=cn&DiskId=d&Description=%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD%E4%B8%AD",
    // Category: case-only mismatch and a wrong value
    "regionId=cn&DiskId=d&Category=standard",
    // Category: a wrong value
    "regionId=cn&DiskId=d&Category=Big",
    // RetentionDays: not an integer
    "regionId=cn&DiskId=d&RetentionDays=%2B5",
    // RetentionDays: zero
    "regionId=cn&DiskId=d&RetentionDays=0000",
    // RetentionDays: a huge number
    "regionId=cn&DiskId=d&RetentionDays=999999999999999999999999999999999999999999999999999999999999",
    // RetentionDays: leading zeros and the maximum
    "regionId=cn&DiskId=d&RetentionDays=000000000000000000000000000000000000000065536",
    // RetentionDays: one over the maximum
    "regionId=cn&DiskId=d&RetentionDays=65537",
    // ClientToken: too long, non-ASCII
    "regionId=cn&DiskId=d&ClientToken=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%E4%B8%AD",
    // ClientToken with a space (hardened: not visible)
    "regionId=cn&DiskId=d&ClientToken=a+b",
    // version dates
    "regionId=cn&DiskId=d&version=2016-02-30",
    // version: a leap day
    "regionId=cn&DiskId=d&version=2016-02-29",
    // tag keys and values: every rule
    "regionId=cn&DiskId=d&Tag.1.Key=&Tag.2.Key=aliyun-x&Tag.3.Key=x-hTTp://y&Tag.4.Key=acs:k&Tag.4.Value=acs:z&Tag.5.Key=k&Tag.5.Value=v+HTTPS://v&Tag.6.Key=kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
    // a value without its key
    "regionId=cn&DiskId=d&Tag.3.Value=v&Tag.20.value=",
    // duplicate tag keys
    "regionId=cn&DiskId=d&Tag.2.Key=k&Tag.1.Key=k&Tag.3.Key=%6B&Tag.4.Key=K",
    // hardened regionId and DiskId
    "regionId=CN_1&DiskId=d%21&version=x",
    // hardened regionId too long
    "regionId=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&DiskId=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    // hardened controls in free text
    "regionId=cn&DiskId=d&Description=ab%07c&Tag.1.Key=%E2%80%AEx&Tag.1.Value=%C2%85",
    // Han ranges: U+4E00 and U+9FA5
    "regionId=cn&DiskId=d&SnapshotName=%E4%B8%80%E9%BE%A5",
    // Han ranges: U+9FA6 (outside the basic set)
    "regionId=cn&DiskId=d&SnapshotName=%E9%BE%A6x",
    // Han ranges: astral U+20000 and U+3400
    "regionId=cn&DiskId=d&SnapshotName=%F0%A0%80%80a%E3%90%80",
    // an allowed common parameter
    "Signature=abc&regionId=cn&DiskId=d",
    // empty segments, empty names, a name without '='
    "regionId=cn&&&DiskId=d&=&=x&noeq&",
    // 70 unknown names: truncation
    "x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x&x",
    // an unknown name of 60 bytes with a long Tag shape
    "regionId=cn&DiskId=d&Tag.1111111111111111111111111111111111111111.Key=v&RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR=x",
    // more parameters than the limit
    std::string_view(many_parameters.data(), many_parameters.size()),
};

constexpr snapcheck::string_view allow_list[] = {"Signature"};

constexpr snapcheck::options configs[] = {
    {},
    {.profile = snapcheck::profile::hardened, .allow = allow_list},
    {.max_violations = 3, .chinese = snapcheck::han_set::basic},
};

constexpr std::size_t body_count = std::size(bodies);
constexpr std::size_t config_count = std::size(configs);
constexpr std::size_t pair_count = body_count * config_count;

// Writes n in decimal.
template <class Out>
constexpr void write_decimal(std::size_t n, Out& out) {
  char buf[24] = {};
  std::size_t i = sizeof buf;
  do {
    buf[--i] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  out(std::string_view(buf + i, sizeof buf - i));
}

// Returns the table row of a field path, or the number of rows. Rows are
// found by name, and rules by address within their own row only: g++'s UBSan
// cannot constant-evaluate comparisons of addresses of distinct objects.
constexpr std::size_t row_of(const snapcheck::field_path& p) {
  if (!p.has_row()) return std::size(create_snapshot::fields);
  for (std::size_t i = 0; i < std::size(create_snapshot::fields); ++i)
    if (create_snapshot::fields[i].name == p.def->name) return i;
  return std::size(create_snapshot::fields);
}

// Returns the index of a violation's rule within its row, or field::max_rules.
constexpr std::size_t rule_of(const snapcheck::violation& v) {
  if (v.rule->kind == snapcheck::rule_kind::none || !v.field.has_row()) return snapcheck::field::max_rules;
  for (std::size_t k = 0; k < v.field.def->rules.size(); ++k)
    if (&v.field.def->rules[k] == v.rule) return k;
  return snapcheck::field::max_rules;
}

// Writes everything a result holds as text; the same code runs in a
// constant expression and at run time.
template <class Out>
constexpr void describe(const snapcheck::result& r, Out& out) {
  snapcheck::write_json(r, out);
  out(" found=");
  write_decimal(r.found(), out);
  out(" errors=");
  write_decimal(r.errors(), out);
  for (const snapcheck::violation& v : r.violations()) {
    out(" [p");
    write_decimal(v.position, out);
    out(" row");
    write_decimal(row_of(v.field), out);
    out(" rule");
    write_decimal(rule_of(v), out);
    out(" n");
    write_decimal(v.field.index, out);
    out(v.field.spelled == snapcheck::spelling::alias ? " alias" : v.field.spelled == snapcheck::spelling::alternate ? " alternate" : "");
    out(" suggested-row");
    write_decimal(row_of(v.suggested_field), out);
    out(" n");
    write_decimal(v.suggested_field.index, out);
    out("]");
  }
}

struct counter {
  std::size_t n = 0;
  constexpr void operator()(std::string_view s) { n += s.size(); }
};

struct filler {
  char* at;
  constexpr void operator()(std::string_view s) {
    for (char c : s) *at++ = c;
  }
};

// The text of pair I, computed by the compiler: first its size, then itself.
template <std::size_t I>
constexpr std::size_t text_size = [] {
  counter c;
  describe(snapcheck::validate_form(bodies[I / config_count], configs[I % config_count]), c);
  return c.n;
}();

template <std::size_t I>
constexpr std::array<char, text_size<I>> text = [] {
  std::array<char, text_size<I>> a{};
  filler f{a.data()};
  describe(snapcheck::validate_form(bodies[I / config_count], configs[I % config_count]), f);
  return a;
}();

template <std::size_t... Is>
constexpr std::array<std::string_view, sizeof...(Is)> make_expected(std::index_sequence<Is...>) {
  return {std::string_view(text<Is>.data(), text<Is>.size())...};
}

constexpr auto expected = make_expected(std::make_index_sequence<pair_count>{});

// Returns true when s contains t (a loop: libstdc++'s find compares a
// pointer with null, which g++'s UBSan does not constant-evaluate).
constexpr bool contains(std::string_view s, std::string_view t) {
  for (std::size_t i = 0; i + t.size() <= s.size(); ++i)
    if (s.substr(i, t.size()) == t) return true;
  return false;
}

// Some facts the compiler checked too, so that the table is not vacuous.
static_assert(expected[0].starts_with("{\"ok\":true,\"truncated\":false,\"violations\":[]}"));
static_assert(expected[1 * config_count].starts_with("{\"ok\":false,"));
static_assert(contains(expected[(body_count - 1) * config_count], "too_many_parameters"));

void check_pair(std::size_t i) {
  const std::string_view body = bodies[i / config_count];
  const snapcheck::options& opt = configs[i % config_count];
  const std::unique_ptr<char[]> copy(new char[body.size() == 0 ? 1 : body.size()]);
  std::copy(body.begin(), body.end(), copy.get());
  const std::string_view runtime_body(copy.get(), body.size());

  fuzz::alloc_watch_begin();
  const snapcheck::result r = snapcheck::validate_form(runtime_body, opt);
  FUZZ_CHECK(fuzz::alloc_watch_end() == 0, "validate_form allocated");

  std::string got;
  const auto append = [&](std::string_view s) { got.append(s); };
  describe(r, append);
  FUZZ_CHECK(got == expected[i], "body #" + std::to_string(i / config_count) + " \"" +
                                     std::string(body.substr(0, 200)) + "\", options #" +
                                     std::to_string(i % config_count) + "\n  compile time: " +
                                     std::string(expected[i]) + "\n  run time:     " + got);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  if (size == 0) {
    for (std::size_t i = 0; i < pair_count; ++i) check_pair(i);
    return 0;
  }
  for (std::size_t k = 0; k < size; ++k) check_pair(data[k] % pair_count);
  return 0;
}

// SPEC §10, the client side: the encoder (every byte, both orders, extra
// parameters, cut buffers and the size query), the typed request (members
// from the table, setters, constant expressions), validate(request) against
// validate_params and validate_form on its encoding, the round trip, and the
// conformance cases that a typed request can express.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <snapcheck/strings.hpp>

#include "support/form_decoder.hpp"
#include "support/mini_json.hpp"

namespace {

using snapcheck::create_snapshot_request;
using snapcheck::param;
using snapcheck::param_order;
using pairs = std::vector<std::pair<std::string, std::string>>;

// An encoder written from SPEC §10's words alone, byte by byte.
std::string reference_encode(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~') {
      out.push_back(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

std::string reference_body(const pairs& ps) {
  std::string out;
  for (const auto& [n, v] : ps) {
    if (!out.empty()) out.push_back('&');
    out += reference_encode(n) + "=" + reference_encode(v);
  }
  return out;
}

std::optional<pairs> decode_body(std::string_view body) { return test_support::decode_form(body); }

pairs members_of(const create_snapshot_request& r) {
  pairs out;
  for (const auto m : r.params()) out.emplace_back(std::string(m.first), std::string(m.second));
  return out;
}

// Everything a violation says, as one line.
std::string describe(const snapcheck::violation& v) {
  std::ostringstream s;
  auto num = [&](const auto& o) {
    if (o) s << *o;
    else s << '-';
  };
  s << snapcheck::field_name(v.field) << ' ' << snapcheck::to_string(v.code) << ' '
    << snapcheck::to_string(v.severity) << ' ' << std::string_view(v.api_code) << " at=";
  num(v.at);
  s << " length=";
  num(v.length);
  s << " limit=";
  num(v.limit);
  s << " suggestion=" << v.has_suggestion() << " msg=" << snapcheck::message(v);
  return s.str();
}

std::vector<std::string> describe_all(const snapcheck::result& r) {
  std::vector<std::string> out;
  for (const auto& v : r.violations()) out.push_back(describe(v));
  out.push_back(std::string("ok=") + (r.ok() ? "1" : "0") + " truncated=" + (r.truncated() ? "1" : "0"));
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

snapcheck::options profile_options(bool hardened) {
  snapcheck::options o;
  o.profile = hardened ? snapcheck::profile::hardened : snapcheck::profile::documented;
  return o;
}

// --- compile-time facts ---------------------------------------------------

constexpr create_snapshot_request minimal{{"regionId", "cn-hangzhou"}, {"DiskId", "d-1"}};
static_assert(snapcheck::validate(minimal).ok());
static_assert(!snapcheck::validate(create_snapshot_request{{"DiskId", "d-1"}}).ok());  // regionId missing
static_assert(!snapcheck::validate(create_snapshot_request{}.region_id("cn").disk_id("d").snapshot_name("auto1")).ok());
static_assert(snapcheck::validate(create_snapshot_request{}.region_id("cn").disk_id("d").tag<20>("k", "")).ok());
static_assert(!snapcheck::validate(create_snapshot_request{{"regionId", "cn"}, {"DiskId", "d"}, {"Tag.3.Value", "v"}}).ok());
static_assert(minimal.get<"regionId">() == snapcheck::string_view("cn-hangzhou"));
static_assert(!minimal.get<"SnapshotName">().has_value());
static_assert(create_snapshot_request::name_of(create_snapshot_request::slot_named("Tag.20.Value")) == "Tag.20.Value");
static_assert(create_snapshot_request::slot_named("Tag.21.Key") == create_snapshot_request::slot_count);
static_assert(create_snapshot_request::slot_named("Tag.01.Key") == create_snapshot_request::slot_count);
static_assert(create_snapshot_request::slot_named("regionid") == create_snapshot_request::slot_count);

struct fixed_body {
  char bytes[160]{};
  std::size_t size = 0;
  [[nodiscard]] constexpr snapcheck::string_view view() const { return {bytes, size}; }
};
constexpr fixed_body encoded_at_compile_time(param_order order) {
  fixed_body b;
  constexpr param extra[] = {{"Action", "CreateSnapshot"}, {"Version", "2014-05-26"}};
  const auto r = create_snapshot_request{}.region_id("cn hz").disk_id("d-1").tag<2>("a+b", "\xE4\xB8\xAD~*");
  b.size = snapcheck::encode(r, b.bytes, sizeof b.bytes, {order, extra});
  return b;
}
static_assert(encoded_at_compile_time(param_order::table).view() ==
              "regionId=cn%20hz&DiskId=d-1&Tag.2.Key=a%2Bb&Tag.2.Value=%E4%B8%AD~%2A&Action=CreateSnapshot&"
              "Version=2014-05-26");
static_assert(encoded_at_compile_time(param_order::sorted).view() ==
              "Action=CreateSnapshot&DiskId=d-1&Tag.2.Key=a%2Bb&Tag.2.Value=%E4%B8%AD~%2A&Version=2014-05-26&"
              "regionId=cn%20hz");
static_assert(snapcheck::compare_encoded("a b", "a-b") < 0);  // "%20" before "-": encoded, not raw, order
static_assert(snapcheck::compare_encoded("a!", "a") > 0);
static_assert(snapcheck::encoded_size("\xFF a") == 7);

// Request-level facts a test can check at run time too.
std::mt19937_64& rng() {
  static std::mt19937_64 g(20261204);
  return g;
}

std::string random_bytes(std::size_t max) {
  // Mostly unreserved text with runs long enough for the 16-byte path, and
  // every other byte now and then.
  static constexpr char plain[] = "abcXYZ019-._~";
  std::string s(rng()() % (max + 1), '\0');
  for (auto& c : s) {
    const auto roll = rng()() % 10;
    c = roll < 7 ? plain[rng()() % (sizeof plain - 1)] : static_cast<char>(rng()() % 256);
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client)

BOOST_AUTO_TEST_CASE(every_byte_is_encoded_as_the_rpc_signer_does) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string want = reference_encode(all);
  BOOST_TEST(snapcheck::encoded_size(all) == want.size());
  std::string got(want.size(), '\0');
  BOOST_TEST(snapcheck::encode_component(all, got.data(), got.size()) == want.size());
  BOOST_TEST(got == want);
  // The unreserved set, by name, and the bytes SDKs get wrong.
  const std::pair<std::string_view, std::string_view> cases[] = {
      {" ", "%20"}, {"+", "%2B"}, {"*", "%2A"}, {"~", "~"}, {"/", "%2F"}, {"%", "%25"}, {"=", "%3D"},
      {"&", "%26"}, {"\xE4\xB8\xAD", "%E4%B8%AD"}, {"AZaz09-._", "AZaz09-._"}, {std::string_view("\0", 1), "%00"}};
  for (const auto& [in, out] : cases) {
    const param one[] = {{in, in}};
    BOOST_TEST(snapcheck::encode_params(one) == std::string(out) + "=" + std::string(out));
  }
}

BOOST_AUTO_TEST_CASE(long_and_cut_outputs_match_the_reference) {
  // The 16-byte path and the byte path, every cut of the buffer.
  for (int round = 0; round < 400; ++round) {
    const std::string s = random_bytes(90);
    const std::string want = reference_encode(s);
    std::string full(want.size() + 40, '#');
    BOOST_TEST_REQUIRE(snapcheck::encode_component(s, full.data(), full.size()) == want.size());
    BOOST_TEST_REQUIRE(full.substr(0, want.size()) == want);
    BOOST_TEST_REQUIRE(full.substr(want.size()) == std::string(40, '#'));  // nothing past the end
    for (std::size_t cap = 0; cap <= want.size(); cap += 1 + cap / 4) {
      std::string cut(cap + 20, '#');
      BOOST_TEST_REQUIRE(snapcheck::encode_component(s, cut.data(), cap) == want.size());
      BOOST_TEST_REQUIRE(cut.substr(0, cap) == want.substr(0, cap));
      BOOST_TEST_REQUIRE(cut.substr(cap) == std::string(20, '#'));
    }
  }
}

BOOST_AUTO_TEST_CASE(sorted_order_is_byte_wise_on_encoded_names_and_stable) {
  for (int round = 0; round < 200; ++round) {
    std::vector<std::pair<std::string, std::string>> ps;
    const std::size_t n = rng()() % 12;
    for (std::size_t i = 0; i < n; ++i) {
      // Short names from a small alphabet so that ties and escapes occur.
      static constexpr char alphabet[] = "aB -%.~";
      std::string name(rng()() % 3, 'a');
      for (auto& c : name) c = alphabet[rng()() % (sizeof alphabet - 1)];
      ps.emplace_back(name, std::to_string(i));
    }
    std::vector<param> views;
    for (const auto& [a, b] : ps) views.push_back({a, b});
    auto sorted = ps;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
      return reference_encode(x.first) < reference_encode(y.first);
    });
    BOOST_TEST_REQUIRE(snapcheck::encode_params(views, param_order::sorted) == reference_body(sorted));
    BOOST_TEST_REQUIRE(snapcheck::encode_params(views, param_order::table) == reference_body(ps));
  }
}

BOOST_AUTO_TEST_CASE(extra_parameters_follow_the_members_or_merge_when_sorted) {
  create_snapshot_request r;
  r.region_id("cn-hangzhou").disk_id("d-bp1").snapshot_name("nightly");
  BOOST_TEST(r.add_tag("team", "storage ops"));
  const std::vector<param> extra = {{"Version", "2014-05-26"}, {"Action", "CreateSnapshot"}, {"DiskId", "d-2"},
                                    {"Format", "JSON"}};
  const pairs members = members_of(r);
  pairs table = members;
  for (const auto& p : extra) table.emplace_back(std::string(p.name), std::string(p.value));
  BOOST_TEST(snapcheck::encode(r, {param_order::table, extra}) == reference_body(table));
  auto sorted = table;  // stable: the member DiskId before the extra one
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& x, const auto& y) { return reference_encode(x.first) < reference_encode(y.first); });
  BOOST_TEST(snapcheck::encode(r, {param_order::sorted, extra}) == reference_body(sorted));
  BOOST_TEST(snapcheck::encode(r, {param_order::sorted, extra}).find("DiskId=d-bp1&DiskId=d-2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_size_query_and_a_small_buffer) {
  const auto r = create_snapshot_request{}.region_id("cn").disk_id("d 1").tag<1>("k", "v");
  const std::size_t n = snapcheck::encoded_size(r);
  BOOST_TEST(n == std::string_view("regionId=cn&DiskId=d%201&Tag.1.Key=k&Tag.1.Value=v").size());
  BOOST_TEST(snapcheck::encode(r, nullptr, 0) == n);
  BOOST_TEST(snapcheck::encode(r, nullptr, 100) == n);  // no buffer: nothing written
  char small[10];
  BOOST_TEST(snapcheck::encode(r, small, sizeof small) == n);
  BOOST_TEST(std::string_view(small, sizeof small) == "regionId=c");
}

BOOST_AUTO_TEST_CASE(members_come_from_the_table_in_table_order_tags_last) {
  using layout = snapcheck::detail::client::layout<snapcheck::apis::create_snapshot>;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < create_snapshot_request::slot_count; ++k)
    names.emplace_back(create_snapshot_request::name_of(k));
  // Every plain row, in table order, then Tag.1.Key, Tag.1.Value, ..., Tag.20.Value.
  std::vector<std::string> want;
  for (const auto& f : snapcheck::apis::create_snapshot::fields)
    if (!f.is_family()) want.emplace_back(f.name);
  for (int n = 1; n <= 20; ++n) {
    want.push_back("Tag." + std::to_string(n) + ".Key");
    want.push_back("Tag." + std::to_string(n) + ".Value");
  }
  BOOST_TEST(names == want, boost::test_tools::per_element());
  BOOST_TEST(layout::slots == want.size());
  // Every member can be set by its runtime name and is written as set.
  create_snapshot_request r;
  for (std::size_t k = 0; k < names.size(); ++k) {
    BOOST_TEST(create_snapshot_request::slot_named(names[k]) == k);
    r.set_slot(create_snapshot_request::slot_named(names[k]), names[k]);
  }
  pairs all;
  for (const auto& n : names) all.emplace_back(n, n);
  BOOST_TEST(members_of(r) == all);
  BOOST_TEST(snapcheck::encode(r) == reference_body(all));
}

BOOST_AUTO_TEST_CASE(setters_and_getters) {
  create_snapshot_request r{{"regionId", "a"}, {"regionId", "b"}};  // the last one wins
  BOOST_TEST(*r.get<"regionId">() == "b");
  BOOST_TEST(r.size() == 1u);
  BOOST_TEST(r.set<"Tag.{N}.Key">(20, "k"));
  BOOST_TEST(!r.set<"Tag.{N}.Key">(21, "k"));
  BOOST_TEST(!r.set<"Tag.{N}.Value">(0, "v"));
  BOOST_TEST(*r.get<"Tag.20.Key">() == "k");
  BOOST_TEST(!r.get<"Tag.{N}.Key">(21).has_value());
  r.reset<"regionId">();
  BOOST_TEST(!r.get<"regionId">().has_value());
  r.set<"Description">("");  // set to empty: present, written as "Description="
  BOOST_TEST(snapcheck::encode(r) == "Description=&Tag.20.Key=k");
  // add_tag fills the lowest free N, 20 at most.
  create_snapshot_request t;
  for (int i = 0; i < 19; ++i) BOOST_TEST(t.add_tag("k", "v"));
  BOOST_TEST(t.get<"Tag.19.Key">().has_value());
  BOOST_TEST(t.add_tag("last", ""));
  BOOST_TEST(!t.add_tag("one too many", ""));
  BOOST_TEST(*t.get<"Tag.20.Key">() == "last");
}

BOOST_AUTO_TEST_CASE(validate_is_validate_params_and_validate_form_of_the_encoding) {
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> values;  // kept alive: the request holds views
    values.reserve(create_snapshot_request::slot_count);
    create_snapshot_request r;
    for (std::size_t k = 0; k < create_snapshot_request::slot_count; ++k) {
      if (rng()() % 4 != 0 && k >= 8) continue;  // most tags absent
      if (rng()() % 3 == 0) continue;
      values.push_back(random_bytes(rng()() % 3 == 0 ? 150 : 20));
      r.set_slot(k, values.back());
    }
    for (const bool hardened : {false, true}) {
      const auto opt = profile_options(hardened);
      const std::string body = snapcheck::encode(r);
      const auto typed = describe_all(snapcheck::validate(r, opt));
      const pairs members = members_of(r);
      BOOST_TEST_REQUIRE(joined(typed) == joined(describe_all(snapcheck::validate_params(members, opt))));
      BOOST_TEST_REQUIRE(joined(typed) == joined(describe_all(snapcheck::validate_form(body, opt))));
      // Round trip: the body decodes back to every member, byte for byte.
      const auto back = decode_body(body);
      BOOST_TEST_REQUIRE(back.has_value());
      BOOST_TEST_REQUIRE((*back == members));
      const auto back_sorted = decode_body(snapcheck::encode(r, {param_order::sorted, {}}));
      BOOST_TEST_REQUIRE(back_sorted.has_value());
      auto a = *back_sorted;
      auto b = members;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      BOOST_TEST_REQUIRE((a == b));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Fuzz target `round_trip`: fuzz bytes as a typed CreateSnapshot request
// (SPEC §10), encoded and validated.
//
// Input format: the first byte chooses the options, the rest sets members.
//   byte 0: bit 0 hardened profile; bit 1 sorted order; bit 2 extra
//           parameters {Action, Version, Timestamp, a name with bytes to
//           escape}; bits 3-7 a buffer cut (see below).
//   rest:   records separated by 0x1E: a record's first byte picks the
//           member (modulo the number of members), the rest is its value,
//           0x1B taking the next byte literally. A later record for the
//           same member replaces the earlier value (as a setter does).
//
// Oracle:
//  - the size query (a null buffer) gives the size that encoding into a
//    big enough buffer returns and writes; a buffer cut at (size * cut) / 32
//    gets exactly that prefix and nothing past it; neither allocates, nor
//    does validate(request);
//  - the body holds only unreserved bytes and "%HH" with upper-case hex, and
//    each pair, decoded by the oracle's own decoder (support/model.hpp),
//    gives back the members byte for byte: in writing order (table order,
//    tags last, N by N) or, sorted, the same pairs with their encoded names
//    in byte-wise non-decreasing order; extras after the members (table
//    order) or merged among them (sorted);
//  - validate(request) is validate_params on the members as owning strings;
//  - without extras, validate_form(body) gives the same violations as
//    validate(request), member for member (field name, code, severity,
//    api_code, at, length, limit, position, row, rule, suggestion, message);
//    sorted, the same verdict and counts, and (untruncated) the same
//    violations as a multiset.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <snapcheck/strings.hpp>

#include "support/alloc_guard.hpp"
#include "support/check.hpp"
#include "support/model.hpp"
#include "support/oracle.hpp"

namespace {

using request = snapcheck::create_snapshot_request;
using pairs = std::vector<std::pair<std::string, std::string>>;

const snapcheck::param extras[] = {{"Action", "CreateSnapshot"},
                                   {"Version", "2014-05-26"},
                                   {"Timestamp", "2026-12-04T10:00:00Z"},
                                   {"x y/\xE4\xB8\xAD", "a&b=c+d%"}};

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// Splits a body the oracle's way and decodes each part; checks the bytes.
pairs decode_body(std::string_view body) {
  pairs out;
  if (body.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = std::min(body.find('&', start), body.size());
    const std::string_view seg = body.substr(start, end - start);
    const std::size_t eq = seg.find('=');
    FUZZ_CHECK(eq != std::string_view::npos, "a pair without '='");
    std::string name;
    std::string value;
    FUZZ_CHECK(fuzz::form_decode(seg.substr(0, eq), name) && fuzz::form_decode(seg.substr(eq + 1), value),
               "a part does not decode");
    out.emplace_back(std::move(name), std::move(value));
    if (end == body.size()) break;
    start = end + 1;
  }
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c == '&' || c == '=' || unreserved(c)) continue;
    constexpr std::string_view upper = "0123456789ABCDEF";
    FUZZ_CHECK(c == '%' && i + 2 < body.size() && upper.find(body[i + 1]) != std::string_view::npos &&
                   upper.find(body[i + 2]) != std::string_view::npos,
               "a byte written neither as itself nor as %HH with upper-case hex at " + std::to_string(i));
    i += 2;
  }
  return out;
}

std::string encoded(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (unreserved(u)) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back("0123456789ABCDEF"[u >> 4]);
      out.push_back("0123456789ABCDEF"[u & 15]);
    }
  }
  return out;
}

bool same_meaning(const snapcheck::violation& a, const snapcheck::violation& b) {
  return snapcheck::field_name(a.field) == snapcheck::field_name(b.field) && a.field.def == b.field.def &&
         a.field.index == b.field.index && a.code == b.code && a.severity == b.severity &&
         a.api_code == b.api_code && a.at == b.at && a.length == b.length && a.limit == b.limit &&
         a.rule == b.rule && a.position == b.position && a.has_suggestion() == b.has_suggestion() &&
         fuzz::suggestion_text(a) == fuzz::suggestion_text(b) && snapcheck::message(a) == snapcheck::message(b);
}

void compare(const snapcheck::result& want, const snapcheck::result& got, const char* what) {
  const auto ctx = [&] {
    return std::string(what) + "\n  validate(request):\n" + fuzz::show_all(want.violations()) + "  other:\n" +
           fuzz::show_all(got.violations());
  };
  FUZZ_CHECK(want.ok() == got.ok() && want.truncated() == got.truncated() && want.found() == got.found() &&
                 want.errors() == got.errors() && want.violations().size() == got.violations().size(),
             ctx());
  for (std::size_t i = 0; i < want.violations().size(); ++i)
    FUZZ_CHECK(same_meaning(want.violations()[i], got.violations()[i]), ctx() + "  at " + std::to_string(i));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  snapcheck::options opt;
  if (flags & 1u) opt.profile = snapcheck::profile::hardened;
  const bool sorted = (flags & 2u) != 0;
  const bool with_extras = (flags & 4u) != 0;
  const std::size_t cut = flags >> 3;  // 0..31, of 32

  // Values, unescaped, one string per record (kept alive: the request holds views).
  std::vector<std::pair<std::size_t, std::string>> records;
  for (std::size_t i = 1; i < size;) {
    const std::size_t slot = data[i++] % request::slot_count;
    std::string value;
    for (; i < size && data[i] != 0x1E; ++i) {
      if (data[i] == 0x1B && i + 1 < size) ++i;
      value.push_back(static_cast<char>(data[i]));
    }
    ++i;  // the separator
    records.emplace_back(slot, std::move(value));
  }
  request r;
  for (const auto& [slot, value] : records) r.set_slot(slot, value);

  pairs members;
  for (const auto m : r.params()) members.emplace_back(std::string(m.first), std::string(m.second));
  FUZZ_CHECK(members.size() == r.size(), "params() and size() disagree");

  snapcheck::encode_options eo;
  eo.order = sorted ? snapcheck::param_order::sorted : snapcheck::param_order::table;
  if (with_extras) eo.extra = extras;

  fuzz::alloc_watch_begin();
  const std::size_t need = snapcheck::encoded_size(r, eo);
  const std::size_t allocations_before = fuzz::alloc_watch_end();
  FUZZ_CHECK(allocations_before == 0, "encoded_size allocated");

  std::string buffer(need + 16, '#');
  const std::size_t cap = need * cut / 32;
  std::string small(cap + 16, '#');
  fuzz::alloc_watch_begin();
  const std::size_t wrote = snapcheck::encode(r, buffer.data(), need + 8, eo);
  const std::size_t wrote_cut = snapcheck::encode(r, small.data(), cap, eo);
  const snapcheck::result typed = snapcheck::validate(r, opt);
  FUZZ_CHECK(fuzz::alloc_watch_end() == 0, "encode or validate(request) allocated");
  FUZZ_CHECK(wrote == need && wrote_cut == need, "sizes differ: query " + std::to_string(need) + ", encode " +
                                                     std::to_string(wrote) + ", cut " + std::to_string(wrote_cut));
  FUZZ_CHECK(buffer.substr(need) == std::string(16, '#'), "encode wrote past the body");
  FUZZ_CHECK(small.substr(0, cap) == buffer.substr(0, cap), "a cut buffer is not the body's prefix");
  FUZZ_CHECK(small.substr(cap) == std::string(16, '#'), "encode wrote past a cut buffer's capacity");
  const std::string body = buffer.substr(0, need);

  // The body decodes back to the members (and extras), in the order asked.
  pairs want = members;
  if (with_extras)
    for (const auto& e : extras) want.emplace_back(std::string(e.name), std::string(e.value));
  const pairs back = decode_body(body);
  if (!sorted) {
    FUZZ_CHECK(back == want, "the body does not decode back to the members in writing order: " + fuzz::printable(body));
  } else {
    for (std::size_t i = 1; i < back.size(); ++i)
      FUZZ_CHECK(encoded(back[i - 1].first) <= encoded(back[i].first), "sorted body out of order at pair " + std::to_string(i));
    auto a = back;
    auto b = want;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    FUZZ_CHECK(a == b, "the sorted body does not hold the members");
  }

  // validate(r) = validate_params(members) = validate_form(encode(r)).
  compare(typed, snapcheck::validate_params(members, opt), "validate_params on the members");
  if (with_extras) return 0;
  const snapcheck::result form = snapcheck::validate_form(body, opt);
  if (!sorted) {
    compare(typed, form, "validate_form on the encoded body");
    return 0;
  }
  // Sorted: the same violations, at other positions.
  FUZZ_CHECK(typed.ok() == form.ok() && typed.found() == form.found() && typed.errors() == form.errors(),
             "validate_form on the sorted body:\n" + fuzz::show_all(form.violations()));
  if (!typed.truncated()) {
    auto keys = [](const snapcheck::result& res) {
      std::vector<std::string> k;
      for (const auto& v : res.violations())
        k.push_back(snapcheck::field_name(v.field) + " " + std::string(snapcheck::to_string(v.code)) + " " +
                    fuzz::show(v.at) + " " + fuzz::show(v.length) + " " + fuzz::show(v.limit) + " " +
                    snapcheck::message(v));
      std::sort(k.begin(), k.end());
      return k;
    };
    FUZZ_CHECK(keys(typed) == keys(form), "validate_form on the sorted body:\n" + fuzz::show_all(form.violations()));
  }
  return 0;
}

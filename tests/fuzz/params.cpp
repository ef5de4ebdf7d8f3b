// Fuzz target `params`: fuzz bytes as a list of decoded (name, value) pairs
// fed to validate_params (SPEC §2.1).
//
// Input format: the first byte chooses the options, the rest is the list.
//   byte 0: bit 0 hardened profile; bit 1 basic Han set; bit 2 allow-list
//           {"Signature", "x-acs-action"}; bit 3 keep only 1 + (byte0 >> 5)
//           violations; bit 4 allow only 1 + (byte0 >> 5) parameters.
//   rest:   pairs separated by 0x1E; a pair's name and value separated by
//           its first 0x1F (none: an empty value); 0x1B takes the next byte
//           literally, so that any byte can be in a name or value. An empty
//           rest is an empty list; empty pairs are ("", "") parameters.
//
// Oracle:
//  - the same list as three range types (a vector of std::pair of owning
//    strings; a std::forward_list of std::tuple of string_views, which has
//    no size(); a vector of a struct with first/second) gives the same
//    result, member for member, and no validation allocates;
//  - every invariant of support/oracle.hpp holds against the list as given
//    (counts, truncation, order, ok() exactly when no error, at/length/limit
//    against the values, field names as given, valid UTF-8 JSON).
#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <snapcheck/snapcheck.hpp>

#include "support/alloc_guard.hpp"
#include "support/check.hpp"
#include "support/model.hpp"
#include "support/oracle.hpp"

namespace {

constexpr snapcheck::string_view allow_list[] = {"Signature", "x-acs-action"};

struct kv {
  std::string first;
  std::string_view second;
};

snapcheck::options options_of(std::uint8_t flags) {
  snapcheck::options opt;
  if (flags & 1u) opt.profile = snapcheck::profile::hardened;
  if (flags & 2u) opt.chinese = snapcheck::han_set::basic;
  if (flags & 4u) opt.allow = allow_list;
  const std::size_t small = 1u + (flags >> 5);
  if (flags & 8u) opt.max_violations = small;
  if (flags & 16u) opt.max_parameters = small;
  return opt;
}

std::vector<std::pair<std::string, std::string>> parse_pairs(const std::uint8_t* data, std::size_t size) {
  std::vector<std::pair<std::string, std::string>> out;
  if (size == 0) return out;
  out.emplace_back();
  bool in_value = false;
  for (std::size_t i = 0; i < size; ++i) {
    std::uint8_t b = data[i];
    if (b == 0x1B) {
      if (++i == size) break;
      b = data[i];
    } else if (b == 0x1E) {
      out.emplace_back();
      in_value = false;
      continue;
    } else if (b == 0x1F && !in_value) {
      in_value = true;
      continue;
    }
    (in_value ? out.back().second : out.back().first).push_back(static_cast<char>(b));
  }
  return out;
}

// An exactly sized heap copy, so that a sanitizer sees reads past its end.
std::string_view exact_copy(std::vector<std::unique_ptr<char[]>>& keep, const std::string& s) {
  keep.emplace_back(new char[s.size() == 0 ? 1 : s.size()]);
  std::copy(s.begin(), s.end(), keep.back().get());
  return {keep.back().get(), s.size()};
}

template <class R>
snapcheck::result validate_checked(const R& range, const snapcheck::options& opt, const char* what) {
  fuzz::alloc_watch_begin();
  const snapcheck::result r = snapcheck::validate_params(range, opt);
  const std::size_t allocations = fuzz::alloc_watch_end();
  FUZZ_CHECK(allocations == 0, std::string("validate_params allocated over ") + what);
  return r;
}

void check_same(const snapcheck::result& a, const snapcheck::result& b, const char* what) {
  const auto ctx = [&] {
    return std::string(what) + "\n  pairs:\n" + fuzz::show_all(a.violations()) + "  other:\n" +
           fuzz::show_all(b.violations());
  };
  FUZZ_CHECK(a.ok() == b.ok() && a.truncated() == b.truncated() && a.found() == b.found() &&
                 a.errors() == b.errors() && a.violations().size() == b.violations().size(),
             ctx());
  for (std::size_t i = 0; i < a.violations().size(); ++i)
    FUZZ_CHECK(fuzz::same(a.violations()[i], b.violations()[i]), ctx());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::set_input(data, size);
  if (size == 0) return 0;
  const snapcheck::options opt = options_of(data[0]);
  const auto pairs = parse_pairs(data + 1, size - 1);

  std::vector<std::unique_ptr<char[]>> storage;
  std::forward_list<std::tuple<std::string_view, std::string_view>> listed;
  auto tail = listed.before_begin();
  std::vector<kv> structs;
  for (const auto& [name, value] : pairs) {
    tail = listed.emplace_after(tail, exact_copy(storage, name), exact_copy(storage, value));
    structs.push_back({name, exact_copy(storage, value)});
  }

  const snapcheck::result small = validate_checked(pairs, opt, "a vector of pairs");
  check_same(small, validate_checked(listed, opt, "a forward_list of tuples"), "forward_list of tuples");
  check_same(small, validate_checked(structs, opt, "a vector of structs"), "vector of structs");

  fuzz::full_result& full = fuzz::fresh_full();
  fuzz::alloc_watch_begin();
  snapcheck::validate_params_into(pairs, full, opt);
  FUZZ_CHECK(fuzz::alloc_watch_end() == 0, "validate_params_into allocated");

  fuzz::check_result(fuzz::from_pairs(pairs), small, full, opt);
  return 0;
}

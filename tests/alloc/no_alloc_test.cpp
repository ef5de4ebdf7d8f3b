// No heap allocation while validating (DESIGN: "no heap allocation on the
// validation path"). A standalone program: it replaces the global operator
// new and delete with versions that count calls while a check runs, and
// validates the benchmark workloads (benchmarks/data: W1 typical, W2 maximal,
// W3 with violations) through both entry points and both profiles, over
// inputs built before counting starts. Also checks the non-allocating
// renderers. Prints one line per failed check and ends with
// "no_alloc: N passed, M failed"; exits 1 when a check failed.
#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <snapcheck/snapcheck.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workloads.hpp"

namespace {

bool counting = false;
std::size_t allocations = 0;

void* allocate(std::size_t size, std::size_t align) noexcept {
  if (counting) ++allocations;
  if (size == 0) size = 1;
  if (align <= alignof(std::max_align_t)) return std::malloc(size);
  const std::size_t rounded = (size + align - 1) / align * align;
  return std::aligned_alloc(align, rounded);
}

}  // namespace

// The replaceable global allocation functions (all of them, so that no path
// slips past the count). Deletes are not counted: only a new can allocate.
// Every one of them gets its memory from malloc or aligned_alloc, so free is
// the matching release; GCC 12 cannot see that through the replacement and
// warns (-Wmismatched-new-delete) wherever it inlines a new/delete pair.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  if (void* p = allocate(n, 0)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = allocate(n, 0)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a) {
  if (void* p = allocate(n, static_cast<std::size_t>(a))) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
  if (void* p = allocate(n, static_cast<std::size_t>(a))) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, 0); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, 0); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

int passed = 0;
int failed = 0;

void check(bool ok, const std::string& name, const std::string& detail = {}) {
  if (ok) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAILED %s%s%s\n", name.c_str(), detail.empty() ? "" : ": ", detail.c_str());
  }
}

// Returns how many allocations f made.
template <class F>
std::size_t count_allocations(F&& f) {
  allocations = 0;
  counting = true;
  f();
  counting = false;
  return allocations;
}

// Keeps a value alive in the eyes of the optimiser.
template <class T>
void keep(const T& v) {
  asm volatile("" : : "r"(&v) : "memory");
}

// A sink that counts violations, for validate_*_into.
struct counting_sink {
  std::size_t n = 0;
  constexpr void add(const snapcheck::violation&) noexcept { ++n; }
  [[nodiscard]] constexpr bool accepts_more() const noexcept { return true; }
};

// A fixed buffer that the renderers write into.
struct fixed_out {
  std::array<char, 1 << 16> buf{};
  std::size_t size = 0;
  bool overflow = false;
  void operator()(std::string_view s) {
    if (s.size() > buf.size() - size) {
      overflow = true;
      return;
    }
    for (char c : s) buf[size++] = c;
  }
};

}  // namespace

int main() {
  std::string error;
  const auto workloads = bench::load_workloads(error);
  if (workloads.empty()) {
    std::printf("FAILED load: %s\nno_alloc: 0 passed, 1 failed\n", error.c_str());
    return 1;
  }

  // The counter itself must see an allocation, or every other check is void.
  {
    std::size_t n = count_allocations([] {
      std::vector<int> v(1000, 7);
      keep(v);
      std::string s(200, 'x');
      keep(s);
    });
    check(n >= 2, "counter_sees_allocations", "counted " + std::to_string(n) + " allocations, expected at least 2");
  }

  const std::pair<const char*, snapcheck::profile> profiles[] = {
      {"documented", snapcheck::profile::documented}, {"hardened", snapcheck::profile::hardened}};

  for (const auto& w : workloads) {
    // The same pairs as owning strings, another range type users have.
    const auto& owned = w.decoded;
    for (const auto& [pname, profile] : profiles) {
      snapcheck::options opt;
      opt.profile = profile;
      const std::string tag = w.id + "/" + pname;

      bool ok_form = false;
      std::size_t found_form = 0;
      std::size_t n = count_allocations([&] {
        auto r = snapcheck::validate_form(w.body, opt);
        keep(r);
        ok_form = r.ok();
        found_form = r.found();
      });
      check(n == 0, tag + "/validate_form", std::to_string(n) + " allocations");
      check(ok_form == w.valid, tag + "/validate_form/verdict", ok_form ? "ok" : "not ok");
      if (!w.valid) check(found_form > 0, tag + "/validate_form/found_violations");

      bool ok_params = false;
      n = count_allocations([&] {
        auto r = snapcheck::validate_params(w.params, opt);
        keep(r);
        ok_params = r.ok();
      });
      check(n == 0, tag + "/validate_params/string_view_pairs", std::to_string(n) + " allocations");
      check(ok_params == w.valid, tag + "/validate_params/verdict", ok_params ? "ok" : "not ok");

      n = count_allocations([&] {
        auto r = snapcheck::validate_params(owned, opt);
        keep(r);
      });
      check(n == 0, tag + "/validate_params/string_pairs", std::to_string(n) + " allocations");

      counting_sink sink;
      n = count_allocations([&] {
        snapcheck::validate_form_into(w.body, sink, opt);
        snapcheck::validate_params_into(w.params, sink, opt);
      });
      keep(sink);
      check(n == 0, tag + "/validate_into_sink", std::to_string(n) + " allocations");
    }
  }

  // W3 in detail: the violation path, truncation, an allow-list, rendering.
  const auto& w3 = workloads[2];
  {
    snapcheck::options opt;
    std::size_t found = 0;
    std::size_t n = count_allocations([&] {
      auto r = snapcheck::validate_form(w3.body, opt);
      keep(r);
      found = r.found();
    });
    check(n == 0, "W3/violations", std::to_string(n) + " allocations");
    check(found == 27, "W3/violations/count", "found " + std::to_string(found) + ", the workload has 27");
  }
  {
    snapcheck::options opt;
    opt.max_violations = 4;
    bool truncated = false;
    std::size_t n = count_allocations([&] {
      auto r = snapcheck::validate_form(w3.body, opt);
      keep(r);
      truncated = r.truncated();
    });
    check(n == 0, "W3/truncated", std::to_string(n) + " allocations");
    check(truncated, "W3/truncated/says_so");
  }
  {
    static constexpr snapcheck::string_view allowed[] = {"Foo", "Signature", "AccessKeyId"};
    snapcheck::options opt;
    opt.profile = snapcheck::profile::hardened;
    opt.allow = allowed;
    std::size_t n = count_allocations([&] {
      auto r = snapcheck::validate_form(w3.body, opt);
      keep(r);
    });
    check(n == 0, "W3/hardened_allow_list", std::to_string(n) + " allocations");
  }
  {
    const auto r = snapcheck::validate_form(w3.body);
    auto out = std::make_unique<fixed_out>();
    std::size_t n = count_allocations([&] {
      snapcheck::write_json(r, *out);
      for (const auto& v : r.violations()) {
        snapcheck::write_field(v.field, *out);
        snapcheck::write_message(v, *out);
      }
    });
    check(n == 0, "W3/render/write_json_field_message", std::to_string(n) + " allocations");
    check(!out->overflow && out->size > 0, "W3/render/wrote_output");
  }

  std::printf("no_alloc: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

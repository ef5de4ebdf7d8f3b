// Counts heap allocations made while validating, to check that the
// validation path allocates nothing (DESIGN: no heap allocation).
//
// How allocations are seen:
//  - under AddressSanitizer (every libFuzzer build, and a replay built with
//    -Db_sanitize=address): the sanitizer's malloc hook, which sees malloc,
//    operator new and everything else that goes through its allocator;
//  - otherwise (a plain replay build): replay_main.cpp replaces the global
//    operator new/delete and reports each allocation here.
#ifndef SNAPCHECK_FUZZ_SUPPORT_ALLOC_GUARD_HPP
#define SNAPCHECK_FUZZ_SUPPORT_ALLOC_GUARD_HPP

#include <cstddef>
#include <new>

#include "check.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define SNAPCHECK_FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SNAPCHECK_FUZZ_ASAN 1
#endif
#endif
#ifndef SNAPCHECK_FUZZ_ASAN
#define SNAPCHECK_FUZZ_ASAN 0
#endif

#if SNAPCHECK_FUZZ_ASAN
// The sanitizers' common interface (declared here: g++ ships no header for it).
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, std::size_t),
                                                         void (*free_hook)(const volatile void*));
extern "C" void __sanitizer_print_stack_trace();
#endif

namespace fuzz {

// Only the thread that validates is watched: the fuzzing engine has threads
// of its own, and what they allocate is not the library's doing.
inline thread_local bool watching_allocations = false;
inline std::size_t allocations_seen = 0;

// Called for every allocation (by the hook or the replaced operator new).
inline void note_allocation() noexcept {
  if (!watching_allocations) return;
#if SNAPCHECK_FUZZ_ASAN
  if (allocations_seen == 0) {  // show where the first one came from
    watching_allocations = false;
    __sanitizer_print_stack_trace();
    watching_allocations = true;
  }
#endif
  ++allocations_seen;
}

#if SNAPCHECK_FUZZ_ASAN
inline void on_malloc(const volatile void*, std::size_t) { note_allocation(); }
inline void on_free(const volatile void*) {}
#endif

// Returns true when an allocation made on purpose is seen: the counting
// works in this build (a hook that failed to install would hide everything).
inline bool alloc_counting_works() {
  static void* volatile keep = nullptr;
  allocations_seen = 1;  // no stack trace for this one
  watching_allocations = true;
  keep = ::operator new(32);  // a direct call: not a new-expression, so never elided
  watching_allocations = false;
  ::operator delete(keep);
  return allocations_seen >= 2;
}

// Starts counting allocations.
inline void alloc_watch_begin() {
  static const bool ready = [] {
#if SNAPCHECK_FUZZ_ASAN
    FUZZ_CHECK(__sanitizer_install_malloc_and_free_hooks(&on_malloc, &on_free) != 0,
               "cannot install the sanitizer's malloc hook");
#endif
    FUZZ_CHECK(alloc_counting_works(), "allocations are not counted in this build");
    return true;
  }();
  (void)ready;
  allocations_seen = 0;
  watching_allocations = true;
}

// Stops counting; returns how many allocations were made since begin.
inline std::size_t alloc_watch_end() noexcept {
  watching_allocations = false;
  return allocations_seen;
}

}  // namespace fuzz

#endif

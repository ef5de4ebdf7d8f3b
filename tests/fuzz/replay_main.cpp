// Replays fuzz inputs without libFuzzer, so that every fuzz target also runs
// as an ordinary test (meson test) in builds without -Dfuzz=true, g++ ones
// included. Linked with one target's LLVMFuzzerTestOneInput.
//
//   fuzz_<name>_replay PATH...   each PATH a file, or a directory whose files
//                                (not recursively, in name order) are inputs
//
// Prints the number of inputs run; exits 1 when no input was found (a missing
// corpus must not pass silently). An oracle failure aborts, as under libFuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "support/alloc_guard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#if !SNAPCHECK_FUZZ_ASAN
// Without a sanitizer's malloc hook, allocations are seen by replacing the
// global operator new (the array, nothrow and aligned forms of libstdc++ and
// libc++ call these). Deallocation is plain free. None is inlined: g++ 12
// would see malloc() or free() where operator new or delete is called (a
// false -Wmismatched-new-delete, at -O2 or at -O3).
[[gnu::noinline]] void* operator new(std::size_t size) {
  fuzz::note_allocation();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new[](std::size_t size) {
  fuzz::note_allocation();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace {

// Runs one input from an exactly sized heap buffer (so that a sanitizer sees
// any read past its end).
void run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t size = bytes.size();
  const std::unique_ptr<std::uint8_t[]> data(new std::uint8_t[size == 0 ? 1 : size]);
  std::copy(bytes.begin(), bytes.end(), data.get());
  std::fprintf(stderr, "%s\n", path.c_str());
  LLVMFuzzerTestOneInput(data.get(), size);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        run_file(f);
        ++runs;
      }
    } else {
      run_file(arg);
      ++runs;
    }
  }
  std::printf("fuzz replay: %zu inputs, no failure\n", runs);
  return runs == 0 ? 1 : 0;
}

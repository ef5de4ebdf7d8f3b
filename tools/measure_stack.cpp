// Measures the stack one validate_form call takes, for docs/reference.md:
//   g++ -std=c++20 -O2 -I include tools/measure_stack.cpp -o /tmp/stack && /tmp/stack
// It paints 128 KB below its own frame with a byte pattern, validates a body
// with violations of most kinds, and reports how deep the call wrote (an
// estimate: it includes a few hundred bytes of this frame).
#include <snapcheck/snapcheck.hpp>
#include <cstdio>
#include <cstring>
static const char* body = "regionId=cn-hangzhou&DiskId=d-1&SnapshotName=2x&Tag.1.Key=aliyun&Bogus%41=1&Description=%FF&RetentionDays=99999";
__attribute__((noinline)) bool run(const char* b) { return snapcheck::validate_form(b).ok(); }
int main() {
  constexpr std::size_t depth = 128 * 1024;
  char* sp = static_cast<char*>(__builtin_frame_address(0));
  char* low = sp - depth;
  std::memset(low, 0xA5, depth - 512);
  bool ok = run(body);
  std::size_t i = 0;
  while (i < depth && static_cast<unsigned char>(low[i]) == 0xA5) ++i;
  std::printf("ok=%d stack used by validate_form: %zu bytes\n", ok, depth - i);
}

// snapcheck: validates CreateSnapshot form bodies and prints one JSON object
// per body (SPEC §8). An example of embedding the library: all it adds is
// argument parsing and I/O.
//
//   snapcheck [--profile documented|hardened] [--allow NAME]... BODY
//   snapcheck [--profile documented|hardened] [--allow NAME]... -
//   snapcheck [--profile documented|hardened] [--allow NAME]... --query QUERY BODY
//
// With '-', each line of standard input is one body (a trailing '\r' is part
// of the body). Exit status: 0 all ok, 1 some body not ok, 2 usage error.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/snapcheck.hpp>

namespace {

constexpr std::string_view usage =
    "usage: snapcheck [--profile documented|hardened] [--allow NAME]... [--query QUERY] (BODY | -)\n"
    "  Validates CreateSnapshot form bodies; prints one JSON object per body.\n"
    "  BODY  one application/x-www-form-urlencoded body\n"
    "  -     read one body per line from standard input\n"
    "  --profile P   documented (default) or hardened\n"
    "  --allow NAME  a name the caller handles itself: no violation (repeatable)\n"
    "  --query QUERY validate the URL query string QUERY and BODY together\n"
    "exit status: 0 all ok, 1 some body not ok, 2 usage error\n";

int usage_error(std::string_view why) {
  std::fprintf(stderr, "snapcheck: %.*s\n%.*s", static_cast<int>(why.size()), why.data(),
               static_cast<int>(usage.size()), usage.data());
  return 2;
}

// Validates one body (after the query, if there is one) and prints its JSON
// line; returns whether it was ok.
bool check(const std::string* query, std::string_view body, const snapcheck::options& opt) {
  const auto r = query ? snapcheck::validate_request(*query, body, opt) : snapcheck::validate_form(body, opt);
  snapcheck::write_json(r, [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); });
  std::fputc('\n', stdout);
  return r.ok();
}

}  // namespace

int main(int argc, char** argv) {
  snapcheck::options opt;
  std::vector<snapcheck::string_view> allow;
  std::vector<std::string_view> bodies;
  std::string query;
  bool has_query = false;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "--help" || a == "-h")) {
      std::fwrite(usage.data(), 1, usage.size(), stdout);
      return 0;
    } else if (!options_done && (a == "--profile" || a == "--allow" || a == "--query")) {
      if (i + 1 == argc) return usage_error(std::string(a) + " needs a value");
      const std::string_view v = argv[++i];
      if (a == "--allow") {
        allow.push_back(v);
      } else if (a == "--query") {
        query = v;
        has_query = true;
      } else if (v == "documented") {
        opt.profile = snapcheck::profile::documented;
      } else if (v == "hardened") {
        opt.profile = snapcheck::profile::hardened;
      } else {
        return usage_error("unknown profile '" + std::string(v) + "'");
      }
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + std::string(a) + "'");
    } else {
      bodies.push_back(a);
    }
  }
  if (bodies.size() != 1) return usage_error(bodies.empty() ? "no body given" : "give one body, or '-'");
  opt.allow = allow;

  const std::string* q = has_query ? &query : nullptr;
  if (bodies[0] != "-") return check(q, bodies[0], opt) ? 0 : 1;

  bool all_ok = true;
  std::string line;
  for (int c = std::getchar();; c = std::getchar()) {
    if (c == '\n' || c == EOF) {
      if (c == EOF && line.empty()) break;
      all_ok = check(q, line, opt) && all_ok;
      line.clear();
      if (c == EOF) break;
    } else {
      line.push_back(static_cast<char>(c));
    }
  }
  std::fflush(stdout);
  return all_ok ? 0 : 1;
}

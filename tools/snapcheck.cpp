// snapcheck: validates CreateSnapshot form bodies and prints one JSON object
// per body (SPEC §8). An example of embedding the library: all it adds is
// argument parsing and I/O.
//
//   snapcheck [--profile documented|hardened] [--allow NAME]... BODY
//   snapcheck [--profile documented|hardened] [--allow NAME]... -
//   snapcheck [--profile documented|hardened] [--allow NAME]... --query QUERY BODY
//   snapcheck --encode [--sorted]
//
// With '-', each line of standard input is one body (a trailing '\r' is part
// of the body). Exit status: 0 all ok, 1 some body not ok, 2 usage error.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/snapcheck.hpp>
#include <snapcheck/strings.hpp>

namespace {

constexpr std::string_view usage =
    "usage: snapcheck [--profile documented|hardened] [--allow NAME]... [--query QUERY] (BODY | -)\n"
    "  Validates CreateSnapshot form bodies; prints one JSON object per body.\n"
    "  BODY  one application/x-www-form-urlencoded body\n"
    "  -     read one body per line from standard input\n"
    "  --profile P   documented (default) or hardened\n"
    "  --allow NAME  a name the caller handles itself: no violation (repeatable)\n"
    "  --query QUERY validate the URL query string QUERY and BODY together\n"
    "  --encode [--sorted]  each line of standard input is a JSON object of names to\n"
    "                string values: print its form body (SPEC 10), in the object's\n"
    "                order or sorted by encoded name; encodes, does not validate\n"
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

// --encode (SPEC §8, §10): a JSON object of names to string values, one a
// line, read strictly (RFC 8259, UTF-8); nothing else is accepted.
class object_reader {
 public:
  explicit object_reader(std::string_view text) : s_(text) {}

  // Reads the object into out; false when the text is not such an object.
  bool read(std::vector<std::pair<std::string, std::string>>& out) {
    if (snapcheck::unicode::first_invalid(s_) != snapcheck::string_view::npos) return false;
    space();
    if (!eat('{')) return false;
    space();
    if (!eat('}')) {
      for (;;) {
        std::string name;
        std::string value;
        space();
        if (!string(name)) return false;
        space();
        if (!eat(':')) return false;
        space();
        if (!string(value)) return false;
        out.emplace_back(std::move(name), std::move(value));
        space();
        if (eat('}')) break;
        if (!eat(',')) return false;
      }
    }
    space();
    return i_ == s_.size();
  }

 private:
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool hex4(unsigned& v) {
    if (s_.size() - i_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    return true;
  }
  static void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  // A JSON string; a lone surrogate escape is refused (it has no UTF-8).
  bool string(std::string& out) {
    if (!eat('"')) return false;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ == s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo = 0;
            if (!eat('\\') || !eat('u') || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// Encodes each line of standard input; one body line per input line (an
// empty line for a line that is not an object of strings, reported on
// standard error). Returns 0, or 2 when some line was not such an object.
int encode_lines(bool sorted) {
  int status = 0;
  std::size_t number = 0;
  std::string line;
  for (int c = std::getchar();; c = std::getchar()) {
    if (c != '\n' && c != EOF) {
      line.push_back(static_cast<char>(c));
      continue;
    }
    if (c == EOF && line.empty()) break;
    ++number;
    std::vector<std::pair<std::string, std::string>> members;
    if (object_reader(line).read(members)) {
      std::vector<snapcheck::param> params;
      params.reserve(members.size());
      for (const auto& [n, v] : members) params.push_back({n, v});
      const std::string body =
          snapcheck::encode_params(params, sorted ? snapcheck::param_order::sorted : snapcheck::param_order::table);
      std::fwrite(body.data(), 1, body.size(), stdout);
    } else {
      std::fprintf(stderr, "snapcheck: line %zu is not a JSON object of string values\n", number);
      status = 2;
    }
    std::fputc('\n', stdout);
    line.clear();
    if (c == EOF) break;
  }
  std::fflush(stdout);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  snapcheck::options opt;
  std::vector<snapcheck::string_view> allow;
  std::vector<std::string_view> bodies;
  std::string query;
  bool has_query = false;
  bool options_done = false;
  bool encode = false;
  bool sorted = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "--encode" || a == "--sorted")) {
      (a == "--encode" ? encode : sorted) = true;
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
  if (sorted && !encode) return usage_error("--sorted goes with --encode");
  if (encode) {
    if (!bodies.empty() && !(bodies.size() == 1 && bodies[0] == "-"))
      return usage_error("--encode reads standard input: give no body");
    return encode_lines(sorted);
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

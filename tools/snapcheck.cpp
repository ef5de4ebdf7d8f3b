// snapcheck: validates CreateSnapshot form bodies and prints one JSON object
// (or, with --format text, one line per violation) per body (SPEC §8). An
// example of embedding the library: all it adds is argument parsing and I/O.
//
//   snapcheck [OPTION]... BODY          one body
//   snapcheck [OPTION]... -             one body per line of standard input
//   snapcheck [OPTION]... --file PATH   one body per line of the file
//
// A trailing '\r' is part of a body read from a line. Exit status: 0 all ok,
// 1 some body not ok, 2 usage error, an unreadable input or an unwritable
// output. Options take their value as "--opt value" or "--opt=value"; the
// table `specs` below lists them all, and `usage` says what each does.
//
// The program is three parts: parse() turns argv into a `config`;
// for_each_input() reads the bodies the config names; a mode (today only
// `validate`, picked in main) turns each input into output through `out`.
// A new mode is a value of `mode`, its options in `specs`, and a function
// called from main.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <snapcheck/snapcheck.hpp>
#include <snapcheck/strings.hpp>
#include <snapcheck/version.hpp>
#if SNAPCHECK_CLI_JSON
#include <snapcheck/json/simdjson.hpp>
#endif

namespace {

constexpr std::string_view usage =
    "usage: snapcheck [OPTION]... (BODY | - | --file PATH)\n"
    "  Validates CreateSnapshot form bodies (application/x-www-form-urlencoded);\n"
    "  prints one JSON object per body, on one line.\n"
    "  BODY              one form body\n"
    "  -                 read one body per line from standard input\n"
    "  --file PATH       read one body per line from the file PATH\n"
    "  --profile P       documented (default) or hardened\n"
    "  --allow NAME      a name the caller handles itself: no violation (repeatable)\n"
    "  --query QUERY     validate the URL query string QUERY and each body together\n"
    "  --json            each input is a JSON text (SPEC 11), not a form body\n"
    "  --format F        json (default): one object per body;\n"
    "                    text: one line per violation, 'field: message [code]',\n"
    "                    prefixed with 'SOURCE:LINE: ' when reading lines\n"
    "  -q, --quiet       print nothing; only the exit status tells\n"
    "  --encode [--sorted]  encode instead: each input line (default: standard\n"
    "                    input) is a JSON object of names to string values;\n"
    "                    print its form body (SPEC 10), in the object's order or\n"
    "                    byte-wise by encoded name; exit 2 when a line is not\n"
    "                    such an object (an empty line is printed for it)\n"
    "  --version         print 'snapcheck X.Y.Z' and exit\n"
    "  -h, --help        print this and exit\n"
    "  --                what follows is the body, even if it starts with '-'\n"
    "  Every option with a value takes it as '--opt value' or '--opt=value'.\n"
    "exit status: 0 all ok, 1 some body not ok, 2 usage error, unreadable input\n"
    "or unwritable output\n";

enum class mode { validate, encode };
enum class format { json, text };

struct config {
  ::mode mode = mode::validate;
  snapcheck::options opt;
  std::vector<std::string> allow;
  std::optional<std::string> query;
  ::format format = format::json;
  bool quiet = false;
  bool sorted = false;  // --encode --sorted
  bool json = false;    // --json: each input is a JSON text
  // The input: a body argument, "-" (standard input) or a file.
  std::optional<std::string> body;
  std::optional<std::string> file;
};

// Standard output, remembering whether any write failed.
class output {
 public:
  void write(std::string_view s) {
    if (!s.empty() && std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) failed_ = true;
  }
  // Flushes; returns false (after saying why on stderr) when any write failed.
  bool close() {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) failed_ = true;
    if (failed_) {
      const int e = errno;
      std::fprintf(stderr, "snapcheck: cannot write the output: %s\n", e ? std::strerror(e) : "write error");
    }
    return !failed_;
  }

 private:
  bool failed_ = false;
};

int usage_error(std::string_view why) {
  std::fprintf(stderr, "snapcheck: %.*s\n%.*s", static_cast<int>(why.size()), why.data(),
               static_cast<int>(usage.size()), usage.data());
  return 2;
}

// The options: their spellings and whether they take a value.
struct spec {
  std::string_view long_name;
  std::string_view short_name;
  bool takes_value;
};
constexpr spec specs[] = {
    {"--profile", "", true}, {"--allow", "", true},   {"--query", "", true},  {"--file", "", true},
    {"--format", "", true},  {"--quiet", "-q", false}, {"--version", "", false}, {"--help", "-h", false},
    {"--encode", "", false}, {"--sorted", "", false},  {"--json", "", false},
};

// What parse() decided: run with the config, or exit now with a status.
struct parsed {
  std::optional<int> exit_now;
  config cfg;
};

// Applies one option (by its long name) and its value; returns an error text.
std::optional<std::string> apply(config& cfg, std::string_view name, std::string_view value) {
  if (name == "--profile") {
    if (value == "documented") cfg.opt.profile = snapcheck::profile::documented;
    else if (value == "hardened") cfg.opt.profile = snapcheck::profile::hardened;
    else return "unknown profile '" + std::string(value) + "' (documented or hardened)";
  } else if (name == "--allow") {
    cfg.allow.emplace_back(value);
  } else if (name == "--query") {
    cfg.query = std::string(value);
  } else if (name == "--file") {
    if (cfg.file) return std::string("give --file once");
    cfg.file = std::string(value);
  } else if (name == "--format") {
    if (value == "json") cfg.format = format::json;
    else if (value == "text") cfg.format = format::text;
    else return "unknown format '" + std::string(value) + "' (json or text)";
  } else if (name == "--quiet") {
    cfg.quiet = true;
  } else if (name == "--encode") {
    cfg.mode = mode::encode;
  } else if (name == "--json") {
#if SNAPCHECK_CLI_JSON
    cfg.json = true;
#else
    return std::string("--json needs simdjson: this snapcheck was built without it");
#endif
  } else if (name == "--sorted") {
    cfg.sorted = true;
  }
  return std::nullopt;
}

parsed parse(int argc, char** argv) {
  parsed p;
  config& cfg = p.cfg;
  std::vector<std::string_view> bodies;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (options_done || a == "-" || a.empty() || a[0] != '-') {
      bodies.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    // "--opt=value" or "--opt [value]".
    const auto eq = a.starts_with("--") ? a.find('=') : std::string_view::npos;
    const std::string_view name = a.substr(0, eq);
    const spec* s = nullptr;
    for (const spec& candidate : specs)
      if (name == candidate.long_name || (!candidate.short_name.empty() && name == candidate.short_name))
        s = &candidate;
    if (!s) {
      p.exit_now = usage_error("unknown option '" + std::string(a) + "'");
      return p;
    }
    std::string_view value;
    if (s->takes_value) {
      if (eq != std::string_view::npos) {
        value = a.substr(eq + 1);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        p.exit_now = usage_error(std::string(s->long_name) + " needs a value");
        return p;
      }
    } else if (eq != std::string_view::npos) {
      p.exit_now = usage_error(std::string(s->long_name) + " takes no value");
      return p;
    }
    if (s->long_name == "--help") {
      output out;
      out.write(usage);
      p.exit_now = out.close() ? 0 : 2;
      return p;
    }
    if (s->long_name == "--version") {
      output out;
      out.write("snapcheck " SNAPCHECK_VERSION_STRING "\n");
      p.exit_now = out.close() ? 0 : 2;
      return p;
    }
    if (auto error = apply(cfg, s->long_name, value)) {
      p.exit_now = usage_error(*error);
      return p;
    }
  }
  if (cfg.json && (cfg.query || cfg.mode != mode::validate)) {
    p.exit_now = usage_error("--json goes with neither --query nor --encode");
    return p;
  }
  if (cfg.sorted && cfg.mode != mode::encode) {
    p.exit_now = usage_error("--sorted goes with --encode");
    return p;
  }
  if (cfg.mode == mode::encode && !cfg.file && bodies.empty()) bodies.push_back("-");  // standard input
  if (cfg.file && !bodies.empty()) {
    p.exit_now = usage_error("give a body, '-' or --file PATH, not more than one");
  } else if (!cfg.file && bodies.size() != 1) {
    p.exit_now = usage_error(bodies.empty() ? "no body given (a body, '-' or --file PATH)"
                                            : "give one body, '-' or --file PATH");
  } else if (!cfg.file) {
    cfg.body = std::string(bodies[0]);
  }
  return p;
}

// Where an input came from, for text output: a file's name and line, or
// nothing for a body given as an argument.
struct origin {
  std::string_view source;  // "-" or the path; empty for an argument
  std::size_t line = 0;
};

// Calls each(input, origin) for every input the config names; returns 0, or
// 2 after saying why when the input cannot be read.
template <class Each>
int for_each_input(const config& cfg, Each&& each) {
  if (cfg.body && *cfg.body != "-") {
    each(std::string_view(*cfg.body), origin{});
    return 0;
  }
  const bool from_file = cfg.file.has_value();
  std::FILE* in = from_file ? std::fopen(cfg.file->c_str(), "rb") : stdin;
  const std::string_view name = from_file ? std::string_view(*cfg.file) : std::string_view("-");
  if (!in) {
    std::fprintf(stderr, "snapcheck: cannot open '%s': %s\n", cfg.file->c_str(), std::strerror(errno));
    return 2;
  }
  std::string line;
  std::size_t number = 0;
  for (int c = std::getc(in);; c = std::getc(in)) {
    if (c == '\n' || c == EOF) {
      if (c == EOF && line.empty()) break;
      each(std::string_view(line), origin{name, ++number});
      line.clear();
      if (c == EOF) break;
    } else {
      line.push_back(static_cast<char>(c));
    }
  }
  const bool read_error = std::ferror(in) != 0;
  const int e = errno;
  if (from_file) std::fclose(in);
  if (read_error) {
    std::fprintf(stderr, "snapcheck: cannot read '%.*s': %s\n", static_cast<int>(name.size()), name.data(),
                 std::strerror(e));
    return 2;
  }
  return 0;
}

// Text output: a field name or message with control characters written as
// \xHH, so that each violation stays on one line.
void write_text(output& out, std::string_view s) {
  std::size_t clean = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != 0x7f) continue;
    out.write(s.substr(clean, i - clean));
    constexpr char hex[] = "0123456789abcdef";
    const char escaped[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
    out.write(std::string_view(escaped, 4));
    clean = i + 1;
  }
  out.write(s.substr(clean));
}

#if SNAPCHECK_CLI_JSON
// --json (SPEC §8, §11): one JSON text through simdjson On Demand. A text
// that is not JSON, or not an object, is one request-level wrong_type. The
// result views names in the parser's buffers: they live until the next text.
snapcheck::result validate_json(std::string_view text, const snapcheck::options& opt) {
  static simdjson::ondemand::parser parser;
  static simdjson::padded_string padded;
  padded = simdjson::padded_string(text);
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc)) {
    snapcheck::result r(opt.max_violations);
    r.add({.code = snapcheck::code::wrong_type, .api_code = snapcheck::apis::create_snapshot::codes.parameter});
    return r;
  }
  return snapcheck::json::validate(doc, opt);
}
#endif

// The validate mode: each input is a form body (after --query, if given),
// or with --json a JSON text.
snapcheck::result validate_input(const config& cfg, std::string_view body) {
#if SNAPCHECK_CLI_JSON
  if (cfg.json) return validate_json(body, cfg.opt);
#endif
  return cfg.query ? snapcheck::validate_request(*cfg.query, body, cfg.opt) : snapcheck::validate_form(body, cfg.opt);
}

bool validate_one(const config& cfg, output& out, std::string_view body, const origin& from) {
  const auto r = validate_input(cfg, body);
  if (cfg.quiet) return r.ok();
  auto write = [&out](std::string_view s) { out.write(s); };
  if (cfg.format == format::json) {
    snapcheck::write_json(r, write);
    out.write("\n");
    return r.ok();
  }
  auto text = [&out](std::string_view s) { write_text(out, s); };
  for (const auto& v : r.violations()) {
    if (!from.source.empty()) {
      out.write(from.source);
      out.write(":");
      out.write(std::to_string(from.line));
      out.write(": ");
    }
    snapcheck::write_field(v.field, text);
    out.write(": ");
    snapcheck::write_message(v, text);
    out.write(" [");
    out.write(snapcheck::to_string(v.code));
    out.write("]\n");
  }
  if (r.truncated()) {
    if (!from.source.empty()) {
      out.write(from.source);
      out.write(":");
      out.write(std::to_string(from.line));
      out.write(": ");
    }
    out.write(std::to_string(r.found() - r.violations().size()));
    out.write(" more violations not shown\n");
  }
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

// --encode: one input line, a JSON object of strings, as a form body line.
// Returns false (printing an empty line) when it is not such an object.
bool encode_one(const config& cfg, output& out, std::string_view line) {
  std::vector<std::pair<std::string, std::string>> members;
  if (!object_reader(line).read(members)) {
    out.write("\n");
    return false;
  }
  std::vector<snapcheck::param> params;
  params.reserve(members.size());
  for (const auto& [n, v] : members) params.push_back({n, v});
  out.write(snapcheck::encode_params(params, cfg.sorted ? snapcheck::param_order::sorted : snapcheck::param_order::table));
  out.write("\n");
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  parsed p = parse(argc, argv);
  if (p.exit_now) return *p.exit_now;
  config& cfg = p.cfg;
  std::vector<snapcheck::string_view> allow(cfg.allow.begin(), cfg.allow.end());
  cfg.opt.allow = allow;

  output out;
  bool all_ok = true;
  int status = 0;
  switch (cfg.mode) {
    case mode::validate:
      status = for_each_input(cfg, [&](std::string_view body, const origin& from) {
        all_ok = validate_one(cfg, out, body, from) && all_ok;
      });
      break;
    case mode::encode: {
      bool all_objects = true;
      status = for_each_input(cfg, [&](std::string_view line, const origin& from) {
        if (encode_one(cfg, out, line)) return;
        all_objects = false;
        std::fprintf(stderr, "snapcheck: %s:%zu: not a JSON object of string values\n",
                     from.source.empty() ? "argument" : std::string(from.source).c_str(), static_cast<std::size_t>(from.line));
      });
      if (!all_objects && status == 0) status = 2;
      if (!out.close()) return 2;
      return status;
    }
  }
  if (!out.close()) return 2;
  if (status != 0) return status;
  return all_ok ? 0 : 1;
}

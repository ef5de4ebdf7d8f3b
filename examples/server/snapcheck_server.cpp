// snapcheck_server: a small HTTP server that answers CreateSnapshot requests
// the way the API does (SPEC §7), on cpp-httplib. See docs/server.md.
//
//   snapcheck_server [--port N] [--profile documented|hardened] [--allow NAME]...
//
// It listens on 127.0.0.1 only; port 0 (or none) picks a free port. The first
// line on standard output is "listening on PORT". It serves
// POST /apsara/route/Ecs/CreateSnapshot: the query string and the form body
// are validated together, as one request (SPEC §2.5), and the answer is
//   200 {"RequestID":"<a generated id>"}                 the request is ok
//   400 {"resultCode":-1,"resultMsg":"…","result":null}  the page's failure shape
//   400 application/problem+json                         with Accept: application/problem+json,
//                                                        or ResponseShape=problem
//   400 {"RequestId":…,"HostId":…,"Code":…,"Message":…}  with ResponseShape=public
// and the header X-Snapcheck-Violations: how many violations (warnings too)
// were found. An x-acs-regionid header gives the region when no region
// parameter does.
// No answer ever holds a value of the request: only names, codes and bounds.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include <snapcheck/strings.hpp>

namespace {

// The parameter that picks the failure body's shape. The server handles it
// itself, so it is on the allow-list: the validator says nothing about it.
constexpr std::string_view shape_parameter = "ResponseShape";
// Where a gateway may put the region instead of a parameter.
constexpr const char* region_header = "x-acs-regionid";

// ---- The core: one request in, status and body out. ------------------------

struct answer {
  int status;
  std::string content_type;
  std::string body;
  std::size_t violations;  // found, kept or not: for logs and the X-Snapcheck-Violations header
};

// Validates a request given as its raw query string (without '?'), its raw
// form body and the value of its x-acs-regionid header (null when it has
// none), and renders the answer. The header stands for the region only when
// the request has no region parameter of its own (or an empty one): it is a
// parameter supplied out of band, which copies nothing.
answer check_create_snapshot(std::string_view query, std::string_view body, const std::string* region,
                             const snapcheck::options& opt, const snapcheck::response_info& info) {
  using supplied = std::pair<std::string_view, std::string_view>;
  const supplied from_header[] = {{"regionId", region != nullptr ? std::string_view(*region) : std::string_view{}}};
  const snapcheck::result r = region != nullptr ? snapcheck::validate_request(query, body, from_header, opt)
                                                : snapcheck::validate_request(query, body, opt);
  return {snapcheck::http_status(r), std::string(snapcheck::content_type(info.shape, r.ok())),
          snapcheck::response_body(r, info), r.found()};
}

// ---- The program around it. -------------------------------------------------

// Request ids shaped like the page's: 8-4-4-4-12 upper-case hex digits, a
// random prefix for this process and a counter.
class request_ids {
 public:
  request_ids() {
    std::random_device rd;
    prefix_ = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
  }
  std::string next() {
    const std::uint64_t n = counter_.fetch_add(1) + 1;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08X-%04X-%04X-%04X-%012llX", static_cast<unsigned>(prefix_ >> 32),
                  static_cast<unsigned>((prefix_ >> 16) & 0xFFFF), static_cast<unsigned>(prefix_ & 0xFFFF),
                  static_cast<unsigned>((n >> 48) & 0xFFFF),
                  static_cast<unsigned long long>(n & 0xFFFFFFFFFFFFULL));
    return buf;
  }

 private:
  std::uint64_t prefix_ = 0;
  std::atomic<std::uint64_t> counter_{0};
};

// Returns the raw query string of a request target ("/path?query").
std::string_view raw_query(const std::string& target) {
  const auto q = target.find('?');
  return q == std::string::npos ? std::string_view{} : std::string_view(target).substr(q + 1);
}

// Picks the failure shape: ResponseShape=problem|public|page, else problem
// details when the client accepts application/problem+json.
snapcheck::response_shape shape_of(const httplib::Request& req) {
  const std::string flag = req.get_param_value(std::string(shape_parameter).c_str());
  if (flag == "problem") return snapcheck::response_shape::problem;
  if (flag == "public") return snapcheck::response_shape::public_api;
  if (flag == "page") return snapcheck::response_shape::page;
  if (req.get_header_value("Accept").find("application/problem+json") != std::string::npos)
    return snapcheck::response_shape::problem;
  return snapcheck::response_shape::page;
}

int usage(const char* why) {
  std::fprintf(stderr, "snapcheck_server: %s\nusage: snapcheck_server [--port N] [--profile documented|hardened] "
               "[--allow NAME]...\n", why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  snapcheck::options opt;
  std::vector<std::string> allowed = {std::string(shape_parameter)};
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--port" && has_value) {
      char* end = nullptr;
      const long p = std::strtol(argv[++i], &end, 10);
      if (*argv[i] == '\0' || *end != '\0' || p < 0 || p > 65535) return usage("--port wants 0 to 65535");
      port = static_cast<int>(p);
    } else if (arg == "--profile" && has_value) {
      const std::string_view p = argv[++i];
      if (p == "documented") opt.profile = snapcheck::profile::documented;
      else if (p == "hardened") opt.profile = snapcheck::profile::hardened;
      else return usage("--profile wants documented or hardened");
    } else if (arg == "--allow" && has_value) {
      allowed.emplace_back(argv[++i]);
    } else {
      return usage(("unexpected argument: " + std::string(arg)).c_str());
    }
  }
  // The allow-list is a span of views: made once every name is in place.
  std::vector<snapcheck::string_view> allow_views(allowed.begin(), allowed.end());
  opt.allow = allow_views;

  request_ids ids;
  httplib::Server server;
  server.Post("/apsara/route/Ecs/CreateSnapshot", [&](const httplib::Request& req, httplib::Response& res) {
    snapcheck::response_info info;
    info.shape = shape_of(req);
    const std::string id = ids.next();
    info.request_id = id;
    info.host_id = "127.0.0.1";
    std::string region;
    const bool has_region = req.has_header(region_header);
    if (has_region) region = req.get_header_value(region_header);
    const answer a = check_create_snapshot(raw_query(req.target), req.body, has_region ? &region : nullptr, opt, info);
    res.status = a.status;
    res.set_header("X-Snapcheck-Violations", std::to_string(a.violations));
    res.set_content(a.body, a.content_type.c_str());
  });

  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::fprintf(stderr, "snapcheck_server: cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  std::printf("listening on %d\n", bound);
  std::fflush(stdout);
  return server.listen_after_bind() ? 0 : 1;
}

// Independent reference implementation of SPEC.md version 2 §2.1, §2.2, §2.5,
// §3 (with §3.1's SDK spellings and §3.2's common parameters), §4, §5, §6
// (CreateSnapshot request validation), written from the SPEC alone, sharing no
// code with include/. It is meant as a differential-testing oracle: simple,
// slow and obviously correct rather than fast. Messages and suggestions are not
// produced (they are not compared).
#ifndef SNAPCHECK_TESTS_REFERENCE_HPP
#define SNAPCHECK_TESTS_REFERENCE_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace snapref {

struct violation {
  std::string field;     // parameter name as given (valid UTF-8); empty for request-level
  std::string code;      // snake_case code, e.g. "too_long"
  std::string severity;  // "error" | "warning"
  std::string api_code;  // e.g. "InvalidSnapshotName.Malformed"
  std::optional<long long> at, length, limit;
};

struct options {
  bool hardened = false;           // profile hardened (§5) instead of documented (§4)
  std::vector<std::string> allow;  // unknown names that raise nothing, in both profiles (§5)
  bool basic_han = false;          // Chinese character = U+4E00..U+9FA5 only
  std::size_t max_parameters = 1024;
};

// All violations of a form body, in SPEC §6 order (input order, then missing in
// table order), no cap.
std::vector<violation> validate_form(std::string_view body, const options& opt);

// Same for a whole request (§2.5): the query string's parameters, then the
// body's, as one sequence.
std::vector<violation> validate_request(std::string_view query, std::string_view body, const options& opt);

// Same for an already-decoded parameter list.
std::vector<violation> validate_params(const std::vector<std::pair<std::string, std::string>>& params,
                                       const options& opt);

}  // namespace snapref

#endif

// snapcheck: validation of Apsara Stack ECS CreateSnapshot requests.
// The whole library; header-only, C++20, no dependencies.
//
//   core/     string_view, span, optional (std's, cheaper to compile)
//   unicode/  UTF-8 and the Chinese-character table
//   rules/    codes, character sets, the rule vocabulary
//   schema/   the field row type and compile-time table checks
//   result/   violations and the default result sink
//   engine/   the generic one-pass validator (never names an API)
//   sources/  form bodies and parameter lists as input
//   apis/     the CreateSnapshot table
//   render/   messages, JSON and HTTP responses, from violation data
//
// std::string helpers (field_name, message, to_json, the response bodies):
// snapcheck/strings.hpp. The version macros (SNAPCHECK_VERSION_MAJOR, ...):
// snapcheck/version.hpp.
#ifndef SNAPCHECK_SNAPCHECK_HPP
#define SNAPCHECK_SNAPCHECK_HPP

#include "version.hpp"  // first: below C++20 it stops with one #error

#if SNAPCHECK_HAS_CXX20
#include "render/json.hpp"
#include "render/response.hpp"
#include "render/text.hpp"
#include "validate.hpp"
#endif

#endif

// The library's version, and the language check every entry header makes
// first. meson.build, CMakeLists.txt and CHANGELOG.md carry the same number
// (tools/check_version.py, run by the test suite, compares them).
#ifndef SNAPCHECK_VERSION_HPP
#define SNAPCHECK_VERSION_HPP

#define SNAPCHECK_VERSION_MAJOR 0
#define SNAPCHECK_VERSION_MINOR 1
#define SNAPCHECK_VERSION_PATCH 0
#define SNAPCHECK_VERSION_STRING "0.1.0"
// One number to compare: major * 10000 + minor * 100 + patch.
#define SNAPCHECK_VERSION (SNAPCHECK_VERSION_MAJOR * 10000 + SNAPCHECK_VERSION_MINOR * 100 + SNAPCHECK_VERSION_PATCH)

// The language version in effect: MSVC reports it in _MSVC_LANG unless
// /Zc:__cplusplus is given.
#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define SNAPCHECK_CPLUSPLUS _MSVC_LANG
#else
#define SNAPCHECK_CPLUSPLUS __cplusplus
#endif

// snapcheck.hpp and strings.hpp test this and, below C++20, stop with the
// one #error here instead of hundreds of errors about concepts.
#if SNAPCHECK_CPLUSPLUS >= 202002L
#define SNAPCHECK_HAS_CXX20 1
#else
#define SNAPCHECK_HAS_CXX20 0
#error "snapcheck needs C++20 or later: compile with -std=c++20 (GCC, Clang) or /std:c++20 (MSVC)"
#endif

#endif

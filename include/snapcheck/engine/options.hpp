// The caller's knobs. Plain data; the defaults are SPEC's documented profile.
#ifndef SNAPCHECK_ENGINE_OPTIONS_HPP
#define SNAPCHECK_ENGINE_OPTIONS_HPP

#include <cstddef>

#include "../core/span.hpp"
#include "../core/string_view.hpp"
#include "../rules/rule.hpp"
#include "../unicode/han.hpp"

namespace snapcheck {

using unicode::han_set;

struct options {
  snapcheck::profile profile = profile::documented;
  // Names the caller handles itself (its gateway's parameters): an unknown
  // name in this list raises nothing, in every profile (SPEC §5). Exact
  // decoded names; a known name is validated as usual.
  span<const string_view> allow{};
  // How many violations a result keeps; past that it says it was truncated.
  std::size_t max_violations = 64;
  // More parameters than this: one too_many_parameters error and nothing else.
  std::size_t max_parameters = 1024;
  // Which characters count as Chinese (SPEC §1).
  han_set chinese = han_set::unicode;
};

}  // namespace snapcheck

#endif

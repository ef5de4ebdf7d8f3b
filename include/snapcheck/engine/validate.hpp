// The engine: one pass over the pieces of a request, checking each name and
// value against a schema's table, then the rules that need the whole request
// (cross-field rules, required fields). It never names a particular API.
#ifndef SNAPCHECK_ENGINE_VALIDATE_HPP
#define SNAPCHECK_ENGINE_VALIDATE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

#include "../result/result.hpp"
#include "../schema/check.hpp"
#include "names.hpp"
#include "options.hpp"
#include "scan.hpp"
#include "text.hpp"

namespace snapcheck {
namespace detail {

// Every field of a family has a slot per N; a plain field has one.
template <schema S>
[[nodiscard]] constexpr auto slot_bases() noexcept {
  std::array<std::size_t, std::size(S::fields) + 1> bases{};
  for (std::size_t i = 0; i < std::size(S::fields); ++i) bases[i + 1] = bases[i] + S::fields[i].slot_count();
  return bases;
}
template <schema S>
inline constexpr auto slot_base_of = slot_bases<S>();
template <schema S>
inline constexpr std::size_t slot_total = slot_base_of<S>[std::size(S::fields)];

// How many cross-field violations a request can raise at most.
template <schema S>
[[nodiscard]] constexpr std::size_t cross_capacity() noexcept {
  std::size_t n = 0;
  for (const auto& f : S::fields)
    for (const auto& r : f.rules)
      if (r.kind == rule_kind::requires_field || r.kind == rule_kind::unique) n += f.slot_count();
  return n == 0 ? 1 : n;
}

template <class Reader>
using scan_fn = scan_outcome (*)(Reader, const options&);

template <class S, class Reader, std::size_t... Is>
[[nodiscard]] constexpr auto make_scanners(std::index_sequence<Is...>) noexcept {
  return std::array<scan_fn<Reader>, sizeof...(Is)>{&scan<S, Is, Reader>...};
}
// One scanner per row, each compiled for that row's rules.
template <class S, class Reader>
inline constexpr auto scanners_of =
    make_scanners<S, Reader>(std::make_index_sequence<std::size(S::fields)>{});

// What the engine remembers of the first occurrence of each known parameter.
// Trivial on purpose: slots are written when first seen and read only then.
struct slot {
  std::string_view value;
  std::size_t seq;      // position among the request's pieces
  std::uint64_t hash;   // of the decoded value, when comparable
  bool alias;
  bool form;            // the value is form-encoded
  bool empty;           // the value was empty
  bool comparable;      // decoded and valid UTF-8
};

// Returns true when the decoded values of two slots are equal.
[[nodiscard]] constexpr bool decoded_equal(const slot& a, const slot& b) noexcept {
  if (!a.form && !b.form) return a.value == b.value;
  return with_reader(a.value, a.form, [&](auto ra) {
    return with_reader(b.value, b.form, [&](auto rb) {
      unsigned char x = 0;
      unsigned char y = 0;
      for (;;) {
        const bool more_a = ra.next(x);
        const bool more_b = rb.next(y);
        if (more_a != more_b) return false;
        if (!more_a) return true;
        if (x != y) return false;
      }
    });
  });
}

template <schema S, violation_sink Sink>
class engine {
  static_assert(assert_sane<S>());
  static constexpr std::size_t name_cap = max_name_size<S>() + 8;

 public:
  constexpr engine(Sink& sink, const options& opt) noexcept : sink_(sink), opt_(opt) {}

  constexpr void visit(const piece& p) noexcept {
    const std::size_t seq = seq_++;
    position_ = seq;
    const auto name = with_reader(p.name, p.form_encoded, [](auto r) { return read_name<name_cap>(r); });
    using status = typename decoded_name<name_cap>::status;
    const name_text as_given = p.form_encoded ? name_text::form_encoded : name_text::decoded;
    if (name.state == status::bad_encoding) {
      report({.field = {.text = p.name, .form = name_text::raw}, .code = code::bad_encoding,
              .api_code = S::codes.parameter});
      return;
    }
    if (name.state == status::invalid_utf8) {
      report({.field = {.text = p.name, .form = as_given}, .code = code::invalid_utf8,
              .api_code = S::codes.parameter, .at = name.utf8_at});
      return;
    }
    const name_match m = name.fits() ? match_name<S>(name.view()) : match_long_name<S>(name);
    if (m.what == name_match::kind::unknown) {
      unknown(p, name.fits() ? name.view() : std::string_view{}, as_given);
      return;
    }
    const field& f = S::fields[m.field];
    const field_path path{&f, m.index, m.alias, p.name, as_given};
    if (m.what == name_match::kind::bad_index) {
      report({.field = path, .code = code::bad_tag_index, .api_code = f.api_code});
      return;
    }
    if (m.alias)
      report({.field = path, .code = code::deprecated_name, .severity = severity::warning,
              .api_code = S::codes.parameter});
    const std::size_t at = slot_base_of<S>[m.field] + (f.is_family() ? m.index - f.min_index : 0);
    if (seen_[at]) {
      report({.field = path, .code = code::duplicate_parameter, .api_code = S::codes.parameter});
      return;
    }
    seen_[at] = true;
    slot& s = slots_[at];
    s = slot{.value = p.value, .seq = seq, .hash = 0, .alias = m.alias, .form = p.form_encoded,
             .empty = p.value.empty(), .comparable = false};
    if (s.empty && f.empty_is_absent) return;
    const scan_outcome o = p.form_encoded
                               ? scanners_of<S, form_reader>[m.field](form_reader{p.value}, opt_)
                               : scanners_of<S, plain_reader>[m.field](plain_reader{p.value}, opt_);
    using st = scan_outcome::status;
    if (o.state == st::bad_encoding) {
      report({.field = path, .code = code::bad_encoding, .api_code = f.api_code});
      return;
    }
    if (o.state == st::invalid_utf8) {
      report({.field = path, .code = code::invalid_utf8, .api_code = f.api_code, .at = o.utf8_at});
      return;
    }
    s.comparable = true;
    s.hash = o.hash;
    for (std::size_t k = 0; k < f.rule_count(); ++k) {
      if (!o.fired[k]) continue;
      const rule& r = f.rules[k];
      report({.field = path, .code = o.codes[k], .api_code = r.api_code.empty() ? f.api_code : r.api_code,
              .at = o.at[k], .length = o.length[k], .limit = o.limit[k], .rule = &r,
              .suggested_value = r.kind == rule_kind::one_of ? o.suggestion : std::string_view{}});
    }
  }

  // The rules that need the whole request: cross-field rules (reported in
  // the input order of the parameter they name, after the others: a sink
  // that keeps order, like basic_result, puts them in place by position),
  // then missing required fields in table order.
  constexpr void finish() noexcept {
    struct pending {
      std::size_t seq;
      std::size_t field;
      std::uint32_t index;
      std::size_t rule;
    };
    std::array<pending, cross_capacity<S>()> list;  // entries [0, count) only
    std::size_t count = 0;
    for (std::size_t i = 0; i < std::size(S::fields); ++i) {
      const field& f = S::fields[i];
      for (std::size_t k = 0; k < f.rule_count(); ++k) {
        const rule& r = f.rules[k];
        if (!r.applies(opt_.profile)) continue;
        if (r.kind == rule_kind::requires_field) {
          const std::size_t other = field_index<S>(r.texts[0]);
          for (std::uint32_t n = f.min_index; n <= f.max_index; ++n) {
            const std::size_t a = slot_base_of<S>[i] + (n - f.min_index);
            const std::size_t b = slot_base_of<S>[other] + (n - f.min_index);
            if (seen_[a] && !seen_[b]) list[count++] = {slots_[a].seq, i, n, k};
          }
        } else if (r.kind == rule_kind::unique) {
          const std::size_t base = slot_base_of<S>[i];
          for (std::size_t hi = 1; hi < f.slot_count(); ++hi) {
            const slot& h = slots_[base + hi];
            if (!seen_[base + hi] || !h.comparable) continue;
            for (std::size_t lo = 0; lo < hi; ++lo) {
              const slot& l = slots_[base + lo];
              if (seen_[base + lo] && l.comparable && l.hash == h.hash &&
                  decoded_equal(l, h)) {
                list[count++] = {h.seq, i, static_cast<std::uint32_t>(f.min_index + hi), k};
                break;
              }
            }
          }
        }
      }
    }
    // A handful of entries at most: insertion sort keeps this allocation-free.
    for (std::size_t a = 1; a < count; ++a)
      for (std::size_t b = a; b > 0 && list[b].seq < list[b - 1].seq; --b) std::swap(list[b], list[b - 1]);
    for (std::size_t e = 0; e < count; ++e) {
      const field& f = S::fields[list[e].field];
      const rule& r = f.rules[list[e].rule];
      const std::size_t at = slot_base_of<S>[list[e].field] + (list[e].index - f.min_index);
      position_ = list[e].seq;
      report({.field = {&f, list[e].index, slots_[at].alias},
              .code = r.kind == rule_kind::unique ? code::duplicate_tag_key : code::value_without_key,
              .api_code = r.api_code.empty() ? f.api_code : r.api_code,
              .rule = &r});
    }
    position_ = seq_;  // after every parameter
    for (std::size_t i = 0; i < std::size(S::fields); ++i) {
      const field& f = S::fields[i];
      if (!f.required) continue;
      const std::size_t at = slot_base_of<S>[i];
      if (!seen_[at] || slots_[at].empty) report({.field = {&f}, .code = code::missing, .api_code = S::codes.missing});
    }
  }

 private:
  // Every violation carries the input position of the parameter it is about.
  constexpr void report(violation v) noexcept {
    v.position = position_;
    sink_.add(v);
  }

  constexpr void unknown(const piece& p, std::string_view decoded, name_text as_given) noexcept {
    bool allowed = false;
    for (std::string_view a : opt_.allow) allowed = allowed || decoded_equals(p.name, p.form_encoded, a);
    violation v{.field = {.text = p.name, .form = as_given}, .code = code::unknown_parameter,
                .severity = opt_.profile == profile::hardened && !allowed ? severity::error : severity::warning,
                .api_code = S::codes.parameter};
    // Suggestions cost an edit distance; skip them for violations a full sink drops.
    if (sink_.accepts_more() && !decoded.empty()) v.suggested_field = suggest_name<S>(decoded);
    report(v);
  }

  Sink& sink_;
  const options& opt_;
  std::size_t seq_ = 0;
  std::size_t position_ = 0;
  std::array<bool, slot_total<S>> seen_{};
  std::array<slot, slot_total<S>> slots_;  // valid where seen_ is set
};

}  // namespace detail

// Validates the pieces of `source` against schema S, reporting every
// violation to `sink` in report order (SPEC §6).
template <schema S, piece_source Source, violation_sink Sink>
constexpr void validate(const Source& source, Sink& sink, const options& opt = {}) noexcept {
  if (source.count_up_to(opt.max_parameters + 1) > opt.max_parameters) {
    sink.add({.code = code::too_many_parameters, .api_code = S::codes.parameter});
    return;
  }
  detail::engine<S, Sink> e(sink, opt);
  source.for_each([&e](const piece& p) { e.visit(p); });
  e.finish();
}

}  // namespace snapcheck

#endif

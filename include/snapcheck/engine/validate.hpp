// The engine: one pass over the pieces of a request, checking each name and
// value against a schema's table, then the rules that need the whole request
// (cross-field rules, required fields). It never names a particular API.
#ifndef SNAPCHECK_ENGINE_VALIDATE_HPP
#define SNAPCHECK_ENGINE_VALIDATE_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
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
  array<std::size_t, size_of(S::fields) + 1> bases{};
  for (std::size_t i = 0; i < size_of(S::fields); ++i) bases[i + 1] = bases[i] + S::fields[i].slot_count();
  return bases;
}
template <schema S>
inline constexpr auto slot_base_of = slot_bases<S>();
template <schema S>
inline constexpr std::size_t slot_total = slot_base_of<S>[size_of(S::fields)];

// 0, 1, ..., N-1 as a pack (std::make_index_sequence is in <utility>).
template <std::size_t... Is>
struct indices {};
template <std::size_t N, std::size_t... Is>
struct make_indices : make_indices<N - 1, N - 1, Is...> {};
template <std::size_t... Is>
struct make_indices<0, Is...> : indices<Is...> {};

template <class S, profile P, std::size_t... Is>
[[nodiscard]] constexpr auto make_programs(indices<Is...>) noexcept {
  return array<const row_program*, sizeof...(Is)>{&program_of<S, Is, P>...};
}
// One program per row and profile: what the scanner checks there.
template <class S, profile P>
inline constexpr auto programs_of = make_programs<S, P>(make_indices<size_of(S::fields)>{});

// The rules that need the whole request (requires_field, unique), found at
// compile time: row, rule, the row's first slot and, for requires_field, the
// first slot of the row it names.
struct cross_rule {
  std::size_t row = 0;
  std::size_t rule = 0;
  std::size_t base = 0;
  std::size_t other = 0;
};
template <schema S>
[[nodiscard]] constexpr std::size_t cross_rule_count() noexcept {
  std::size_t n = 0;
  for (const field& f : S::fields)
    for (const rule& r : f.rules) n += r.kind == rule_kind::requires_field || r.kind == rule_kind::unique;
  return n;
}
template <schema S>
[[nodiscard]] constexpr auto make_cross_rules() noexcept {
  array<cross_rule, cross_rule_count<S>()> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < size_of(S::fields); ++i)
    for (std::size_t k = 0; k < field::max_rules; ++k) {
      const rule& r = S::fields[i].rules[k];
      if (r.kind == rule_kind::requires_field)
        out[n++] = {i, k, slot_base_of<S>[i], slot_base_of<S>[field_index<S>(r.texts[0])]};
      else if (r.kind == rule_kind::unique)
        out[n++] = {i, k, slot_base_of<S>[i], 0};
    }
  return out;
}
template <schema S>
inline constexpr auto cross_rules_of = make_cross_rules<S>();

// The rows of required fields, in table order, found at compile time.
template <schema S>
[[nodiscard]] constexpr std::size_t required_count() noexcept {
  std::size_t n = 0;
  for (const field& f : S::fields) n += f.required;
  return n;
}
template <schema S>
[[nodiscard]] constexpr auto make_required() noexcept {
  array<std::size_t, required_count<S>()> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < size_of(S::fields); ++i)
    if (S::fields[i].required) out[n++] = i;
  return out;
}
template <schema S>
inline constexpr auto required_of = make_required<S>();

// Which slots have been seen: a bitmap, walked a word at a time.
template <std::size_t N>
class slot_set {
 public:
  [[nodiscard]] constexpr bool test(std::size_t i) const noexcept { return (words_[i / 64] >> (i % 64)) & 1u; }
  constexpr void set(std::size_t i) noexcept { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  // Calls fn(i) for each set i in [lo, hi), in order.
  template <class Fn>
  constexpr void for_each(std::size_t lo, std::size_t hi, Fn&& fn) const {
    for (std::size_t w = lo / 64; w * 64 < hi; ++w) {
      std::uint64_t bits = words_[w];
      if (w == lo / 64) bits &= ~std::uint64_t{0} << (lo % 64);
      while (bits) {
        const std::size_t i = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        if (i >= hi) return;
        fn(i);
        bits &= bits - 1;
      }
    }
  }

 private:
  array<std::uint64_t, (N + 63) / 64> words_{};
};

// Trivial on purpose (no member initialisers, not even string_view's): slots
// are written when first seen and read only then, so a request pays nothing
// for the slots it does not use.
struct slot {
  const char* data;     // the value, as given
  std::size_t size;
  std::size_t seq;      // position among the request's pieces
  std::uint64_t hash;   // of the decoded value's length and head, when comparable
  bool alias;
  bool form;            // the value is form-encoded
  bool empty;           // the value was empty
  bool comparable;      // decoded and valid UTF-8
};

// Returns true when the decoded values of two slots are equal.
[[nodiscard]] constexpr bool decoded_equal(const slot& a, const slot& b) noexcept {
  const string_view va(a.data, a.size);
  const string_view vb(b.data, b.size);
  if (!a.form && !b.form) return va == vb;
  return with_reader(va, a.form, [&](auto ra) {
    return with_reader(vb, b.form, [&](auto rb) {
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
    const name_text as_given = p.form_encoded ? name_text::form_encoded : name_text::decoded;
    // Table names are plain ASCII (schema check): a raw name that matches one
    // needed no decoding. Only other names are checked and decoded.
    const bool short_name = p.name.size() <= name_cap;
    name_match m = short_name ? match_name<S>(p.name) : name_match{};
    if (m.what == name_match::kind::known) {
    } else if (short_name && is_plain(p.name, p.form_encoded)) {
      if (m.what == name_match::kind::unknown) return unknown(p, p.name, as_given);
    } else {
      const auto name = with_reader(p.name, p.form_encoded, [](auto r) { return read_name<name_cap>(r); });
      using status = typename decoded_name<name_cap>::status;
      if (name.state == status::bad_encoding)
        return report({.field = {.text = p.name, .form = name_text::raw}, .code = code::bad_encoding,
                       .api_code = S::codes.parameter});
      if (name.state == status::invalid_utf8)
        return report({.field = {.text = p.name, .form = as_given}, .code = code::invalid_utf8,
                       .api_code = S::codes.parameter, .at = name.utf8_at});
      m = name.fits() ? match_name<S>(name.view()) : match_long_name<S>(name);
      if (m.what == name_match::kind::unknown)
        return unknown(p, name.fits() ? name.view() : string_view{}, as_given);
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
    const std::size_t at = slot_base_of<S>[m.field] + (m.index != 0 ? m.index - f.min_index : 0);  // N >= 1
    if (seen_.test(at)) {
      report({.field = path, .code = code::duplicate_parameter, .api_code = S::codes.parameter});
      return;
    }
    seen_.set(at);
    slot& s = slots_[at];  // field by field: one aggregate store would be built on the stack first
    s.data = p.value.data();
    s.size = p.value.size();
    s.seq = seq;
    s.hash = 0;
    s.alias = m.alias;
    s.form = p.form_encoded;
    s.empty = p.value.empty();
    s.comparable = false;
    if (s.empty && f.empty_is_absent) return;
    const row_program& program = *(opt_.profile == profile::hardened ? programs_of<S, profile::hardened>
                                                                      : programs_of<S, profile::documented>)[m.field];
    scan_outcome& o = outcome_;
    if (const std::size_t plain = ordinary_prefix(program, p.value); plain < p.value.size()) {
      scan(p.value, p.form_encoded, opt_, program, o, plain);
    } else {
      // Most short values: when the length and first byte pass at once,
      // nothing is left to check but to take a unique row's fingerprint.
      if (passes_quickly(program, p.value, p.form_encoded, p.value.size())) {
        s.comparable = true;
        if (program.want_hash) s.hash = fingerprint(p.value.size(), head_word(p.value));
        return;
      }
      check_whole(p.value, p.form_encoded, program, o);
    }
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
    for (std::size_t k = 0; (o.fired >> k) != 0; ++k) {
      if (!o.has_fired(k)) continue;
      const rule& r = f.rules[k];
      const code c = o.codes[k];
      const bool sized = c == code::too_short || c == code::too_long;
      violation v{.field = path, .code = c, .api_code = r.api_code.empty() ? f.api_code : r.api_code,
                  .rule = &r, .suggested_value = r.kind == rule_kind::one_of ? o.suggestion : string_view{}};
      if ((o.has_at >> k) & 1u) v.at = static_cast<std::size_t>(o.number[k]);
      if (sized) v.length = o.chars;
      if (sized || c == code::out_of_range) v.limit = o.number[k];
      report(v);
    }
  }

  // The rules that need the whole request: cross-field rules (reported in
  // the input order of the parameter they name, after the others: a sink
  // that keeps order, like basic_result, puts them in place by position),
  // then missing required fields in table order.
  constexpr void finish() noexcept {
    for (const cross_rule& c : cross_rules_of<S>) {
      const field& f = S::fields[c.row];
      const rule& r = f.rules[c.rule];
      if (!r.applies(opt_.profile)) continue;
      const std::size_t base = c.base;
      if (r.kind == rule_kind::requires_field) {
        seen_.for_each(base, base + f.slot_count(), [&](std::size_t a) {
          if (!seen_.test(c.other + (a - base))) late(a, base, f, r, code::value_without_key);
        });
        continue;
      }
      seen_.for_each(base, base + f.slot_count(), [&](std::size_t hi) {  // unique
        const slot& h = slots_[hi];
        if (!h.comparable) return;
        for (std::size_t lo = base; lo < hi; ++lo) {
          const slot& l = slots_[lo];
          if (seen_.test(lo) && l.comparable && l.hash == h.hash && decoded_equal(l, h)) {
            late(hi, base, f, r, code::duplicate_tag_key);
            return;
          }
        }
      });
    }
    position_ = seq_;  // after every parameter
    for (const std::size_t i : required_of<S>) {
      const std::size_t at = slot_base_of<S>[i];
      if (!seen_.test(at) || slots_[at].empty)
        report({.field = {&S::fields[i]}, .code = code::missing, .api_code = S::codes.missing});
    }
  }

 private:
  // Reports a cross-field violation on the parameter in slot s.
  constexpr void late(std::size_t s, std::size_t base, const field& f, const rule& r, code c) noexcept {
    position_ = slots_[s].seq;
    const auto index = f.is_family() ? static_cast<std::uint32_t>(f.min_index + (s - base)) : std::uint32_t{0};
    report({.field = {&f, index, slots_[s].alias}, .code = c,
            .api_code = r.api_code.empty() ? f.api_code : r.api_code, .rule = &r});
  }

  // Every violation carries the input position of the parameter it is about.
  constexpr void report(violation v) noexcept {
    v.position = position_;
    sink_.add(v);
  }

  constexpr void unknown(const piece& p, string_view decoded, name_text as_given) noexcept {
    bool allowed = false;
    for (string_view a : opt_.allow) allowed = allowed || decoded_equals(p.name, p.form_encoded, a);
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
  slot_set<slot_total<S>> seen_{};
  array<slot, slot_total<S>> slots_;  // valid where seen_ is set
  scan_outcome outcome_{};                  // of the value being checked
};

}  // namespace detail

// Validates the pieces of `source` against schema S, reporting every
// violation to `sink` in report order (SPEC §6).
template <schema S, piece_source Source, violation_sink Sink>
constexpr void validate(const Source& source, Sink& sink, const options& opt = {}) noexcept {
  if (source.has_more_than(opt.max_parameters)) {
    sink.add({.code = code::too_many_parameters, .api_code = S::codes.parameter});
    return;
  }
  detail::engine<S, Sink> e(sink, opt);
  source.for_each([&e](const piece& p) { e.visit(p); });
  e.finish();
}

}  // namespace snapcheck

#endif

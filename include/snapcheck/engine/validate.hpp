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
#include "../encoding/text.hpp"
#include "../schema/check.hpp"
#include "names.hpp"
#include "options.hpp"
#include "program.hpp"
#include "scan.hpp"
#include "source.hpp"

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
  spelling spelled;
  snapcheck::encoding encoding;
  value_type type;      // text, or for an integer: hash holds its magnitude
  bool negative;        // an integer below zero
  bool absent;          // empty text, in a row where empty means absent
  bool comparable;      // text, decoded and valid UTF-8

  [[nodiscard]] constexpr encoded_text text() const noexcept { return {{data, size}, encoding}; }
};

template <schema S, violation_sink Sink, bool Fast>
class engine {
  static_assert(assert_sane<S>());
  static constexpr std::size_t name_cap = max_name_size<S>() + 8;

 public:
  constexpr engine(Sink& sink, const options& opt) noexcept : sink_(sink), opt_(opt) {}

  // Checks one piece. TextOnly: the source yields only text with plain
  // names (form bodies, parameter lists), so the JSON ways are left out,
  // not even compiled.
  template <bool TextOnly>
  constexpr void visit(const piece& p) noexcept {
    const std::size_t seq = seq_++;
    position_ = seq;
    name_match m;
    if constexpr (TextOnly) {
      m = find_row(p);
    } else {
      if (p.type == value_type::container)
        return report({.field = given_name(p), .code = code::wrong_type, .api_code = S::codes.parameter});
      m = p.group.empty() ? find_row(p) : find_member_row(p);
    }
    if (m.what == name_match::kind::unknown) return;
    const field& f = S::fields[m.field];
    if (m.what == name_match::kind::bad_index)
      return report({.field = path_of(p, m), .code = code::bad_tag_index, .api_code = f.api_code});
    if (m.spelled == spelling::alias)
      report({.field = path_of(p, m), .code = code::deprecated_name, .severity = severity::warning,
              .api_code = S::codes.parameter});
    const std::size_t at = slot_base_of<S>[m.field] + (m.index != 0 ? m.index - f.min_index : 0);  // N >= 1
    if (seen_.test(at)) {
      if (TextOnly || !p.if_absent) return duplicate(path_of(p, m), slots_[at], p);
      if (!slots_[at].absent) return;  // the request gave its own; an empty one is absent
    }
    seen_.set(at);
    slot& s = slots_[at];  // field by field: one aggregate store would be built on the stack first
    s.data = p.value.data();
    s.size = p.value.size();
    s.seq = seq;
    s.hash = 0;
    s.spelled = m.spelled;
    s.encoding = p.encoding;
    s.type = TextOnly ? value_type::text : p.type;
    s.negative = !TextOnly && p.negative && p.magnitude != 0;  // -0 is 0
    s.absent = (TextOnly || p.type == value_type::text) && p.value.empty() && f.empty_is_absent;
    s.comparable = false;
    if constexpr (!TextOnly) {
      if (p.type != value_type::text) return check_typed(p, m, s);
    }
    if (!s.absent) check_value(p, m, s, {p.value, p.encoding});
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
          if (!slots_[a].absent && !present(c.other + (a - base))) late(a, base, f, r, code::value_without_key);
        });
      } else {
        seen_.for_each(base, base + f.slot_count(), [&](std::size_t later) {
          if (has_equal_before(base, later)) late(later, base, f, r, code::duplicate_tag_key);
        });
      }
    }
    position_ = seq_;  // after every parameter
    for (const std::size_t i : required_of<S>)  // absent, or empty where empty means absent
      if (!present(slot_base_of<S>[i]))
        report({.field = {&S::fields[i]}, .code = code::missing, .api_code = S::codes.missing});
  }

 private:
  [[nodiscard]] static constexpr name_text as_given(const piece& p) noexcept {
    return p.encoding == encoding::form ? name_text::form_encoded : name_text::decoded;
  }
  // The parameter a violation on piece p, of row m, is about. Built only
  // when there is a violation to report.
  [[nodiscard]] static constexpr field_path path_of(const piece& p, const name_match& m) noexcept {
    return {&S::fields[m.field], m.index, m.spelled, p.name, as_given(p), p.group, p.group_index};
  }
  // The name of a piece as given, for a violation that has no row.
  [[nodiscard]] static constexpr field_path given_name(const piece& p) noexcept {
    return {.text = p.name, .form = as_given(p), .group = p.group, .group_index = p.group_index};
  }

  // Finds the row of a name given in parts (group.N.name): it is put
  // together in a buffer, then looked up like any decoded name. Out of
  // line, as check_typed: only JSON arrays and values take these ways, and
  // inlined they kept the name lookup of every piece out of line.
  [[gnu::noinline]] constexpr name_match find_member_row(const piece& p) noexcept {
    array<char, name_cap> buffer{};
    std::size_t size = 0;
    const auto put = [&](string_view part) {
      for (const char c : part) {
        if (size < name_cap) buffer[size] = c;
        ++size;
      }
    };
    put(p.group);
    put(".");
    array<char, 10> digits{};
    std::size_t d = digits.size();
    for (std::uint32_t n = p.group_index; d == digits.size() || n != 0; n /= 10) digits[--d] = static_cast<char>('0' + n % 10);
    put({digits.data() + d, digits.size() - d});
    put(".");
    put(p.name);
    const string_view name = size <= name_cap ? string_view{buffer.data(), size} : string_view{};
    const name_match m = size <= name_cap ? match_name<S>(name) : name_match{};
    if (m.what == name_match::kind::unknown) unknown(p, name);
    return m;
  }

  // A value that is not text (a JSON source's, SPEC §11): a whole number in
  // a row with an integer rule is checked as its digits would be (below
  // zero: out of every integer rule's range); any other type is wrong_type,
  // and no other rule of the field runs.
  [[gnu::noinline]] constexpr void check_typed(const piece& p, const name_match& m, slot& s) noexcept {
    const field& f = S::fields[m.field];
    const field_path path = path_of(p, m);
    if (p.type != value_type::integer || !f.has(rule_kind::integer))
      return report({.field = path, .code = code::wrong_type, .api_code = f.api_code});
    if (s.negative) {
      for (const rule& r : f.rules)
        if (r.kind == rule_kind::integer && r.applies(opt_.profile))
          report({.field = path, .code = code::out_of_range, .api_code = r.api_code.empty() ? f.api_code : r.api_code,
                  .limit = r.min, .rule = &r});
    } else {
      array<char, 20> digits{};
      std::size_t d = digits.size();
      for (std::uint64_t n = p.magnitude; d == digits.size() || n != 0; n /= 10) digits[--d] = static_cast<char>('0' + n % 10);
      check_value(p, m, s, {{digits.data() + d, digits.size() - d}});
    }
    s.hash = p.magnitude;  // the digits die here: duplicates compare the number
    s.comparable = false;
  }

  // Finds the row of a piece's name. Returns no match (kind unknown),
  // having reported what there is to say, for a name of no row: unknown, badly encoded, or not
  // valid UTF-8. Table names are plain ASCII (schema check): a raw name that
  // matches one needed no decoding; only other names are decoded.
  [[gnu::always_inline]] constexpr name_match find_row(const piece& p) noexcept {
    const bool short_name = p.name.size() <= name_cap;
    const name_match m = short_name ? match_name<S>(p.name) : name_match{};
    if (m.what == name_match::kind::known) return m;
    if (short_name && is_plain(p.name, p.encoding)) {
      if (m.what == name_match::kind::unknown) unknown(p, p.name);
      return m;
    }
    const auto name = read_name<name_cap>({p.name, p.encoding});
    using status = typename decoded_name<name_cap>::status;
    if (name.state == status::bad_encoding) {
      report({.field = {.text = p.name, .form = name_text::raw}, .code = code::bad_encoding,
              .api_code = S::codes.parameter});
      return {};
    }
    if (name.state == status::invalid_utf8) {
      report({.field = {.text = p.name, .form = as_given(p)}, .code = code::invalid_utf8,
              .api_code = S::codes.parameter, .at = name.utf8_at});
      return {};
    }
    const name_match decoded = name.fits() ? match_name<S>(name.view()) : match_long_name<S>(name);
    if (decoded.what == name_match::kind::unknown) unknown(p, name.fits() ? name.view() : string_view{});
    return decoded;
  }

  // A known name again (SPEC §3): a warning when both values decode to the
  // same bytes, an error otherwise; the first occurrence stays the one validated.
  constexpr void duplicate(const field_path& path, const slot& first, const piece& p) noexcept {
    const bool same = first.type == p.type &&
                      (p.type == value_type::text      ? same_decoded(first.text(), {p.value, p.encoding})
                       : p.type == value_type::integer ? first.hash == p.magnitude &&
                                                             first.negative == (p.negative && p.magnitude != 0)
                                                       : false);
    report({.field = path, .code = code::duplicate_parameter, .severity = same ? severity::warning : severity::error,
            .api_code = S::codes.parameter});
  }

  // Checks a present value against its row's program: the fast paths
  // first, where the program has them, else one scan.
  [[gnu::always_inline]] constexpr void check_value(const piece& p, const name_match& m, slot& s,
                                                    const encoded_text& text) noexcept {
    const row_program& program = *programs_of<S, Fast>[static_cast<std::size_t>(opt_.profile)][m.field];
    scan_outcome& o = outcome_;
    const string_view raw = text.raw;
    if (const std::size_t plain = ordinary_prefix(program, raw); plain < raw.size()) {
      scan(text, opt_, program, o, plain);
    } else if (passes_quickly(program, text, raw.size())) {
      // Most short values: the length and first byte pass at once, and only
      // a unique row's fingerprint is left to take.
      s.comparable = true;
      if (program.want_hash) s.hash = fingerprint(raw.size(), head_word(raw));
      return;
    } else {
      check_whole(text, program, o);
    }
    report_outcome(p, m, s, o);
  }

  [[gnu::always_inline]] constexpr void report_outcome(const piece& p, const name_match& m, slot& s,
                                                       const scan_outcome& o) noexcept {
    using st = scan_outcome::status;
    if (o.state == st::ok) {
      s.comparable = true;
      s.hash = o.hash;
      if (o.fired == 0) return;
    }
    const field& f = S::fields[m.field];
    const field_path path = path_of(p, m);
    if (o.state == st::bad_encoding) return report({.field = path, .code = code::bad_encoding, .api_code = f.api_code});
    if (o.state == st::invalid_utf8)
      return report({.field = path, .code = code::invalid_utf8, .api_code = f.api_code, .at = o.utf8_at});
    for (std::size_t k = 0; (o.fired >> k) != 0; ++k) {
      if (!o.has_fired(k)) continue;
      const rule& r = f.rules[k];
      const code c = o.codes[k];
      const bool sized = c == code::too_short || c == code::too_long;
      using count = optional<std::size_t>;
      report({.field = path, .code = c, .api_code = r.api_code.empty() ? f.api_code : r.api_code,
              .at = (o.has_at >> k) & 1u ? count(static_cast<std::size_t>(o.number[k])) : count(),
              .length = sized ? count(o.chars) : count(),
              .limit = sized || c == code::out_of_range ? optional<std::uint64_t>(o.number[k]) : optional<std::uint64_t>(),
              .rule = &r, .suggested_value = r.kind == rule_kind::one_of ? o.suggestion : string_view{}});
    }
  }

  // Returns true when the parameter of slot i is present (seen, and not an
  // empty value where empty means absent).
  [[nodiscard]] constexpr bool present(std::size_t i) const noexcept { return seen_.test(i) && !slots_[i].absent; }

  // Returns true when a slot of the family from base before `later` holds
  // the same decoded, valid UTF-8 value.
  [[nodiscard]] constexpr bool has_equal_before(std::size_t base, std::size_t later) const noexcept {
    const slot& h = slots_[later];
    if (!h.comparable) return false;
    for (std::size_t lo = base; lo < later; ++lo) {
      const slot& l = slots_[lo];
      if (seen_.test(lo) && l.comparable && l.hash == h.hash && same_decoded(l.text(), h.text())) return true;
    }
    return false;
  }

  // Reports a cross-field violation on the parameter in slot s.
  constexpr void late(std::size_t s, std::size_t base, const field& f, const rule& r, code c) noexcept {
    position_ = slots_[s].seq;
    const auto index = f.slot_count() > 1 || f.min_index != 0 ? static_cast<std::uint32_t>(f.min_index + (s - base))
                                                               : std::uint32_t{0};
    report({.field = {&f, index, slots_[s].spelled}, .code = c,
            .api_code = r.api_code.empty() ? f.api_code : r.api_code, .rule = &r});
  }

  // Every violation carries the input position of the parameter it is about.
  // Taken by reference: a violation is built once, by the caller, and copied
  // once, by the sink (each copy of its 232 bytes costs more than the rest).
  constexpr void report(violation&& v) noexcept {
    v.position = position_;
    sink_.add(v);
  }

  // A name of no row: silent when the caller allows it (SPEC §5), else
  // unknown_parameter, an error in the profiles the schema says.
  constexpr void unknown(const piece& p, string_view decoded) noexcept {
    const encoded_text name = p.group.empty() ? encoded_text{p.name, p.encoding} : encoded_text{decoded};
    for (const string_view a : opt_.allow)
      if (name.decodes_to(a)) return;
    violation v{.field = given_name(p), .code = code::unknown_parameter,
                .severity = unknown_is_error_in<S>().contains(opt_.profile) ? severity::error : severity::warning,
                .api_code = S::codes.parameter};
    // Suggestions cost an edit distance; skip them for violations a full sink drops.
    if (sink_.accepts_more() && !decoded.empty()) v.suggested_field = suggest_name<S>(decoded);
    report(static_cast<violation&&>(v));
  }

  Sink& sink_;
  const options& opt_;
  std::size_t seq_ = 0;
  std::size_t position_ = 0;
  slot_set<slot_total<S>> seen_{};
  array<slot, slot_total<S>> slots_;  // valid where seen_ is set
  scan_outcome outcome_{};             // of the value being checked
};

}  // namespace detail

// Validates the pieces of `source` against schema S, reporting every
// violation to `sink` in report order (SPEC §6). Fast = false checks every
// character the general way (what SNAPCHECK_NO_FAST_PATHS makes the default).
template <schema S, bool Fast = detail::fast_paths_on, piece_source Source, violation_sink Sink>
constexpr void validate(const Source& source, Sink& sink, const options& opt = {}) noexcept {
  if (source.has_more_than(opt.max_parameters)) {
    sink.add({.code = code::too_many_parameters, .api_code = S::codes.parameter, .limit = opt.max_parameters});
    return;
  }
  detail::engine<S, Sink, Fast> e(sink, opt);
  source.for_each([&e](const piece& p) { e.template visit<text_only_source<Source>>(p); });
  e.finish();
}

}  // namespace snapcheck

#endif

// The typed request (SPEC §10): one member per row of a schema's table,
// absent until set, derived from the table at compile time, so a row added
// to the table is a member of the request with no other change. A family
// row (Tag.{N}.Key) is one member per N; the rows of a family group (same
// prefix and N range: Tag.{N}.Key and Tag.{N}.Value) are written N by N,
// (key, value) pairs in N order.
//
// Storage and lifetime: a request holds views (snapcheck::string_view) of
// the values it is given, never copies, so it allocates nothing and works
// in constant expressions. Every value must outlive every use of the request
// (validate, encode, params). Names are the table's own static text.
//
//   snapcheck::create_snapshot_request r;
//   r.set<"regionId">("cn-hangzhou").set<"DiskId">(disk);  // unknown name: compile error
//   r.set<"Tag.1.Key">("team");  if (!r.set<"Tag.{N}.Value">(n, v)) { /* n out of 1..20 */ }
//   const auto res = snapcheck::validate(r);               // = validate_params(r.params())
//   char buf[512];  const std::size_t n = snapcheck::encode(r, buf, sizeof buf);
#ifndef SNAPCHECK_CLIENT_REQUEST_HPP
#define SNAPCHECK_CLIENT_REQUEST_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "../core/array.hpp"
#include "../core/optional.hpp"
#include "../core/span.hpp"
#include "../core/string_view.hpp"
#include "../validate.hpp"
#include "encode.hpp"

namespace snapcheck {

namespace detail::client {

inline constexpr std::size_t none = static_cast<std::size_t>(-1);

[[nodiscard]] constexpr std::size_t decimal_digits(std::uint32_t v) noexcept {
  std::size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

// The N of "<digits>" when it is a canonical decimal (no sign, no leading
// zero), or none.
[[nodiscard]] constexpr std::size_t canonical_index(string_view s) noexcept {
  if (s.empty() || s.size() > 9 || (s[0] == '0' && s.size() > 1)) return none;
  std::size_t n = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return none;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// The shape of a schema's request: one slot per member (a plain row: one; a
// family row: one per N), in the order the request is written.
template <schema S>
struct layout {
  static constexpr std::size_t rows = size_of(S::fields);

  static constexpr std::size_t slots = [] {
    std::size_t n = 0;
    for (const field& f : S::fields)
      n += f.is_family() ? static_cast<std::size_t>(f.max_index - f.min_index + 1) : 1u;
    return n;
  }();

  // Two family rows are written together, N by N, when they share their
  // prefix and their N range (Tag.{N}.Key with Tag.{N}.Value).
  [[nodiscard]] static constexpr bool same_group(const field& a, const field& b) noexcept {
    return a.is_family() && b.is_family() && a.prefix() == b.prefix() && a.min_index == b.min_index &&
           a.max_index == b.max_index;
  }

  struct slot_info {
    std::size_t row = 0;
    std::uint32_t index = 0;  // N; 0 for a plain row
  };

  // Slots in writing order: plain rows in table order, then each family
  // group, N by N, its rows in table order within each N.
  static constexpr array<slot_info, slots> order = [] {
    array<slot_info, slots> out{};
    std::size_t k = 0;
    for (std::size_t r = 0; r < rows; ++r)
      if (!S::fields[r].is_family()) out[k++] = {r, 0};
    for (std::size_t r = 0; r < rows; ++r) {
      const field& f = S::fields[r];
      if (!f.is_family()) continue;
      bool seen = false;  // an earlier row of the same group already wrote it
      for (std::size_t q = 0; q < r; ++q) seen = seen || same_group(S::fields[q], f);
      if (seen) continue;
      for (std::uint32_t n = f.min_index; n <= f.max_index; ++n)
        for (std::size_t q = r; q < rows; ++q)
          if (q == r || same_group(S::fields[q], f)) out[k++] = {q, n};
    }
    return out;
  }();

  // The slot of a row's member (of its N for a family), or none.
  [[nodiscard]] static constexpr std::size_t slot_of(std::size_t row, std::size_t n) noexcept {
    for (std::size_t k = 0; k < slots; ++k)
      if (order[k].row == row && order[k].index == n) return k;
    return none;
  }

  // The names of the family members, one text: "Tag.1.KeyTag.1.Value...".
  static constexpr std::size_t name_bytes = [] {
    std::size_t n = 0;
    for (const slot_info& s : order)
      if (S::fields[s.row].is_family())
        n += S::fields[s.row].prefix().size() + decimal_digits(s.index) + S::fields[s.row].suffix().size();
    return n;
  }();

  struct name_text {
    array<char, name_bytes> chars{};
    array<std::size_t, slots> at{};  // where each family slot's name starts
    array<std::size_t, slots> size{};
  };

  static constexpr name_text family_names = [] {
    name_text t{};
    std::size_t p = 0;
    for (std::size_t k = 0; k < slots; ++k) {
      const field& f = S::fields[order[k].row];
      if (!f.is_family()) continue;
      t.at[k] = p;
      for (const char c : f.prefix()) t.chars[p++] = c;
      const std::size_t d = decimal_digits(order[k].index);
      std::uint32_t v = order[k].index;
      for (std::size_t i = d; i-- > 0; v /= 10) t.chars[p + i] = static_cast<char>('0' + v % 10);
      p += d;
      for (const char c : f.suffix()) t.chars[p++] = c;
      t.size[k] = p - t.at[k];
    }
    return t;
  }();

  // The parameter name of each slot, a view of static text, and whether it
  // is made of unreserved bytes only (written without encoding).
  static constexpr array<string_view, slots> names = [] {
    array<string_view, slots> out{};
    for (std::size_t k = 0; k < slots; ++k) {
      const field& f = S::fields[order[k].row];
      out[k] = f.is_family() ? string_view(family_names.chars.data() + family_names.at[k], family_names.size[k])
                             : f.name;
    }
    return out;
  }();
  static constexpr array<bool, slots> plain_names = [] {
    array<bool, slots> out{};
    for (std::size_t k = 0; k < slots; ++k) out[k] = encoded_size(names[k]) == names[k].size();
    return out;
  }();
  [[nodiscard]] static constexpr string_view name(std::size_t k) noexcept { return names[k]; }

  // Slots by encoded name, byte-wise (signature v1's order); stable.
  static constexpr array<std::size_t, slots> sorted = [] {
    array<std::size_t, slots> out{};
    for (std::size_t k = 0; k < slots; ++k) {
      std::size_t j = k;
      for (; j > 0 && compare_encoded(name(out[j - 1]), name(k)) > 0; --j) out[j] = out[j - 1];
      out[j] = k;
    }
    return out;
  }();

  // The slot of a parameter name ("DiskId", "Tag.3.Key"), or none.
  [[nodiscard]] static constexpr std::size_t slot_named(string_view n) noexcept {
    for (std::size_t r = 0; r < rows; ++r) {
      const field& f = S::fields[r];
      if (!f.is_family()) {
        if (f.name == n) return slot_of(r, 0);
        continue;
      }
      const string_view pre = f.prefix();
      const string_view suf = f.suffix();
      if (n.size() <= pre.size() + suf.size() || !n.starts_with(pre) || !n.ends_with(suf)) continue;
      const std::size_t i = canonical_index(n.substr(pre.size(), n.size() - pre.size() - suf.size()));
      if (i != none && i >= f.min_index && i <= f.max_index) return slot_of(r, i);
    }
    return none;
  }

  // The row of a family's template name ("Tag.{N}.Key"), or none.
  [[nodiscard]] static constexpr std::size_t family_named(string_view n) noexcept {
    for (std::size_t r = 0; r < rows; ++r)
      if (S::fields[r].is_family() && S::fields[r].name == n) return r;
    return none;
  }
};

// Reached only when a name is not in the table: not constexpr, so a
// compile-time lookup that gets here does not compile.
void parameter_name_not_in_the_table() noexcept;

}  // namespace detail::client

template <schema S>
class typed_request;

// A name checked against the table at compile time: the name half of a
// typed request's initializer, {"DiskId", disk}.
template <schema S>
struct checked_name {
  std::size_t slot;
  consteval checked_name(const char* name) noexcept  // NOLINT: implicit, for {"DiskId", v}
      : slot(detail::client::layout<S>::slot_named(string_view(name))) {
    if (slot == detail::client::none) detail::client::parameter_name_not_in_the_table();
  }
};

// One member of a typed request as a (name, value) pair.
struct member_ref {
  string_view first;   // the parameter name
  string_view second;  // the value, as set
};

template <schema S = apis::create_snapshot>
class typed_request {
  using layout = detail::client::layout<S>;

 public:
  using schema_type = S;
  static constexpr std::size_t slot_count = layout::slots;

  struct init {
    checked_name<S> name;
    string_view value;
  };

  constexpr typed_request() noexcept = default;
  // {{"regionId", "cn-hangzhou"}, {"DiskId", d}, {"Tag.1.Key", "k"}}: each
  // name checked at compile time; a name given twice keeps the last value.
  constexpr typed_request(std::initializer_list<init> members) noexcept {
    for (const init& m : members) put(m.name.slot, m.value);
  }

  // Sets the member named Name ("DiskId", "Tag.3.Key").
  template <detail::literal Name>
  constexpr typed_request& set(string_view value) noexcept {
    put(checked_slot<Name>(), value);
    return *this;
  }
  // Sets member N of the family named Family ("Tag.{N}.Key"); false (and
  // nothing set) when N is outside the family's range.
  template <detail::literal Family>
  [[nodiscard]] constexpr bool set(std::size_t n, string_view value) noexcept {
    const std::size_t k = family_slot<Family>(n);
    if (k == detail::client::none) return false;
    put(k, value);
    return true;
  }
  // Makes the member named Name absent again.
  template <detail::literal Name>
  constexpr typed_request& reset() noexcept {
    present_[checked_slot<Name>()] = false;
    values_[checked_slot<Name>()] = {};
    return *this;
  }

  // The value of a member, or nothing when it is absent.
  template <detail::literal Name>
  [[nodiscard]] constexpr optional<string_view> get() const noexcept {
    return at(checked_slot<Name>());
  }
  template <detail::literal Family>
  [[nodiscard]] constexpr optional<string_view> get(std::size_t n) const noexcept {
    const std::size_t k = family_slot<Family>(n);
    return k == detail::client::none ? optional<string_view>{} : at(k);
  }

  // Slot access, in writing order (0 .. slot_count - 1).
  [[nodiscard]] static constexpr string_view name_of(std::size_t slot) noexcept { return layout::name(slot); }
  [[nodiscard]] constexpr optional<string_view> at(std::size_t slot) const noexcept {
    return present_[slot] ? optional<string_view>(values_[slot]) : optional<string_view>{};
  }
  constexpr void set_slot(std::size_t slot, string_view value) noexcept { put(slot, value); }
  // The slot of a parameter name known only at run time, or slot_count.
  [[nodiscard]] static constexpr std::size_t slot_named(string_view name) noexcept {
    const std::size_t k = layout::slot_named(name);
    return k == detail::client::none ? slot_count : k;
  }

  // The number of members set.
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (const bool p : present_) n += p ? 1u : 0u;
    return n;
  }

  // The members set, as (name, value) pairs in writing order: a range that
  // validate_params reads, and what encode writes.
  class members_view {
   public:
    class iterator {
     public:
      constexpr iterator(const typed_request* r, std::size_t k) noexcept : r_(r), k_(k) { skip(); }
      constexpr member_ref operator*() const noexcept { return {layout::name(k_), r_->values_[k_]}; }
      constexpr iterator& operator++() noexcept {
        ++k_;
        skip();
        return *this;
      }
      constexpr bool operator!=(const iterator& o) const noexcept { return k_ != o.k_; }
      constexpr bool operator==(const iterator& o) const noexcept { return k_ == o.k_; }

     private:
      constexpr void skip() noexcept {
        while (k_ < slot_count && !r_->present_[k_]) ++k_;
      }
      const typed_request* r_;
      std::size_t k_;
    };
    constexpr explicit members_view(const typed_request& r) noexcept : r_(&r) {}
    [[nodiscard]] constexpr iterator begin() const noexcept { return {r_, 0}; }
    [[nodiscard]] constexpr iterator end() const noexcept { return {r_, slot_count}; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return r_->size(); }

   private:
    const typed_request* r_;
  };
  [[nodiscard]] constexpr members_view params() const noexcept { return members_view(*this); }

  // Writes the request as a form body (SPEC §10); see snapcheck::encode.
  constexpr std::size_t encode_into(char* out, std::size_t cap, const encode_options& opt = {}) const noexcept {
    detail::bounded_writer w(out, cap);
    const span<const param> extra = opt.extra;
    if (opt.order == param_order::table) {
      for (std::size_t k = 0; k < slot_count; ++k)
        if (present_[k]) w.pair(layout::names[k], values_[k], layout::plain_names[k]);
      for (const param& p : extra) w.pair(p.name, p.value);
      return w.size();
    }
    // Sorted: the members' order is known at compile time (layout::sorted);
    // the extras' is found as they are merged in (quadratic in their number).
    std::size_t next_extra = extra.size();
    auto after = [&](std::size_t last) {  // the least extra after `last` (extra.size(): from the start)
      std::size_t best = extra.size();
      for (std::size_t i = 0; i < extra.size(); ++i) {
        if (last != extra.size()) {
          const int c = compare_encoded(extra[i].name, extra[last].name);
          if (c < 0 || (c == 0 && i <= last)) continue;
        }
        if (best != extra.size()) {
          const int c = compare_encoded(extra[i].name, extra[best].name);
          if (c > 0 || (c == 0 && i > best)) continue;
        }
        best = i;
      }
      return best;
    };
    next_extra = after(extra.size());
    for (std::size_t s = 0; s < slot_count; ++s) {
      const std::size_t k = layout::sorted[s];
      if (!present_[k]) continue;
      // Extras that sort strictly before this member go first; on a tie the member does.
      while (next_extra != extra.size() && compare_encoded(extra[next_extra].name, layout::name(k)) < 0) {
        w.pair(extra[next_extra].name, extra[next_extra].value);
        next_extra = after(next_extra);
      }
      w.pair(layout::names[k], values_[k], layout::plain_names[k]);
    }
    while (next_extra != extra.size()) {
      w.pair(extra[next_extra].name, extra[next_extra].value);
      next_extra = after(next_extra);
    }
    return w.size();
  }

 protected:
  constexpr void put(std::size_t slot, string_view value) noexcept {
    values_[slot] = value;
    present_[slot] = true;
  }

  template <detail::literal Name>
  [[nodiscard]] static consteval std::size_t checked_slot() noexcept {
    constexpr std::size_t k = layout::slot_named(Name.view());
    static_assert(layout::family_named(Name.view()) == detail::client::none,
                  "snapcheck: a family name such as Tag.{N}.Key takes N: set<\"Tag.{N}.Key\">(n, value)");
    static_assert(k != detail::client::none, "snapcheck: this name is not a parameter of the schema's table");
    return k;
  }

  template <detail::literal Family>
  [[nodiscard]] static constexpr std::size_t family_slot(std::size_t n) noexcept {
    constexpr std::size_t row = layout::family_named(Family.view());
    static_assert(row != detail::client::none,
                  "snapcheck: this name is not a family of the schema's table (spell it as the table does: Tag.{N}.Key)");
    if (n < S::fields[row].min_index || n > S::fields[row].max_index) return detail::client::none;
    return layout::slot_of(row, n);
  }

 private:
  detail::array<string_view, slot_count> values_{};
  detail::array<bool, slot_count> present_{};
};

// Returns the violations of a typed request: exactly those validate_params
// gives on the pairs it encodes (its members, in writing order).
// The result views only the table's names and the values the request
// views, never the temporary list of pairs it is checked through.
template <schema S>
[[nodiscard]] constexpr result validate(const typed_request<S>& r, const options& opt = {}) noexcept {
  result out(opt.max_violations);
  validate_params_into<S>(r.params(), out, opt);
  return out;
}
template <schema S, violation_sink Sink>
constexpr void validate_into(const typed_request<S>& r, Sink& sink, const options& opt = {}) noexcept {
  validate_params_into<S>(r.params(), sink, opt);
}

// Writes a typed request as a form body into [out, out + cap) and returns
// its full size; when that is more than cap, the output is cut at cap.
// encode(r, nullptr, 0) is the size query. Order and extra parameters:
// encode_options.
template <schema S>
constexpr std::size_t encode(const typed_request<S>& r, char* out, std::size_t cap,
                             const encode_options& opt = {}) noexcept {
  return r.encode_into(out, cap, opt);
}
template <schema S>
[[nodiscard]] constexpr std::size_t encoded_size(const typed_request<S>& r, const encode_options& opt = {}) noexcept {
  return r.encode_into(nullptr, 0, opt);
}

// CreateSnapshot's request, with a named setter per field. Each setter is
// set<"the table's name">, so a setter whose row leaves the table does not
// compile; every row, named here or not, is reachable with set<>.
class create_snapshot_request : public typed_request<apis::create_snapshot> {
  template <detail::literal Name>
  constexpr create_snapshot_request& with(string_view v) noexcept {
    set<Name>(v);
    return *this;
  }

 public:
  using typed_request::typed_request;
  static constexpr std::uint32_t max_tags = 20;

  constexpr create_snapshot_request& region_id(string_view v) noexcept { return with<"regionId">(v); }
  constexpr create_snapshot_request& disk_id(string_view v) noexcept { return with<"DiskId">(v); }
  constexpr create_snapshot_request& snapshot_name(string_view v) noexcept { return with<"SnapshotName">(v); }
  constexpr create_snapshot_request& description(string_view v) noexcept { return with<"Description">(v); }
  constexpr create_snapshot_request& category(string_view v) noexcept { return with<"Category">(v); }
  constexpr create_snapshot_request& retention_days(string_view v) noexcept { return with<"RetentionDays">(v); }
  constexpr create_snapshot_request& client_token(string_view v) noexcept { return with<"ClientToken">(v); }
  constexpr create_snapshot_request& version(string_view v) noexcept { return with<"version">(v); }
  // Sets Tag.N.Key and Tag.N.Value for a compile-time N in 1..20.
  template <std::uint32_t N>
  constexpr create_snapshot_request& tag(string_view key, string_view value) noexcept {
    static_assert(N >= 1 && N <= max_tags, "snapcheck: a tag's N is 1 to 20");
    (void)set<"Tag.{N}.Key">(N, key);
    (void)set<"Tag.{N}.Value">(N, value);
    return *this;
  }
  // Adds a tag at the lowest N with neither key nor value set; false when all
  // 20 are taken.
  [[nodiscard]] constexpr bool add_tag(string_view key, string_view value) noexcept {
    for (std::uint32_t n = 1; n <= max_tags; ++n) {
      if (get<"Tag.{N}.Key">(n) || get<"Tag.{N}.Value">(n)) continue;
      return set<"Tag.{N}.Key">(n, key) && set<"Tag.{N}.Value">(n, value);
    }
    return false;
  }

};

// The named tag helpers agree with the table's tag rows.
static_assert(detail::client::layout<apis::create_snapshot>::family_named("Tag.{N}.Key") != detail::client::none &&
                  apis::create_snapshot::fields[detail::client::layout<apis::create_snapshot>::family_named("Tag.{N}.Key")]
                          .max_index == create_snapshot_request::max_tags,
              "snapcheck: create_snapshot_request::max_tags differs from the table's Tag.{N}.Key range");

}  // namespace snapcheck

#endif

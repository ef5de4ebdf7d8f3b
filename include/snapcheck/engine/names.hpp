// Parameter names: decoding a name (with its own error reporting), finding
// its table row (plain name, alias, or family member with its N), and the
// nearest known name for an unknown one.
#ifndef SNAPCHECK_ENGINE_NAMES_HPP
#define SNAPCHECK_ENGINE_NAMES_HPP

#include <bit>
#include <cstddef>
#include <initializer_list>
#include <cstdint>
#include <type_traits>

#include "../core/array.hpp"
#include "../core/string_view.hpp"
#include "../result/violation.hpp"
#include "../schema/check.hpp"
#include "../unicode/utf8.hpp"
#include "scan.hpp"
#include "text.hpp"

namespace snapcheck::detail {

// A name decoded into a small buffer: long enough for every known name plus
// the slack that suggestions need. Longer names are still read to the end,
// so that their encoding and UTF-8 errors are found.
template <std::size_t Cap>
struct decoded_name {
  enum class status : std::uint8_t { ok, bad_encoding, invalid_utf8 };
  status state = status::ok;
  std::size_t size = 0;     // decoded bytes in all
  std::size_t utf8_at = 0;  // for invalid_utf8
  array<char, Cap> bytes{};  // the first Cap bytes
  array<char, Cap> ring{};   // the last Cap bytes, at [i % Cap]

  [[nodiscard]] constexpr bool fits() const noexcept { return size <= Cap; }
  // Returns true when the decoded name ends with s (s.size() <= Cap).
  [[nodiscard]] constexpr bool ends_with(string_view s) const noexcept {
    if (s.size() > size || s.size() > Cap) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (ring[(size - s.size() + i) % Cap] != s[i]) return false;
    return true;
  }
  // Returns the decoded name; only meaningful when fits().
  [[nodiscard]] constexpr string_view view() const noexcept {
    return {bytes.data(), size <= Cap ? size : Cap};
  }
};

template <std::size_t Cap, class Reader>
[[nodiscard]] constexpr decoded_name<Cap> read_name(Reader r) noexcept {
  decoded_name<Cap> out;
  unicode::utf8_decoder dec;
  std::size_t seq_start = 0;
  bool utf8_ok = true;
  unsigned char b = 0;
  while (r.next(b)) {
    if (out.size < Cap) out.bytes[out.size] = static_cast<char>(b);
    out.ring[out.size % Cap] = static_cast<char>(b);
    ++out.size;
    if (!utf8_ok) continue;
    if (!dec.pending()) seq_start = out.size - 1;
    if (dec.feed(b) == unicode::utf8_decoder::step::ill_formed) {
      utf8_ok = false;
      out.utf8_at = seq_start;
    }
  }
  if (r.bad()) {
    out.state = decoded_name<Cap>::status::bad_encoding;
  } else if (!utf8_ok || dec.pending()) {
    out.state = decoded_name<Cap>::status::invalid_utf8;
    if (utf8_ok) out.utf8_at = seq_start;
  }
  return out;
}

// Returns true when the decoded bytes of `text` equal `want`, without a buffer.
[[nodiscard]] constexpr bool decoded_equals(string_view text, bool form_encoded,
                                            string_view want) noexcept {
  return with_reader(text, form_encoded, [&](auto r) {
    std::size_t i = 0;
    unsigned char b = 0;
    while (r.next(b)) {
      if (i == want.size() || static_cast<unsigned char>(want[i]) != b) return false;
      ++i;
    }
    return !r.bad() && i == want.size();
  });
}

// Byte comparisons of short names, inline: cheaper than a call to memcmp.
// At run time 4 to 16 bytes take two overlapping word compares.
template <class Word>
[[nodiscard]] inline bool same_words(const char* a, const char* b, std::size_t n) noexcept {
  Word x[2];
  Word y[2];
  __builtin_memcpy(&x[0], a, sizeof(Word));
  __builtin_memcpy(&x[1], a + n - sizeof(Word), sizeof(Word));
  __builtin_memcpy(&y[0], b, sizeof(Word));
  __builtin_memcpy(&y[1], b + n - sizeof(Word), sizeof(Word));
  return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
}
[[nodiscard]] constexpr bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  if (!std::is_constant_evaluated()) {
    if (n >= 8 && n <= 16) return same_words<std::uint64_t>(a, b, n);
    if (n >= 4 && n < 8) return same_words<std::uint32_t>(a, b, n);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
[[nodiscard]] constexpr bool has_prefix(string_view s, string_view p) noexcept {
  return s.size() >= p.size() && same_bytes(s.data(), p.data(), p.size());
}
[[nodiscard]] constexpr bool has_suffix(string_view s, string_view p) noexcept {
  return s.size() >= p.size() && same_bytes(s.data() + (s.size() - p.size()), p.data(), p.size());
}

struct name_match {
  enum class kind : std::uint8_t { unknown, known, bad_index };
  kind what = kind::unknown;
  std::size_t field = 0;    // row index for known and bad_index
  std::uint32_t index = 0;  // N for a family member
  bool alias = false;
};

// Returns N when s is a canonical decimal (no sign, no leading zero) within
// [min, max], or 0.
[[nodiscard]] constexpr std::uint32_t parse_index(string_view s, std::uint32_t min,
                                                  std::uint32_t max) noexcept {
  if (s.empty() || s.size() > 10 || s[0] == '0') return 0;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return (v >= min && v <= max) ? static_cast<std::uint32_t>(v) : 0;
}

// A name as the words a lookup compares: its first and last eight bytes
// (overlapping below sixteen), from four to seven bytes its first and last
// four, below four all of it, the first byte lowest. Up to sixteen bytes,
// equal keys are equal names.
struct name_key {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::size_t size = 0;
  friend constexpr bool operator==(const name_key&, const name_key&) = default;
};

[[nodiscard]] constexpr name_key key_of(string_view s) noexcept {
  const std::size_t width = s.size() >= 8 ? 8 : s.size() >= 4 ? 4 : s.size();
  name_key k{0, 0, s.size()};
  if (std::endian::native == std::endian::little && !std::is_constant_evaluated() && width >= 4) {
    if (width == 8) {
      __builtin_memcpy(&k.head, s.data(), 8);
      __builtin_memcpy(&k.tail, s.data() + s.size() - 8, 8);
    } else {
      std::uint32_t head, tail;
      __builtin_memcpy(&head, s.data(), 4);
      __builtin_memcpy(&tail, s.data() + s.size() - 4, 4);
      k.head = head;
      k.tail = tail;
    }
    return k;
  }
  for (std::size_t i = 0; i < width; ++i) {
    k.head |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
    if (width >= 4) k.tail |= std::uint64_t{static_cast<unsigned char>(s[s.size() - width + i])} << (8 * i);
  }
  return k;
}

// Every spelling of a valid name (plain names, aliases, and each member of
// a family of at most max_members) in a hash table built at compile time,
// so that looking one up is one hash and (almost always) one comparison.
struct name_entry {
  name_key key;
  string_view text;  // compared in full above sixteen bytes (plain names only)
  std::size_t field = 0;
  std::uint32_t index = 0;  // N of a family member
  bool alias = false;
};

inline constexpr std::size_t name_buckets = 128;
inline constexpr std::size_t bucket_size = 4;
inline constexpr std::size_t max_members = 64;  // larger families are matched by shape only

[[nodiscard]] constexpr std::size_t name_hash(const name_key& k) noexcept {
  return static_cast<std::size_t>(((k.head * 0x9E3779B97F4A7C15ull) ^ (k.tail * 0xC2B2AE3D27D4EB4Full) ^ k.size) >> 57);
}

// A bucket's unused entries have a size no name has, so a lookup compares
// all bucket_size entries without first loading how many are used: one
// load less between the name's bytes and the verdict.
struct name_table {
  static constexpr std::size_t unused = ~std::size_t{0};
  array<array<name_entry, bucket_size>, name_buckets> buckets{};
  bool overflow = false;

  constexpr name_table() noexcept {
    for (auto& bucket : buckets)
      for (name_entry& e : bucket) e.key.size = unused;
  }
  constexpr void add(const name_entry& e) noexcept {
    array<name_entry, bucket_size>& bucket = buckets[name_hash(e.key)];
    std::size_t at = 0;
    while (at < bucket_size && bucket[at].key.size != unused) ++at;
    if (at == bucket_size) overflow = true;
    else bucket[at] = e;
  }
};

[[nodiscard]] constexpr std::size_t decimal_digits(std::uint32_t v) noexcept {
  std::size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

// The name of member N of family f (or its alias): prefix, N in decimal,
// suffix. Returns its size, or 0 when it does not fit in out.
template <std::size_t Cap>
constexpr std::size_t write_member(const field& f, std::uint32_t index, bool alias,
                                   array<char, Cap>& out) noexcept {
  const string_view prefix = f.prefix(), suffix = f.suffix(alias);
  const std::size_t size = prefix.size() + decimal_digits(index) + suffix.size();
  if (size > Cap) return 0;
  std::size_t at = 0;
  for (char c : prefix) out[at++] = c;
  at += decimal_digits(index);
  for (std::size_t d = at; d-- > prefix.size(); index /= 10) out[d] = static_cast<char>('0' + index % 10);
  for (char c : suffix) out[at++] = c;
  return size;
}

template <schema S>
[[nodiscard]] constexpr name_table make_name_table() noexcept {
  name_table t;
  std::size_t i = 0;
  for (const field& f : S::fields) {
    for (const bool alias : {false, true}) {
      const string_view n = alias ? f.alias : f.name;
      if (alias && n.empty()) continue;
      if (!f.is_family()) {
        t.add({key_of(n), n, i, 0, alias});
        continue;
      }
      if (f.slot_count() > max_members) continue;
      array<char, 16> member{};  // longer members are matched by shape only
      for (std::uint32_t index = f.min_index; index <= f.max_index; ++index)
        if (const std::size_t size = write_member(f, index, alias, member); size != 0)
          t.add({key_of({member.data(), size}), {}, i, index, alias});
    }
    ++i;
  }
  return t;
}

template <schema S>
inline constexpr name_table name_table_of = make_name_table<S>();

// The families of a schema, their name parts worked out at compile time.
struct family_shape {
  std::size_t field = 0;
  string_view prefix, suffix, alias_suffix;
  std::uint32_t min_index = 0, max_index = 0;
};

template <schema S>
[[nodiscard]] constexpr std::size_t family_count() noexcept {
  std::size_t n = 0;
  for (const field& f : S::fields) n += f.is_family();
  return n;
}

template <schema S>
[[nodiscard]] constexpr auto make_family_shapes() noexcept {
  array<family_shape, family_count<S>()> out{};
  std::size_t i = 0;
  std::size_t n = 0;
  for (const field& f : S::fields) {
    if (f.is_family())
      out[n++] = {i, f.prefix(), f.suffix(), f.alias.empty() ? string_view{} : f.suffix(true), f.min_index,
                  f.max_index};
    ++i;
  }
  return out;
}

template <schema S>
inline constexpr auto family_shapes_of = make_family_shapes<S>();

// Finds a valid spelling in the table: known, or unknown when the name is
// no valid spelling (it may still have a family's shape).
template <schema S>
[[nodiscard]] constexpr name_match find_spelling(string_view name) noexcept {
  constexpr const name_table& table = name_table_of<S>;
  static_assert(!table.overflow, "snapcheck: too many names share a hash bucket");
  const name_key key = key_of(name);
  for (const name_entry& entry : table.buckets[name_hash(key)]) {
    if (entry.key == key && (name.size() <= 16 || name == entry.text))
      return {name_match::kind::known, entry.field, entry.index, entry.alias};
  }
  return {};
}

// Matches a name that is no valid spelling against the families' shapes: a
// name with a family's prefix and one of its suffixes but a bad N is a
// bad_index of that family; any other shape is unknown.
template <schema S>
[[nodiscard]] constexpr name_match match_shape(string_view name) noexcept {
  name_match bad{};  // a family shape with a bad N, if no family takes the name
  for (const family_shape& fam : family_shapes_of<S>) {
    if (!has_prefix(name, fam.prefix)) continue;
    for (const bool alias : {false, true}) {
      const string_view suffix = alias ? fam.alias_suffix : fam.suffix;
      if (suffix.empty() || name.size() < fam.prefix.size() + suffix.size() || !has_suffix(name, suffix))
        continue;
      const auto middle = name.substr(fam.prefix.size(), name.size() - fam.prefix.size() - suffix.size());
      const std::uint32_t index = parse_index(middle, fam.min_index, fam.max_index);
      if (index != 0) return {name_match::kind::known, fam.field, index, alias};
      if (bad.what == name_match::kind::unknown) bad = {name_match::kind::bad_index, fam.field, 0, alias};
    }
  }
  return bad;
}

// Finds the row of a decoded name: every valid spelling is in the table;
// other names are tried against the families' shapes.
template <schema S>
[[nodiscard]] constexpr name_match match_name(string_view name) noexcept {
  const name_match m = find_spelling<S>(name);
  return m.what == name_match::kind::known ? m : match_shape<S>(name);
}

// Finds the row of a name too long for any row: only a family shape (its
// prefix and a suffix) with an N far too long to be valid, or unknown.
template <schema S, std::size_t Cap>
[[nodiscard]] constexpr name_match match_long_name(const decoded_name<Cap>& name) noexcept {
  for (const family_shape& fam : family_shapes_of<S>) {
    if (!has_prefix(name.view(), fam.prefix)) continue;
    for (const bool alias : {false, true}) {
      const string_view suffix = alias ? fam.alias_suffix : fam.suffix;
      if (!suffix.empty() && name.ends_with(suffix)) return {name_match::kind::bad_index, fam.field, 0, alias};
    }
  }
  return {};
}

// Returns the optimal-string-alignment distance of a and b (both short), or
// limit + 1 when it exceeds limit. Only the band of cells within `limit` of
// the diagonal can hold a distance up to limit: the others count as limit + 1.
[[nodiscard]] constexpr std::size_t edit_distance(string_view a, string_view b,
                                                  std::size_t limit) noexcept {
  constexpr std::size_t max = 40;
  const std::size_t over = limit + 1;
  if (a.size() > max || b.size() > max) return over;
  const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return over;
  array<array<std::size_t, max + 2>, 3> rows{};  // i-2, i-1, i
  for (auto& row : rows)
    for (auto& cell : row) cell = over;
  for (std::size_t j = 0; j <= b.size() && j <= limit; ++j) rows[1][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    auto& cur = rows[(i + 1) % 3];
    const auto& prev = rows[i % 3];
    const auto& prev2 = rows[(i + 2) % 3];
    const std::size_t lo = i > limit ? i - limit : 1;
    const std::size_t hi = i + limit < b.size() ? i + limit : b.size();
    cur[lo - 1] = lo == 1 && i <= limit ? i : over;
    cur[hi + 1] = over;  // read as the row above by the next row's band
    std::size_t row_best = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = prev[j - 1] + cost;
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
        best = prev2[j - 2] + 1;
      cur[j] = best < over ? best : over;
      row_best = cur[j] < row_best ? cur[j] : row_best;
    }
    if (row_best > limit) return over;  // every path runs through this row
  }
  const std::size_t d = rows[(a.size() + 1) % 3][b.size()];
  return d > limit ? over : d;
}

[[nodiscard]] constexpr bool iequal(string_view a, string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(static_cast<unsigned char>(a[i])) != ascii_lower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Returns the known name nearest to an unknown one (SPEC 3): equal but for
// ASCII case, else within edit distance 2; the closest, and on a tie the
// first in table order, family members by N. Every member of a family of at
// most max_members is a candidate, so a mangled name (Tag.Key) finds its
// family; a larger family is tried with the first run of digits as its N.
template <schema S>
[[nodiscard]] constexpr field_path suggest_name(string_view name) noexcept {
  constexpr std::size_t cap = max_name_size<S>() + 8;
  constexpr std::size_t limit = 2;
  field_path best{};
  std::size_t best_distance = limit + 1;
  auto consider = [&](string_view candidate, const field& f, std::uint32_t index) {
    if (best_distance == 0) return;
    const std::size_t d = iequal(candidate, name) ? 0 : edit_distance(name, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = field_path{&f, index, false, {}, name_text::decoded};
    }
  };
  // The first run of digits, as the N of a large family.
  std::size_t d0 = 0;
  while (d0 < name.size() && (name[d0] < '0' || name[d0] > '9')) ++d0;
  std::size_t d1 = d0;
  while (d1 < name.size() && name[d1] >= '0' && name[d1] <= '9') ++d1;
  const string_view digits_run = name.substr(d0, d1 - d0);

  for (const field& f : S::fields) {
    if (!f.is_family()) {
      consider(f.name, f, 0);
      continue;
    }
    const auto member = [&](std::uint32_t index) {
      const std::size_t size = f.prefix().size() + decimal_digits(index) + f.suffix().size();
      if (size > name.size() + limit || name.size() > size + limit) return;  // too far by length alone
      array<char, cap> buf{};
      if (write_member(f, index, false, buf) == size) consider({buf.data(), size}, f, index);
    };
    if (f.slot_count() <= max_members) {
      for (std::uint32_t index = f.min_index; index <= f.max_index; ++index) member(index);
    } else if (const std::uint32_t index = parse_index(digits_run, f.min_index, f.max_index); index != 0) {
      member(index);
    }
  }
  return best;
}

}  // namespace snapcheck::detail

#endif

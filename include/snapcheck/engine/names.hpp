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
#include "../encoding/text.hpp"
#include "../unicode/utf8.hpp"

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

template <std::size_t Cap>
[[nodiscard]] constexpr decoded_name<Cap> read_name(const encoded_text& text) noexcept {
  decoded_name<Cap> out;
  unicode::utf8_decoder dec;
  std::size_t seq_start = 0;
  bool utf8_ok = true;
  text_cursor r = text.cursor();
  for (int next = r.next(); next >= 0; next = r.next()) {
    const auto b = static_cast<unsigned char>(next);
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
  if (r.bad_escape) {
    out.state = decoded_name<Cap>::status::bad_encoding;
  } else if (!utf8_ok || dec.pending()) {
    out.state = decoded_name<Cap>::status::invalid_utf8;
    if (utf8_ok) out.utf8_at = seq_start;
  }
  return out;
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
  spelling spelled = spelling::name;
  std::uint16_t field = 0;  // row index for known and bad_index
  std::uint32_t index = 0;  // N for a family member
};  // eight bytes, no padding: one register, copied whole

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
  std::uint16_t field = 0;
  std::uint32_t index = 0;  // N of a family member
  spelling spelled = spelling::name;
};

inline constexpr std::size_t bucket_size = 4;
inline constexpr std::size_t max_members = 64;  // larger families are matched by shape only

// Returns the bucket of a key in a table of 2^bits buckets.
[[nodiscard]] constexpr std::size_t name_hash(const name_key& k, unsigned bits) noexcept {
  return static_cast<std::size_t>(((k.head * 0x9E3779B97F4A7C15ull) ^ (k.tail * 0xC2B2AE3D27D4EB4Full) ^ k.size) >>
                                  (64 - bits));
}

// A bucket's unused entries have a size no name has, so a lookup compares
// all bucket_size entries without first loading how many are used: one
// load less between the name's bytes and the verdict.
template <unsigned Bits>
struct name_table {
  static constexpr std::size_t unused = ~std::size_t{0};
  array<array<name_entry, bucket_size>, std::size_t{1} << Bits> buckets{};
  bool overflow = false;

  constexpr name_table() noexcept {
    for (auto& bucket : buckets)
      for (name_entry& e : bucket) e.key.size = unused;
  }
  constexpr void add(const name_entry& e) noexcept {
    array<name_entry, bucket_size>& bucket = buckets[name_hash(e.key, Bits)];
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

// The name of member N of a family: prefix, N in decimal, suffix. Returns
// its size, or 0 when it does not fit in out.
template <std::size_t Cap>
constexpr std::size_t write_member(string_view prefix, std::uint32_t index, string_view suffix,
                                   array<char, Cap>& out) noexcept {
  const std::size_t size = prefix.size() + decimal_digits(index) + suffix.size();
  if (size > Cap) return 0;
  std::size_t at = 0;
  for (char c : prefix) out[at++] = c;
  at += decimal_digits(index);
  for (std::size_t d = at; d-- > prefix.size(); index /= 10) out[d] = static_cast<char>('0' + index % 10);
  for (char c : suffix) out[at++] = c;
  return size;
}

// Calls add(entry) for every valid spelling of a schema's names.
template <schema S, class Add>
constexpr void for_each_spelling(Add&& add) noexcept {
  std::uint16_t i = 0;
  for (const field& f : S::fields) {
    for (const spelling spelled : all_spellings) {
      const string_view n = f.spelled(spelled);
      if (n.empty()) continue;
      if (!f.is_family()) {
        add(name_entry{key_of(n), n, i, 0, spelled});
        continue;
      }
      if (f.slot_count() > max_members) continue;
      array<char, 16> member{};  // longer members are matched by shape only
      for (std::uint32_t index = f.min_index; index <= f.max_index; ++index)
        if (const std::size_t size = write_member(f.prefix(), index, f.suffix(spelled), member); size != 0)
          add(name_entry{key_of({member.data(), size}), {}, i, index, spelled});
    }
    ++i;
  }
}

template <schema S, unsigned Bits>
[[nodiscard]] constexpr name_table<Bits> make_name_table() noexcept {
  name_table<Bits> t;
  for_each_spelling<S>([&](const name_entry& e) { t.add(e); });
  return t;
}

// The table's size, from the schema: at least one bucket (of four) per two
// spellings (and 16 buckets), doubled until no bucket overflows.
template <schema S>
[[nodiscard]] constexpr unsigned name_table_bits() noexcept {
  std::size_t count = 0;
  for_each_spelling<S>([&](const name_entry&) { ++count; });
  unsigned bits = 4;
  while (2 * (std::size_t{1} << bits) < count) ++bits;
  return bits;
}
template <schema S, unsigned Bits>
inline constexpr auto name_table_at = make_name_table<S, Bits>();

template <schema S, unsigned Bits = name_table_bits<S>()>
[[nodiscard]] constexpr unsigned roomy_bits() noexcept {
  if constexpr (Bits >= 12) return Bits;
  else if constexpr (name_table_at<S, Bits>.overflow) return roomy_bits<S, Bits + 1>();
  else return Bits;
}

// The table itself: the one roomy_bits found room in, built once.
template <schema S>
inline constexpr const auto& name_table_of = name_table_at<S, roomy_bits<S>()>;

// The families of a schema, their name parts worked out at compile time.
struct family_shape {
  std::uint16_t field = 0;
  string_view prefix;
  array<string_view, 3> suffixes{};  // per spelling; empty where the row has none
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
  std::uint16_t i = 0;
  std::size_t n = 0;
  for (const field& f : S::fields) {
    if (f.is_family())
      out[n++] = {i, f.prefix(), {f.suffix(spelling::name), f.suffix(spelling::alias), f.suffix(spelling::alternate)},
                  f.min_index, f.max_index};
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
  constexpr const auto& table = name_table_of<S>;
  static_assert(!table.overflow, "snapcheck: the name table cannot place every spelling (more than 4 share a bucket of 4096)");
  constexpr unsigned bits = roomy_bits<S>();
  const name_key key = key_of(name);
  for (const name_entry& entry : table.buckets[name_hash(key, bits)]) {
    if (entry.key == key && (name.size() <= 16 || name == entry.text))
      return {name_match::kind::known, entry.spelled, entry.field, entry.index};
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
    for (const spelling spelled : all_spellings) {
      const string_view suffix = fam.suffixes[static_cast<std::size_t>(spelled)];
      if (suffix.empty() || name.size() < fam.prefix.size() + suffix.size() || !has_suffix(name, suffix))
        continue;
      const auto middle = name.substr(fam.prefix.size(), name.size() - fam.prefix.size() - suffix.size());
      const std::uint32_t index = parse_index(middle, fam.min_index, fam.max_index);
      if (index != 0) return {name_match::kind::known, spelled, fam.field, index};
      if (bad.what == name_match::kind::unknown) bad = {name_match::kind::bad_index, spelled, fam.field, 0};
    }
  }
  return bad;
}

// Finds the row of a decoded name: every valid spelling is in the table;
// other names are tried against the families' shapes.
template <schema S>
[[nodiscard, gnu::always_inline]] constexpr name_match match_name(string_view name) noexcept {
  const name_match m = find_spelling<S>(name);
  return m.what == name_match::kind::known ? m : match_shape<S>(name);
}

// Finds the row of a name too long for any row: only a family shape (its
// prefix and a suffix) with an N far too long to be valid, or unknown.
template <schema S, std::size_t Cap>
[[nodiscard]] constexpr name_match match_long_name(const decoded_name<Cap>& name) noexcept {
  for (const family_shape& fam : family_shapes_of<S>) {
    if (!has_prefix(name.view(), fam.prefix)) continue;
    for (const spelling spelled : all_spellings) {
      const string_view suffix = fam.suffixes[static_cast<std::size_t>(spelled)];
      if (!suffix.empty() && name.ends_with(suffix)) return {name_match::kind::bad_index, spelled, fam.field, 0};
    }
  }
  return {};
}

// Returns the optimal-string-alignment distance of a and b (both short), or
// limit + 1 when it exceeds limit. Only the band of cells within `limit` of
// the diagonal can hold a distance up to limit: the others count as limit + 1.
template <class A, class B>
[[nodiscard]] constexpr std::size_t edit_distance(const A& a, const B& b, std::size_t limit) noexcept {
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
      const std::size_t cost = char32_t(a[i - 1]) == char32_t(b[j - 1]) ? 0 : 1;
      std::size_t best = prev[j - 1] + cost;
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      if (i > 1 && j > 1 && char32_t(a[i - 1]) == char32_t(b[j - 2]) && char32_t(a[i - 2]) == char32_t(b[j - 1]) &&
          prev2[j - 2] + 1 < best)
        best = prev2[j - 2] + 1;
      cur[j] = best < over ? best : over;
      row_best = cur[j] < row_best ? cur[j] : row_best;
    }
    if (row_best > limit) return over;  // every path runs through this row
  }
  const std::size_t d = rows[(a.size() + 1) % 3][b.size()];
  return d > limit ? over : d;
}

// The code points of a short valid UTF-8 text, for edit distances in
// characters (SPEC §6); a longer text keeps its size but only its first 41.
struct code_points {
  array<char32_t, 41> items{};
  std::size_t count = 0;
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count; }
  [[nodiscard]] constexpr char32_t operator[](std::size_t i) const noexcept { return items[i]; }
};
[[nodiscard]] constexpr code_points code_points_of(string_view utf8) noexcept {
  code_points out;
  text_cursor c{utf8};
  for (auto ch = c.next_character(); ch.what == text_cursor::character::kind::ascii ||
                                     ch.what == text_cursor::character::kind::other;
       ch = c.next_character()) {
    if (out.count < out.items.size()) out.items[out.count] = ch.cp;
    ++out.count;
  }
  return out;
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
// family, and so is a plain field's alternate (RegiodIn: RegionId); a
// larger family is tried with the first run of digits as its N. Names
// differing in length by more than 2 are passed over unread.
template <schema S>
[[nodiscard]] constexpr field_path suggest_name(string_view name) noexcept {
  constexpr std::size_t cap = max_name_size<S>() + 8;
  constexpr std::size_t limit = 2;
  field_path best{};
  std::size_t best_distance = limit + 1;
  const code_points chars = code_points_of(name);
  const auto near_in_size = [&](std::size_t size) { return size + limit >= chars.size() && size <= chars.size() + limit; };
  auto consider = [&](string_view candidate, const field& f, std::uint32_t index, spelling spelled = spelling::name) {
    if (best_distance == 0 || !near_in_size(candidate.size())) return;
    const std::size_t d = iequal(candidate, name) ? 0 : edit_distance(chars, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = field_path{&f, index, spelled, {}, name_text::decoded};
    }
  };
  // The first run of digits, as the N of a large family.
  std::size_t d0 = 0;
  while (d0 < name.size() && (name[d0] < '0' || name[d0] > '9')) ++d0;
  std::size_t d1 = d0;
  while (d1 < name.size() && name[d1] >= '0' && name[d1] <= '9') ++d1;
  const string_view digits_run = name.substr(d0, d1 - d0);

  constexpr std::size_t families = family_count<S>();
  std::size_t next_family = 0;  // family_shapes_of<S> is in table order
  for (std::size_t i = 0; i < size_of(S::fields); ++i) {
    const field& f = S::fields[i];
    if (next_family == families || family_shapes_of<S>[next_family].field != i) {
      consider(f.name, f, 0);
      if (!f.alternate.empty()) consider(f.alternate, f, 0, spelling::alternate);  // an SDK's RegionId
      continue;
    }
    const family_shape& fam = family_shapes_of<S>[next_family++];
    const string_view suffix = fam.suffixes[static_cast<std::size_t>(spelling::name)];
    const auto member = [&](std::uint32_t index) {
      const std::size_t size = fam.prefix.size() + decimal_digits(index) + suffix.size();
      if (!near_in_size(size)) return;
      array<char, cap> buf{};
      if (write_member(fam.prefix, index, suffix, buf) == size) consider({buf.data(), size}, f, index);
    };
    if (fam.max_index - fam.min_index < max_members) {
      for (std::uint32_t index = fam.min_index; index <= fam.max_index; ++index) member(index);
    } else if (const std::uint32_t index = parse_index(digits_run, fam.min_index, fam.max_index); index != 0) {
      member(index);
    }
  }
  return best;
}

}  // namespace snapcheck::detail

#endif

// A small, strict JSON reader for the tests (RFC 8259): objects, arrays,
// strings with every escape (\uXXXX and surrogate pairs become UTF-8),
// integers, doubles, true, false, null. Malformed input throws
// std::runtime_error; the tests build with exceptions.
#ifndef SNAPCHECK_TESTS_MINI_JSON_HPP
#define SNAPCHECK_TESTS_MINI_JSON_HPP

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mini_json {

struct value {
  enum class kind { null, boolean, integer, number, string, array, object };
  kind type = kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;
  std::vector<value> items;        // array elements, or object member values
  std::vector<std::string> keys;   // object member names, in order (items[i] is keys[i]'s value)

  bool is(kind k) const { return type == k; }
  // Returns the member named key, or nullptr (objects only).
  const value* find(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &items[i];
    return nullptr;
  }
  // Returns the member named key; throws when there is none.
  const value& at(std::string_view key) const {
    const value* v = find(key);
    if (v == nullptr) throw std::runtime_error("mini_json: no member '" + std::string(key) + "'");
    return *v;
  }
  const std::string& str() const { return check(kind::string).text; }
  bool as_bool() const { return check(kind::boolean).boolean; }
  std::int64_t as_int() const { return check(kind::integer).integer; }

 private:
  const value& check(kind k) const {
    if (type != k) throw std::runtime_error("mini_json: a value of another type");
    return *this;
  }
};

namespace detail {

class parser {
 public:
  explicit parser(std::string_view s) : s_(s) {}

  value document() {
    value v = any(0);
    space();
    if (i_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const char* why) const {
    throw std::runtime_error(std::string("mini_json: ") + why + " at offset " + std::to_string(i_));
  }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail("unexpected character");
  }
  void word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) fail("bad literal");
    i_ += w.size();
  }

  value any(int depth) {
    if (depth > 200) fail("nesting too deep");
    space();
    if (i_ == s_.size()) fail("unexpected end");
    value v;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      v.type = value::kind::object;
      if (eat('}')) return v;
      do {
        space();
        if (i_ == s_.size() || s_[i_] != '"') fail("expected a member name");
        std::string key = string();
        if (v.find(key) != nullptr) fail("duplicate member name");
        v.keys.push_back(key);
        expect(':');
        v.items.push_back(any(depth + 1));
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++i_;
      v.type = value::kind::array;
      if (eat(']')) return v;
      do v.items.push_back(any(depth + 1));
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.type = value::kind::string;
      v.text = string();
    } else if (c == 't' || c == 'f') {
      word(c == 't' ? "true" : "false");
      v.type = value::kind::boolean;
      v.boolean = c == 't';
    } else if (c == 'n') {
      word("null");
    } else {
      number(v);
    }
    return v;
  }

  void number(value& v) {
    const std::size_t start = i_;
    auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == from) fail("expected a digit");
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') ++i_;
    else digits();
    bool whole = true;
    if (i_ < s_.size() && s_[i_] == '.') ++i_, digits(), whole = false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      digits();
      whole = false;
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + i_;
    if (whole && std::from_chars(first, last, v.integer).ec == std::errc{}) {
      v.type = value::kind::integer;
      return;
    }
    if (std::from_chars(first, last, v.number).ec != std::errc{}) fail("number out of range");
    v.type = value::kind::number;
  }

  unsigned hex4() {
    if (s_.size() - i_ < 4) fail("short \\u escape");
    unsigned u = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const bool dec = c >= '0' && c <= '9', lo = c >= 'a' && c <= 'f', up = c >= 'A' && c <= 'F';
      if (!dec && !lo && !up) fail("bad hex digit");
      u = u * 16 + static_cast<unsigned>(dec ? c - '0' : lo ? c - 'a' + 10 : c - 'A' + 10);
    }
    return u;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    auto b = [&](unsigned x) { out.push_back(static_cast<char>(static_cast<unsigned char>(x))); };
    if (cp < 0x80) b(cp);
    else if (cp < 0x800) b(0xC0 | (cp >> 6)), b(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) b(0xE0 | (cp >> 12)), b(0x80 | ((cp >> 6) & 0x3F)), b(0x80 | (cp & 0x3F));
    else b(0xF0 | (cp >> 18)), b(0x80 | ((cp >> 12) & 0x3F)), b(0x80 | ((cp >> 6) & 0x3F)), b(0x80 | (cp & 0x3F));
  }

  std::string string() {
    ++i_;  // the opening quote
    std::string out;
    for (;;) {
      if (i_ == s_.size()) fail("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("raw control character in a string");
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ == s_.size()) fail("unterminated escape");
      switch (s_[i_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail("lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (s_.substr(i_, 2) != "\\u") fail("high surrogate without a low one");
            i_ += 2;
            const unsigned lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail("high surrogate without a low one");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: fail("bad escape");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace detail

// Returns the JSON document in text; throws std::runtime_error when malformed.
inline value parse(std::string_view text) { return detail::parser(text).document(); }

}  // namespace mini_json

#endif

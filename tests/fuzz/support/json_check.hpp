// A strict JSON syntax checker (RFC 8259), written for the oracles: the text
// must be one JSON value with optional whitespace around it, every byte of it
// must be well-formed UTF-8 (Unicode Table 3-7: no overlongs, no surrogates,
// nothing above U+10FFFF), strings hold no raw control characters, escapes
// are the eight short ones or \uXXXX, and a \u surrogate must be a proper
// high-low pair. Returns an empty string when the text is valid, else what is
// wrong and where. Knows nothing of snapcheck.
#ifndef SNAPCHECK_FUZZ_SUPPORT_JSON_CHECK_HPP
#define SNAPCHECK_FUZZ_SUPPORT_JSON_CHECK_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace fuzz::json {

class checker {
 public:
  explicit checker(std::string_view s) : s_(s) {}

  std::string run() {
    space();
    if (!value(0)) return why_;
    space();
    if (i_ != s_.size()) return error("text after the value");
    return {};
  }

 private:
  static constexpr std::size_t max_depth = 64;

  bool error_bool(const char* what) {
    why_ = error(what);
    return false;
  }
  std::string error(const char* what) const { return std::string(what) + " at byte " + std::to_string(i_); }

  bool at_end() const { return i_ >= s_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(s_[i_]); }

  void space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++i_;
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return error_bool("bad literal");
    i_ += word.size();
    return true;
  }

  bool value(std::size_t depth) {
    if (depth > max_depth) return error_bool("nested too deeply");
    if (at_end()) return error_bool("a value expected, end of text");
    switch (peek()) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  bool object(std::size_t depth) {
    ++i_;  // {
    space();
    if (!at_end() && peek() == '}') {
      ++i_;
      return true;
    }
    for (;;) {
      space();
      if (at_end() || peek() != '"') return error_bool("a member name expected");
      if (!string()) return false;
      space();
      if (at_end() || peek() != ':') return error_bool("':' expected");
      ++i_;
      space();
      if (!value(depth + 1)) return false;
      space();
      if (at_end()) return error_bool("unterminated object");
      if (peek() == ',') {
        ++i_;
        continue;
      }
      if (peek() == '}') {
        ++i_;
        return true;
      }
      return error_bool("',' or '}' expected");
    }
  }

  bool array(std::size_t depth) {
    ++i_;  // [
    space();
    if (!at_end() && peek() == ']') {
      ++i_;
      return true;
    }
    for (;;) {
      space();
      if (!value(depth + 1)) return false;
      space();
      if (at_end()) return error_bool("unterminated array");
      if (peek() == ',') {
        ++i_;
        continue;
      }
      if (peek() == ']') {
        ++i_;
        return true;
      }
      return error_bool("',' or ']' expected");
    }
  }

  static int hex(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Reads \uXXXX (i_ at the backslash); returns the unit or -1.
  long unit() {
    if (i_ + 6 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return -1;
    long v = 0;
    for (std::size_t k = 2; k < 6; ++k) {
      const int h = hex(static_cast<unsigned char>(s_[i_ + k]));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    i_ += 6;
    return v;
  }

  // One well-formed UTF-8 sequence of 2-4 bytes starting at i_ (lead >= 0x80).
  bool utf8_sequence() {
    const unsigned char b0 = peek();
    std::size_t trail = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      trail = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      trail = 2;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      trail = 3;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return error_bool("a byte that cannot start a UTF-8 sequence");
    }
    for (std::size_t k = 1; k <= trail; ++k) {
      if (i_ + k >= s_.size()) return error_bool("a truncated UTF-8 sequence");
      const auto b = static_cast<unsigned char>(s_[i_ + k]);
      if (b < lo || b > hi) return error_bool("an ill-formed UTF-8 sequence");
      lo = 0x80;
      hi = 0xBF;
    }
    i_ += trail + 1;
    return true;
  }

  bool string() {
    ++i_;  // opening quote
    for (;;) {
      if (at_end()) return error_bool("unterminated string");
      const unsigned char c = peek();
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return error_bool("a raw control character in a string");
      if (c >= 0x80) {
        if (!utf8_sequence()) return false;
        continue;
      }
      if (c != '\\') {
        ++i_;
        continue;
      }
      if (i_ + 1 >= s_.size()) return error_bool("a truncated escape");
      const char e = s_[i_ + 1];
      if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        i_ += 2;
        continue;
      }
      if (e != 'u') return error_bool("an unknown escape");
      const long u = unit();
      if (u < 0) return error_bool("a bad \\u escape");
      if (u >= 0xDC00 && u <= 0xDFFF) return error_bool("a lone low surrogate escape");
      if (u >= 0xD800 && u <= 0xDBFF) {
        const long low = unit();
        if (low < 0xDC00 || low > 0xDFFF) return error_bool("a high surrogate escape without its low half");
      }
    }
  }

  bool digits() {
    const std::size_t from = i_;
    while (!at_end() && peek() >= '0' && peek() <= '9') ++i_;
    return i_ > from;
  }

  bool number() {
    if (!at_end() && peek() == '-') ++i_;
    if (at_end()) return error_bool("a number expected");
    if (peek() == '0') {
      ++i_;
    } else if (peek() >= '1' && peek() <= '9') {
      digits();
    } else {
      return error_bool("a value expected");
    }
    if (!at_end() && peek() == '.') {
      ++i_;
      if (!digits()) return error_bool("digits expected after '.'");
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++i_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++i_;
      if (!digits()) return error_bool("digits expected in an exponent");
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string why_;
};

// Returns an empty string when text is one valid UTF-8 JSON value, else why not.
inline std::string check(std::string_view text) { return checker(text).run(); }

}  // namespace fuzz::json

#endif

// The naive peer: CreateSnapshot validation written the way services often
// write it. The body is decoded into a std::map of std::string, each value is
// converted to UTF-32 (std::wstring) and each rule is a std::wregex, built
// once; errors are English strings in a std::vector. It implements the
// documented profile (SPEC §4) with the usual service shortcuts: no
// positions, no suggestions, duplicates and aliases by map look-up.
#ifndef SNAPCHECK_BENCH_NAIVE_HPP
#define SNAPCHECK_BENCH_NAIVE_HPP

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace naive {

struct report {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline std::optional<std::string> url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size() || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0) return std::nullopt;
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Strict UTF-8 to UTF-32; nullopt on any ill-formed sequence.
inline std::optional<std::wstring> to_utf32(const std::string& s) {
  std::wstring out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    unsigned len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b < 0x80) { len = 1; cp = b; }
    else if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1Fu; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0Fu; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07u; min = 0x10000; }
    else return std::nullopt;
    if (i + len > s.size()) return std::nullopt;
    for (unsigned k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0u) != 0x80u) return std::nullopt;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out += static_cast<wchar_t>(cp);
    i += len;
  }
  return out;
}

class validator {
 public:
  validator() {
    static_assert(sizeof(wchar_t) == 4, "naive: wchar_t must hold a code point (UTF-32)");
    // The Chinese characters of SPEC §1 as a bracket expression body.
    const std::pair<char32_t, char32_t> han[] = {
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xFA0E, 0xFA0F}, {0xFA11, 0xFA11},
        {0xFA13, 0xFA14}, {0xFA1F, 0xFA1F}, {0xFA21, 0xFA21}, {0xFA23, 0xFA24},
        {0xFA27, 0xFA29}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B81D}, {0x2B820, 0x2CEAD},
        {0x2CEB0, 0x2EBE0}, {0x2EBF0, 0x2EE5D}, {0x30000, 0x3134A}, {0x31350, 0x33479}};
    std::wstring h;
    for (const auto& [lo, hi] : han) {
      h += static_cast<wchar_t>(lo);
      if (hi != lo) {
        h += L'-';
        h += static_cast<wchar_t>(hi);
      }
    }
    name_start_ = std::wregex(L"^[A-Za-z" + h + L"]");
    name_chars_ = std::wregex(L"[A-Za-z0-9:_" + h + L"\\-]*");
    http_prefix_ = std::wregex(L"^https?://", std::regex::icase);
    http_anywhere_ = std::wregex(L"https?://", std::regex::icase);
    auto_prefix_ = std::wregex(L"^auto");
    key_reserved_ = std::wregex(L"^(aliyun|acs:)");
    value_reserved_ = std::wregex(L"^acs:");
    category_ = std::wregex(L"Standard|Flash");
    digits_ = std::wregex(L"[0-9]+");
    ascii_ = std::wregex(L"[\\x00-\\x7F]*");
    tag_name_ = std::regex(R"(Tag\.(.*)\.(Key|Value|key|value))");
    tag_index_ = std::regex("[1-9]|1[0-9]|20");
  }

  [[nodiscard]] report validate(std::string_view body) const {
    report r;
    std::map<std::string, std::string> params;
    std::set<std::string> bad_values;
    const std::set<std::string> simple = {"regionId", "DiskId", "SnapshotName", "Description",
                                          "Category", "RetentionDays", "ClientToken", "version"};
    std::size_t count = 0;
    std::string text(body);
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('&', start);
      if (end == std::string::npos) end = text.size();
      std::string segment = text.substr(start, end - start);
      start = end + 1;
      if (segment.empty()) continue;
      if (++count > 1024) {
        r.errors.assign(1, "too many parameters (max 1024)");
        r.warnings.clear();
        return r;
      }
      const std::size_t eq = segment.find('=');
      std::string raw_name = segment.substr(0, eq);
      std::string raw_value = eq == std::string::npos ? std::string() : segment.substr(eq + 1);
      auto name = url_decode(raw_name);
      if (!name) {
        r.errors.push_back(raw_name + ": bad percent-encoding in name");
        continue;
      }
      if (!to_utf32(*name)) {
        r.errors.push_back("parameter name is not valid UTF-8");
        continue;
      }
      std::smatch m;
      if (std::regex_match(*name, m, tag_name_)) {
        if (!std::regex_match(m[1].str(), tag_index_)) {
          r.errors.push_back(*name + ": tag index must be 1 to 20");
          continue;
        }
        const std::string kind = m[2].str();
        if (kind == "key" || kind == "value") {
          r.warnings.push_back(*name + ": deprecated name");
          name = "Tag." + m[1].str() + "." + (kind == "key" ? "Key" : "Value");
        }
      } else if (!simple.count(*name)) {
        r.warnings.push_back(*name + ": unknown parameter");
        continue;
      }
      if (params.count(*name) || bad_values.count(*name)) {
        r.errors.push_back(*name + ": duplicate parameter");
        continue;
      }
      auto value = url_decode(raw_value);
      if (!value) {
        r.errors.push_back(*name + ": bad percent-encoding in value");
        bad_values.insert(*name);
        continue;
      }
      params[*name] = *value;
    }

    for (const char* required : {"regionId", "DiskId"}) {
      auto it = params.find(required);
      if ((it == params.end() || it->second.empty()) && !bad_values.count(required))
        r.errors.push_back(std::string(required) + ": missing");
    }

    std::vector<std::pair<int, std::string>> tag_keys;
    for (const auto& [name, value] : params) {
      const auto w = to_utf32(value);
      if (!w) {
        r.errors.push_back(name + ": not valid UTF-8");
        continue;
      }
      if (name == "SnapshotName" && !w->empty()) {
        if (w->size() < 2) r.errors.push_back(name + ": too short (min 2)");
        if (w->size() > 128) r.errors.push_back(name + ": too long (max 128)");
        if (!std::regex_search(*w, name_start_)) r.errors.push_back(name + ": must start with a letter or Chinese character");
        else if (!std::regex_match(w->begin() + 1, w->end(), name_chars_)) r.errors.push_back(name + ": bad character");
        if (std::regex_search(*w, http_prefix_) || std::regex_search(*w, auto_prefix_))
          r.errors.push_back(name + ": reserved prefix");
      } else if (name == "Description" && !w->empty()) {
        if (w->size() < 2) r.errors.push_back(name + ": too short (min 2)");
        if (w->size() > 256) r.errors.push_back(name + ": too long (max 256)");
        if (std::regex_search(*w, http_prefix_)) r.errors.push_back(name + ": reserved prefix");
      } else if (name == "Category" && !w->empty()) {
        if (!std::regex_match(*w, category_)) r.errors.push_back(name + ": must be Standard or Flash");
      } else if (name == "RetentionDays" && !w->empty()) {
        if (!std::regex_match(*w, digits_)) {
          r.errors.push_back(name + ": not an integer");
        } else {
          std::string digits = value.substr(std::min(value.find_first_not_of('0'), value.size()));
          if (digits.empty() || digits.size() > 5 || std::stoul(digits) > 65536)
            r.errors.push_back(name + ": out of range (1 to 65536)");
        }
      } else if (name == "ClientToken" && !w->empty()) {
        if (w->size() > 64) r.errors.push_back(name + ": too long (max 64)");
        if (!std::regex_match(*w, ascii_)) r.errors.push_back(name + ": ASCII only");
      } else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".Key") == 0) {
        if (w->empty()) r.errors.push_back(name + ": too short (min 1)");
        if (w->size() > 128) r.errors.push_back(name + ": too long (max 128)");
        if (std::regex_search(*w, key_reserved_)) r.errors.push_back(name + ": reserved prefix");
        if (std::regex_search(*w, http_anywhere_)) r.errors.push_back(name + ": must not contain a link");
        tag_keys.emplace_back(std::stoi(name.substr(4)), value);
      } else if (name.size() > 6 && name.compare(name.size() - 6, 6, ".Value") == 0) {
        if (w->size() > 128) r.errors.push_back(name + ": too long (max 128)");
        if (std::regex_search(*w, value_reserved_)) r.errors.push_back(name + ": reserved prefix");
        if (std::regex_search(*w, http_anywhere_)) r.errors.push_back(name + ": must not contain a link");
        const std::string key = name.substr(0, name.size() - 6) + ".Key";
        if (!params.count(key) && !bad_values.count(key)) r.errors.push_back(name + ": value without key");
      }
    }
    std::sort(tag_keys.begin(), tag_keys.end());
    std::set<std::string> seen;
    for (const auto& [n, key] : tag_keys) {
      if (!seen.insert(key).second) r.errors.push_back("Tag." + std::to_string(n) + ".Key: duplicate tag key");
    }
    return r;
  }

 private:
  std::wregex name_start_, name_chars_, http_prefix_, http_anywhere_, auto_prefix_, key_reserved_,
      value_reserved_, category_, digits_, ascii_;
  std::regex tag_name_, tag_index_;
};

}  // namespace naive

#endif

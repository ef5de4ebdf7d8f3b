// A small ordered JSON value for the export program: members keep the order
// they were added in, and dump() writes two-space indented text with non-ASCII
// characters as themselves (UTF-8), so that Han ranges in patterns stay
// readable characters.
#ifndef SNAPCHECK_TOOLS_EXPORT_JSON_HPP
#define SNAPCHECK_TOOLS_EXPORT_JSON_HPP

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace export_tool {

class json {
 public:
  enum class kind : std::uint8_t { null, boolean, integer, string, array, object };

  json() = default;
  static json null() { return json{}; }
  static json boolean(bool b) {
    json j;
    j.kind_ = kind::boolean;
    j.flag_ = b;
    return j;
  }
  static json integer(long long n) {
    json j;
    j.kind_ = kind::integer;
    j.number_ = n;
    return j;
  }
  static json string(std::string s) {
    json j;
    j.kind_ = kind::string;
    j.text_ = std::move(s);
    return j;
  }
  static json array() {
    json j;
    j.kind_ = kind::array;
    return j;
  }
  static json object() {
    json j;
    j.kind_ = kind::object;
    return j;
  }
  // An array of strings.
  static json strings(const std::vector<std::string>& items) {
    json j = array();
    for (const auto& s : items) j.push(string(s));
    return j;
  }

  [[nodiscard]] kind what() const { return kind_; }
  [[nodiscard]] bool is_object() const { return kind_ == kind::object; }
  [[nodiscard]] const std::vector<std::pair<std::string, json>>& members() const { return members_; }
  [[nodiscard]] const std::vector<json>& items() const { return items_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  // Sets member key (replacing an earlier value of the same key in place).
  json& set(const std::string& key, json value) {
    for (auto& m : members_)
      if (m.first == key) {
        m.second = std::move(value);
        return *this;
      }
    members_.emplace_back(key, std::move(value));
    return *this;
  }
  [[nodiscard]] bool has(const std::string& key) const {
    for (const auto& m : members_)
      if (m.first == key) return true;
    return false;
  }
  // Returns member key, added as null when absent.
  json& operator[](const std::string& key) {
    for (auto& m : members_)
      if (m.first == key) return m.second;
    members_.emplace_back(key, json{});
    return members_.back().second;
  }
  json& push(json value) {
    items_.push_back(std::move(value));
    return *this;
  }
  [[nodiscard]] bool empty() const { return members_.empty() && items_.empty(); }

  [[nodiscard]] std::string dump() const {
    std::string out;
    write(out, 0);
    out += '\n';
    return out;
  }

 private:
  static void quote(std::string& out, const std::string& s) {
    out += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      } else out += ch;
    }
    out += '"';
  }
  // An array of scalars goes on one line.
  [[nodiscard]] bool flat() const {
    for (const auto& i : items_)
      if (i.kind_ == kind::array || i.kind_ == kind::object) return false;
    return true;
  }
  void write(std::string& out, int depth) const {
    const std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string end_pad(static_cast<std::size_t>(depth) * 2, ' ');
    switch (kind_) {
      case kind::null: out += "null"; return;
      case kind::boolean: out += flag_ ? "true" : "false"; return;
      case kind::integer: out += std::to_string(number_); return;
      case kind::string: quote(out, text_); return;
      case kind::array:
        if (items_.empty()) {
          out += "[]";
          return;
        }
        if (flat()) {
          out += '[';
          for (std::size_t i = 0; i < items_.size(); ++i) {
            if (i) out += ", ";
            items_[i].write(out, depth + 1);
          }
          out += ']';
          return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < items_.size(); ++i) {
          out += pad;
          items_[i].write(out, depth + 1);
          out += i + 1 < items_.size() ? ",\n" : "\n";
        }
        out += end_pad + "]";
        return;
      case kind::object:
        if (members_.empty()) {
          out += "{}";
          return;
        }
        out += "{\n";
        for (std::size_t i = 0; i < members_.size(); ++i) {
          out += pad;
          quote(out, members_[i].first);
          out += ": ";
          members_[i].second.write(out, depth + 1);
          out += i + 1 < members_.size() ? ",\n" : "\n";
        }
        out += end_pad + "}";
        return;
    }
  }

  kind kind_ = kind::null;
  bool flag_ = false;
  long long number_ = 0;
  std::string text_;
  std::vector<json> items_;
  std::vector<std::pair<std::string, json>> members_;
};

}  // namespace export_tool

#endif

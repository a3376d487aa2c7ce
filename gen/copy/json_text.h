// json_text.h: builds small flat JSON objects (tags, metric payloads) as text, fast and byte-stable.
// Keys are written in the order given; numbers use fixed decimals so the text never depends on
// floating-point printing. For reports use nlohmann::json instead; this is for the per-row hot path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace seedgen {

class JsonText {
 public:
  JsonText& string(std::string_view key, std::string_view value);
  JsonText& number(std::string_view key, double value, int decimals);
  JsonText& integer(std::string_view key, int64_t value);
  JsonText& boolean(std::string_view key, bool value);
  JsonText& null(std::string_view key);
  // raw: a value that is already JSON (an array, a nested object).
  JsonText& raw(std::string_view key, std::string_view json);
  // finish: the closed object ("{}" when empty). The builder can be reused after clear().
  const std::string& finish();
  void clear();
  bool empty() const { return fields_ == 0; }

 private:
  void key(std::string_view name);
  void append_escaped(std::string_view value);

  std::string text_ = "{";
  int fields_ = 0;
  bool finished_ = false;
};

}  // namespace seedgen

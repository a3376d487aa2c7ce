#include "copy/json_text.h"

#include <cstdio>

#include "copy/row_writer.h"

namespace seedgen {

void JsonText::append_escaped(std::string_view value) {
  text_.push_back('"');
  bool plain = true;
  for (char character : value) {
    if (character == '"' || character == '\\' || static_cast<unsigned char>(character) < 0x20) plain = false;
  }
  if (plain) {
    text_.append(value.data(), value.size());
    text_.push_back('"');
    return;
  }
  for (char character : value) {
    const auto byte = static_cast<unsigned char>(character);
    if (character == '"' || character == '\\') {
      text_.push_back('\\');
      text_.push_back(character);
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      text_.append(escaped);
    } else {
      text_.push_back(character);
    }
  }
  text_.push_back('"');
}

void JsonText::key(std::string_view name) {
  if (fields_++ > 0) text_.append(", ");
  append_escaped(name);
  text_.append(": ");
}

JsonText& JsonText::string(std::string_view name, std::string_view value) {
  key(name);
  append_escaped(value);
  return *this;
}

JsonText& JsonText::number(std::string_view name, double value, int decimals) {
  key(name);
  append_fixed(text_, round_scaled(value, decimals), decimals);
  return *this;
}

JsonText& JsonText::integer(std::string_view name, int64_t value) {
  key(name);
  append_fixed(text_, value, 0);
  return *this;
}

JsonText& JsonText::boolean(std::string_view name, bool value) {
  key(name);
  text_.append(value ? "true" : "false");
  return *this;
}

JsonText& JsonText::null(std::string_view name) {
  key(name);
  text_.append("null");
  return *this;
}

JsonText& JsonText::raw(std::string_view name, std::string_view json) {
  key(name);
  text_.append(json);
  return *this;
}

const std::string& JsonText::finish() {
  if (!finished_) text_.push_back('}');
  finished_ = true;
  return text_;
}

void JsonText::clear() {
  text_.assign(1, '{');
  fields_ = 0;
  finished_ = false;
}

}  // namespace seedgen

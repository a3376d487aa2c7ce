// copy_encoder_fuzz.cc: libFuzzer target for the COPY text encoders (copy/row_writer.h, copy/json_text.h).
// The input is read as a script of fields; each is encoded, and the row is then decoded by an
// independent reader of PostgreSQL's text COPY format written here, which must give back exactly what
// went in: text byte for byte, integers and fixed-point numbers by value, dates and timestamps by
// std::chrono's calendar. JSON objects must parse (nlohmann) to the same keys and values. Within each
// function's documented domain only: decimals 0..8, dates within years 1..9999.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "copy/json_text.h"
#include "copy/row_writer.h"

namespace {

// Input: a cursor over the fuzzer's bytes.
class Input {
 public:
  Input(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return position_ >= size_; }
  uint8_t byte() { return empty() ? 0 : data_[position_++]; }
  int64_t integer() {
    uint64_t value = 0;
    for (int index = 0; index < 8; ++index) value = value << 8 | byte();
    return static_cast<int64_t>(value);
  }
  std::string text() {
    const size_t length = byte();
    std::string value;
    while (value.size() < length && !empty()) value.push_back(static_cast<char>(byte()));
    return value;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
};

void expect(bool condition) {
  if (!condition) std::abort();
}

// decode_field: one field of a text COPY row, unescaped (\N is NULL, returned as "<NULL>").
std::string decode_field(std::string_view field) {
  if (field == "\\N") return "<NULL>";
  std::string value;
  for (size_t index = 0; index < field.size(); ++index) {
    if (field[index] != '\\') {
      value.push_back(field[index]);
      continue;
    }
    expect(index + 1 < field.size());
    const char escaped = field[++index];
    value.push_back(escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : escaped);
    expect(escaped == 't' || escaped == 'n' || escaped == 'r' || escaped == '\\');
  }
  return value;
}

std::vector<std::string> decode_row(const std::string& row) {
  expect(!row.empty() && row.back() == '\n');
  std::vector<std::string> fields;
  const std::string_view body(row.data(), row.size() - 1);
  expect(body.find('\n') == std::string_view::npos && body.find('\r') == std::string_view::npos);
  for (size_t start = 0;;) {
    const size_t tab = body.find('\t', start);
    fields.push_back(decode_field(body.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::string fixed_text(int64_t scaled, int decimals) {
  // The expected text, built with plain integer arithmetic on the magnitude.
  const bool negative = scaled < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  uint64_t unit = 1;
  for (int index = 0; index < decimals; ++index) unit *= 10;
  std::string fraction = std::to_string(magnitude % unit);
  fraction.insert(0, static_cast<size_t>(decimals) - std::min<size_t>(fraction.size(), decimals), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / unit) + (decimals > 0 ? "." + fraction : "");
}

std::string date_text(int32_t days) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

// The days of 0001-01-01 and 9999-12-31 since 1970-01-01.
constexpr int32_t kFirstDay = -719162, kLastDay = 2932896;

void check_json(Input& input) {
  seedgen::JsonText json;
  nlohmann::json expected = nlohmann::json::object();
  for (int fields = input.byte() % 6; fields > 0; --fields) {
    const std::string key = "k" + std::to_string(fields), value = input.text();
    json.string(key, value);
    expected[key] = value;
  }
  // nlohmann refuses text that is not UTF-8, as PostgreSQL's jsonb does; the model writes UTF-8 only.
  try {
    static_cast<void>(expected.dump());
  } catch (const nlohmann::json::exception&) {
    return;
  }
  expect(nlohmann::json::parse(json.finish()) == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Input input(data, size);
  seedgen::RowWriter writer;
  std::vector<std::string> expected;
  while (!input.empty() && expected.size() < 64) {
    switch (input.byte() % 8) {
      case 0: {
        const std::string value = input.text();
        writer.text(value);
        expected.push_back(value);
        break;
      }
      case 1: {
        const int64_t value = input.integer();
        writer.integer(value);
        expected.push_back(std::to_string(value));
        break;
      }
      case 2: {
        const int64_t scaled = input.integer();
        const int decimals = input.byte() % 9;
        writer.fixed(scaled, decimals);
        expected.push_back(fixed_text(scaled, decimals));
        break;
      }
      case 3: {
        const int32_t days = kFirstDay + static_cast<int32_t>(static_cast<uint64_t>(input.integer()) % (kLastDay - kFirstDay + 1));
        writer.date(days);
        expected.push_back(date_text(days));
        break;
      }
      case 4: {
        const int64_t seconds = static_cast<int64_t>(kFirstDay) * 86400 +
                                static_cast<int64_t>(static_cast<uint64_t>(input.integer()) % (uint64_t{kLastDay - kFirstDay + 1} * 86400));
        writer.timestamp(seconds);
        const int64_t day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
        const int64_t rest = seconds - day * 86400;
        char clock[32];
        std::snprintf(clock, sizeof clock, " %02d:%02d:%02d+00", static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                      static_cast<int>(rest % 60));
        expected.push_back(date_text(static_cast<int32_t>(day)) + clock);
        break;
      }
      case 5:
        writer.null();
        expected.push_back("<NULL>");
        break;
      case 6: {
        const bool value = input.byte() % 2 == 1;
        writer.boolean(value);
        expected.push_back(value ? "t" : "f");
        break;
      }
      default:
        check_json(input);
    }
  }
  if (expected.empty()) return 0;
  writer.end_row();
  expect(decode_row(writer.buffer()) == expected);
  return 0;
}

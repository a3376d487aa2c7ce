#include "copy/row_writer.h"

#include <cmath>

#include "core/calendar.h"

namespace seedgen {
namespace {

constexpr int64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
                                    10000000000, 100000000000, 1000000000000};

// Digits are formatted right to left into a small stack buffer, then appended in one call.
char* format_unsigned(char* end, uint64_t value) {
  do {
    *--end = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return end;
}

void append_unsigned(std::string& out, uint64_t value) {
  char digits[24];
  char* end = digits + sizeof digits;
  const char* begin = format_unsigned(end, value);
  out.append(begin, static_cast<size_t>(end - begin));
}

void append_padded(std::string& out, uint64_t value, int width) {
  char digits[24];
  for (int index = width - 1; index >= 0; --index) {
    digits[index] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits, static_cast<size_t>(width));
}

bool needs_escape(std::string_view value) {
  for (char character : value) {
    if (character == '\\' || character == '\t' || character == '\n' || character == '\r') return true;
  }
  return false;
}

}  // namespace

int64_t round_scaled(double value, int decimals) { return std::llround(value * kPowersOfTen[decimals]); }

void RowWriter::separate() {
  if (row_started_) buffer_.push_back('\t');
  row_started_ = true;
}

void RowWriter::text(std::string_view value) {
  separate();
  if (!needs_escape(value)) {
    buffer_.append(value.data(), value.size());
    return;
  }
  for (char character : value) {
    switch (character) {
      case '\\': buffer_.append("\\\\"); break;
      case '\t': buffer_.append("\\t"); break;
      case '\n': buffer_.append("\\n"); break;
      case '\r': buffer_.append("\\r"); break;
      default: buffer_.push_back(character);
    }
  }
}

void RowWriter::integer(int64_t value) {
  separate();
  if (value < 0) {
    buffer_.push_back('-');
    append_unsigned(buffer_, static_cast<uint64_t>(-(value + 1)) + 1);
  } else {
    append_unsigned(buffer_, static_cast<uint64_t>(value));
  }
}

void append_fixed(std::string& out, int64_t scaled, int decimals) {
  const uint64_t magnitude = scaled < 0 ? static_cast<uint64_t>(-(scaled + 1)) + 1 : static_cast<uint64_t>(scaled);
  if (scaled < 0) out.push_back('-');
  const uint64_t unit = static_cast<uint64_t>(kPowersOfTen[decimals]);
  append_unsigned(out, magnitude / unit);
  if (decimals > 0) {
    out.push_back('.');
    append_padded(out, magnitude % unit, decimals);
  }
}

void RowWriter::fixed(int64_t scaled, int decimals) {
  separate();
  append_fixed(buffer_, scaled, decimals);
}

void RowWriter::decimal(double value, int decimals) { fixed(round_scaled(value, decimals), decimals); }

void RowWriter::boolean(bool value) {
  separate();
  buffer_.push_back(value ? 't' : 'f');
}

void RowWriter::null() {
  separate();
  buffer_.append("\\N");
}

void RowWriter::uuid(const Uuid& value) {
  separate();
  char text[36];
  value.format(text);
  buffer_.append(text, sizeof text);
}

void RowWriter::date(int32_t days) {
  separate();
  const CivilDate civil = civil_from_days(days);
  append_padded(buffer_, static_cast<uint64_t>(civil.year), 4);
  buffer_.push_back('-');
  append_padded(buffer_, civil.month, 2);
  buffer_.push_back('-');
  append_padded(buffer_, civil.day, 2);
}

void RowWriter::timestamp(int64_t seconds) {
  const int64_t days = seconds >= 0 ? seconds / kSecondsPerDay : (seconds - kSecondsPerDay + 1) / kSecondsPerDay;
  const int64_t second_of_day = seconds - days * kSecondsPerDay;
  date(static_cast<int32_t>(days));
  buffer_.push_back(' ');
  append_padded(buffer_, static_cast<uint64_t>(second_of_day / 3600), 2);
  buffer_.push_back(':');
  append_padded(buffer_, static_cast<uint64_t>(second_of_day / 60 % 60), 2);
  buffer_.push_back(':');
  append_padded(buffer_, static_cast<uint64_t>(second_of_day % 60), 2);
  buffer_.append("+00");
}

void RowWriter::end_row() {
  buffer_.push_back('\n');
  row_started_ = false;
  ++rows_;
  if (flush_ && buffer_.size() >= flush_threshold_) flush_(*this);
}

void RowWriter::set_flush(size_t threshold, std::function<void(RowWriter&)> flush) {
  flush_threshold_ = threshold;
  flush_ = std::move(flush);
}

void RowWriter::clear() {
  buffer_.clear();
  rows_ = 0;
  row_started_ = false;
}

}  // namespace seedgen

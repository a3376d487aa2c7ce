// row_writer.h: encodes rows in PostgreSQL's COPY text format into a reusable byte buffer.
// The bytes are exact and deterministic (fixed-point numbers, ISO dates, canonical UUIDs), so the same
// rows always hash the same, whether they go to a file, to COPY, or to a checksum. Not thread-safe:
// one writer per thread. Hot path: no allocation per field once the buffer has grown.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/uuid.h"

namespace seedgen {

inline constexpr int kMaxDecimals = 12;

class RowWriter {
 public:
  // text: a string field, escaped for COPY (backslash, tab, newline, carriage return).
  void text(std::string_view value);
  // integer / fixed: fixed(12345, 2) writes "123.45"; fixed(-5, 4) writes "-0.0005".
  // REQUIRES (fixed, decimal, round_scaled, append_fixed): 0 <= decimals <= kMaxDecimals.
  void integer(int64_t value);
  void fixed(int64_t scaled, int decimals);
  // decimal: rounds `value` to `decimals` places, then writes it like fixed().
  void decimal(double value, int decimals);
  void boolean(bool value);
  void null();
  void uuid(const Uuid& value);
  // date: YYYY-MM-DD of days since 1970-01-01.
  void date(int32_t days);
  // timestamp: "YYYY-MM-DD HH:MM:SS+00" of seconds since 1970-01-01 UTC.
  void timestamp(int64_t seconds);
  // The model's NULL conventions: a time of 0 and an empty text are NULL.
  void timestamp_or_null(int64_t seconds) { seconds == 0 ? null() : timestamp(seconds); }
  void text_or_null(std::string_view value) { value.empty() ? null() : text(value); }
  // json: an already encoded JSON document, escaped for COPY.
  void json(std::string_view document) { text(document); }
  void end_row();

  // set_flush: after any row that leaves the buffer at `threshold` bytes or more, `flush` is called to
  // take the bytes (it must leave the buffer empty, e.g. by swapping it out, and may block).
  void set_flush(size_t threshold, std::function<void(RowWriter&)> flush);

  std::string& buffer() { return buffer_; }
  const std::string& buffer() const { return buffer_; }
  uint64_t rows() const { return rows_; }
  // clear: empties the buffer (keeping its capacity) and resets the row count.
  void clear();

 private:
  void separate();

  std::string buffer_;
  std::function<void(RowWriter&)> flush_;
  size_t flush_threshold_ = 0;
  uint64_t rows_ = 0;
  bool row_started_ = false;
};

// round_scaled: value * 10^decimals rounded half away from zero, as an integer.
int64_t round_scaled(double value, int decimals);

// append_fixed: appends scaled / 10^decimals with exactly `decimals` decimals (no COPY field separator).
void append_fixed(std::string& out, int64_t scaled, int decimals);

}  // namespace seedgen

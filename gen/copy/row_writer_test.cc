// row_writer_test.cc: the COPY text encoder, byte for byte. Expected strings are typed by hand from
// PostgreSQL's COPY text format (docs: "COPY ... File Formats, Text Format": tab separators, \N for NULL,
// backslash escapes for backslash, tab, newline and carriage return) and from the calendar.
#include "copy/row_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace seedgen {
namespace {

std::string one_row(void (*write)(RowWriter&)) {
  RowWriter writer;
  write(writer);
  writer.end_row();
  return writer.buffer();
}

TEST(RowWriter, FieldsAreTabSeparatedAndRowsEndWithNewline) {
  RowWriter writer;
  writer.text("a");
  writer.integer(1);
  writer.end_row();
  writer.boolean(true);
  writer.boolean(false);
  writer.end_row();
  EXPECT_EQ(writer.buffer(), "a\t1\nt\tf\n");
  EXPECT_EQ(writer.rows(), 2u);
}

TEST(RowWriter, NullsAndTheModelsNullConventions) {
  EXPECT_EQ(one_row([](RowWriter& w) {
              w.null();
              w.timestamp_or_null(0);
              w.text_or_null("");
              w.text("");
            }),
            "\\N\t\\N\t\\N\t\n");
}

TEST(RowWriter, TextEscapesBackslashTabNewlineAndCarriageReturnOnly) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.text("a\\b\tc\nd\re \"quoted\" 'single'"); }),
            "a\\\\b\\tc\\nd\\re \"quoted\" 'single'\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.text("\\N"); }), "\\\\N\n");   // the text \N is not a NULL
}

TEST(RowWriter, UnicodePassesThroughAsUtf8Bytes) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.text("zürich-東京-🙂"); }), "zürich-東京-🙂\n");
}

TEST(RowWriter, FixedPointKeepsEveryDecimalAndTheSignOfSmallNegatives) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(-5, 4); }), "-0.0005\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(12345, 2); }), "123.45\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(7, 0); }), "7\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(0, 3); }), "0.000\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(-100, 2); }), "-1.00\n");
}

TEST(RowWriter, DecimalRoundsHalfAwayFromZero) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(2.5, 0); }), "3\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(-2.5, 0); }), "-3\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(0.12345, 4); }), "0.1235\n");   // 1234.5 -> 1235
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(1e-9, 4); }), "0.0000\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(0.0000041667, 10); }), "0.0000041667\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.decimal(98.32, kMaxDecimals); }), "98.320000000000\n");
}

TEST(RowWriter, LargeAndNegativeIntegersIncludingTheExtremes) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.integer(std::numeric_limits<int64_t>::max()); }), "9223372036854775807\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.integer(std::numeric_limits<int64_t>::min()); }), "-9223372036854775808\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.integer(-42); }), "-42\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.fixed(std::numeric_limits<int64_t>::min(), 4); }), "-922337203685477.5808\n");
}

TEST(RowWriter, DatesAndTimestampsAreIsoInUtc) {
  // 2025-01-15 is day 20103 since 1970-01-01 (55 years: 13 leap days, 55*365+13 = 20088, +14).
  EXPECT_EQ(one_row([](RowWriter& w) { w.date(20103); }), "2025-01-15\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.date(0); }), "1970-01-01\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.timestamp(20103LL * 86400 + 3723); }), "2025-01-15 01:02:03+00\n");
  EXPECT_EQ(one_row([](RowWriter& w) { w.timestamp(-1); }), "1969-12-31 23:59:59+00\n");
}

TEST(RowWriter, UuidsAreCanonicalLowerCase) {
  EXPECT_EQ(one_row([](RowWriter& w) { w.uuid(Uuid{0x0011223344556677ULL, 0x8899aabbccddeeffULL}); }),
            "00112233-4455-6677-8899-aabbccddeeff\n");
}

TEST(RowWriter, FlushTakesTheBufferAfterTheRowThatCrossesTheThreshold) {
  RowWriter writer;
  std::string taken;
  int flushes = 0;
  writer.set_flush(8, [&](RowWriter& full) {
    taken += full.buffer();
    full.buffer().clear();
    ++flushes;
  });
  writer.text("1234");
  writer.end_row();   // 5 bytes: below the threshold
  EXPECT_EQ(flushes, 0);
  writer.text("5678");
  writer.end_row();   // 10 bytes: flushed
  EXPECT_EQ(flushes, 1);
  EXPECT_EQ(taken, "1234\n5678\n");
  EXPECT_TRUE(writer.buffer().empty());
}

}  // namespace
}  // namespace seedgen

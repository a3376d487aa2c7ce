#include "command_line/flag_values.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace seedgen {
namespace {

// usage_message: the message of the kUsage error `action` throws ("" when it throws none).
template <typename Action>
std::string usage_message(Action action) {
  try {
    action();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUsage);
    return error.what();
  }
  return "";
}

TEST(FlagValues, IntegersInRange) {
  EXPECT_EQ(parse_integer_flag("seed", "0", 0, 10), 0);
  EXPECT_EQ(parse_integer_flag("seed", "10", 0, 10), 10);
  EXPECT_EQ(parse_integer_flag("seed", "-3", -5, 10), -3);
  EXPECT_EQ(parse_integer_flag("seed", "9223372036854775807", 0, INT64_MAX), INT64_MAX);
}

TEST(FlagValues, BadIntegersNameTheFlagTheRangeAndTheText) {
  EXPECT_EQ(usage_message([] { parse_integer_flag("seed", "abc", 0, 10); }),
            "--seed must be a whole number from 0 to 10 (got 'abc')");
  for (const char* text : {"", "1.5", "1e3", " 7", "7 ", "+7", "0x10", "11", "-1", "9223372036854775808",
                           "99999999999999999999999"}) {
    EXPECT_NE(usage_message([&] { parse_integer_flag("jobs", text, 0, 10); }).find("--jobs must be"), std::string::npos)
        << "'" << text << "'";
  }
}

TEST(FlagValues, Numbers) {
  EXPECT_DOUBLE_EQ(parse_number_flag("scale", "0.5", 0, 10), 0.5);
  EXPECT_DOUBLE_EQ(parse_number_flag("scale", "2", 0, 10), 2.0);
  EXPECT_DOUBLE_EQ(parse_number_flag("scale", "1e-3", 0, 10), 0.001);
  EXPECT_DOUBLE_EQ(parse_number_flag("scale", "-.5", -1, 10), -0.5);
}

TEST(FlagValues, BadNumbersAreRefused) {
  for (const char* text : {"", "0", "-1", "abc", "nan", "inf", "infinity", "0x1p3", "1e", "1e+", "1..2", ".", "-",
                           "1e999", "11", " 1"}) {
    EXPECT_NE(usage_message([&] { parse_number_flag("scale", text, 0, 10); }).find("--scale must be a number greater than 0"),
              std::string::npos)
        << "'" << text << "'";
  }
}

TEST(FlagValues, PrintableEscapesControlCharacters) {
  EXPECT_EQ(printable("a\nb"), "a\\x0ab");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(usage_message([] { parse_integer_flag("seed", "1\n2", 0, 10); }),
            "--seed must be a whole number from 0 to 10 (got '1\\x0a2')");
}

}  // namespace
}  // namespace seedgen

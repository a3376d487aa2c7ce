// json_text_test.cc: the flat JSON builder of tags and metric payloads. Expected documents are typed by
// hand from RFC 8259 (string escapes: quote, backslash and control characters as \u00XX).
#include "copy/json_text.h"

#include <gtest/gtest.h>

namespace seedgen {
namespace {

TEST(JsonText, EmptyObject) {
  JsonText json;
  EXPECT_TRUE(json.empty());
  EXPECT_EQ(json.finish(), "{}");
}

TEST(JsonText, KeysInInsertionOrderWithEveryValueKind) {
  JsonText json;
  json.string("name", "web-1").number("cpu", 12.345, 2).integer("count", -7).boolean("gpu", false).null("owner")
      .raw("tags", "[1, 2]");
  EXPECT_EQ(json.finish(),
            R"({"name": "web-1", "cpu": 12.35, "count": -7, "gpu": false, "owner": null, "tags": [1, 2]})");
}

TEST(JsonText, NumbersUseFixedDecimalsNotFloatPrinting) {
  JsonText json;
  json.number("a", 0.1 + 0.2, 4).number("b", -0.00004, 4).number("c", 1e6, 0);
  EXPECT_EQ(json.finish(), R"({"a": 0.3000, "b": 0.0000, "c": 1000000})");
}

TEST(JsonText, StringsEscapeQuotesBackslashesAndControlCharacters) {
  JsonText json;
  json.string("k\"ey", "a\\b\n\t\x01 zürich");
  EXPECT_EQ(json.finish(), "{\"k\\\"ey\": \"a\\\\b\\u000a\\u0009\\u0001 zürich\"}");
}

TEST(JsonText, FinishIsIdempotentAndClearStartsOver) {
  JsonText json;
  json.integer("a", 1);
  EXPECT_EQ(json.finish(), R"({"a": 1})");
  EXPECT_EQ(json.finish(), R"({"a": 1})");
  json.clear();
  json.integer("b", 2);
  EXPECT_EQ(json.finish(), R"({"b": 2})");
}

}  // namespace
}  // namespace seedgen

// bench_report_format_test.cc: how the report writers spell numbers, sizes, speedups and escaped names.
#include <gtest/gtest.h>

#include "bench/report/report_format.h"

namespace seedgen::bench {
namespace {

TEST(BenchReportFormat, SpellsNumbersForPeople) {
  EXPECT_EQ(format_ms(0.042), "0.042");
  EXPECT_EQ(format_ms(0.42), "0.42");
  EXPECT_EQ(format_ms(12.34), "12.3");
  EXPECT_EQ(format_ms(1234.4), "1234");
  EXPECT_EQ(format_speedup({"i", 2, 24.6, false}), "12.3×");
  EXPECT_EQ(format_speedup({"i", 250, 10000, true}), "≥ 40.0× (timed out)");
  EXPECT_EQ(format_speedup({"i", 0, 10, false}), "n/a");
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(8192), "8.0 kB");
  EXPECT_EQ(format_bytes(int64_t{3} << 30), "3.0 GB");
  EXPECT_EQ(format_count(12345), "12,345");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1500000), "1.5M");
  EXPECT_EQ(format_percent(0.25), "25%");
  EXPECT_EQ(format_percent(0.0004), "0.04%");
  EXPECT_EQ(format_percent(0.00001), "<0.01%");
  EXPECT_EQ(html_escape(R"(<a href="x">&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_breakable("public.a<b"), "public.<wbr>a&lt;b");
  EXPECT_EQ(truncate_label("largest", 16), "largest");
  EXPECT_EQ(truncate_label("exactly_16_chars", 16), "exactly_16_chars");
  EXPECT_EQ(truncate_label("a_long_class_name", 16), "a_long_class_na…");
  EXPECT_EQ(truncate_label("ééé", 2), "é…");
}

}  // namespace
}  // namespace seedgen::bench

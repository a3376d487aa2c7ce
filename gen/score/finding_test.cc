#include "score/finding.h"

#include <gtest/gtest.h>

namespace seedgen::score {
namespace {

TEST(Money, ParsesPlainDecimalsToTenThousandths) {
  EXPECT_EQ(parse_money("0"), 0);
  EXPECT_EQ(parse_money("12.5"), 125000);
  EXPECT_EQ(parse_money("1234.5678"), 12345678);
  EXPECT_EQ(parse_money("0.00005"), 1);     // rounded half away from zero
  EXPECT_EQ(parse_money("-3"), -30000);
  EXPECT_EQ(parse_money("1e2"), 1000000);
}

TEST(Money, RefusesWhatIsNotAPlainNumber) {
  for (const char* text : {"", " 1", "1 ", "abc", "inf", "nan", "0x10", "1.2.3", "1e", "--1", "1e13"}) {
    EXPECT_FALSE(parse_money(text).has_value()) << text;
  }
}

TEST(Money, FormatsAsCents) {
  EXPECT_EQ(format_money(0), "0.00");
  EXPECT_EQ(format_money(12345678), "1234.57");
  EXPECT_EQ(format_money(12345000), "1234.50");
  EXPECT_EQ(format_money(49), "0.00");
  EXPECT_EQ(format_money(50), "0.01");
  EXPECT_EQ(format_money(-12345678), "-1234.57");
  EXPECT_DOUBLE_EQ(money_as_dollars(12345678), 1234.57);
}

TEST(ValidateFinding, AcceptsAndCanonicalisesTheAccount) {
  Finding finding{"0A1B2C3D-0000-4000-8000-00000000000F", "instance", "i-0123", "ec2_idle", 10};
  EXPECT_FALSE(validate_finding(finding).has_value());
  EXPECT_EQ(finding.account_id, "0a1b2c3d-0000-4000-8000-00000000000f");
  Finding subject{"0a1b2c3d-0000-4000-8000-00000000000f", "autoscaling_group", "x", "asg_overprovisioned", 0};
  EXPECT_FALSE(validate_finding(subject).has_value());   // the key's subjects beyond the 14 types
}

TEST(ValidateFinding, NamesWhatIsWrong) {
  const std::string account = "0a1b2c3d-0000-4000-8000-00000000000f";
  Finding bad_uuid{"0a1b2c3d-0000-4000-8000-00000000000", "instance", "i-1", "ec2_idle", 0};
  EXPECT_EQ(validate_finding(bad_uuid).value_or(""), "account_id '0a1b2c3d-0000-4000-8000-00000000000' is not a uuid");
  Finding bad_type{account, "vm", "i-1", "ec2_idle", 0};
  EXPECT_EQ(validate_finding(bad_type).value_or(""), "unknown resource_type 'vm'");
  Finding no_id{account, "instance", "", "ec2_idle", 0};
  EXPECT_EQ(validate_finding(no_id).value_or(""), "empty resource_id");
  Finding bad_pattern{account, "instance", "i-1", "ec2_idel", 0};
  EXPECT_EQ(validate_finding(bad_pattern).value_or(""), "unknown pattern 'ec2_idel' (see seedgen patterns)");
  Finding negative{account, "instance", "i-1", "ec2_idle", -1};
  EXPECT_EQ(validate_finding(negative).value_or(""), "negative estimated_monthly_savings");
}

}  // namespace
}  // namespace seedgen::score

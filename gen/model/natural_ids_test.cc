// natural ids: 17-digit ids look like AWS's (a leading 0, lower-case hex) and stay unique per account and
// across accounts; the 16-digit form is a bijection of (account, local index).
#include <gtest/gtest.h>

#include <set>

#include "model/natural_ids.h"
#include "tests/support/fleet_support.h"

namespace seedgen {
namespace {

TEST(NaturalIds, SeventeenDigitIdsStartWithZeroAndNeverRepeat) {
  const auto fleet = testing::owned_fleet("tiny", 3);
  std::set<std::string> seen;
  for (uint32_t account = 0; account < 3; ++account) {
    for (uint64_t local = 0; local < 5000; ++local) {
      const std::string id = unique_hex(fleet->world, "instance_id", account, local << 20 | (local % 7), 17);
      ASSERT_EQ(id.size(), 17u);
      EXPECT_EQ(id[0], '0');
      EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
      EXPECT_NE(id.substr(1).find_first_not_of('0'), std::string::npos) << id;   // not the old all-zero ids
      EXPECT_TRUE(seen.insert(id).second) << id;
    }
  }
}

}  // namespace
}  // namespace seedgen

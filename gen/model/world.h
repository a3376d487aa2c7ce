// world.h: the fleet plan every generator shares: the profile, the catalog and the accounts with their
// resource counts per type. Built once, read-only afterwards (safe to share across threads); computing it
// is O(accounts), so every shard and job builds the same plan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "config/catalog.h"
#include "config/profile.h"
#include "core/uuid.h"

namespace seedgen {

struct AccountPlan {
  uint32_t index = 0;                 // 0-based, the shard and stream key
  Uuid id;
  std::string name;                   // e.g. "acme-payments-prod"
  std::string number;                 // 12-digit AWS account number, used in ARNs
  int64_t created_at = 0;             // seconds since epoch
  std::array<int64_t, kResourceTypeCount> counts{};  // resources of each type
  int64_t total_resources() const;
};

struct World {
  const Profile* profile = nullptr;
  const Catalog* catalog = nullptr;
  std::vector<AccountPlan> accounts;

  uint64_t seed() const { return profile->seed; }
  int32_t as_of_day() const { return profile->as_of_day; }
  // as_of_seconds: midnight UTC at the start of the as_of day.
  int64_t as_of_seconds() const;
};

// plan_world: deterministic account sizes (Zipf by account_skew, capped at 40,000 resources per account
// with the excess spread over the others, so that memory stays bounded) and counts per type (the
// profile's resource mix, rounded so totals match exactly).
World plan_world(const Profile& profile, const Catalog& catalog);

}  // namespace seedgen

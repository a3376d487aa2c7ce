// world.h: the fleet plan every generator shares: the profile, the catalog, the organization and the day
// the tables describe. Built once, read-only afterwards (safe to share across threads); computing it is
// O(accounts), so every shard and job builds the same plan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/catalog.h"
#include "config/profile.h"
#include "model/organization.h"

namespace seedgen {

struct World {
  const Profile* profile = nullptr;
  const Catalog* catalog = nullptr;
  std::string company;
  std::vector<AccountPlan> accounts;
  int32_t observed_day = 0;     // as_of: the day whose end the tables describe

  uint64_t seed() const { return profile->seed; }
  // anchor_day: the profile's as_of, where resource counts are calibrated (never moved by drift).
  int32_t anchor_day() const { return profile->as_of_day; }
  int32_t as_of_day() const { return observed_day; }
  // as_of_seconds: midnight UTC at the start of the as_of day; snapshot_time: midnight at its end, the
  // moment every row describes.
  int64_t as_of_seconds() const;
  int64_t snapshot_time() const;
  // First days of the daily tables' windows: metrics_daily covers [metrics_first_day, as_of], the usage,
  // utilisation and transfer tables [usage_first_day, as_of].
  int32_t metrics_first_day() const { return observed_day - profile->metrics_days + 1; }
  int32_t usage_first_day() const { return observed_day - profile->usage_days + 1; }
  // The first day whose daily rows the emitters write: the window's first day for a load, the as_of day
  // alone for a drift day (newest_day_only), whose older rows are already in the database.
  bool newest_day_only = false;
  int32_t metrics_emit_from() const { return newest_day_only ? observed_day : metrics_first_day(); }
  int32_t usage_emit_from() const { return newest_day_only ? observed_day : usage_first_day(); }
};

// plan_world: the organization of `profile`, observed at the end of `observed_day` (default: the
// profile's as_of).
World plan_world(const Profile& profile, const Catalog& catalog, std::optional<int32_t> observed_day = std::nullopt);

}  // namespace seedgen

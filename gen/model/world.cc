#include "model/world.h"

#include "core/calendar.h"

namespace seedgen {

int64_t World::as_of_seconds() const { return static_cast<int64_t>(observed_day) * kSecondsPerDay; }
int64_t World::snapshot_time() const { return static_cast<int64_t>(observed_day + 1) * kSecondsPerDay; }

World plan_world(const Profile& profile, const Catalog& catalog, std::optional<int32_t> observed_day) {
  World world;
  world.profile = &profile;
  world.catalog = &catalog;
  Organization organization = plan_organization(profile, catalog);
  world.company = std::move(organization.company);
  world.accounts = std::move(organization.accounts);
  world.observed_day = observed_day.value_or(profile.as_of_day);
  return world;
}

}  // namespace seedgen

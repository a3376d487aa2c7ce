#include "model/resource_core.h"

#include <cmath>

#include "core/calendar.h"
#include "model/account_model.h"

namespace seedgen {
namespace {

constexpr const char* kTeams[] = {"payments", "search", "platform", "data", "ml", "checkout", "identity",
                                  "growth", "ops", "analytics", "mobile", "billing"};
constexpr const char* kOwners[] = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
                                   "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil"};
constexpr const char* kApps[] = {"api", "web", "worker", "etl", "batch", "cache", "gateway", "scheduler",
                                 "indexer", "reports", "ingest", "auth"};

template <size_t N>
const char* pick(Rng& rng, const char* const (&names)[N]) {
  return names[rng.below(static_cast<uint32_t>(N))];
}

std::string_view pick_weighted(Rng& rng, const std::vector<WeightedName>& mix) {
  double weights[32];
  const size_t count = mix.size() < 32 ? mix.size() : 32;
  for (size_t index = 0; index < count; ++index) weights[index] = mix[index].weight;
  return mix[rng.weighted(std::span<const double>(weights, count))].name;
}

}  // namespace

std::string_view draw_region(Rng& rng, const World& world) { return pick_weighted(rng, world.profile->regions); }
std::string_view draw_env(Rng& rng, const World& world) { return pick_weighted(rng, world.profile->envs); }
bool is_prod(std::string_view env) { return env == "prod"; }

std::string aws_id(Rng& rng, std::string_view prefix, int hex_digits) {
  std::string id(prefix);
  id.resize(prefix.size() + static_cast<size_t>(hex_digits));
  rng.hex(id.data() + prefix.size(), static_cast<size_t>(hex_digits));
  return id;
}

std::string uuid_text(const Uuid& uuid) {
  std::string text(36, '0');
  uuid.format(text.data());
  return text;
}

int64_t draw_created_at(Rng& rng, const World& world, int min_days, int max_days) {
  // Squaring a uniform draw skews towards young resources, as fleets keep growing.
  const double skew = rng.unit();
  const double days = min_days + (max_days - min_days) * skew * skew;
  const int64_t seconds = static_cast<int64_t>(days * kSecondsPerDay) + rng.below(86400);
  return world.as_of_seconds() - seconds;
}

Tags draw_tags(Rng& rng, const World& world, std::string_view env, std::string_view name) {
  // A fixed budget of draws whatever the outcome, so later draws of the caller do not shift.
  const bool tagged = rng.chance(world.profile->tag_coverage);
  const char* team = pick(rng, kTeams);
  const char* owner = pick(rng, kOwners);
  const char* app = pick(rng, kApps);
  const bool has_owner = rng.chance(0.85);
  const bool has_cost_center = rng.chance(0.8);
  const bool scheduled = !is_prod(env) && rng.chance(0.35);
  const uint32_t cost_center = 1000 + rng.below(60) * 10;
  if (!tagged) return {};
  Tags tags;
  tags.emplace_back("Name", std::string(name));
  tags.emplace_back("env", std::string(env));
  tags.emplace_back("team", team);
  tags.emplace_back("app", app);
  if (has_owner) tags.emplace_back("owner", std::string(owner) + "@example.com");
  if (has_cost_center) tags.emplace_back("cost-center", "cc-" + std::to_string(cost_center));
  if (scheduled) tags.emplace_back("schedule", "office-hours");
  return tags;
}



ResourceCore core_for(Rng& rng, const World& world, std::string_view table, uint64_t key, std::string natural_id,
                      int min_age_days, int max_age_days) {
  ResourceCore core;
  core.id = Uuid::from_key(world.seed(), table, key);
  core.resource_id = natural_id.empty() ? uuid_text(core.id) : std::move(natural_id);
  core.region = draw_region(rng, world);
  core.env = draw_env(rng, world);
  core.created_at = draw_created_at(rng, world, min_age_days, max_age_days);
  return core;
}

double regional_price(const World& world, std::string_view region, double us_east_1_price) {
  return us_east_1_price * world.catalog->region(region).price_multiplier;
}

int64_t resource_count(const AccountModel& model, ResourceType type) {
  return model.account->counts[static_cast<size_t>(type)];
}

void add_monthly_cost(AccountModel& model, double usd_per_month) { model.monthly_cost += usd_per_month; }


int32_t metrics_first_day(const World& world) { return world.as_of_day() - world.profile->metrics_days + 1; }
int32_t usage_first_day(const World& world) { return world.as_of_day() - world.profile->usage_days + 1; }

Rng day_rng(const World& world, std::string_view series, uint64_t entity_key, int32_t day) {
  return Rng(world.seed(), series, mix64(entity_key ^ (static_cast<uint64_t>(static_cast<uint32_t>(day)) << 20)));
}

}  // namespace seedgen

// resource_core.h: what every domain builder shares: the resource core (ids, region, env, age, tags), draws of
// regions, envs, AWS-shaped ids and ages, tag sets, and the bookkeeping of cost and planted waste.
// Everything here is deterministic in its Rng argument; nothing reads the clock.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/profile.h"
#include "core/uuid.h"
#include "model/tags.h"
#include "rng/rng.h"

namespace seedgen {

struct World;
struct AccountModel;

using Tags = std::vector<std::pair<std::string, std::string>>;

// The columns most resources share. resource_id follows the convention of docs/DATA.md: the natural id
// where the table has a unique one (i-..., vol-..., snap-..., bucket name, LB ARN, eipalloc-..., DB
// identifier, cache cluster id), else the row's uuid.
struct ResourceCore {
  Uuid id;
  std::string resource_id;
  std::string_view region;   // points into the profile
  std::string_view env;      // points into the profile
  int64_t created_at = 0;    // seconds since epoch
  Tags tags;                 // empty: untagged ('{}')
};

// core_for: a ResourceCore with a fresh uuid for (table, key), region and env drawn from the profile's
// mixes, created between min_age_days and max_age_days before as_of, and no tags (callers draw them with
// draw_tags once they know the name). When
// `natural_id` is empty, resource_id is the uuid's text.
ResourceCore core_for(Rng& rng, const World& world, std::string_view table, uint64_t key, std::string natural_id,
                      int min_age_days, int max_age_days);

std::string_view draw_region(Rng& rng, const World& world);
std::string_view draw_env(Rng& rng, const World& world);
bool is_prod(std::string_view env);

// aws_id: prefix followed by `hex_digits` lower-case hex digits, e.g. aws_id(rng, "i-", 17).
std::string aws_id(Rng& rng, std::string_view prefix, int hex_digits);
// uuid_text: the canonical 36-character form.
std::string uuid_text(const Uuid& uuid);

// draw_age_seconds: a creation time between min_days and max_days before as_of (skewed towards young).
int64_t draw_created_at(Rng& rng, const World& world, int min_days, int max_days);

// draw_tags: TRANSITIONAL (domains not yet on the lifecycle model; see tags.h): with probability
// tag_coverage a tag set (Name, env, team, app, and usually owner and
// cost-center; non-prod sometimes a schedule); else empty. `name` becomes the Name tag.
Tags draw_tags(Rng& rng, const World& world, std::string_view env, std::string_view name);


// regional_price: a us-east-1 price scaled by the region's multiplier.
double regional_price(const World& world, std::string_view region, double us_east_1_price);

// resource_count: how many resources of `type` the account's plan gives it.
int64_t resource_count(const AccountModel& model, ResourceType type);

// add_monthly_cost: the account's running total of monthly cost (record_waste is in waste.h).
void add_monthly_cost(AccountModel& model, double usd_per_month);

// First dates of the daily tables: metrics_daily covers [metrics_first_day, as_of], the usage tables
// [usage_first_day, as_of].
int32_t metrics_first_day(const World& world);
int32_t usage_first_day(const World& world);

// day_rng: the stream of one entity's series on one day, so day d can be drawn without days before it.
Rng day_rng(const World& world, std::string_view series, uint64_t entity_key, int32_t day);

}  // namespace seedgen

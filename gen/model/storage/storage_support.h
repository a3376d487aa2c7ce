// storage_support.h: shared helpers of the storage domain's tests: a tiny World per seed, storage models
// built over hand-made instances (the compute domain may have none yet), and a reader of the emitted COPY
// text, so that the rule predicates of the tests read stored values only, never the generator's flags.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/storage/storage.h"

#include "tests/support/fleet_support.h"

namespace seedgen::storage_test {

inline const std::vector<uint64_t> kSeeds = {1, 2, 3, 42, 77, 1234};

// TestWorld: a World with the profile and catalog it points into (not movable once planned).
using TestWorld = testing::OwnedFleet;
using testing::parse_date;
using testing::parse_timestamp;
using testing::planted_ids;

inline std::unique_ptr<TestWorld> make_world(uint64_t seed, const std::string& profile = "tiny") {
  return testing::owned_fleet(profile, seed);
}

// make_instances: `count` instances of the account spread over the profile's regions: ~75 % running,
// ~17 % stopped (last active 1..60 days ago), ~8 % terminated.
inline std::vector<Instance> make_instances(const World& world, uint32_t account_index, int count) {
  std::vector<Instance> instances;
  const int64_t as_of = world.as_of_seconds();
  for (int index = 0; index < count; ++index) {
    Rng rng(world.seed(), "test_instances", entity_key(account_index, "test_instance", static_cast<uint64_t>(index)));
    Instance instance;
    instance.core.resource_id = aws_id(rng, "i-", 17);
    instance.core.region = world.profile->regions[rng.below(static_cast<uint32_t>(world.profile->regions.size()))].name;
    instance.core.env = world.profile->envs[rng.below(static_cast<uint32_t>(world.profile->envs.size()))].name;
    instance.core.created_at = as_of - static_cast<int64_t>(rng.between(1, 380)) * kSecondsPerDay - rng.below(86400);
    instance.name = "host-" + std::to_string(index);
    instance.launch_time = instance.core.created_at;
    const uint32_t state_draw = rng.below(100);
    instance.state = state_draw < 75 ? "running" : state_draw < 92 ? "stopped" : "terminated";
    if (instance.state != "running") {
      instance.last_active_at = std::max(instance.core.created_at, as_of - rng.between(1, 60) * kSecondsPerDay);
    }
    instance.plan.life.key = entity_key(account_index, "test_instance", static_cast<uint64_t>(index));
    instance.plan.life.born_at = instance.launch_time;
    if (instance.state == "stopped") instance.plan.stopped_at = instance.last_active_at;
    instances.push_back(std::move(instance));
  }
  return instances;
}

// build_with_instances: the storage model of one account over the given instances.
inline AccountModel build_with_instances(const World& world, uint32_t account_index, std::vector<Instance> instances) {
  AccountModel model;
  model.account = &world.accounts.at(account_index);
  model.ec2.instances = std::move(instances);
  build_storage(world, model);
  evaluate_storage_rules(world, model);
  resolve_counts(model);
  return model;
}

// build_default: hand-made instances (about one per 1.3 volumes) unless the compute domain made some.
inline AccountModel build_default(const World& world, uint32_t account_index) {
  AccountModel model = build_account_model(world, account_index);
  if (!model.ec2.instances.empty()) return model;
  const auto volumes = model.account->counts[static_cast<size_t>(ResourceType::kVolume)];
  return build_with_instances(world, account_index,
                              make_instances(world, account_index, static_cast<int>(volumes * 10 / 13)));
}

// service_multiplier: the region's price multiplier for a service as prices.toml lists it (its own column,
// else the region's default), read from the loaded catalog rather than through Catalog::price.
inline double service_multiplier(const World& world, const std::string& region_name, const std::string& service) {
  const Region& region = world.catalog->region(region_name);
  const auto found = region.service_multipliers.find(service);
  return found != region.service_multipliers.end() ? found->second : region.price_multiplier;
}

// Row: one COPY text row split into fields; "\N" is NULL.
using Row = std::vector<std::string>;
inline constexpr const char* kNull = "\\N";

inline std::vector<Row> rows_of(const std::string& buffer) { return testing::parse_rows(buffer); }

using EmitFn = void (*)(const World&, const AccountModel&, RowWriter&);
inline std::vector<Row> emitted(const World& world, const AccountModel& model, EmitFn emit) {
  RowWriter out;
  emit(world, model, out);
  return rows_of(out.buffer());
}

// MetricDay: one metrics_daily row of a resource, by date.
using MetricSeries = std::map<int32_t, nlohmann::json>;
// metrics_by_resource: the payloads of metrics_daily rows of `type`, keyed by resource_id then date.
inline std::map<std::string, MetricSeries> metrics_by_resource(const World& world, const AccountModel& model,
                                                               const std::string& type) {
  std::map<std::string, MetricSeries> series;
  for (const Row& row : emitted(world, model, emit_storage_metrics)) {
    if (row.at(2) != type) continue;
    series[row.at(3)][parse_date(row.at(4))] = nlohmann::json::parse(row.at(5));
  }
  return series;
}

}  // namespace seedgen::storage_test

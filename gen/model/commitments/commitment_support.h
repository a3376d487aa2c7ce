// commitment_support.h: shared fixtures of the commitments tests: worlds from the real tiny profile and
// catalog, accounts whose compute and platform are filled by hand (so the tests do not depend on the other
// domains), and a parser of the emitted COPY rows so that rules are checked on what is stored.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/commitments/commitment_builders.h"

#include "tests/support/fleet_support.h"

namespace seedgen::testing {

// A world that owns its profile and catalog.
using OwnedWorld = OwnedFleet;

inline std::unique_ptr<OwnedWorld> tiny_world(uint64_t seed) { return owned_fleet("tiny", seed); }

// hand_built_model: an account with `instances` running instances in a few (family, region) groups, the
// first `covered` of which are reported covered, plus some RDS instances and cache clusters; then
// build_commitments runs on it.
inline AccountModel hand_built_model(const World& world, uint32_t account_index, int instances, size_t covered) {
  AccountModel model;
  model.account = &world.accounts.at(account_index);
  const std::vector<std::string> types = {"m5.large", "c5.xlarge", "r5.large", "t3.medium", "m5.2xlarge"};
  const std::vector<std::string> regions = {"us-east-1", "eu-west-1", "us-west-2"};
  for (int index = 0; index < instances; ++index) {
    Instance instance;
    instance.core.id = Uuid::from_key(world.seed(), "test_instances", static_cast<uint64_t>(index));
    instance.core.resource_id = "i-test" + std::to_string(account_index) + "x" + std::to_string(index);
    instance.core.region = regions[static_cast<size_t>(index) % regions.size()];
    instance.core.env = "prod";
    instance.core.created_at = world.as_of_seconds() - 200 * kSecondsPerDay;
    instance.instance_type = types[static_cast<size_t>(index / 3) % types.size()];
    instance.state = "running";
    instance.hourly_cost = world.catalog->instance_type(instance.instance_type).hourly_usd;
    model.ec2.instances.push_back(instance);
  }
  for (size_t group = 0; group < covered && group < types.size() * regions.size(); ++group) {
    const std::string& type = types[group % types.size()];
    const std::pair<std::string, std::string> pair{type.substr(0, type.find('.')), regions[group % regions.size()]};
    auto& groups = model.ec2.covered_groups;
    if (std::find(groups.begin(), groups.end(), pair) == groups.end()) groups.push_back(pair);
  }
  for (int index = 0; index < instances / 10; ++index) {
    RdsInstance rds;
    rds.core.resource_id = "db-test-" + std::to_string(index);
    rds.core.region = regions[static_cast<size_t>(index) % regions.size()];
    model.platform.rds_instances.push_back(rds);
    CacheCluster cache;
    cache.core.resource_id = "cache-test-" + std::to_string(index);
    cache.core.region = regions[static_cast<size_t>(index) % regions.size()];
    model.platform.cache_clusters.push_back(cache);
  }
  build_commitments(world, model);
  return model;
}


// A commitment as stored, with its utilisation rows.
struct StoredCommitment {
  std::string id, type, scope;
  int term_months = 0;
  double amount = 0;
  int32_t start = 0, end = 0;
  int64_t created_at = 0;
  std::map<int32_t, double> utilization;   // date -> utilization_percent
};

template <typename Emit>
std::string emitted(const World& world, const AccountModel& model, Emit emit) {
  RowWriter out;
  emit(world, model, out);
  return out.buffer();
}

inline std::vector<StoredCommitment> stored_commitments(const World& world, const AccountModel& model) {
  std::vector<StoredCommitment> stored;
  std::map<std::string, size_t> by_id;
  for (const auto& row : parse_rows(emitted(world, model, emit_commitments))) {
    StoredCommitment commitment{row[0], row[2], row[3], std::stoi(row[4]), std::stod(row[5]),
                                parse_date(row[6]), parse_date(row[7]), parse_timestamp(row[8]), {}};
    by_id[commitment.id] = stored.size();
    stored.push_back(commitment);
  }
  for (const auto& row : parse_rows(emitted(world, model, emit_commitment_utilization_daily))) {
    stored.at(by_id.at(row[1])).utilization[parse_date(row[2])] = std::stod(row[4]);
  }
  return stored;
}

// recent_mean: the mean stored utilization_percent over rows dated in [as_of - 29, as_of].
inline double recent_mean(const StoredCommitment& commitment, int32_t as_of, bool* has_rows = nullptr) {
  double sum = 0;
  int count = 0;
  for (const auto& [date, percent] : commitment.utilization) {
    if (date >= as_of - 29 && date <= as_of) {
      sum += percent;
      ++count;
    }
  }
  if (has_rows != nullptr) *has_rows = count > 0;
  return count == 0 ? 100.0 : sum / count;
}

}  // namespace seedgen::testing

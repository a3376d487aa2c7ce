// ec2_support.h: fixtures of the EC2 tests: worlds from the real tiny profile and catalog, full account
// models, and the emitted instances, autoscaling_groups and metrics_daily rows parsed back into plain
// records, so that the rules are checked on stored values only (never on the generator's flags).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "tables/table_registry.h"

#include "tests/support/fleet_support.h"

namespace seedgen::ec2test {

using Ec2World = testing::OwnedFleet;

// ec2_world: the tiny profile with `seed`, scaled by `scale` so that rare patterns show up.
inline std::unique_ptr<Ec2World> ec2_world(uint64_t seed, double scale = 3) {
  return testing::owned_fleet("tiny", seed, scale);
}

using Row = std::vector<std::string>;

using testing::column_count;
using testing::emit_text;
using testing::parse_date;
using testing::parse_rows;
using testing::parse_timestamp;

// StoredInstance: an instances row as the database would hold it, with its metrics_daily rows.
struct StoredDay {
  int32_t day = 0;
  double cpu_avg = 0, network_mb = 0, cost = 0;
  nlohmann::json payload;
};
struct StoredInstance {
  std::string id, instance_id, name, instance_type, env, region, state, asg_id;  // asg_id empty = NULL
  int64_t launch_time = 0, last_active_at = -1, created_at = 0, updated_at = 0;    // last_active_at -1 = NULL
  double hourly_cost = 0, gpu_hourly_cost = 0, avg_cpu_7d = 0, avg_network_7d = 0;
  int gpu_count = 0;
  bool has_gpu = false;
  nlohmann::json tags;
  std::vector<StoredDay> days;
};
struct StoredGroup {
  std::string id, name, instance_type, env, region;
  int min_size = 0, max_size = 0, desired = 0;
  int64_t created_at = 0, updated_at = 0;
};

inline std::vector<StoredInstance> stored_instances(const World& world, const AccountModel& model) {
  std::vector<StoredInstance> instances;
  std::map<std::string, size_t> by_id;
  for (const Row& row : parse_rows(emit_text(world, model, "instances"))) {
    StoredInstance instance;
    instance.id = row[0];
    instance.instance_id = row[2];
    instance.name = row[3];
    instance.instance_type = row[4];
    instance.env = row[5];
    instance.region = row[6];
    instance.state = row[7];
    instance.asg_id = row[8] == "\\N" ? "" : row[8];
    instance.launch_time = parse_timestamp(row[9]);
    instance.hourly_cost = std::stod(row[10]);
    instance.gpu_hourly_cost = std::stod(row[11]);
    instance.gpu_count = std::stoi(row[12]);
    instance.has_gpu = row[13] == "t";
    instance.avg_cpu_7d = std::stod(row[14]);
    instance.avg_network_7d = std::stod(row[15]);
    instance.last_active_at = row[16] == "\\N" ? -1 : parse_timestamp(row[16]);
    instance.tags = nlohmann::json::parse(row[17]);
    instance.created_at = parse_timestamp(row[18]);
    instance.updated_at = parse_timestamp(row[19]);
    by_id[instance.instance_id] = instances.size();
    instances.push_back(std::move(instance));
  }
  RowWriter metrics;
  emit_ec2_metrics(world, model, metrics);
  for (const Row& row : parse_rows(metrics.buffer())) {
    if (row[2] != "instance" || by_id.count(row[3]) == 0) continue;   // rows of instances no longer listed
    StoredDay day;
    day.day = parse_date(row[4]);
    day.payload = nlohmann::json::parse(row[5]);
    day.cpu_avg = day.payload.at("cpu_avg").get<double>();
    day.network_mb = day.payload.at("network_mb").get<double>();
    day.cost = std::stod(row[6]);
    instances.at(by_id.at(row[3])).days.push_back(std::move(day));
  }
  return instances;
}

inline std::vector<StoredGroup> stored_groups(const World& world, const AccountModel& model) {
  std::vector<StoredGroup> groups;
  for (const Row& row : parse_rows(emit_text(world, model, "autoscaling_groups"))) {
    groups.push_back(StoredGroup{row[0], row[2], row[6], row[7], row[8], std::stoi(row[3]), std::stoi(row[4]),
                                 std::stoi(row[5]), parse_timestamp(row[9]), parse_timestamp(row[10])});
  }
  return groups;
}

inline constexpr uint64_t kSeeds[] = {1, 7, 42, 1234};

}  // namespace seedgen::ec2test

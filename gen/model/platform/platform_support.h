// platform_support.h: shared helpers of the platform domain's tests: a tiny World per seed (scaled up so
// every pattern has planted resources and near misses), platform models over hand-made instances (the
// compute domain may have none yet), and readers of the emitted COPY rows by column name, so that the rule
// predicates read stored values only, never the generator's flags.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/platform/platform.h"
#include "tables/table_registry.h"

#include "tests/support/fleet_support.h"

namespace seedgen::platform_test {

inline const std::vector<uint64_t> kSeeds = {1, 7, 42, 2024};

using TestWorld = testing::OwnedFleet;
using testing::parse_date;
using testing::planted_ids;

// make_world: the tiny profile with `seed`, scaled ×`scale` so that rare patterns show up.
inline std::unique_ptr<TestWorld> make_world(uint64_t seed, double scale = 4) {
  return testing::owned_fleet("tiny", seed, scale);
}

// make_instances: `count` hand-made instances: 70 % running, 15 % stopped, 5 % stopping, 10 % terminated.
inline std::vector<Instance> make_instances(const World& world, uint32_t account_index, int count) {
  std::vector<Instance> instances;
  for (int index = 0; index < count; ++index) {
    Rng rng(world.seed(), "platform_test_instances", entity_key(account_index, "instance", static_cast<uint64_t>(index)));
    Instance instance;
    instance.core.resource_id = aws_id(rng, "i-", 17);
    instance.core.region = world.profile->regions[rng.below(static_cast<uint32_t>(world.profile->regions.size()))].name;
    instance.core.env = world.profile->envs[rng.below(static_cast<uint32_t>(world.profile->envs.size()))].name;
    instance.core.created_at = world.as_of_seconds() - rng.between(10, 300) * kSecondsPerDay;
    const uint32_t draw = rng.below(100);
    instance.state = draw < 70 ? "running" : draw < 85 ? "stopped" : draw < 90 ? "stopping" : "terminated";
    instances.push_back(std::move(instance));
  }
  return instances;
}

// build_platform_model: the platform model of one account over the given instances (compute and storage
// are left empty: the platform depends on compute's instances and lambda functions only).
inline AccountModel build_platform_model(const World& world, uint32_t account_index, std::vector<Instance> instances) {
  AccountModel model;
  model.account = &world.accounts.at(account_index);
  model.ec2.instances = std::move(instances);
  build_platform(world, model);
  resolve_counts(model);
  return model;
}

// build_default: about one instance per EIP-worth of the account's instance count, when compute made none.
inline AccountModel build_default(const World& world, uint32_t account_index) {
  AccountModel model = build_account_model(world, account_index);
  if (!model.ec2.instances.empty()) return model;
  const auto instances = model.account->counts[static_cast<size_t>(ResourceType::kInstance)];
  return build_platform_model(world, account_index, make_instances(world, account_index, static_cast<int>(instances)));
}

// Row: column name -> field text; "\N" is NULL.
using Row = std::map<std::string, std::string>;
inline constexpr const char* kNull = "\\N";

inline std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

inline std::vector<std::string> column_names(const std::string& table) {
  const TableSpec* spec = find_table(table);
  EXPECT_NE(spec, nullptr) << table;
  std::vector<std::string> names;
  for (std::string name : split(spec->columns, ',')) {
    names.push_back(name.substr(name.find_first_not_of(' ')));
  }
  return names;
}

// rows_of: the COPY text of `table` split into rows keyed by the registry's column names. Fails the test
// when a row has the wrong number of fields.
inline std::vector<Row> rows_of(const std::string& table, const std::string& buffer) {
  const std::vector<std::string> names = column_names(table);
  std::vector<Row> rows;
  if (buffer.empty()) return rows;
  EXPECT_EQ(buffer.back(), '\n') << table;
  for (const std::string& line : split(buffer.substr(0, buffer.size() - 1), '\n')) {
    const std::vector<std::string> fields = split(line, '\t');
    EXPECT_EQ(fields.size(), names.size()) << table << ": " << line;
    Row row;
    for (size_t index = 0; index < fields.size() && index < names.size(); ++index) row[names[index]] = fields[index];
    rows.push_back(std::move(row));
  }
  return rows;
}

using EmitFn = void (*)(const World&, const AccountModel&, RowWriter&);
inline std::vector<Row> emitted(const std::string& table, const World& world, const AccountModel& model, EmitFn emit) {
  RowWriter out;
  emit(world, model, out);
  return rows_of(table, out.buffer());
}

inline double number(const std::string& text) { return std::stod(text); }

inline std::string timestamp_text(int64_t seconds) {
  RowWriter out;
  out.timestamp(seconds);
  return out.buffer();
}

// MetricsIndex: (resource_type, resource_id) -> day -> payload, from the platform's metrics_daily rows.
using MetricsIndex = std::map<std::pair<std::string, std::string>, std::map<int32_t, nlohmann::json>>;
inline MetricsIndex metrics_index(const World& world, const AccountModel& model) {
  MetricsIndex index;
  for (const Row& row : emitted("metrics_daily", world, model, emit_platform_metrics)) {
    index[{row.at("resource_type"), row.at("resource_id")}][parse_date(row.at("date"))] =
        nlohmann::json::parse(row.at("metric_payload"));
  }
  return index;
}

// last_7: the payload values of `key` on the resource's rows dated as_of-6 .. as_of, in date order (a
// resource born during the week has fewer rows).
inline std::vector<double> last_7(const World& world, const std::map<int32_t, nlohmann::json>& days,
                                  const std::string& key) {
  std::vector<double> values;
  for (int32_t day = world.as_of_day() - 6; day <= world.as_of_day(); ++day) {
    const auto found = days.find(day);
    if (found != days.end()) values.push_back(found->second.at(key).get<double>());
  }
  EXPECT_FALSE(values.empty()) << "no row dated as_of for a listed resource";
  return values;
}

inline double mean(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

inline double max_of(const std::vector<double>& values) {
  double result = -1e300;
  for (double value : values) result = std::max(result, value);
  return result;
}

}  // namespace seedgen::platform_test

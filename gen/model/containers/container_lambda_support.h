// container_lambda_support.h: shared fixtures of the container and Lambda tests: worlds from the real
// tiny profile and catalog (scaled up so every pattern shows), accounts built by the containers-and-Lambda
// half alone, and the emitted COPY rows parsed back so rules are checked on what is stored.
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

namespace seedgen::testing {

using ContainerWorld = OwnedFleet;

// container_world: the tiny profile with `seed`, scaled by `scale` (tiny alone has ~30 nodes).
inline std::unique_ptr<ContainerWorld> container_world(uint64_t seed, double scale = 4) {
  return owned_fleet("tiny", seed, scale);
}

// container_model: one account with only its containers and Lambda functions built.
inline AccountModel container_model(const World& world, uint32_t account_index) {
  AccountModel model;
  model.account = &world.accounts.at(account_index);
  build_containers_and_lambda(world, model);
  return model;
}

using Row = std::vector<std::string>;


// emitted: the rows `table`'s registered emitter writes for the account.
inline std::vector<Row> emitted(const World& world, const AccountModel& model, const std::string& table) {
  RowWriter out;
  find_table(table)->emit(world, model, out);
  return parse_rows(out.buffer());
}

// MetricsRow: one parsed metrics_daily row of this half (resource_type, resource_id, date, payload, cost).
struct MetricsRow {
  std::string type, resource_id, date;
  nlohmann::json payload;
  double cost = 0;
};

inline std::vector<MetricsRow> emitted_metrics(const World& world, const AccountModel& model) {
  RowWriter out;
  emit_container_lambda_metrics(world, model, out);
  std::vector<MetricsRow> rows;
  for (const Row& row : parse_rows(out.buffer())) {
    rows.push_back(MetricsRow{row.at(2), row.at(3), row.at(4), nlohmann::json::parse(row.at(5)), std::stod(row.at(6))});
  }
  return rows;
}

// date_text: YYYY-MM-DD of a day number, as COPY writes it.
inline std::string date_text(int32_t day) {
  RowWriter out;
  out.date(day);
  return out.buffer();
}

// last_week: metrics rows of the last 7 days (as_of-6 .. as_of), by resource_id.
inline std::map<std::string, std::vector<nlohmann::json>> last_week(const World& world, const std::vector<MetricsRow>& rows,
                                                                   const std::string& type) {
  const std::string first = date_text(world.as_of_day() - 6);
  const std::string last = date_text(world.as_of_day());
  std::map<std::string, std::vector<nlohmann::json>> week;
  for (const MetricsRow& row : rows) {
    if (row.type == type && row.date >= first && row.date <= last) week[row.resource_id].push_back(row.payload);
  }
  return week;
}

// planted: the account's answer key for one pattern, resource_id -> saving, for one resource type.
inline std::map<std::string, double> planted(const AccountModel& model, ResourceType type, const std::string& pattern) {
  std::map<std::string, double> key;
  for (const PlantedWaste& waste : model.planted) {
    if (waste.resource_type == type && std::string(pattern_id(waste.pattern)) == pattern) key[waste.resource_id] += waste.estimated_monthly_savings;
  }
  return key;
}

inline constexpr uint64_t kSeeds[] = {1, 7, 42, 1234};

}  // namespace seedgen::testing

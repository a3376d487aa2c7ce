// fleet_support.h: what the domain tests share: a World built from a real profile and the real price
// catalog (owned together, since World points into both), a table's emitted COPY text split into rows of
// fields, the dates and timestamps of that text read back, and the answer key of one pattern.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/world.h"
#include "tables/table_registry.h"

namespace seedgen::testing {

struct OwnedFleet {
  Profile profile;
  Catalog catalog;
  World world;
};

// owned_fleet: `profile` with `seed`, its resources multiplied by `scale` when given.
inline std::unique_ptr<OwnedFleet> owned_fleet(const std::string& profile, uint64_t seed,
                                               std::optional<double> scale = std::nullopt) {
  auto fleet = std::make_unique<OwnedFleet>();
  fleet->profile = load_profile(profile, ProfileOverrides{.seed = seed, .accounts = std::nullopt, .scale = scale});
  fleet->catalog = load_catalog(default_catalog_path());
  fleet->world = plan_world(fleet->profile, fleet->catalog);
  return fleet;
}

// parse_rows: COPY text rows split on tabs; a trailing tab gives a trailing empty field; "\N" stays as is.
inline std::vector<std::vector<std::string>> parse_rows(const std::string& buffer) {
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < buffer.size()) {
    const size_t end = buffer.find('\n', start);
    const std::string line = buffer.substr(start, end - start);
    std::vector<std::string> fields;
    size_t field_start = 0;
    for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', field_start)) {
      fields.push_back(line.substr(field_start, tab - field_start));
      field_start = tab + 1;
    }
    fields.push_back(line.substr(field_start));
    rows.push_back(std::move(fields));
    start = end == std::string::npos ? buffer.size() : end + 1;
  }
  return rows;
}

// emit_text: the COPY text the registry's emitter of `table` writes for one account.
inline std::string emit_text(const World& world, const AccountModel& model, const std::string& table) {
  RowWriter out;
  find_table(table)->emit(world, model, out);
  return out.buffer();
}

// column_count: the number of columns the registry lists for `table`.
inline size_t column_count(const std::string& table) {
  size_t count = 1;
  for (const char* column = find_table(table)->columns; *column != '\0'; ++column) count += *column == ',' ? 1 : 0;
  return count;
}

// parse_date / parse_timestamp: days / seconds since the epoch of "YYYY-MM-DD" / "YYYY-MM-DD HH:MM:SS+00".
inline int32_t parse_date(const std::string& text) {
  return days_from_civil(CivilDate{std::stoi(text.substr(0, 4)), static_cast<uint32_t>(std::stoi(text.substr(5, 2))),
                                   static_cast<uint32_t>(std::stoi(text.substr(8, 2)))});
}
inline int64_t parse_timestamp(const std::string& text) {
  return static_cast<int64_t>(parse_date(text)) * kSecondsPerDay + std::stoll(text.substr(11, 2)) * 3600 +
         std::stoll(text.substr(14, 2)) * 60 + std::stoll(text.substr(17, 2));
}

// planted_savings / planted_ids: the account's answer key for one pattern (resource_id -> saving, or the ids).
inline std::map<std::string, double> planted_savings(const AccountModel& model, const std::string& pattern) {
  std::map<std::string, double> key;
  for (const PlantedWaste& waste : model.planted) {
    if (std::string(pattern_id(waste.pattern)) == pattern) key[waste.resource_id] += waste.estimated_monthly_savings;
  }
  return key;
}
// keys_of: the ids of a resource_id -> value map.
inline std::set<std::string> keys_of(const std::map<std::string, double>& values) {
  std::set<std::string> ids;
  for (const auto& [id, value] : values) ids.insert(id);
  return ids;
}
inline std::set<std::string> planted_ids(const AccountModel& model, const std::string& pattern) {
  return keys_of(planted_savings(model, pattern));
}

}  // namespace seedgen::testing

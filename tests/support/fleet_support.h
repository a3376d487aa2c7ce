// fleet_support.h: what the domain tests share: a World built from a real profile and the real price
// catalog (owned together, since World points into both), and COPY text split into rows of fields.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "model/world.h"

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

}  // namespace seedgen::testing

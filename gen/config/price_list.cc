// price_list.cc: the catalog flattened into (sku, region, unit, usd) rows for seedgen.prices.
#include <algorithm>

#include "config/catalog.h"

namespace seedgen {
namespace {

constexpr std::string_view kPostgresMultiplierKey = "rds.postgres.price_multiplier";

bool same_everywhere(std::string_view key) {
  return key.starts_with("savings.") || key.ends_with("price_multiplier");
}

std::string unit_of(std::string_view sku) { return std::string(sku.substr(sku.rfind('.') + 1)); }

void add_regional(std::vector<PriceEntry>& rows, const Catalog& catalog, const std::string& sku, double usd,
                  bool regional) {
  for (const Region& region : catalog.regions) {
    rows.push_back({sku, region.name, unit_of(sku), regional ? usd * region.price_multiplier : usd});
  }
}

void add_sized(std::vector<PriceEntry>& rows, const Catalog& catalog, std::string_view service,
               const std::vector<SizedPrice>& sizes) {
  for (const SizedPrice& size : sizes) {
    add_regional(rows, catalog, std::string(service) + "." + size.name + ".hour", size.hourly_usd, true);
  }
}

}  // namespace

std::vector<PriceEntry> Catalog::price_list() const {
  std::vector<PriceEntry> rows;
  for (const InstanceType& type : instance_types) add_regional(rows, *this, "ec2." + type.name + ".hour", type.hourly_usd, true);
  add_sized(rows, *this, "rds", rds_classes);
  const auto postgres = unit_prices.find(kPostgresMultiplierKey);
  if (postgres != unit_prices.end()) {
    for (const SizedPrice& size : rds_classes) {
      add_regional(rows, *this, "rds." + size.name + ".postgres.hour", size.hourly_usd * postgres->second, true);
    }
  }
  add_sized(rows, *this, "elasticache", cache_node_types);
  add_sized(rows, *this, "opensearch", search_instance_types);
  add_sized(rows, *this, "msk", msk_broker_types);
  for (const auto& [key, usd] : unit_prices) add_regional(rows, *this, key, usd, !same_everywhere(key));
  std::sort(rows.begin(), rows.end(), [](const PriceEntry& a, const PriceEntry& b) {
    return a.sku != b.sku ? a.sku < b.sku : a.region < b.region;
  });
  return rows;
}

}  // namespace seedgen

// price_list.cc: the catalog as SKU prices by region: the one function every cost of the generator goes
// through (Catalog::price), and the same list flattened into seedgen.prices rows.
#include <algorithm>

#include <fmt/format.h>

#include "config/catalog.h"
#include "config/catalog_loader.h"
#include "core/error.h"

namespace seedgen {
namespace {

constexpr std::string_view kTransferPrefix = "transfer.";

std::string unit_of(std::string_view sku) { return std::string(sku.substr(sku.rfind('.') + 1)); }
std::string_view service_of(std::string_view sku) { return sku.substr(0, sku.find('.')); }

[[noreturn]] void fail_unknown_sku(std::string_view sku) {
  throw Error(ErrorKind::kProfile, fmt::format("unknown price '{}' (not in the price catalog)", sku));
}

const TransferPrices& transfer_from(const Catalog& catalog, std::string_view region) {
  const auto found = catalog.transfer.find(region);
  if (found == catalog.transfer.end()) {
    throw Error(ErrorKind::kProfile, fmt::format("no transfer prices for region '{}' in the price catalog", region));
  }
  return found->second;
}

double transfer_price(const Catalog& catalog, std::string_view sku, std::string_view region) {
  const TransferPrices& prices = transfer_from(catalog, region);
  if (sku == "transfer.cross_az.gb") return prices.cross_az;
  if (sku == "transfer.egress.gb") return prices.egress;
  constexpr std::string_view kTo = "transfer.to.";
  if (sku.starts_with(kTo) && sku.ends_with(".gb")) {
    const std::string destination(sku.substr(kTo.size(), sku.size() - kTo.size() - 3));
    const auto pair = catalog.transfer_pairs.find({std::string(region), destination});
    return pair != catalog.transfer_pairs.end() ? pair->second : prices.cross_region;
  }
  fail_unknown_sku(sku);
}

}  // namespace

void index_skus(Catalog& catalog) {
  auto& skus = catalog.sku_base;
  for (const InstanceType& type : catalog.instance_types) skus["ec2." + type.name + ".hour"] = type.hourly_usd;
  const auto postgres = catalog.unit_prices.find("rds.postgres.price_multiplier");
  for (const SizedPrice& size : catalog.rds_classes) {
    skus["rds." + size.name + ".hour"] = size.hourly_usd;
    if (postgres != catalog.unit_prices.end()) skus["rds." + size.name + ".postgres.hour"] = size.hourly_usd * postgres->second;
  }
  for (const SizedPrice& size : catalog.cache_node_types) skus["elasticache." + size.name + ".hour"] = size.hourly_usd;
  for (const SizedPrice& size : catalog.search_instance_types) skus["opensearch." + size.name + ".hour"] = size.hourly_usd;
  for (const SizedPrice& size : catalog.msk_broker_types) skus["msk." + size.name + ".hour"] = size.hourly_usd;
  for (const auto& [key, usd] : catalog.unit_prices) skus[key] = usd;
}

double Catalog::price(std::string_view sku, std::string_view region_name) const {
  if (sku.starts_with(kTransferPrefix)) return transfer_price(*this, sku, region_name);
  const auto base = sku_base.find(sku);
  if (base == sku_base.end()) fail_unknown_sku(sku);
  for (const std::string& prefix : same_in_every_region) {
    if (sku.starts_with(prefix)) return base->second;
  }
  const Region& found = region(region_name);
  const auto service = found.service_multipliers.find(service_of(sku));
  return base->second * (service != found.service_multipliers.end() ? service->second : found.price_multiplier);
}

std::vector<PriceEntry> Catalog::price_list() const {
  std::vector<PriceEntry> rows;
  for (const Region& region : regions) {
    for (const auto& [sku, usd] : sku_base) rows.push_back({sku, region.name, unit_of(sku), price(sku, region.name)});
    if (transfer.find(region.name) == transfer.end()) continue;
    for (const char* sku : {"transfer.cross_az.gb", "transfer.egress.gb"}) rows.push_back({sku, region.name, "gb", price(sku, region.name)});
    for (const Region& destination : regions) {
      if (destination.name == region.name) continue;
      const std::string sku = "transfer.to." + destination.name + ".gb";
      rows.push_back({sku, region.name, "gb", price(sku, region.name)});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const PriceEntry& a, const PriceEntry& b) {
    return a.sku != b.sku ? a.sku < b.sku : a.region < b.region;
  });
  return rows;
}

}  // namespace seedgen

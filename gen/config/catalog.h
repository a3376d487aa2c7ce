// catalog.h: the price and instance-type catalog (profiles/prices.toml), us-east-1 list prices with
// regional multipliers. All costs in seedgen derive from here; nothing else holds a price.
// Lookups of unknown names throw Error(kProfile) naming the key.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace seedgen {

struct InstanceType {
  std::string name;              // "m5.large"
  std::string family;            // "m5"
  int generation = 5;            // 2 for t2/m3? (t2 -> 2, m4 -> 4, m7g -> 7)
  int vcpu = 2;
  double memory_gib = 8;
  int gpu_count = 0;
  double hourly_usd = 0;         // us-east-1 Linux on-demand
  bool burstable = false;        // t-family
  bool previous_generation = false;  // t2, m3, m4, c4, r4
  double popularity = 1;         // relative weight when drawing a type
};

// A priced size of a managed engine (RDS class, cache node type, search or broker instance type).
struct SizedPrice {
  std::string name;              // "db.m5.large"
  double hourly_usd = 0;
  int vcpu = 2;
  double memory_gib = 8;
  double popularity = 1;
};

struct Region {
  std::string name;              // "eu-west-1"
  double price_multiplier = 1;   // relative to us-east-1, for services without their own multiplier
  std::string code;              // short code for names, e.g. "euw1"
  std::map<std::string, double, std::less<>> service_multipliers;  // e.g. {"ebs": 1.2, "s3": 1.13}
};

// Data transfer out of one region, USD per GB.
struct TransferPrices {
  double cross_az = 0.01;        // each way between availability zones
  double cross_region = 0.02;    // to another region (unless a pair price says otherwise)
  double egress = 0.09;          // to the internet (first tier)
};

struct PriceEntry {
  std::string sku;               // "ebs.gp3.gb_month"
  std::string region;            // "eu-west-1"
  std::string unit;              // the sku's last dotted part: "gb_month"
  double usd = 0;
};

struct Catalog {
  std::vector<InstanceType> instance_types;
  std::vector<SizedPrice> rds_classes;
  std::vector<SizedPrice> cache_node_types;
  std::vector<SizedPrice> search_instance_types;   // managed services (OpenSearch etc.)
  std::vector<SizedPrice> msk_broker_types;
  std::vector<Region> regions;
  // Unit prices by dotted key, e.g. "ebs.gp3.gb_month", "ebs.io1.iops_month", "snapshot.gb_month",
  // "s3.standard.gb_month", "s3.put_per_1k", "eip.hour", "lb.application.hour", "transfer.cross_az.gb",
  // "rds.storage.gb_month", "logs.ingest.gb", "logs.storage.gb_month", "lambda.request_per_1m",
  // "lambda.gb_second", "lambda.provisioned_gb_second", "kinesis.shard_hour", "savings.one_year",
  // "savings.three_year". The full list is in profiles/prices.toml.
  std::map<std::string, double, std::less<>> unit_prices;
  std::map<std::string, TransferPrices, std::less<>> transfer;     // by source region
  std::map<std::pair<std::string, std::string>, double> transfer_pairs;   // (from, to) -> USD/GB
  std::vector<std::string> same_in_every_region;   // SKU prefixes no region multiplier applies to
  std::map<std::string, double, std::less<>> sku_base;   // every SKU's us-east-1 price (index_skus)

  double unit_price(std::string_view key) const;
  // price_list: every price of the catalog in every region, as seedgen.prices holds it (sku, region,
  // unit, USD): instance types as "ec2.<type>.hour", RDS classes as "rds.<class>.hour" and
  // "rds.<class>.postgres.hour", cache, search and broker sizes as "elasticache.", "opensearch.", "msk."
  // "<size>.hour", and the unit prices under their dotted keys. Regional prices apply the region's
  // multiplier, as the generator does; discounts (savings.*) and multipliers are the same everywhere.
  // Sorted by sku, then region.
  std::vector<PriceEntry> price_list() const;
  // price: the USD price of `sku` in `region`: the us-east-1 price times the region's multiplier for the
  // SKU's service (its first dotted part), or as is for SKUs priced the same everywhere; transfer SKUs
  // ("transfer.cross_az.gb", "transfer.egress.gb", "transfer.to.<region>.gb") read the transfer table of
  // the source region. Throws Error(kProfile) for an unknown SKU or region.
  double price(std::string_view sku, std::string_view region) const;
  const InstanceType& instance_type(std::string_view name) const;
  const Region& region(std::string_view name) const;
};

}  // namespace seedgen

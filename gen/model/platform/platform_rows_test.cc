// The platform rows: field counts match the registry's column lists, building twice gives identical bytes,
// the *_7d columns equal the means of the metrics they summarise, natural ids are unique across the run,
// and values stay inside the schema's CHECKs and numeric ranges.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <set>

#include "platform_support.h"

namespace seedgen::platform_test {
namespace {

struct TableEmitter {
  const char* table;
  EmitFn emit;
};

const std::vector<TableEmitter> kTables = {
    {"rds_instances", emit_rds_instances},     {"cache_clusters", emit_cache_clusters},
    {"load_balancers", emit_load_balancers},   {"elastic_ips", emit_elastic_ips},
    {"data_transfer_daily", emit_data_transfer_daily}, {"managed_services", emit_managed_services},
    {"streaming_clusters", emit_streaming_clusters},   {"log_groups", emit_log_groups},
    {"log_group_usage_daily", emit_log_group_usage_daily}, {"metrics_daily", emit_platform_metrics},
    {"resource_tags", emit_platform_tags},
};

// expect_mean: a stored *_7d column equals the mean of the last 7 days of its payload key.
void expect_mean(const World& world, const MetricsIndex& metrics, const std::string& type, const std::string& id,
                 const std::string& key, const std::string& stored) {
  const double expected = mean(last_7(world, metrics.at({type, id}), key));
  EXPECT_NEAR(number(stored), expected, 0.00501) << type << " " << id << " " << key;
}

TEST(PlatformRowsTest, EveryRowHasTheRegistrysFieldCount) {
  auto test_world = make_world(42);
  const World& world = test_world->world;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    for (const TableEmitter& table : kTables) emitted(table.table, world, model, table.emit);
  }
}

TEST(PlatformRowsTest, BuildingTwiceGivesIdenticalBytes) {
  auto first_world = make_world(42);
  auto second_world = make_world(42);
  for (uint32_t index = 0; index < first_world->world.accounts.size(); ++index) {
    const AccountModel first = build_default(first_world->world, index);
    const AccountModel second = build_default(second_world->world, index);
    for (const TableEmitter& table : kTables) {
      RowWriter first_out, second_out;
      table.emit(first_world->world, first, first_out);
      table.emit(second_world->world, second, second_out);
      EXPECT_EQ(first_out.buffer(), second_out.buffer()) << table.table;
    }
  }
}

TEST(PlatformRowsTest, SevenDayColumnsAreTheMeansOfTheirMetrics) {
  for (uint64_t seed : kSeeds) {
    auto test_world = make_world(seed, 2);
    const World& world = test_world->world;
    for (uint32_t index = 0; index < world.accounts.size(); ++index) {
      const AccountModel model = build_default(world, index);
      const MetricsIndex metrics = metrics_index(world, model);
      for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
        expect_mean(world, metrics, "rds_instance", row.at("db_instance_id"), "cpu_avg", row.at("avg_cpu_7d"));
        expect_mean(world, metrics, "rds_instance", row.at("db_instance_id"), "connections_avg",
                    row.at("avg_connections_7d"));
      }
      for (const Row& row : emitted("cache_clusters", world, model, emit_cache_clusters)) {
        expect_mean(world, metrics, "cache_cluster", row.at("cluster_id"), "cpu_avg", row.at("avg_cpu_7d"));
        expect_mean(world, metrics, "cache_cluster", row.at("cluster_id"), "memory_avg", row.at("avg_memory_7d"));
      }
      for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) {
        expect_mean(world, metrics, "load_balancer", row.at("lb_arn"), "requests", row.at("avg_request_count_7d"));
      }
      for (const Row& row : emitted("managed_services", world, model, emit_managed_services)) {
        expect_mean(world, metrics, "managed_service", row.at("id"), "cpu_avg", row.at("avg_cpu_7d"));
        expect_mean(world, metrics, "managed_service", row.at("id"), "memory_avg", row.at("avg_memory_7d"));
      }
      for (const Row& row : emitted("streaming_clusters", world, model, emit_streaming_clusters)) {
        expect_mean(world, metrics, "streaming_cluster", row.at("id"), "usage_mbps", row.at("avg_usage_mbps_7d"));
      }
    }
  }
}

TEST(PlatformRowsTest, NaturalIdsAndPublicAddressesAreUniqueAcrossTheRun) {
  auto test_world = make_world(42, 8);
  const World& world = test_world->world;
  std::set<std::string> db_ids, cluster_ids, arns, allocations, addresses, metric_keys;
  size_t rows = 0, resources = 0;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) db_ids.insert(row.at("db_instance_id"));
    for (const Row& row : emitted("cache_clusters", world, model, emit_cache_clusters)) cluster_ids.insert(row.at("cluster_id"));
    for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) arns.insert(row.at("lb_arn"));
    for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
      allocations.insert(row.at("allocation_id"));
      addresses.insert(row.at("public_ip"));
    }
    for (const Row& row : emitted("metrics_daily", world, model, emit_platform_metrics)) {
      metric_keys.insert(row.at("resource_type") + "|" + row.at("resource_id") + "|" + row.at("date"));
      ++rows;
    }
    resources += model.platform.rds_instances.size() + model.platform.cache_clusters.size() +
                 model.platform.load_balancers.size() + model.platform.elastic_ips.size();
    EXPECT_EQ(db_ids.size() + cluster_ids.size() + arns.size() + allocations.size(), resources);
    EXPECT_EQ(addresses.size(), allocations.size());
  }
  EXPECT_EQ(metric_keys.size(), rows);
}

bool is_public_ipv4(const std::string& address) {
  const std::vector<std::string> parts = split(address, '.');
  if (parts.size() != 4) return false;
  std::vector<int> octets;
  for (const std::string& part : parts) {
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    octets.push_back(std::stoi(part));
    if (octets.back() > 255) return false;
  }
  const int a = octets[0], b = octets[1];
  const bool reserved = a == 0 || a == 10 || a == 127 || a >= 224 || (a == 100 && b >= 64 && b < 128) ||
                        (a == 169 && b == 254) || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168);
  return !reserved;
}

TEST(PlatformRowsTest, IdsHaveAwsShapes) {
  auto test_world = make_world(7);
  const World& world = test_world->world;
  const std::regex arn_shape(
      "arn:aws:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:loadbalancer/((app|net|gwy)/[a-z0-9-]{1,32}/[0-9a-f]{16}|[a-z0-9-]{1,32})");
  const std::regex allocation_shape("eipalloc-[0-9a-f]{17}");
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) {
      const std::string& arn = row.at("lb_arn");
      EXPECT_TRUE(std::regex_match(arn, arn_shape)) << arn;
      EXPECT_NE(arn.find(":" + model.account->number + ":"), std::string::npos) << arn;
      EXPECT_NE(arn.find(":" + row.at("region") + ":"), std::string::npos) << arn;
      EXPECT_NE(arn.find("/" + row.at("name")), std::string::npos) << arn;
      const std::string kind = row.at("type") == "application" ? "/app/" : row.at("type") == "network" ? "/net/"
                               : row.at("type") == "gateway"   ? "/gwy/" : "loadbalancer/" + row.at("name");
      EXPECT_NE(arn.find(kind), std::string::npos) << arn;
    }
    for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
      EXPECT_TRUE(std::regex_match(row.at("allocation_id"), allocation_shape)) << row.at("allocation_id");
      EXPECT_TRUE(is_public_ipv4(row.at("public_ip"))) << row.at("public_ip");
    }
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
      EXPECT_TRUE(std::regex_match(row.at("db_instance_id"), std::regex("[a-z]+-[a-z]+-db-[0-9a-f]{8}")));
    }
  }
}

TEST(PlatformRowsTest, ValuesRespectTheSchema) {
  auto test_world = make_world(2024, 4);
  const World& world = test_world->world;
  const std::string as_of = timestamp_text(world.snapshot_time());   // rows describe the end of as_of
  const std::set<std::string> rds_states = {"available", "stopped", "starting", "stopping", "deleting"};
  const std::set<std::string> engines = {"kinesis", "kafka", "msk"};
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    const std::string account_created = timestamp_text(model.account->created_at);
    for (const TableEmitter& table : kTables) {
      for (const Row& row : emitted(table.table, world, model, table.emit)) {
        // metrics_daily.created_at is the framework's rollup time (the day after), not a resource's.
        if (row.count("created_at") && std::string(table.table) != "metrics_daily") {
          EXPECT_LE(row.at("created_at"), as_of) << table.table;
          EXPECT_GT(row.at("created_at"), account_created) << table.table;
        }
        if (row.count("updated_at")) {
          EXPECT_LE(row.at("created_at"), row.at("updated_at")) << table.table;
          EXPECT_LE(row.at("updated_at"), as_of) << table.table;
        }
        for (const char* column : {"avg_cpu_7d", "avg_memory_7d"}) {
          if (row.count(column)) {
            EXPECT_LE(number(row.at(column)), 100.0) << table.table;
          }
        }
        if (row.count("hourly_cost")) {
          EXPECT_GT(number(row.at("hourly_cost")), 0) << table.table;
          EXPECT_LE(number(row.at("hourly_cost")), 999999.9999) << table.table;
        }
      }
    }
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
      EXPECT_TRUE(rds_states.count(row.at("state")));
      EXPECT_NEAR(number(row.at("storage_monthly_cost")), std::stoi(row.at("allocated_storage_gib")) * 0.115, 0.0001);
    }
    for (const Row& row : emitted("streaming_clusters", world, model, emit_streaming_clusters)) {
      EXPECT_TRUE(engines.count(row.at("engine")));
      if (row.at("engine") == "kinesis") {
        EXPECT_EQ(number(row.at("provisioned_throughput_mbps")), std::stoi(row.at("shard_count")));
      }
    }
  }
}

// Flows run only in and between the regions the account uses; each direction is priced from the source
// region's transfer SKUs (profiles/prices.toml: transfer_regions, transfer_pairs); local flows have a row
// every day, cross-region flows only on the days with traffic.
TEST(PlatformRowsTest, TransferRowsCoverTheRegionsInUseAndPriceEachDirection) {
  auto test_world = make_world(1);
  const World& world = test_world->world;
  const Catalog& catalog = *world.catalog;
  int cross_region_rows = 0;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    const std::set<std::string> account_regions(model.account->regions.begin(), model.account->regions.end());
    std::map<std::string, int> local_rows;
    for (const Row& row : emitted("data_transfer_daily", world, model, emit_data_transfer_daily)) {
      const std::string& direction = row.at("direction");
      const std::string& source = row.at("source_region");
      const std::string& dest = row.at("dest_region");
      const double gb = number(row.at("gb_transferred")), cost = number(row.at("estimated_transfer_cost"));
      EXPECT_GT(gb, 0) << direction;
      if (direction == "intra-az" || direction == "ingress") {
        EXPECT_EQ(cost, 0.0);
      }
      if (direction == "egress") {
        EXPECT_EQ(dest, "internet");
        EXPECT_NEAR(cost, gb * catalog.price("transfer.egress.gb", source), 0.00006);
      }
      if (direction == "cross-az") {
        EXPECT_NEAR(cost, gb * 2 * catalog.price("transfer.cross_az.gb", source), 0.00006);
      }
      if (direction == "cross-region") {
        ++cross_region_rows;
        EXPECT_NE(source, dest);
        EXPECT_TRUE(account_regions.count(source) && account_regions.count(dest)) << source << ">" << dest;
        EXPECT_NEAR(cost, gb * catalog.price("transfer.to." + dest + ".gb", source), 0.00006);
      } else {
        const std::string& region = direction == "ingress" ? dest : source;
        EXPECT_TRUE(account_regions.count(region)) << region;
        ++local_rows[region + "|" + direction];
      }
      EXPECT_GE(parse_date(row.at("date")), world.usage_first_day());
    }
    for (const auto& [flow, rows] : local_rows) {
      EXPECT_EQ(rows, world.profile->usage_days) << flow;
    }
  }
  EXPECT_GT(cross_region_rows, 0);
}

TEST(PlatformRowsTest, LogStorageFollowsIngestionAndRetention) {
  auto test_world = make_world(42, 2);
  const World& world = test_world->world;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    std::map<std::string, std::string> retention;
    for (const Row& row : emitted("log_groups", world, model, emit_log_groups)) retention[row.at("id")] = row.at("retention_days");
    std::map<std::string, std::vector<Row>> usage;
    for (const Row& row : emitted("log_group_usage_daily", world, model, emit_log_group_usage_daily)) {
      usage[row.at("log_group_id")].push_back(row);
    }
    EXPECT_EQ(usage.size(), retention.size());
    for (const auto& [group, days] : usage) {
      EXPECT_LE(static_cast<int>(days.size()), world.profile->usage_days);
      EXPECT_EQ(parse_date(days.back().at("date")), world.as_of_day()) << group;
      for (size_t day = 1; day < days.size(); ++day) {
        const double grown = number(days[day].at("stored_gb")) - number(days[day - 1].at("stored_gb"));
        if (retention[group] == kNull) {
          EXPECT_NEAR(grown, number(days[day].at("ingested_gb")), 0.00011) << group;
        }
        EXPECT_LE(grown, number(days[day].at("ingested_gb")) + 0.00011) << group;
      }
    }
  }
}

TEST(PlatformRowsTest, TinyDomainCostAndSavingsShare) {
  auto test_world = make_world(42, 1);
  const World& world = test_world->world;
  double cost = 0, savings = 0, resource_cost = 0;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    // The platform alone (monthly_cost and planted_savings of this domain only), over compute's instances.
    const AccountModel model = build_platform_model(world, index, build_default(world, index).ec2.instances);
    cost += model.monthly_cost;
    savings += model.planted_savings;
    for (const auto& rds : model.platform.rds_instances) resource_cost += rds.hourly_cost * 730 + rds.storage_monthly_cost;
    for (const auto& cache : model.platform.cache_clusters) resource_cost += cache.hourly_cost * 730;
    for (const auto& lb : model.platform.load_balancers) resource_cost += lb.hourly_cost * 730;
  }
  // The domain's cost includes at least its databases, caches and load balancers at their hourly prices.
  EXPECT_GE(cost, resource_cost * (1 - 1e-9));
  EXPECT_GT(savings, 0.05 * cost);
  EXPECT_LT(savings, 0.4 * cost);
}

}  // namespace
}  // namespace seedgen::platform_test

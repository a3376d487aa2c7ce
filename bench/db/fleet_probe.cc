// fleet_probe.cc: catalog and seedgen.runs reads for the benchmark.
#include "bench/db/fleet_probe.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "db/connection.h"

namespace seedgen {
namespace {

// The resource tables that carry account_id; container_nodes belong to a cluster.
constexpr const char* kAccountResourceTables[] = {
    "instances", "volumes", "snapshots", "s3_buckets", "rds_instances", "cache_clusters", "load_balancers",
    "elastic_ips", "lambda_functions", "container_clusters", "streaming_clusters", "managed_services",
    "log_groups"};

constexpr const char* kReportedSettings[] = {
    "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "effective_io_concurrency",
    "max_parallel_workers_per_gather", "jit", "plan_cache_mode", "maintenance_work_mem", "default_statistics_target"};

template <typename Value>
std::map<std::string, Value> json_map(const std::string& text) {
  return nlohmann::json::parse(text).template get<std::map<std::string, Value>>();
}

pqxx::result read(Connection& connection, const std::string& sql) {
  pqxx::read_transaction transaction(connection.session());
  return transaction.exec(sql);
}

void require_fleet_schema(Connection& connection) {
  const auto present = read(connection,
      "select to_regclass('seedgen.runs') is not null, to_regclass('seedgen.planted_waste') is not null, "
      "to_regclass('public.cloud_accounts') is not null");
  if (!present[0][0].as<bool>() || !present[0][2].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the database has no seedgen fleet: run `seedgen --profile P` to load one first");
  }
  if (!present[0][1].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the answer key seedgen.planted_waste is missing: reload the fleet with seedgen");
  }
}

}  // namespace

LoadedRun read_loaded_run(Connection& connection) {
  require_fleet_schema(connection);
  // index_seconds through to_jsonb: a fleet loaded by a seedgen older than that column still reads.
  const auto rows = read(connection,
      "select run_id, profile, seed, as_of::text, seedgen_version, coalesce(resources, 0), row_counts::text, "
      "checksums::text, coalesce(to_jsonb(r) -> 'index_seconds', '{}')::text "
      "from seedgen.runs r where status = 'completed' order by run_id desc limit 1");
  if (rows.empty()) throw Error(ErrorKind::kTarget, "no completed seedgen load in this database: run seedgen first");
  LoadedRun run;
  run.run_id = rows[0][0].as<int64_t>();
  run.profile = rows[0][1].as<std::string>();
  run.seed = rows[0][2].as<int64_t>();
  run.as_of = rows[0][3].as<std::string>();
  run.seedgen_version = rows[0][4].as<std::string>();
  run.resources = rows[0][5].as<int64_t>();
  run.row_counts = json_map<int64_t>(rows[0][6].as<std::string>());
  run.checksums = json_map<std::string>(rows[0][7].as<std::string>());
  run.index_seconds = json_map<double>(rows[0][8].as<std::string>());
  const auto counts = read(connection,
      "select (select count(*) from cloud_accounts), (select count(*) from seedgen.planted_waste)");
  if (counts[0][0].as<int64_t>() == 0) throw Error(ErrorKind::kTarget, "the fleet is empty: cloud_accounts has no rows");
  if (counts[0][1].as<int64_t>() == 0) {
    throw Error(ErrorKind::kTarget, "the answer key seedgen.planted_waste is empty: reload the fleet with seedgen");
  }
  return run;
}

std::vector<AccountSize> read_account_sizes(Connection& connection) {
  std::string owned;
  for (const char* table : kAccountResourceTables) {
    owned += fmt::format("{}select account_id from {}", owned.empty() ? "" : " union all ", table);
  }
  const auto rows = read(connection, fmt::format(
      "with owned as ({} union all select c.account_id from container_nodes n "
      "join container_clusters c on c.id = n.cluster_id) "
      "select a.id::text, count(o.account_id) from cloud_accounts a left join owned o on o.account_id = a.id "
      "group by a.id order by 2, 1", owned));
  std::vector<AccountSize> sizes;
  for (const auto& row : rows) sizes.push_back({row[0].as<std::string>(), row[1].as<int64_t>()});
  return sizes;
}

std::map<std::string, std::string> read_server_settings(Connection& connection) {
  std::string names;
  for (const char* name : kReportedSettings) names += fmt::format("{}'{}'", names.empty() ? "" : ", ", name);
  const auto rows = read(connection, fmt::format(
      "select 'server_version', current_setting('server_version') union all "
      "select name, setting || coalesce(' ' || unit, '') from pg_settings where name in ({}) order by 1", names));
  std::map<std::string, std::string> settings;
  for (const auto& row : rows) settings[row[0].as<std::string>()] = row[1].as<std::string>();
  return settings;
}

std::map<std::string, int64_t> read_table_rows(Connection& connection) {
  const auto rows = read(connection,
      "select c.relname, greatest(c.reltuples, 0)::bigint from pg_class c "
      "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'm')");
  std::map<std::string, int64_t> sizes;
  for (const auto& row : rows) sizes[row[0].as<std::string>()] = row[1].as<int64_t>();
  return sizes;
}

}  // namespace seedgen

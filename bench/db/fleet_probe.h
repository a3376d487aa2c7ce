// fleet_probe.h: what seedbench must know about a loaded fleet before it measures anything: the run that
// produced it (its fingerprint), the accounts and their sizes, the server and its settings, table sizes.
// Read-only. A database without a completed seedgen load or without its answer key is refused with
// Error(kTarget) and a one-line reason; an unreachable one fails earlier in Connection.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace seedgen {

class Connection;

struct LoadedRun {
  int64_t run_id = 0;
  std::string profile;
  int64_t seed = 0;
  std::string as_of;            // YYYY-MM-DD
  std::string seedgen_version;
  int64_t resources = 0;
  std::map<std::string, int64_t> row_counts;
  std::map<std::string, std::string> checksums;
  std::map<std::string, double> index_seconds;   // per index build time at load; empty if not recorded
};

struct AccountSize {
  std::string account_id;
  int64_t resources = 0;
};

// read_loaded_run: the latest completed run. Throws Error(kTarget) when the schema is missing, no load
// completed, the fleet is empty or the answer key (seedgen.planted_waste) is missing or empty.
LoadedRun read_loaded_run(Connection& connection);

// read_account_sizes: every account with its rows over the resource tables (container nodes counted
// through their cluster), ascending by size then id, so picking by rank is deterministic.
std::vector<AccountSize> read_account_sizes(Connection& connection);

// read_account_subjects: the values seedbench binds an ad-hoc question's subject parameters to for
// `account_id` (sql/seedbench/account_subjects.sql: instance_id, bucket_name, tag_key, tag_value), by
// parameter name; a subject the account has none of is an empty string.
std::map<std::string, std::string> read_account_subjects(Connection& connection, const std::string& account_id);

// read_layout: the database's layout ("spec", "partitioned", "citus", ...; sql/seedbench/fleet_layout.sql).
std::string read_layout(Connection& connection);

// read_server_settings: server_version and the settings that shape plans and memory.
std::map<std::string, std::string> read_server_settings(Connection& connection);

// read_table_rows: pg_class.reltuples of every table in schema public, by bare table name.
std::map<std::string, int64_t> read_table_rows(Connection& connection);

}  // namespace seedgen

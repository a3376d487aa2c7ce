// fleet_plan.h: what a load rebuilds, read from the live catalog before anything is staged: for every fleet
// table and every materialized view a load rebuilds, the statements that recreate it on a staged copy
// (sql/loader/fleet_objects.sql), and the functions those views call that must read the staged tables while
// the views are built (sql/loader/view_functions.sql). Also refuses a fleet that objects outside it depend on
// (sql/loader/foreign_dependents.sql). Reading the catalog takes no lock on the live tables.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "pipeline/fleet_source.h"

namespace seedgen {

// FleetStatement: one row of pg_temp.seedgen_fleet_objects (sql/loader/fleet_objects.sql documents kinds).
struct FleetStatement {
  std::string kind;
  bool view = false;         // belongs to a materialized view
  bool partitioned = false;  // belongs to a partitioned table
  std::string table;         // the table or view it creates or alters, unqualified
  std::string object;        // the index, constraint, trigger, policy... it is about
  std::string depends_on;    // foreign_key: the referenced fleet table, or ""
  std::string sql;
};

struct FunctionOverride {
  std::string function;      // e.g. resource_monthly_costs(date)
  std::string original;      // CREATE OR REPLACE statement as it is
  std::string redirected;    // the same, reading the staged tables
};

struct PartitionLeaf {
  std::string name;
  std::string from, to;      // YYYY-MM-DD, the days [from, to) it holds
};

// PartitionPlan: the partitions a load creates for a partitioned fleet table: one per span of days the
// layout plans (seedgen.partition_bounds) for the days loaded, and the default partition the live table has.
struct PartitionPlan {
  std::string column;                  // the date column it is partitioned on; "" when no layout plans it
  std::vector<PartitionLeaf> leaves;   // in date order
  std::string default_leaf;            // "" when the live table has none
};

struct FleetPlan {
  std::vector<std::string> live_tables;   // qualified, in registry order
  std::string live_search_path;           // the fleet's schemas ("public, seedgen"): statements are relative to it
  std::vector<FleetStatement> statements; // in build order
  std::vector<FunctionOverride> view_functions;
  std::map<std::string, PartitionPlan> partitions;   // every partitioned fleet table, by name
  // Citus (layout citus): per distributed or reference fleet table, by name, the statement that distributes
  // its staged namesake like the live one (sql/loader/distribution_statements.sql); empty without Citus.
  std::map<std::string, std::string> distributions;
  std::set<std::string> with_account_id;            // fleet tables (by name) that have an account_id column

  // kept_by_citus: false for what Citus refuses on a distributed or reference table and a load therefore
  // leaves out: a column's options and statistics target (ALTER COLUMN SET ...; docs/CITUS.md).
  bool kept_by_citus(const FleetStatement& statement) const;
  // statements_of: every statement of `kind` for tables (view false) or for views (view true).
  std::vector<const FleetStatement*> statements_of(const std::string& kind, bool view) const;
  // views: the materialized views a load rebuilds, in creation order.
  std::vector<std::string> views() const;
};

// install_catalog_functions: creates the pg_temp functions of sql/loader/fleet_objects.sql and
// view_functions.sql in this session (the capture and the swap need them).
void install_catalog_functions(pqxx::transaction_base& transaction);

// fleet_search_path: the distinct schemas of `live_tables`, quoted, in order ("public, seedgen").
std::string fleet_search_path(const std::vector<std::string>& live_tables);

// refuse_foreign_dependents: throws Error(kTarget) naming the first object outside the fleet that depends on
// a fleet table or a rebuilt view (a user's view, another table's foreign key, a serial column's sequence...).
void refuse_foreign_dependents(pqxx::transaction_base& transaction, const std::vector<std::string>& live_tables);

// capture_fleet_plan: the plan for `live_tables`, with the views' functions redirected to `stage_schema` and
// the partitions planned for `days` (none but the default ones without). Needs install_catalog_functions.
FleetPlan capture_fleet_plan(pqxx::transaction_base& transaction, const std::vector<std::string>& live_tables,
                             const std::string& stage_schema, const std::optional<DayWindow>& days);

}  // namespace seedgen

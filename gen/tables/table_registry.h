// table_registry.h: every table seedgen fills, with its COPY column list and the emitter that writes one
// account's rows. The order is the load order: largest tables first (the server's index and FK work
// then overlaps the smaller COPYs least), parents before children within a size class.
#pragma once

#include <string>
#include <vector>

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

using EmitFunction = void (*)(const World&, const AccountModel&, RowWriter&);

struct TableSpec {
  const char* schema;     // "public" or "seedgen"
  const char* name;
  const char* columns;    // COPY column list, in the order the emitter writes fields
  EmitFunction emit;

  std::string qualified_name() const { return std::string(schema) + "." + name; }
};

// table_specs: the 26 tables of public plus seedgen.planted_waste, in load order.
const std::vector<TableSpec>& table_specs();

// find_table: the spec named `name` (unqualified), or nullptr.
const TableSpec* find_table(const std::string& name);

// table_key_fields: how many leading COPY fields identify a row of `spec` across days (its primary key):
// 1 for the tables keyed by `id`, 4 for seedgen.planted_waste, 2 for seedgen.prices.
int table_key_fields(const TableSpec& spec);

// is_resource_table: whether `spec` holds one of the 14 resource types (a row is a resource: what
// seedgen.runs.resources and the cost roll-up's `resources` count).
bool is_resource_table(const TableSpec& spec);

}  // namespace seedgen

#include "db/catalog_probe.h"

#include "db/connection.h"
#include "embedded_sql/schema.h"

namespace seedgen {

std::vector<CatalogFact> read_catalog_facts(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  std::vector<CatalogFact> facts;
  for (const auto& row : transaction.exec(std::string(sql::schema::catalog_facts))) {
    facts.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
  }
  return facts;   // the transaction rolls back, and its search_path with it
}

const MigratedCatalog& shipped_migrated_catalog() {
  static const MigratedCatalog catalog = parse_migrated_catalog(sql::schema::migrated_catalog);
  return catalog;
}

}  // namespace seedgen

// catalog_probe.h: reads the facts that define seedgen's schema from a database's catalog
// (sql/schema/catalog_facts.sql, compiled in), to compare them with migrate/migrated_catalog.h.
// Read-only; runs in its own transaction, which it rolls back.
#pragma once

#include <vector>

#include "migrate/migrated_catalog.h"

namespace seedgen {

class Connection;

// read_catalog_facts: every (object, fact) of public, sorted. Throws pqxx errors as they come.
std::vector<CatalogFact> read_catalog_facts(Connection& connection);

// shipped_migrated_catalog: sql/schema/migrated_catalog.tsv as compiled into this binary.
const MigratedCatalog& shipped_migrated_catalog();

}  // namespace seedgen

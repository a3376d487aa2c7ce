// migrated_catalog.h: the catalog that sql/migrations builds, as the committed list of facts
// sql/schema/migrated_catalog.tsv (written by scripts/migrated-catalog from a freshly migrated database,
// checked by ctest to be current), and the comparison of a database's facts with it. This is how seedgen
// recognises a schema that `supabase db push` (or psql) built from the same migrations without recording
// them in seedgen's ledger. No database access here: the facts are read by gen/db.
//
// File format: lines "# migration<TAB>version<TAB>name<TAB>sha256" naming the migrations it was made
// from, then "object<TAB>fact" lines (sql/schema/catalog_facts.sql's output).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "migrate/migration_set.h"

namespace seedgen {

using CatalogFact = std::pair<std::string, std::string>;   // (object, fact)

struct MigratedCatalog {
  std::vector<MigrationFile> migrations;   // version, name and checksum only (sql empty)
  std::set<CatalogFact> facts;
  std::set<std::string> objects;           // the tables, views and functions the facts are about
};

// parse_migrated_catalog: throws Error(kIo) naming the line when the text is malformed.
MigratedCatalog parse_migrated_catalog(std::string_view text);

// made_from: true when `catalog` was made from exactly these migrations (versions, names, checksums).
bool made_from(const MigratedCatalog& catalog, const std::vector<MigrationFile>& migrations);

// owned_facts: the facts of `actual` about the catalog's objects (a database's own tables are ignored).
std::set<CatalogFact> owned_facts(const MigratedCatalog& catalog, const std::vector<CatalogFact>& actual);

// holds_relations: whether any of `owned` says a table or view exists (a database with none of the
// catalog's tables is fresh, whatever its schemas allow).
bool holds_relations(const std::set<CatalogFact>& owned);

// first_difference: nullopt when `owned` equals the catalog's facts, else one line naming the first fact
// that is missing ("missing: instances: column ...") or unexpected ("unexpected: ...").
std::optional<std::string> first_difference(const MigratedCatalog& catalog, const std::set<CatalogFact>& owned);

}  // namespace seedgen

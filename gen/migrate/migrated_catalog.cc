#include "migrate/migrated_catalog.h"

#include <algorithm>
#include <iterator>

#include "core/error.h"

namespace seedgen {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

[[noreturn]] void malformed(size_t line_number, const std::string& why) {
  throw Error(ErrorKind::kIo, "migrated_catalog.tsv:" + std::to_string(line_number) + ": " + why);
}

MigrationFile stamp_of(const std::vector<std::string>& fields, size_t line_number) {
  if (fields.size() != 4) malformed(line_number, "a migration line needs version, name and sha256");
  MigrationFile stamp;
  try {
    stamp.version = std::stoi(fields[1]);
  } catch (const std::exception&) {
    malformed(line_number, "bad version '" + fields[1] + "'");
  }
  stamp.name = fields[2];
  stamp.checksum = fields[3];
  return stamp;
}

}  // namespace

MigratedCatalog parse_migrated_catalog(std::string_view text) {
  MigratedCatalog catalog;
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty()) continue;
    const auto fields = split_tabs(line);
    if (fields[0] == "# migration") {
      catalog.migrations.push_back(stamp_of(fields, line_number));
    } else if (line[0] == '#') {
      continue;
    } else if (fields.size() == 2 && !fields[0].empty() && !fields[1].empty()) {
      catalog.objects.insert(fields[0]);
      catalog.facts.emplace(fields[0], fields[1]);
    } else {
      malformed(line_number, "expected 'object<TAB>fact'");
    }
  }
  return catalog;
}

bool made_from(const MigratedCatalog& catalog, const std::vector<MigrationFile>& migrations) {
  return std::equal(catalog.migrations.begin(), catalog.migrations.end(), migrations.begin(), migrations.end(),
                    [](const MigrationFile& stamp, const MigrationFile& file) {
                      return stamp.version == file.version && stamp.name == file.name && stamp.checksum == file.checksum;
                    });
}

std::set<CatalogFact> owned_facts(const MigratedCatalog& catalog, const std::vector<CatalogFact>& actual) {
  std::set<CatalogFact> owned;
  for (const auto& fact : actual) {
    if (catalog.objects.count(fact.first) != 0) owned.insert(fact);
  }
  return owned;
}

bool holds_relations(const std::set<CatalogFact>& owned) {
  return std::any_of(owned.begin(), owned.end(), [](const CatalogFact& fact) { return fact.second.rfind("relation ", 0) == 0; });
}

std::optional<std::string> first_difference(const MigratedCatalog& catalog, const std::set<CatalogFact>& owned) {
  std::vector<CatalogFact> missing, unexpected;
  std::set_difference(catalog.facts.begin(), catalog.facts.end(), owned.begin(), owned.end(), std::back_inserter(missing));
  std::set_difference(owned.begin(), owned.end(), catalog.facts.begin(), catalog.facts.end(), std::back_inserter(unexpected));
  if (!missing.empty()) return "missing: " + missing.front().first + ": " + missing.front().second;
  if (!unexpected.empty()) return "unexpected: " + unexpected.front().first + ": " + unexpected.front().second;
  return std::nullopt;
}

}  // namespace seedgen

// The agent API's list of pattern ids (seedgen.waste_patterns, filled by sql/migrations/020) is exactly
// the catalog's, in its order: report_waste_finding accepts what `seedgen patterns` prints, nothing else.
#include "config/waste_patterns.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace seedgen {
namespace {

// migration_pattern_ids: the quoted ids of the migration's "insert into seedgen.waste_patterns" statement.
std::vector<std::string> migration_pattern_ids() {
  std::ifstream file(std::string(SEEDGEN_SOURCE_DIR) + "/sql/migrations/020_create_agent_api.sql");
  std::stringstream text;
  text << file.rdbuf();
  const std::string sql = text.str();
  const size_t start = sql.find("insert into seedgen.waste_patterns (id) values");
  if (start == std::string::npos) return {};
  const std::string values = sql.substr(start, sql.find(';', start) - start);
  std::vector<std::string> ids;
  const std::regex quoted("'([a-z0-9_]+)'");
  for (auto match = std::sregex_iterator(values.begin(), values.end(), quoted); match != std::sregex_iterator(); ++match) {
    ids.push_back((*match)[1].str());
  }
  return ids;
}

TEST(WastePatterns, TheAgentApiMigrationListsExactlyTheCatalogsIds) {
  std::vector<std::string> catalog;
  for (const Pattern pattern : all_patterns()) catalog.emplace_back(pattern_id(pattern));
  EXPECT_EQ(migration_pattern_ids(), catalog);
  EXPECT_EQ(catalog.size(), 27u);
}

}  // namespace
}  // namespace seedgen

// Determinism of the whole generator: the same profile and seed give byte-identical tables whatever the
// job count, the shards of a run add up to the full run, and another seed gives another fleet.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "core/error.h"
#include "model/world.h"
#include "pipeline/table_sink.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

// CollectingSink: keeps every table's bytes in memory.
class CollectingSink : public TableSink {
 public:
  void begin_table(const TableSpec&) override {}
  void write(const TableSpec& table, std::string_view bytes) override { tables[table.name].append(bytes); }
  void end_table(const TableSpec&) override {}
  std::map<std::string, std::string> tables;
};

struct Fleet {
  Profile profile;
  Catalog catalog;
  World world;
};

std::unique_ptr<Fleet> tiny_fleet(uint64_t seed) {
  auto fleet = std::make_unique<Fleet>();
  fleet->profile = load_profile("tiny", ProfileOverrides{.seed = seed, .accounts = std::nullopt, .scale = std::nullopt});
  fleet->catalog = load_catalog(default_catalog_path());
  fleet->world = plan_world(fleet->profile, fleet->catalog);
  return fleet;
}

GenerationResult run(const World& world, int jobs, int shard_index, int shard_count, CollectingSink& sink) {
  GenerationOptions options;
  options.jobs = jobs;
  options.shard_index = shard_index;
  options.shard_count = shard_count;
  return generate(world, options, sink);
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(Pipeline, JobCountDoesNotChangeABit) {
  const auto fleet = tiny_fleet(7);
  CollectingSink one, three;
  const auto serial = run(fleet->world, 1, 0, 1, one);
  const auto parallel = run(fleet->world, 3, 0, 1, three);
  EXPECT_EQ(one.tables, three.tables);
  for (const auto& [table, stats] : serial.tables) EXPECT_EQ(stats.sha256, parallel.tables.at(table).sha256) << table;
  EXPECT_GT(serial.total_rows(), 1000u);
}

TEST(Pipeline, TablesGeneratedInSeveralPassesAreTheSingleRunsBytes) {
  const auto fleet = tiny_fleet(7);
  CollectingSink whole;
  run(fleet->world, 2, 0, 1, whole);
  // The loader's split: the first table alone, then the others; and an arbitrary split.
  for (const std::vector<std::vector<size_t>>& passes :
       {std::vector<std::vector<size_t>>{{0}, {}}, std::vector<std::vector<size_t>>{{3, 1}, {}}}) {
    std::map<std::string, std::string> joined;
    std::vector<bool> emitted(table_specs().size(), false);
    for (auto tables : passes) {
      if (tables.empty()) {
        for (size_t table = 0; table < emitted.size(); ++table) if (!emitted[table]) tables.push_back(table);
      }
      for (size_t table : tables) emitted[table] = true;
      GenerationOptions options;
      options.jobs = 3;
      options.tables = tables;
      CollectingSink part;
      const auto result = generate(fleet->world, options, part);
      EXPECT_EQ(result.tables.size(), tables.size());
      for (const auto& [table, bytes] : part.tables) joined[table] += bytes;
    }
    EXPECT_EQ(joined, whole.tables);
  }
}

TEST(Pipeline, ShardsAddUpToTheFullRun) {
  const auto fleet = tiny_fleet(7);
  CollectingSink full;
  run(fleet->world, 2, 0, 1, full);
  std::map<std::string, std::string> union_of_shards;
  for (int shard = 0; shard < 3; ++shard) {
    CollectingSink part;
    run(fleet->world, 2, shard, 3, part);
    for (const auto& [table, bytes] : part.tables) union_of_shards[table] += bytes;
  }
  ASSERT_EQ(union_of_shards.size(), full.tables.size());
  for (const auto& [table, bytes] : full.tables) {
    EXPECT_EQ(sorted_lines(union_of_shards[table]), sorted_lines(bytes)) << table;
  }
}

TEST(Pipeline, EveryTableIsFilled) {
  const auto fleet = tiny_fleet(7);
  CollectingSink sink;
  const auto result = run(fleet->world, 2, 0, 1, sink);
  for (const auto& spec : table_specs()) {
    EXPECT_GT(result.tables.at(spec.qualified_name()).rows, 0u) << spec.qualified_name();
  }
}

TEST(Pipeline, AnotherSeedGivesAnotherFleet) {
  const auto first = tiny_fleet(7);
  const auto second = tiny_fleet(8);
  CollectingSink a, b;
  const auto result_a = run(first->world, 2, 0, 1, a);
  const auto result_b = run(second->world, 2, 0, 1, b);
  for (const auto& spec : table_specs()) {
    const auto& table = spec.qualified_name();
    if (result_a.tables.at(table).rows == 0) continue;
    if (table == "seedgen.prices") {
      // The price list is the catalog's (profiles/prices.toml), not the seed's.
      EXPECT_EQ(result_a.tables.at(table).sha256, result_b.tables.at(table).sha256);
      continue;
    }
    EXPECT_NE(result_a.tables.at(table).sha256, result_b.tables.at(table).sha256) << table;
  }
}

TEST(Pipeline, CancelStopsGeneration) {
  const auto fleet = tiny_fleet(7);
  std::atomic<bool> cancel{true};
  GenerationOptions options;
  options.cancel = &cancel;
  CollectingSink sink;
  try {
    generate(fleet->world, options, sink);
    FAIL() << "a cancelled generation returned normally";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kInterrupted) << error.what();
  }
}

}  // namespace
}  // namespace seedgen

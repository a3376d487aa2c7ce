// encoders_bench.cc: Google Benchmark micro-benchmarks of the hot paths: the COPY text encoders, the
// random streams, and building and emitting one account of the small profile.
// Run: build/seedgen_microbench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

void BM_RowWriterMetricsLikeRow(benchmark::State& state) {
  RowWriter writer;
  const Uuid id = Uuid::from_key(1, "bench", 2);
  JsonText payload;
  payload.number("cpu_avg", 23.456, 2).number("cpu_max", 71.2, 2).number("network_mb", 512.25, 2);
  const std::string& json = payload.finish();
  for (auto _ : state) {
    writer.uuid(id);
    writer.uuid(id);
    writer.text("instance");
    writer.text("i-0123456789abcdef0");
    writer.date(20103);
    writer.json(json);
    writer.decimal(2.3041, 4);
    writer.timestamp(1736899200);
    writer.end_row();
    if (writer.buffer().size() > (1 << 20)) writer.clear();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RowWriterMetricsLikeRow);

void BM_JsonPayload(benchmark::State& state) {
  JsonText payload;
  for (auto _ : state) {
    payload.clear();
    payload.number("cpu_avg", 23.456, 2).number("cpu_max", 71.2, 2).number("network_mb", 512.25, 2);
    benchmark::DoNotOptimize(payload.finish());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsonPayload);

void BM_RngNormal(benchmark::State& state) {
  Rng rng(42, "bench", 7);
  for (auto _ : state) benchmark::DoNotOptimize(rng.normal(0, 1));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RngNormal);

struct SmallFleet {
  Profile profile = load_profile("small");
  Catalog catalog = load_catalog(default_catalog_path());
  World world = plan_world(profile, catalog);
};

const SmallFleet& small_fleet() {
  static const SmallFleet fleet;
  return fleet;
}

// The median-size account of small: building its model (entities, shapes, planted waste).
void BM_BuildAccountModel(benchmark::State& state) {
  const World& world = small_fleet().world;
  const uint32_t account = static_cast<uint32_t>(world.accounts.size() / 2);
  for (auto _ : state) benchmark::DoNotOptimize(build_account_model(world, account));
  state.SetItemsProcessed(state.iterations() * world.accounts[account].total_resources());
}
BENCHMARK(BM_BuildAccountModel)->Unit(benchmark::kMillisecond);

// Emitting every table of that account (rows/s is the figure to compare with 1M rows/s per core).
void BM_EmitAccountRows(benchmark::State& state) {
  const World& world = small_fleet().world;
  const AccountModel model = build_account_model(world, static_cast<uint32_t>(world.accounts.size() / 2));
  RowWriter writer;
  uint64_t rows = 0;
  for (auto _ : state) {
    for (const auto& spec : table_specs()) {
      spec.emit(world, model, writer);
      rows += writer.rows();
      writer.clear();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(rows));
}
BENCHMARK(BM_EmitAccountRows)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace seedgen

BENCHMARK_MAIN();

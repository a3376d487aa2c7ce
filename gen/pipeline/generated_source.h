// generated_source.h: a fleet generated while it loads. With two or more connections the largest table
// (the first of table_specs(), which lists the largest first) is generated and copied in a pass of its own,
// then every other table in a second pass: the first table's index builds, the long pole of a load, start
// while the second pass still streams. The second pass builds every account model again (about a sixth of
// the generation's CPU); every table's bytes are those of a single pass (the pipeline guarantees it).
#pragma once

#include <mutex>

#include "pipeline/fleet_source.h"

namespace seedgen {

struct World;

// fleet_days: the days of the daily tables of `world`: its as_of and the longer of the metrics and usage
// histories before it.
DayWindow fleet_days(const World& world);

class GeneratedSource : public FleetSource {
 public:
  // GeneratedSource: `options` as for generate(); its cancel flag is replaced by each job's stop flag, and
  // its on_progress sees both passes as one run (rows, bytes and resources add up over the passes).
  GeneratedSource(const World& world, GenerationOptions options) : world_(world), options_(std::move(options)) {}

  std::vector<CopyJob> plan_jobs(int connections) override;
  void run_job(size_t index, TableSink& sink, const std::atomic<bool>& stop) override;
  uint64_t table_bytes(size_t table) const override;
  GenerationResult result() const override;
  std::optional<DayWindow> days() const override { return fleet_days(world_); }

 private:
  const World& world_;
  GenerationOptions options_;
  std::vector<CopyJob> jobs_;
  mutable std::mutex mutex_;
  GenerationResult result_;            // guarded by mutex_
  GenerationProgress carried_;         // guarded by mutex_: what the finished passes reported
};

}  // namespace seedgen

// bundle_source.h: a load's rows read from a bundle's files (bundle_manifest.h), one copy job per table, all
// of them free to run at once (largest first is the loader's choice). Every file is checked while it
// streams: its sha256 and its row count must be the manifest's, or the job fails and nothing is loaded.
// Progress reports bytes: resources_done/resources_total are the bytes streamed and the bundle's total.
#pragma once

#include <functional>
#include <mutex>

#include "pipeline/bundle_manifest.h"
#include "pipeline/fleet_source.h"

namespace seedgen {

class BundleSource : public FleetSource {
 public:
  // BundleSource: `on_progress` may be empty; it is called from the jobs' threads.
  BundleSource(BundleManifest manifest, std::function<void(const GenerationProgress&)> on_progress)
      : manifest_(std::move(manifest)), on_progress_(std::move(on_progress)) {}

  std::vector<CopyJob> plan_jobs(int connections) override;
  void run_job(size_t index, TableSink& sink, const std::atomic<bool>& stop) override;
  uint64_t table_bytes(size_t table) const override { return manifest_.tables.at(table).bytes; }
  GenerationResult result() const override;
  std::optional<DayWindow> days() const override;

 private:
  void report(uint64_t rows, uint64_t bytes);

  BundleManifest manifest_;
  std::function<void(const GenerationProgress&)> on_progress_;
  std::mutex mutex_;
  GenerationProgress progress_;   // guarded by mutex_
};

}  // namespace seedgen

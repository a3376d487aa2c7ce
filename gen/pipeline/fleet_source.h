// fleet_source.h: where a load's rows come from: a fleet generated on the fly (generated_source.h) or a
// bundle written by `seedgen --out` (bundle_source.h). A source splits its tables into copy jobs that the
// loader runs on its connections, each job in the transaction that creates its tables (so that COPY can
// FREEZE); jobs run concurrently unless one is marked to start after the one before it.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace seedgen {

class TableSink;

// DayWindow: the days a fleet's daily tables span, YYYY-MM-DD, first and last included.
struct DayWindow {
  std::string first, last;
};

struct CopyJob {
  std::vector<size_t> tables;     // indexes into table_specs(), each filled by this job only
  bool after_previous = false;    // starts once the job before it has finished
};

class FleetSource {
 public:
  virtual ~FleetSource() = default;

  // plan_jobs: the jobs for a load over `connections` connections. Every table of table_specs() is in
  // exactly one job. Called once, before run_job.
  virtual std::vector<CopyJob> plan_jobs(int connections) = 0;

  // run_job: streams job `index`'s tables into `sink` (begin/write/end per table, as the pipeline does).
  // Thread-safe across different jobs. Throws Error(kInterrupted) once *stop is true, Error(kIo) when a
  // bundle's file is unreadable or does not match its manifest, or the sink's error.
  virtual void run_job(size_t index, TableSink& sink, const std::atomic<bool>& stop) = 0;

  // table_bytes: the COPY text bytes of table `table` (an index into table_specs()), once its job ran; 0
  // before. Thread-safe.
  virtual uint64_t table_bytes(size_t table) const = 0;

  // result: every table's rows, bytes and sha256 and the fleet's figures, once every job ran.
  virtual GenerationResult result() const = 0;

  // days: the days the daily tables span, when the source knows them (the loader plans the partitions of a
  // partitioned layout from them; rows of other days go to a table's default partition).
  virtual std::optional<DayWindow> days() const = 0;
};

}  // namespace seedgen

// pipeline.h: generates a fleet (or one shard of it) into a TableSink, with N worker threads.
// Workers build account models and encode rows in parallel; the calling thread hands chunks to the sink
// strictly in account order, so the bytes of every table are identical whatever the job count. Memory is
// bounded: each account in flight holds at most a few chunks. Cancellation is checked between chunks.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace seedgen {

struct World;
class TableSink;

struct TableStats {
  uint64_t rows = 0;
  uint64_t bytes = 0;
  std::string sha256;      // of the table's COPY text
  double sink_seconds = 0; // time spent inside the sink for this table (COPY or file writes)
};

struct GenerationProgress {
  uint64_t rows = 0, bytes = 0;
  int64_t resources_done = 0, resources_total = 0;
};

struct GenerationOptions {
  int jobs = 1;
  int shard_index = 0;     // this run produces accounts with index % shard_count == shard_index
  int shard_count = 1;
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(const GenerationProgress&)> on_progress;   // called from the calling thread
  // tables: the indexes into table_specs() to emit, in any order; empty means all. A table's bytes do not
  // depend on which other tables a run emits, so a fleet can be generated in several passes (the loader
  // copies its largest table first, in a pass of its own, to start that table's index builds early).
  std::vector<size_t> tables;
};

struct GenerationResult {
  std::map<std::string, TableStats> tables;   // by qualified name: the tables the run emitted
  int64_t resources = 0;
  int64_t planned_resources = 0;   // the plan's expected count, the unit of progress (resources: rows)
  double monthly_cost = 0;
  double planted_savings = 0;
  uint64_t planted_count = 0;
  uint64_t total_rows() const;
};

// generate: throws Error(kInterrupted) when *cancel becomes true; rethrows a worker's or the sink's error.
GenerationResult generate(const World& world, const GenerationOptions& options, TableSink& sink);

}  // namespace seedgen

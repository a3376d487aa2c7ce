#include "pipeline/generated_source.h"

#include <algorithm>

#include "core/calendar.h"
#include "model/world.h"
#include "tables/table_registry.h"

namespace seedgen {

DayWindow fleet_days(const World& world) {
  const int32_t history = std::max(world.profile->metrics_days, world.profile->usage_days);
  return {iso_date(world.as_of_day() - history + 1), iso_date(world.as_of_day())};
}

std::vector<CopyJob> GeneratedSource::plan_jobs(int connections) {
  const size_t tables = table_specs().size();
  jobs_.clear();
  if (connections < 2 || tables < 2) {
    CopyJob all;
    for (size_t table = 0; table < tables; ++table) all.tables.push_back(table);
    jobs_.push_back(all);
    return jobs_;
  }
  CopyJob first, rest;
  first.tables = {0};
  for (size_t table = 1; table < tables; ++table) rest.tables.push_back(table);
  rest.after_previous = true;
  jobs_ = {first, rest};
  return jobs_;
}

void GeneratedSource::run_job(size_t index, TableSink& sink, const std::atomic<bool>& stop) {
  GenerationOptions pass = options_;
  pass.tables = jobs_.at(index).tables;
  pass.cancel = &stop;
  const size_t passes = jobs_.size();
  if (options_.on_progress) {
    pass.on_progress = [this, passes](const GenerationProgress& progress) {
      GenerationProgress whole;
      {
        std::lock_guard lock(mutex_);
        whole = carried_;
      }
      whole.rows += progress.rows;
      whole.bytes += progress.bytes;
      whole.resources_done += progress.resources_done;
      whole.resources_total = progress.resources_total * static_cast<int64_t>(passes);
      options_.on_progress(whole);
    };
  }
  const GenerationResult done = generate(world_, pass, sink);
  std::lock_guard lock(mutex_);
  for (const auto& [table, stats] : done.tables) result_.tables[table] = stats;
  carried_.rows += done.total_rows();
  for (const auto& [table, stats] : done.tables) carried_.bytes += stats.bytes;
  carried_.resources_done += done.planned_resources;
  result_.resources += done.resources;   // each pass counts the resource tables it emitted
  if (index == 0) {
    result_.monthly_cost = done.monthly_cost;
    result_.planted_savings = done.planted_savings;
    result_.planted_count = done.planted_count;
  }
}

uint64_t GeneratedSource::table_bytes(size_t table) const {
  std::lock_guard lock(mutex_);
  const auto found = result_.tables.find(table_specs().at(table).qualified_name());
  return found == result_.tables.end() ? 0 : found->second.bytes;
}

GenerationResult GeneratedSource::result() const {
  std::lock_guard lock(mutex_);
  return result_;
}

}  // namespace seedgen

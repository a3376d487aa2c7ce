#include "pipeline/bundle_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "core/error.h"
#include "pipeline/table_sink.h"
#include "tables/table_registry.h"
#include "util/sha256.h"

namespace seedgen {
namespace {

constexpr size_t kReadBytes = 1 << 20;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

std::vector<CopyJob> BundleSource::plan_jobs(int) {
  std::vector<CopyJob> jobs;
  for (size_t table = 0; table < manifest_.tables.size(); ++table) jobs.push_back({{table}, false});
  return jobs;
}

void BundleSource::report(uint64_t rows, uint64_t bytes) {
  if (!on_progress_) return;
  GenerationProgress now;
  {
    std::lock_guard lock(mutex_);
    progress_.rows += rows;
    progress_.bytes += bytes;
    progress_.resources_done += static_cast<int64_t>(bytes);
    if (progress_.resources_total == 0) {
      for (const auto& table : manifest_.tables) progress_.resources_total += static_cast<int64_t>(table.bytes);
    }
    now = progress_;
  }
  on_progress_(now);
}

void BundleSource::run_job(size_t index, TableSink& sink, const std::atomic<bool>& stop) {
  const BundleTable& expected = manifest_.tables.at(index);
  const TableSpec& spec = table_specs().at(index);
  const auto path = manifest_.folder / expected.file;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw Error(ErrorKind::kIo, "cannot read " + path.string() + ": " + std::strerror(errno));
  Sha256 hasher;
  uint64_t rows = 0, bytes = 0;
  // The sink gets whole rows only (a partitioned table's rows are routed one by one).
  auto send = [&](std::string_view rows_text) {
    sink.write(spec, rows_text);
    hasher.update(rows_text);
    const auto chunk_rows = static_cast<uint64_t>(std::count(rows_text.begin(), rows_text.end(), '\n'));
    rows += chunk_rows;
    bytes += rows_text.size();
    report(chunk_rows, rows_text.size());
  };
  std::string buffer(kReadBytes, '\0'), pending;
  sink.begin_table(spec);
  for (;;) {
    if (stop.load()) throw Error(ErrorKind::kInterrupted, "interrupted; the live fleet is unchanged");
    const size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) break;
    pending.append(buffer.data(), got);
    const size_t end = pending.rfind('\n');
    if (end == std::string::npos) continue;
    send(std::string_view(pending).substr(0, end + 1));
    pending.erase(0, end + 1);
  }
  if (!pending.empty()) send(pending);
  if (std::ferror(file.get())) throw Error(ErrorKind::kIo, "cannot read " + path.string() + ": " + std::strerror(errno));
  sink.end_table(spec);
  const std::string digest = hasher.finish_hex();
  if (digest != expected.sha256 || rows != expected.rows || bytes != expected.bytes) {
    throw Error(ErrorKind::kIo, path.string() + " does not match manifest.json (" + std::to_string(rows) + " rows, " +
                                    std::to_string(bytes) + " bytes, sha256 " + digest.substr(0, 12) +
                                    "...); the bundle is damaged or was edited");
  }
}

std::optional<DayWindow> BundleSource::days() const {
  if (manifest_.first_day.empty() || manifest_.last_day.empty()) return std::nullopt;
  return DayWindow{manifest_.first_day, manifest_.last_day};
}

GenerationResult BundleSource::result() const {
  GenerationResult result;
  for (const auto& table : manifest_.tables) result.tables[table.table] = {table.rows, table.bytes, table.sha256, 0};
  result.resources = manifest_.resources;
  result.monthly_cost = manifest_.monthly_cost;
  result.planted_savings = manifest_.planted_savings;
  result.planted_count = manifest_.planted_findings;
  return result;
}

}  // namespace seedgen

#include "pipeline/file_sink.h"

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/error.h"
#include "model/world.h"
#include "pipeline/generated_source.h"
#include "pipeline/load_script.h"
#include "util/text_file.h"
#include "tables/table_registry.h"

namespace seedgen {
FileSink::FileSink(std::filesystem::path folder) : folder_(std::move(folder)) { create_folder(folder_.string()); }

FileSink::~FileSink() {
  for (auto& [name, file] : files_) std::fclose(file);
}

std::string FileSink::file_name(const TableSpec& table) { return table.qualified_name() + ".copy"; }

void FileSink::begin_table(const TableSpec& table) {
  const std::string name = table.qualified_name();
  if (files_.count(name) != 0) return;
  const auto path = folder_ / file_name(table);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw Error(ErrorKind::kIo, "cannot write " + path.string() + ": " + std::strerror(errno));
  std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
  files_[name] = file;
}

void FileSink::write(const TableSpec& table, std::string_view bytes) {
  std::FILE* file = files_.at(table.qualified_name());
  if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) {
    throw Error(ErrorKind::kIo, "cannot write " + (folder_ / file_name(table)).string() + ": " + std::strerror(errno));
  }
}

void FileSink::finish(const World& world, const GenerationResult& result, int shard_index, int shard_count) {
  for (const auto& spec : table_specs()) begin_table(spec);
  for (auto& [name, file] : files_) {
    if (std::fclose(file) != 0) throw Error(ErrorKind::kIo, "cannot close " + name + ": " + std::strerror(errno));
  }
  files_.clear();
  nlohmann::ordered_json manifest;
  manifest["seedgen_version"] = SEEDGEN_VERSION;
  manifest["profile"] = world.profile->name;
  manifest["seed"] = world.profile->seed;
  manifest["as_of"] = iso_date(world.as_of_day());
  manifest["shard"] = std::to_string(shard_index) + "/" + std::to_string(shard_count);
  manifest["resources"] = result.resources;
  manifest["monthly_cost_usd"] = result.monthly_cost;
  manifest["planted_savings_usd"] = result.planted_savings;
  manifest["planted_findings"] = result.planted_count;
  const DayWindow days = fleet_days(world);
  manifest["first_day"] = days.first;
  manifest["last_day"] = days.last;
  manifest["tables"] = nlohmann::ordered_json::array();
  for (const auto& spec : table_specs()) {
    const TableStats& stats = result.tables.at(spec.qualified_name());
    manifest["tables"].push_back({{"table", spec.qualified_name()}, {"file", file_name(spec)},
                                  {"columns", spec.columns}, {"rows", stats.rows}, {"bytes", stats.bytes},
                                  {"sha256", stats.sha256}});
  }
  write_text_file((folder_ / "manifest.json").string(), manifest.dump(2) + '\n');
  write_text_file((folder_ / "load.sql").string(), load_script(manifest, folder_));
}

}  // namespace seedgen

// file_sink.h: writes a bundle: each table's COPY text to DIR/<schema>.<table>.copy, the run's manifest
// (row counts, bytes, sha256, COPY columns, in load order) to DIR/manifest.json (bundle_manifest.h reads it
// back for `seedgen load DIR`), and DIR/load.sql, which loads the bundle with psql alone (load_script.h).
// No database involved.
#pragma once

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/table_sink.h"

namespace seedgen {

struct World;

class FileSink : public TableSink {
 public:
  // FileSink: creates `folder` if needed. Throws Error(kIo) when it cannot.
  explicit FileSink(std::filesystem::path folder);
  ~FileSink() override;
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  void begin_table(const TableSpec& table) override;
  void write(const TableSpec& table, std::string_view bytes) override;
  void end_table(const TableSpec&) override {}

  // finish: closes every file (empty tables get empty files) and writes manifest.json.
  void finish(const World& world, const GenerationResult& result, int shard_index, int shard_count);

  static std::string file_name(const TableSpec& table);

 private:
  std::filesystem::path folder_;
  std::map<std::string, std::FILE*> files_;
};

}  // namespace seedgen

// bundle_manifest.h: a bundle is what `seedgen --out DIR` writes: one COPY text file per table and
// DIR/manifest.json (version, profile, seed, as_of, shard, the fleet's figures, and per table its file,
// COPY columns, rows, bytes and sha256). This reads a manifest back and checks that it describes the tables
// of this seedgen (same tables, same columns), so that `seedgen load DIR` can load the bundle.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace seedgen {

struct BundleTable {
  std::string table;      // qualified, e.g. public.instances
  std::string file;       // relative to the bundle's folder
  std::string columns;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  std::string sha256;
};

struct BundleManifest {
  std::filesystem::path folder;
  std::string seedgen_version, profile, seed, as_of, shard;
  int64_t resources = 0;
  double monthly_cost = 0, planted_savings = 0;
  uint64_t planted_findings = 0;
  std::string first_day, last_day;   // the days of the daily tables; empty in a bundle of an older seedgen
  std::vector<BundleTable> tables;   // in table_specs() order
};

// read_bundle_manifest: throws Error(kIo) naming DIR/manifest.json when it is missing, unreadable or
// malformed (the message names the key), or when its tables or columns are not this seedgen's.
BundleManifest read_bundle_manifest(const std::filesystem::path& folder);

}  // namespace seedgen

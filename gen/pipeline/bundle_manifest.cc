#include "pipeline/bundle_manifest.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorKind::kIo, "cannot read " + path.string() + ": no such file (is it a seedgen --out folder?)");
  std::ostringstream text;
  text << file.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::exception& error) {
    throw Error(ErrorKind::kIo, path.string() + " is not valid JSON: " + error.what());
  }
}

// field: the value of `key` in `object`, converted; names the manifest and the key when it is missing or of
// another type.
template <typename Value>
Value field(const json& object, const char* key, const std::filesystem::path& path) {
  try {
    return object.at(key).get<Value>();
  } catch (const json::exception&) {
    throw Error(ErrorKind::kIo, path.string() + ": missing or malformed \"" + key + "\"");
  }
}

std::string seed_text(const json& manifest, const std::filesystem::path& path) {
  const auto found = manifest.find("seed");
  if (found != manifest.end() && found->is_number_unsigned()) return std::to_string(found->get<uint64_t>());
  if (found != manifest.end() && found->is_number_integer()) return std::to_string(found->get<int64_t>());
  throw Error(ErrorKind::kIo, path.string() + ": missing or malformed \"seed\"");
}

// check_tables: the bundle holds exactly this seedgen's tables, each with the same COPY columns.
std::vector<BundleTable> check_tables(std::map<std::string, BundleTable> listed, const std::string& version,
                                      const std::filesystem::path& path) {
  std::vector<BundleTable> ordered;
  for (const auto& spec : table_specs()) {
    const auto found = listed.find(spec.qualified_name());
    if (found == listed.end() || found->second.columns != spec.columns) {
      throw Error(ErrorKind::kIo, path.string() + " was written by seedgen " + version + " and " +
                                      (found == listed.end() ? "lacks " : "has other columns for ") +
                                      spec.qualified_name() + "; regenerate the bundle with this seedgen");
    }
    ordered.push_back(found->second);
    listed.erase(found);
  }
  if (!listed.empty()) {
    throw Error(ErrorKind::kIo, path.string() + " lists " + listed.begin()->first +
                                    ", which this seedgen does not load; regenerate the bundle with this seedgen");
  }
  return ordered;
}

}  // namespace

BundleManifest read_bundle_manifest(const std::filesystem::path& folder) {
  const auto path = folder / "manifest.json";
  const json manifest = read_json(path);
  BundleManifest bundle;
  bundle.folder = folder;
  bundle.seedgen_version = field<std::string>(manifest, "seedgen_version", path);
  bundle.profile = field<std::string>(manifest, "profile", path);
  bundle.seed = seed_text(manifest, path);
  bundle.as_of = field<std::string>(manifest, "as_of", path);
  bundle.shard = field<std::string>(manifest, "shard", path);
  bundle.resources = field<int64_t>(manifest, "resources", path);
  bundle.monthly_cost = field<double>(manifest, "monthly_cost_usd", path);
  bundle.planted_savings = field<double>(manifest, "planted_savings_usd", path);
  bundle.planted_findings = field<uint64_t>(manifest, "planted_findings", path);
  if (manifest.contains("first_day")) bundle.first_day = field<std::string>(manifest, "first_day", path);
  if (manifest.contains("last_day")) bundle.last_day = field<std::string>(manifest, "last_day", path);
  std::map<std::string, BundleTable> listed;
  for (const auto& entry : field<json>(manifest, "tables", path)) {
    BundleTable table{field<std::string>(entry, "table", path), field<std::string>(entry, "file", path),
                      field<std::string>(entry, "columns", path), field<uint64_t>(entry, "rows", path),
                      field<uint64_t>(entry, "bytes", path), field<std::string>(entry, "sha256", path)};
    if (table.file.find('/') != std::string::npos) throw Error(ErrorKind::kIo, path.string() + ": file names must be plain names");
    listed[table.table] = table;
  }
  bundle.tables = check_tables(std::move(listed), bundle.seedgen_version, path);
  return bundle;
}

}  // namespace seedgen

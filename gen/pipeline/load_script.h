// load_script.h: the plain `load.sql` a bundle carries, for people who cannot run seedgen: `psql -v
// ON_ERROR_STOP=1 -f DIR/load.sql` loads the bundle into a migrated database in one transaction, with the
// same set-aside of keys, indexes and foreign keys as scripts/bench-load's reference (sql/loader/set_aside.sql,
// restore.sql, built on fleet_objects.sql), the cost roll-ups refreshed and the run recorded
// (record_bundle_run.sql). Those files are compiled in and copied into the script, so it needs nothing else.
// Unlike `seedgen load DIR`, it holds every fleet table locked while it runs.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace seedgen {

// load_script: the script for the bundle whose manifest is `manifest`, written in `folder` (the default for
// psql's `dir` variable, which names the folder the files are read from: `-v dir=...` after a move).
std::string load_script(const nlohmann::ordered_json& manifest, const std::filesystem::path& folder);

}  // namespace seedgen

#include "db/database_url.h"

#include <array>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"
#include "util/data_home.h"

namespace seedgen {
namespace {

bool has_libpq_environment() {
  for (const char* name : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGHOSTADDR"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
}

// private_cluster_url: starts the private cluster of the data home (never of the source tree the binary
// was compiled in) if needed and returns its URL.
std::string private_cluster_url() {
  const std::string script = (data_home() / "scripts" / "pg").string();
  const std::string command = "'" + script + "' start >&2 && '" + script + "' url";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw Error(ErrorKind::kConnection, "cannot run " + script);
  std::string output;
  std::array<char, 512> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = pclose(pipe);
  while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
  if (status != 0 || output.empty()) {
    throw Error(ErrorKind::kConnection, "no database given and the private cluster (" + script + " start) failed");
  }
  return output;
}

}  // namespace

std::string resolve_database_url(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* url = std::getenv("DATABASE_URL"); url != nullptr && *url != '\0') return url;
  if (has_libpq_environment()) return "";
  return private_cluster_url();
}

}  // namespace seedgen

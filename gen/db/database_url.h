// database_url.h: decides which database seedgen talks to when the user gives none.
// Order: --db, else $DATABASE_URL, else libpq's PG* environment, else the private cluster of
// scripts/pg (started if it is not running).
#pragma once

#include <string>

namespace seedgen {

// resolve_database_url: the URL or conninfo to connect with; "" means "libpq's environment".
// Throws Error(kConnection) when the private cluster is needed and cannot be started.
std::string resolve_database_url(const std::string& flag_value);

}  // namespace seedgen

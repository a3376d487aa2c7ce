// database_url.h: decides which database seedgen talks to when the user gives none.
// Order: --db, else $DATABASE_URL, else libpq's PG* environment, else the private cluster of the data
// home's scripts/pg (util/data_home.h; started if it is not running, kept in <home>/.seedgen/pg unless
// $SEEDGEN_PG_DIR says otherwise).
#pragma once

#include <string>

namespace seedgen {

// resolve_database_url: the URL or conninfo to connect with; "" means "libpq's environment".
// Throws Error(kConnection) when the private cluster is needed and cannot be started.
std::string resolve_database_url(const std::string& flag_value);

}  // namespace seedgen

// data_home.h: where seedgen and seedbench find their data files (profiles/, sql/migrations/,
// sql/queries/, scripts/pg) and keep the private cluster, decided at run time from the running
// executable, never from the source tree it was compiled in. In order:
//   1. $SEEDGEN_HOME, which must hold profiles/ and sql/migrations/;
//   2. the install prefix of the executable: <prefix>/bin/seedgen finds <prefix>/share/seedgen;
//   3. the checkout the executable sits in: the nearest parent folder holding profiles/base.toml and
//      sql/migrations/ (build/seedgen finds the checkout above build/).
// A copy of the binary that is in none of these places refuses to guess (Error(kIo) saying so), so it
// can never start or load another checkout's cluster. Thread-safe; the answer is computed once.
#pragma once

#include <filesystem>

namespace seedgen {

// data_home: the folder that holds profiles/ and sql/ (see above). Throws Error(kIo) naming what was
// tried when there is none.
const std::filesystem::path& data_home();

// find_data_home: the same search, from `executable` and `home_override` (the value of $SEEDGEN_HOME,
// empty when unset), uncached; for tests.
std::filesystem::path find_data_home(const std::filesystem::path& executable, const std::string& home_override);

}  // namespace seedgen

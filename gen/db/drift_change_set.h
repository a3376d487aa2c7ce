// drift_change_set.h: a day of drift written as files instead of to the database (seedgen drift --out), as
// TPC-H's refresh sets are: one COPY text file per table and change (new and updated rows whole, deleted
// rows as their key fields) and apply.sql, a psql script that applies them in one transaction exactly as
// seedgen drift would (the same statements, read from the database's catalog), events, roll-ups, key
// history and ledger row included. Run it from the day's folder:
//   psql -X -v ON_ERROR_STOP=1 -f apply.sql "$DATABASE_URL"
// It applies to the database it was written from (or a copy of it) at the day before, once: its first
// statement, seedgen.expect_drift_day, refuses any other estate or day.
#pragma once

#include <string>

namespace seedgen {

class Connection;
struct DayDiff;
struct DriftState;
struct GenerationResult;

// write_change_set: writes `diff` (state.current_day to diff.to_day; state.current_day may be any earlier
// change set's day) into `folder` (created; files of the same names replaced). Reads the catalog, writes
// nothing to the database. Throws Error(kIo) naming a file that cannot be written.
void write_change_set(Connection& connection, const DriftState& state, const DayDiff& diff,
                      const GenerationResult& generated, const std::string& folder);

}  // namespace seedgen

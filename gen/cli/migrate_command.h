// migrate_command.h: `seedgen migrate [--db URL] [--status] [--migrations DIR]`.
// Parses its own flags and reports what it did on stdout; errors propagate as seedgen::Error.
#pragma once

namespace seedgen {

int run_migrate_command(int argc, char** argv);

}  // namespace seedgen

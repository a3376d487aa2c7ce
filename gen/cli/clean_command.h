// clean_command.h: `seedgen clean [--db URL] [--lock-timeout D | --wait]`: removes what killed loads left
// behind (their staging schemas and replaced fleets; their runs become 'abandoned'), never touching a load
// that is still running, and says what it removed.
#pragma once

namespace seedgen {

int run_clean_command(int argc, char** argv);

}  // namespace seedgen

// generate_command.h: `seedgen --profile P [...]`: generate a fleet and load it (default), write it as
// COPY files (--out DIR), or only count it (--count-only); then print the summary.
#pragma once

namespace seedgen {

int run_generate_command(int argc, char** argv);

}  // namespace seedgen

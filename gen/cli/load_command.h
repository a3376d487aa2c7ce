// load_command.h: `seedgen load DIR [loading flags] [--json FILE] [--quiet]`: loads a bundle written by
// `seedgen --out DIR` through the same staged, atomic path as a generated load, and records the bundle's
// profile, seed, as_of and checksums as the run.
#pragma once

namespace seedgen {

int run_load_command(int argc, char** argv);

}  // namespace seedgen

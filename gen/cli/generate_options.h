// generate_options.h: the flags of `seedgen --profile P ...`, parsed and checked (one-line errors that
// name the flag).
#pragma once

#include <optional>
#include <string>

#include "config/profile_loader.h"

namespace seedgen {

struct GenerateOptions {
  std::string profile;
  ProfileOverrides overrides;
  std::string db;             // empty: DATABASE_URL, PG* env, else the private cluster
  std::string out;            // --out DIR: COPY files + manifest, no database
  bool count_only = false;    // generate and count, write nothing
  bool reset = false;
  bool quiet = false;         // errors only
  int jobs = 2;
  int shard_index = 0, shard_count = 1;
  std::string json;           // --json FILE: the run report ("-": standard output)
  bool help = false;
  bool version = false;
};

// parse_generate_options: throws Error(kUsage) naming the bad flag. With help or version set, nothing
// else is read.
GenerateOptions parse_generate_options(int argc, char** argv);

// generate_help: the --help page (flags, environment, exit codes).
std::string generate_help();

}  // namespace seedgen

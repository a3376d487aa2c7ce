// generate_options.h: the flags of `seedgen --profile P ...`, parsed and checked (one-line errors that
// name the flag), and the flags every loading command shares (also `seedgen load DIR`).
#pragma once

#include <optional>
#include <string>

#include <cxxopts.hpp>

#include "config/profile_loader.h"

namespace seedgen {

// LoadFlags: --db, --reset, --connections, --lock-timeout, --wait, --layout.
struct LoadFlags {
  std::string db;             // empty: DATABASE_URL, PG* env, else the private cluster
  bool reset = false;
  int connections = 0;        // 0: the loader's default (cores + 1)
  int lock_timeout_ms = 30000;
  bool wait = false;
  std::string layout;         // empty: the profile's, else whatever the database has
};

struct GenerateOptions {
  std::string profile;
  ProfileOverrides overrides;
  std::optional<int32_t> as_of;   // --as-of: the day the estate is observed at (default: the profile's as_of)
  LoadFlags load;
  std::string out;            // --out DIR: COPY files + manifest, no database
  bool count_only = false;    // generate and count, write nothing
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

// default_jobs: generator threads when --jobs is not given: the machine's cores (1 to 256).
int default_jobs();

// generate_help: the --help page (flags, environment, exit codes).
std::string generate_help();

// add_load_flags / parse_load_flags: the shared loading flags, for every command that loads.
void add_load_flags(cxxopts::Options& options);
LoadFlags parse_load_flags(const cxxopts::ParseResult& arguments);

// parse_duration_ms: "30s", "500ms", "2min" or plain seconds ("30"), in milliseconds. Throws Error(kUsage)
// naming `flag`.
int parse_duration_ms(const std::string& text, const std::string& flag);

}  // namespace seedgen

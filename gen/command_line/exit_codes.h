// exit_codes.h: seedgen's documented exit codes (README, "Exit codes"). Only main() uses them.
#pragma once

#include <vector>

#include "command_line/help_text.h"
#include "core/error.h"

namespace seedgen {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,      // a bug: an unexpected exception
  kExitUsage = 2,         // bad command-line arguments
  kExitProfile = 3,       // malformed or invalid profile
  kExitConnection = 4,    // database unreachable or credentials refused
  kExitTarget = 5,        // target not usable: not empty, missing or changed migrations
  kExitMigration = 6,     // a migration failed (rolled back)
  kExitLoad = 7,          // a load failed (rolled back; the database is as it was)
  kExitIo = 8,            // a local file could not be read or written
  kExitGate = 9,          // a gate failed: seedgen score --min-f1 (seedbench's --gate uses the same code)
  kExitLockTimeout = 10,  // the locks a load needs were held by another session for longer than --lock-timeout
  kExitInterrupted = 130, // SIGINT or SIGTERM (rolled back)
};

// seedgen_exit_codes: what each code means, for --help (the README's table says the same).
inline std::vector<ExitCodeDoc> seedgen_exit_codes() {
  return {
      {kExitOk, "success"},
      {kExitInternal, "internal error (a bug)"},
      {kExitUsage, "bad command-line arguments"},
      {kExitProfile, "malformed or invalid profile (the message names file, line and key)"},
      {kExitConnection, "database unreachable or credentials refused"},
      {kExitTarget, "target not usable: not empty without --reset, changed or missing migrations, another schema; "
                    "score: no completed load, or no findings table"},
      {kExitMigration, "a migration failed (it was rolled back; the message names the file)"},
      {kExitLoad, "the load failed (server error, disk full, server gone); the live fleet is unchanged"},
      {kExitIo, "a local file could not be read or written, or a findings file is malformed (file and line named)"},
      {kExitGate, "seedgen score --min-f1: the overall F1 is below the minimum (the F1 and worst patterns named)"},
      {kExitLockTimeout, "another session held the locks a load needs for longer than --lock-timeout (it is named)"},
      {kExitInterrupted, "interrupted by SIGINT (143: SIGTERM); nothing was committed"},
  };
}

inline int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUsage: return kExitUsage;
    case ErrorKind::kProfile: return kExitProfile;
    case ErrorKind::kConnection: return kExitConnection;
    case ErrorKind::kTarget: return kExitTarget;
    case ErrorKind::kMigration: return kExitMigration;
    case ErrorKind::kLoad: return kExitLoad;
    case ErrorKind::kInterrupted: return kExitInterrupted;
    case ErrorKind::kIo: return kExitIo;
    case ErrorKind::kLockTimeout: return kExitLockTimeout;
    case ErrorKind::kGate: return kExitGate;
  }
  return kExitInternal;
}

}  // namespace seedgen

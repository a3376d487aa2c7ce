// error.h: the one exception type seedgen's core throws for expected failures.
// Each carries a kind (which maps to a documented exit code in main) and a one-line message that says
// what happened and where (file and line, table, SQLSTATE). Programmer errors use assert instead.
#pragma once

#include <stdexcept>
#include <string>

namespace seedgen {

enum class ErrorKind {
  kUsage,         // bad command-line arguments
  kProfile,       // malformed or invalid profile
  kConnection,    // database unreachable or credentials refused
  kTarget,        // target database not usable as it is (non-empty, changed migration, ...)
  kMigration,     // a migration failed and was rolled back
  kLoad,          // a load failed mid-way and was rolled back
  kInterrupted,   // SIGINT or SIGTERM; work rolled back
  kIo,            // reading or writing a local file failed
  kLockTimeout,   // another session held the locks a load needs for longer than --lock-timeout
  kGate,          // a quality gate failed (seedgen score --min-f1); the reports were written first
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace seedgen

// command_outcome.h: runs one of the project's binaries as a user would and checks the error contract:
// exactly one line on stderr, starting with "<program>: ". Shared by the seedgen and seedbench CLI tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "test_database.h"

namespace seedgen::testing {

struct Outcome {
  int code;
  std::string output;   // what the program wrote to stderr (stdout is discarded)
};

inline Outcome run_binary(const std::string& binary, const std::string& arguments) {
  Outcome outcome;
  outcome.code = run_command("(" + binary + " " + arguments + " 2>&1 >/dev/null)", &outcome.output);
  return outcome;
}

inline void expect_one_line(const Outcome& outcome, const std::string& program) {
  EXPECT_EQ(std::count(outcome.output.begin(), outcome.output.end(), '\n'), 1) << outcome.output;
  EXPECT_EQ(outcome.output.rfind(program + ": ", 0), 0u) << outcome.output;
}

}  // namespace seedgen::testing

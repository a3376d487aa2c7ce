// parse_flags.h: the cxxopts parsing every command line of seedgen and seedbench shares. A parse error or
// a stray argument becomes Error(kUsage) with a one-line reason; `help` set means the caller prints
// flags.help() and stops (stray arguments are then ignored). Header-only, in the seedgen_command_line interface library that both binaries link.
#pragma once

#include <cxxopts.hpp>

#include "core/error.h"

namespace seedgen {

inline cxxopts::ParseResult parse_flags(cxxopts::Options& flags, int argc, char** argv, bool& help) {
  cxxopts::ParseResult arguments;
  try {
    arguments = flags.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& error) {
    throw Error(ErrorKind::kUsage, error.what());
  }
  help = arguments.count("help") != 0;
  if (!help && !arguments.unmatched().empty()) {
    throw Error(ErrorKind::kUsage, "unexpected argument: " + arguments.unmatched()[0]);
  }
  return arguments;
}

}  // namespace seedgen

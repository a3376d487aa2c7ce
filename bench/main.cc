// main.cc: seedbench, the agent-query benchmark. Until the benchmark issue lands it only prints usage.
#include <fmt/format.h>

int main(int argc, char** argv) {
  (void)argv;
  fmt::print(argc > 1 ? stderr : stdout,
             "usage: seedbench [--db URL] [--profile P] [--queries GLOB] [--gate] [--target-ms 100] [--json FILE]\n"
             "seedbench is not implemented yet: it arrives with the benchmark issue.\n");
  return argc > 1 ? 2 : 0;
}

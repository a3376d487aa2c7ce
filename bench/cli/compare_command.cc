// compare_command.cc: flags, reading both reports, writing the comparison.
#include "bench/cli/compare_command.h"

#include <string>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "bench/cli/bench_command.h"
#include "bench/cli/phase_options.h"
#include "bench/compare/report_reader.h"
#include "bench/report/html_comparison.h"
#include "bench/report/markdown_phases.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "util/text_file.h"

namespace seedgen::bench {
namespace {

cxxopts::Options compare_flags() {
  cxxopts::Options options("seedbench compare", "Compare two seedbench JSON reports (A, the baseline, then B).");
  options.positional_help("A.json B.json");
  options.add_options()
      ("report", "write the A/B page to FILE.html", cxxopts::value<std::string>()->default_value(""))
      ("summary", "write the Markdown to FILE (default: stdout)", cxxopts::value<std::string>()->default_value(""))
      ("all", "list every compared figure, not only the regressions")
      ("files", "the two reports", cxxopts::value<std::vector<std::string>>())
      ("h,help", "show this help");
  options.parse_positional({"files"});
  add_regression_flags(options, "");
  return options;
}

}  // namespace

bool is_compare_command(int argc, char** argv) { return argc > 1 && std::string(argv[1]) == "compare"; }

int run_compare(int argc, char** argv) {
  auto flags = compare_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc - 1, argv + 1, help);
  if (help) {
    fmt::print("{}", flags.help());
    return 0;
  }
  const auto files = arguments.count("files") ? arguments["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() != 2) throw Error(ErrorKind::kUsage, "compare takes two reports: seedbench compare A.json B.json");
  const Comparison comparison =
      compare_runs(read_comparable_run(files[0]), read_comparable_run(files[1]), read_regression_rule(arguments));
  const std::string markdown = markdown_comparison(comparison, arguments.count("all") != 0);
  const std::string summary = arguments["summary"].as<std::string>();
  if (summary.empty()) fmt::print("{}", markdown);
  else write_text_file(summary, markdown);
  const std::string report = arguments["report"].as<std::string>();
  if (!report.empty()) write_text_file(report, render_comparison_page(comparison));
  if (comparison.rows.empty()) {
    fmt::print(stderr, "seedbench: compare: the two reports have no figure in common\n");
  }
  return comparison.regressions() > 0 ? kExitGate : 0;
}

}  // namespace seedgen::bench

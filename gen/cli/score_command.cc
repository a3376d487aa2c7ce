#include "cli/score_command.h"

#include <optional>
#include <string>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/score_reader.h"
#include "score/findings_file.h"
#include "score/score_report.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

cxxopts::Options score_flags() {
  cxxopts::Options options("seedgen score",
                           "Grade an agent's waste findings against the answer key of the loaded fleet: precision,\n"
                           "recall and F1 per pattern and overall, savings found vs available.");
  options.add_options()
      ("db", "database URL or key=value string (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("findings", "the findings: FILE.csv (header account_id,resource_type,resource_id,pattern,"
                   "estimated_monthly_savings) or FILE.json (an array of such objects); default: the table "
                   "public.waste_findings", cxxopts::value<std::string>())
      ("json", "write the JSON report to FILE ('-': standard output, instead of the summary)",
       cxxopts::value<std::string>())
      ("markdown", "also write the Markdown summary to FILE ('-': standard output)", cxxopts::value<std::string>())
      ("min-f1", "exit 9 when the overall F1 (4 decimals) is below X, 0 < X <= 1", cxxopts::value<std::string>())
      ("quiet", "print errors only (no summary on stdout)")
      ("h,help", "show this help");
  return options;
}

struct ScoreOptions {
  std::string db;
  std::optional<std::string> findings;
  std::string json;
  std::string markdown;
  std::optional<double> min_f1;
  bool quiet = false;
};

std::string file_flag(const cxxopts::ParseResult& arguments, const std::string& name, const std::string& wanted) {
  const std::string value = text_flag(arguments, name).value_or("");
  if (arguments.count(name) != 0 && value.empty()) throw Error(ErrorKind::kUsage, "--" + name + " needs " + wanted);
  return value;
}

ScoreOptions read_options(const cxxopts::ParseResult& arguments) {
  ScoreOptions options;
  options.db = arguments["db"].as<std::string>();
  options.json = file_flag(arguments, "json", "a file name or '-'");
  options.markdown = file_flag(arguments, "markdown", "a file name");
  if (arguments.count("findings") != 0) options.findings = file_flag(arguments, "findings", "a .csv or .json file");
  options.min_f1 = number_flag(arguments, "min-f1", 0, 1);
  options.quiet = arguments.count("quiet") != 0;
  if (options.json == "-" && options.markdown == "-") {
    throw Error(ErrorKind::kUsage, "--json - and --markdown - cannot both write to standard output");
  }
  return options;
}

void write_reports(const score::ScoreReport& report, const ScoreOptions& options) {
  const std::string markdown = score::render_score_markdown(report);
  if (!options.json.empty()) write_text_file(options.json, score::render_score_json(report));
  if (!options.markdown.empty()) write_text_file(options.markdown, markdown);
  const bool stdout_taken = options.json == "-" || options.markdown == "-";
  if (!options.quiet && !stdout_taken) write_text_file("-", markdown);
}

}  // namespace

int run_score_command(int argc, char** argv) {
  auto flags = score_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, database_environment(), seedgen_exit_codes()));
    return kExitOk;
  }
  const ScoreOptions options = read_options(arguments);
  std::vector<score::Finding> from_file;
  if (options.findings) from_file = score::parse_findings_file(read_text_file(*options.findings), *options.findings);
  for (const auto& path : {options.json, options.markdown}) {
    if (!path.empty()) check_writable(path);
  }
  Connection connection(resolve_database_url(options.db));
  ScoreInputs inputs = read_score_inputs(connection, !options.findings);
  score::ScoreReport report;
  report.dataset = std::move(inputs.dataset);
  report.findings_source = options.findings ? *options.findings : "public.waste_findings";
  report.card = score::score_findings(options.findings ? from_file : inputs.findings, inputs.key);
  report.execution = std::move(inputs.execution);
  write_reports(report, options);
  if (options.min_f1) {
    if (auto failure = score::gate_failure(report.card, *options.min_f1)) throw Error(ErrorKind::kGate, *failure);
  }
  return kExitOk;
}

}  // namespace seedgen

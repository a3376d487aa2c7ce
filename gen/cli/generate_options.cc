#include "cli/generate_options.h"

#include <limits>
#include <thread>

#include <cxxopts.hpp>

#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/error.h"

namespace seedgen {
namespace {

constexpr int64_t kMaxSeed = std::numeric_limits<int64_t>::max();   // seedgen.runs.seed is a bigint

cxxopts::Options generate_flags() {
  cxxopts::Options options("seedgen",
                           "Generate a deterministic fake AWS estate and bulk-load it into PostgreSQL.\n\n"
                           "Commands (each has --help):\n"
                           "  seedgen --profile P [OPTION...]   generate a fleet and load it (or --out DIR, --count-only)\n"
                           "  seedgen load DIR [OPTION...]      load a bundle written by --out DIR\n"
                           "  seedgen migrate [OPTION...]       apply the pending schema migrations (and a --layout)\n"
                           "  seedgen clean [OPTION...]         remove what killed loads left behind\n"
                           "  seedgen drift [OPTION...]         move the loaded estate forward day by day\n"
                           "  seedgen act [OPTION...]           carry out the agents' approved optimization actions\n"
                           "  seedgen status [OPTION...]        where the loaded estate stands in time\n"
                           "  seedgen score [OPTION...]         grade an agent's findings against the answer key\n"
                           "  seedgen profiles                  list the profiles and their sizes\n"
                           "  seedgen patterns                  list the waste pattern ids\n");
  options.custom_help("--profile P [OPTION...]");
  options.add_options()
      ("profile", "profile name (see seedgen profiles) or path to a .toml file", cxxopts::value<std::string>())
      ("seed", "override the profile's seed (0 to 2^63-1)", cxxopts::value<std::string>())
      ("accounts", "override the number of accounts", cxxopts::value<std::string>())
      ("scale", "multiply the profile's resource count", cxxopts::value<std::string>())
      ("as-of", "observe the estate at the end of this day, YYYY-MM-DD, on or after the profile's as_of (what "
                "seedgen drift reaches day by day)", cxxopts::value<std::string>())
      ("jobs", "generator threads, 1 to 256 (default: number of cores)", cxxopts::value<std::string>())
      ("shard", "generate shard i of n (accounts with index % n == i), e.g. 0/4", cxxopts::value<std::string>())
      ("out", "write COPY files and manifest.json to DIR instead of loading", cxxopts::value<std::string>())
      ("count-only", "generate and count rows; write nothing")
      ("json", "write the run report as JSON to FILE ('-': standard output, instead of the summary)",
       cxxopts::value<std::string>())
      ("quiet", "print errors only: no progress, no summary")
      ("version", "print the version and exit")
      ("h,help", "show this help");
  add_load_flags(options);
  return options;
}

void parse_shard(const std::string& text, GenerateOptions& options) {
  const Error usage(ErrorKind::kUsage, "--shard must look like i/n with 0 <= i < n, e.g. 0/4 (got '" + printable(text) + "')");
  const size_t slash = text.find('/');
  if (slash == std::string::npos) throw usage;
  try {
    options.shard_index = static_cast<int>(parse_integer_flag("shard", text.substr(0, slash), 0, 1 << 20));
    options.shard_count = static_cast<int>(parse_integer_flag("shard", text.substr(slash + 1), 1, 1 << 20));
  } catch (const Error&) {
    throw usage;
  }
  if (options.shard_index >= options.shard_count) throw usage;
}

void check_combinations(const GenerateOptions& options, const cxxopts::ParseResult& arguments) {
  if (!options.out.empty() && options.count_only) throw Error(ErrorKind::kUsage, "--out and --count-only exclude each other");
  const bool loading_flags = options.load.reset || !options.load.db.empty() || options.load.connections != 0 ||
                             options.load.wait || arguments.count("lock-timeout") != 0 || !options.load.layout.empty();
  if ((!options.out.empty() || options.count_only) && loading_flags) {
    throw Error(ErrorKind::kUsage, "--db, --reset, --connections, --lock-timeout, --wait and --layout apply to loads, "
                                   "not to --out or --count-only");
  }
}

}  // namespace

int default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(cores == 0 ? 2 : std::min(cores, 256u));
}

std::string generate_help() {
  return help_text(generate_flags(), database_environment(), seedgen_exit_codes());
}

void add_load_flags(cxxopts::Options& options) {
  options.add_options("loading")
      ("db", "database URL or key=value string (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("reset", "replace the contents of a non-empty target")
      ("connections", "database sessions that build the new fleet, 1 to 64 (default: cores + 1)",
       cxxopts::value<std::string>())
      ("lock-timeout", "how long to keep trying for locks other sessions hold, e.g. 30s, 500ms, 2min (default 30s)",
       cxxopts::value<std::string>())
      ("wait", "wait for locks as long as it takes")
      ("layout", "the database layout the load needs (sql/layouts/NAME; default: the profile's, else any)",
       cxxopts::value<std::string>());
}

LoadFlags parse_load_flags(const cxxopts::ParseResult& arguments) {
  LoadFlags flags;
  flags.db = arguments["db"].as<std::string>();
  flags.reset = arguments.count("reset") != 0;
  flags.wait = arguments.count("wait") != 0;
  flags.connections = static_cast<int>(integer_flag(arguments, "connections", 1, 64).value_or(0));
  if (auto timeout = text_flag(arguments, "lock-timeout")) flags.lock_timeout_ms = parse_duration_ms(*timeout, "--lock-timeout");
  flags.layout = text_flag(arguments, "layout").value_or("");
  return flags;
}

int parse_duration_ms(const std::string& text, const std::string& flag) {
  size_t used = 0;
  double value = -1;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
  }
  const std::string unit = text.substr(used);
  double scale = unit == "ms" ? 1 : unit == "s" || unit.empty() ? 1000 : unit == "min" ? 60000 : -1;
  if (value < 0 || scale < 0 || value * scale > 86400000.0) {
    throw Error(ErrorKind::kUsage, flag + " must be a duration up to a day, e.g. 30s, 500ms or 2min (got '" + printable(text) + "')");
  }
  return static_cast<int>(value * scale);
}

GenerateOptions parse_generate_options(int argc, char** argv) {
  auto flags = generate_flags();
  GenerateOptions options;
  const auto arguments = parse_flags(flags, argc, argv, options.help);
  if (options.help) return options;
  options.version = arguments.count("version") != 0;
  if (options.version) return options;
  if (arguments.count("profile") == 0) throw Error(ErrorKind::kUsage, "--profile is required (see seedgen --help)");
  options.profile = arguments["profile"].as<std::string>();
  options.load = parse_load_flags(arguments);
  if (auto seed = integer_flag(arguments, "seed", 0, kMaxSeed)) options.overrides.seed = static_cast<uint64_t>(*seed);
  if (auto accounts = integer_flag(arguments, "accounts", 1, std::numeric_limits<int32_t>::max())) {
    options.overrides.accounts = static_cast<int32_t>(*accounts);
  }
  options.overrides.scale = number_flag(arguments, "scale", 0, 1e6);
  options.as_of = date_flag(arguments, "as-of");
  options.jobs = static_cast<int>(integer_flag(arguments, "jobs", 1, 256).value_or(default_jobs()));
  if (auto shard = text_flag(arguments, "shard")) parse_shard(*shard, options);
  options.quiet = arguments.count("quiet") != 0;
  options.count_only = arguments.count("count-only") != 0;
  options.out = text_flag(arguments, "out").value_or("");
  options.json = text_flag(arguments, "json").value_or("");
  if (arguments.count("out") != 0 && options.out.empty()) throw Error(ErrorKind::kUsage, "--out needs a folder");
  if (arguments.count("json") != 0 && options.json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  check_combinations(options, arguments);
  return options;
}

}  // namespace seedgen

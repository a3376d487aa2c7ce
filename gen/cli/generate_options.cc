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
                           "  seedgen migrate [OPTION...]       apply the pending schema migrations\n"
                           "  seedgen profiles                  list the profiles and their sizes\n"
                           "  seedgen patterns                  list the waste pattern ids\n");
  options.custom_help("--profile P [OPTION...]");
  options.add_options()
      ("profile", "profile name (see seedgen profiles) or path to a .toml file", cxxopts::value<std::string>())
      ("db", "database URL or key=value string (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("seed", "override the profile's seed (0 to 2^63-1)", cxxopts::value<std::string>())
      ("accounts", "override the number of accounts", cxxopts::value<std::string>())
      ("scale", "multiply the profile's resource count", cxxopts::value<std::string>())
      ("jobs", "generator threads, 1 to 256 (default: number of cores)", cxxopts::value<std::string>())
      ("shard", "generate shard i of n (accounts with index % n == i), e.g. 0/4", cxxopts::value<std::string>())
      ("reset", "replace the contents of a non-empty target")
      ("out", "write COPY files and manifest.json to DIR instead of loading", cxxopts::value<std::string>())
      ("count-only", "generate and count rows; write nothing")
      ("json", "write the run report as JSON to FILE ('-': standard output, instead of the summary)",
       cxxopts::value<std::string>())
      ("quiet", "print errors only: no progress, no summary")
      ("version", "print the version and exit")
      ("h,help", "show this help");
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

int default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(cores == 0 ? 2 : std::min(cores, 256u));
}

void check_combinations(const GenerateOptions& options) {
  if (!options.out.empty() && options.count_only) throw Error(ErrorKind::kUsage, "--out and --count-only exclude each other");
  if ((!options.out.empty() || options.count_only) && (options.reset || !options.db.empty())) {
    throw Error(ErrorKind::kUsage, "--db and --reset apply to loads, not to --out or --count-only");
  }
}

}  // namespace

std::string generate_help() {
  return help_text(generate_flags(), database_environment(), seedgen_exit_codes());
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
  options.db = arguments["db"].as<std::string>();
  if (auto seed = integer_flag(arguments, "seed", 0, kMaxSeed)) options.overrides.seed = static_cast<uint64_t>(*seed);
  if (auto accounts = integer_flag(arguments, "accounts", 1, std::numeric_limits<int32_t>::max())) {
    options.overrides.accounts = static_cast<int32_t>(*accounts);
  }
  options.overrides.scale = number_flag(arguments, "scale", 0, 1e6);
  options.jobs = static_cast<int>(integer_flag(arguments, "jobs", 1, 256).value_or(default_jobs()));
  if (auto shard = text_flag(arguments, "shard")) parse_shard(*shard, options);
  options.reset = arguments.count("reset") != 0;
  options.quiet = arguments.count("quiet") != 0;
  options.count_only = arguments.count("count-only") != 0;
  options.out = text_flag(arguments, "out").value_or("");
  options.json = text_flag(arguments, "json").value_or("");
  if (arguments.count("out") != 0 && options.out.empty()) throw Error(ErrorKind::kUsage, "--out needs a folder");
  if (arguments.count("json") != 0 && options.json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  check_combinations(options);
  return options;
}

}  // namespace seedgen

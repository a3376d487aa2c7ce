#include "cli/generate_options.h"

#include <thread>

#include <cxxopts.hpp>

#include "command_line/parse_flags.h"
#include "core/error.h"

namespace seedgen {
namespace {

cxxopts::Options generate_flags() {
  cxxopts::Options options("seedgen", "Generate a deterministic fake AWS estate and bulk-load it into PostgreSQL.");
  options.add_options()
      ("profile", "profile name (profiles/NAME.toml) or path", cxxopts::value<std::string>())
      ("seed", "override the profile's seed", cxxopts::value<uint64_t>())
      ("accounts", "override the number of accounts", cxxopts::value<int32_t>())
      ("scale", "multiply the profile's resource count", cxxopts::value<double>())
      ("jobs", "generator threads (default: number of cores)", cxxopts::value<int>())
      ("shard", "generate shard i of n (accounts with index % n == i), e.g. 0/4", cxxopts::value<std::string>())
      ("out", "write COPY files and manifest.json to DIR instead of loading", cxxopts::value<std::string>())
      ("count-only", "generate and count rows; write nothing")
      ("json", "write the run report as JSON to FILE", cxxopts::value<std::string>())
      ("quiet", "no progress line")
      ("h,help", "show this help");
  add_load_flags(options);
  return options;
}

void parse_shard(const std::string& text, GenerateOptions& options) {
  const size_t slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    size_t used = 0;
    options.shard_index = std::stoi(text.substr(0, slash), &used);
    options.shard_count = std::stoi(text.substr(slash + 1));
  } catch (const std::exception&) {
    throw Error(ErrorKind::kUsage, "--shard must look like i/n, e.g. 0/4 (got '" + text + "')");
  }
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count) {
    throw Error(ErrorKind::kUsage, "--shard i/n needs 0 <= i < n (got '" + text + "')");
  }
}

}  // namespace

void add_load_flags(cxxopts::Options& options) {
  options.add_options("loading")
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("reset", "replace the contents of a non-empty target")
      ("connections", "database sessions that build the new fleet (default: cores + 1)", cxxopts::value<int>())
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
  if (arguments.count("connections") != 0) {
    flags.connections = arguments["connections"].as<int>();
    if (flags.connections < 1 || flags.connections > 64) throw Error(ErrorKind::kUsage, "--connections must be between 1 and 64");
  }
  if (arguments.count("lock-timeout") != 0) {
    flags.lock_timeout_ms = parse_duration_ms(arguments["lock-timeout"].as<std::string>(), "--lock-timeout");
  }
  if (arguments.count("layout") != 0) flags.layout = arguments["layout"].as<std::string>();
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
    throw Error(ErrorKind::kUsage, flag + " must be a duration up to a day, e.g. 30s, 500ms or 2min (got '" + text + "')");
  }
  return static_cast<int>(value * scale);
}

GenerateOptions parse_generate_options(int argc, char** argv) {
  auto flags = generate_flags();
  GenerateOptions options;
  const auto arguments = parse_flags(flags, argc, argv, options.help);
  if (options.help) {
    options.help_text = flags.help();
    return options;
  }
  if (arguments.count("profile") == 0) throw Error(ErrorKind::kUsage, "--profile is required (see seedgen --help)");
  options.profile = arguments["profile"].as<std::string>();
  options.load = parse_load_flags(arguments);
  if (arguments.count("seed") != 0) options.overrides.seed = arguments["seed"].as<uint64_t>();
  if (arguments.count("accounts") != 0) options.overrides.accounts = arguments["accounts"].as<int32_t>();
  if (arguments.count("scale") != 0) options.overrides.scale = arguments["scale"].as<double>();
  const unsigned cores = std::thread::hardware_concurrency();
  options.jobs = arguments.count("jobs") != 0 ? arguments["jobs"].as<int>() : static_cast<int>(cores == 0 ? 2 : cores);
  if (options.jobs < 1 || options.jobs > 256) throw Error(ErrorKind::kUsage, "--jobs must be between 1 and 256");
  if (arguments.count("shard") != 0) parse_shard(arguments["shard"].as<std::string>(), options);
  options.quiet = arguments.count("quiet") != 0;
  options.count_only = arguments.count("count-only") != 0;
  if (arguments.count("out") != 0) options.out = arguments["out"].as<std::string>();
  if (arguments.count("json") != 0) options.json = arguments["json"].as<std::string>();
  if (!options.out.empty() && options.count_only) throw Error(ErrorKind::kUsage, "--out and --count-only exclude each other");
  const bool loading_flags = options.load.reset || !options.load.db.empty() || options.load.connections != 0 ||
                             options.load.wait || arguments.count("lock-timeout") != 0 || !options.load.layout.empty();
  if ((!options.out.empty() || options.count_only) && loading_flags) {
    throw Error(ErrorKind::kUsage, "--db, --reset, --connections, --lock-timeout, --wait and --layout apply to loads, "
                                   "not to --out or --count-only");
  }
  return options;
}

}  // namespace seedgen

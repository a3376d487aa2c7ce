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
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("seed", "override the profile's seed", cxxopts::value<uint64_t>())
      ("accounts", "override the number of accounts", cxxopts::value<int32_t>())
      ("scale", "multiply the profile's resource count", cxxopts::value<double>())
      ("jobs", "generator threads (default: number of cores)", cxxopts::value<int>())
      ("shard", "generate shard i of n (accounts with index % n == i), e.g. 0/4", cxxopts::value<std::string>())
      ("reset", "replace the contents of a non-empty target")
      ("out", "write COPY files and manifest.json to DIR instead of loading", cxxopts::value<std::string>())
      ("count-only", "generate and count rows; write nothing")
      ("json", "write the run report as JSON to FILE", cxxopts::value<std::string>())
      ("quiet", "no progress line")
      ("h,help", "show this help");
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
  options.db = arguments["db"].as<std::string>();
  if (arguments.count("seed") != 0) options.overrides.seed = arguments["seed"].as<uint64_t>();
  if (arguments.count("accounts") != 0) options.overrides.accounts = arguments["accounts"].as<int32_t>();
  if (arguments.count("scale") != 0) options.overrides.scale = arguments["scale"].as<double>();
  const unsigned cores = std::thread::hardware_concurrency();
  options.jobs = arguments.count("jobs") != 0 ? arguments["jobs"].as<int>() : static_cast<int>(cores == 0 ? 2 : cores);
  if (options.jobs < 1 || options.jobs > 256) throw Error(ErrorKind::kUsage, "--jobs must be between 1 and 256");
  if (arguments.count("shard") != 0) parse_shard(arguments["shard"].as<std::string>(), options);
  options.reset = arguments.count("reset") != 0;
  options.quiet = arguments.count("quiet") != 0;
  options.count_only = arguments.count("count-only") != 0;
  if (arguments.count("out") != 0) options.out = arguments["out"].as<std::string>();
  if (arguments.count("json") != 0) options.json = arguments["json"].as<std::string>();
  if (!options.out.empty() && options.count_only) throw Error(ErrorKind::kUsage, "--out and --count-only exclude each other");
  if ((!options.out.empty() || options.count_only) && (options.reset || !options.db.empty())) {
    throw Error(ErrorKind::kUsage, "--db and --reset apply to loads, not to --out or --count-only");
  }
  return options;
}

}  // namespace seedgen

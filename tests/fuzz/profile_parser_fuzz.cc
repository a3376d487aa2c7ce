// profile_parser_fuzz.cc: libFuzzer target for the profile parser (config/profile_loader.h). Each input
// is a profile file; load_profile must either return a profile that keeps its documented invariants or
// refuse it with seedgen::Error (exit 3 or 2 in the CLI). Any other exception, crash, leak or undefined
// behaviour (the target is built with ASan+UBSan) is a finding. Inputs may `extends` the shipped
// profiles, found through the data home of the checkout the target was built in.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "core/error.h"

namespace {

// scratch_file: one file per process, rewritten for every input.
const std::string& scratch_file() {
  static const std::string path = [] {
    const auto folder = std::filesystem::temp_directory_path() / ("seedgen-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    return (folder / "fuzzed.toml").string();
  }();
  return path;
}

void check_invariants(const seedgen::Profile& profile) {
  const auto sums_to_one = [](double sum) { return std::fabs(sum - 1.0) < 1e-9; };
  double regions = 0, envs = 0, mix = 0;
  for (const auto& region : profile.regions) regions += region.weight;
  for (const auto& env : profile.envs) envs += env.weight;
  for (const auto& [type, share] : profile.resource_mix) mix += share;
  if (profile.resources < 1 || profile.accounts < 1 || profile.accounts > profile.resources) std::abort();
  if (!sums_to_one(regions) || !sums_to_one(envs) || !sums_to_one(mix)) std::abort();
  for (const auto& [pattern, rate] : profile.waste_rates) {
    if (!(rate >= 0 && rate <= 1)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const seedgen::Profile profile = seedgen::load_profile(scratch_file());
    check_invariants(profile);
    static const seedgen::Catalog catalog = seedgen::load_catalog(seedgen::default_catalog_path());
    seedgen::validate_profile_against_catalog(profile, catalog);
  } catch (const seedgen::Error&) {
    // Refused with a message: what a bad profile should get.
  }
  return 0;
}

// profile_loader.h: reads a fleet profile (profiles/NAME.toml), follows its `extends` chain, applies the
// command-line overrides and validates the result. The keys are documented at the top of
// profiles/base.toml. Every failure throws Error(kProfile) naming the file, the line and the key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/catalog.h"
#include "config/profile.h"

namespace seedgen {

// Command-line overrides (--seed, --accounts, --scale), applied after the extends chain is merged.
struct ProfileOverrides {
  std::optional<uint64_t> seed;
  std::optional<int32_t> accounts;
  std::optional<double> scale;  // multiplies `resources` only
};

// load_profile: the profile named `name_or_path`, merged over its `extends` parents (parents first,
// tables merged key by key), with overrides applied and mixes normalised to sum 1 (zero weights dropped,
// names in sorted order). A value containing '/' or ending in ".toml" is a path, used as is; anything
// else is a name looked up in profiles_folder(). Waste ids the profile does not name get rate 0.
// Throws Error(kProfile) for an unknown name, a syntax error, an unknown key, a wrong type, a value out
// of range or an extends cycle; Error(kUsage) for an override out of range.
Profile load_profile(const std::string& name_or_path, const ProfileOverrides& overrides = {});

// profile_overrides_json / overrides_from_json: the profile's --accounts and --scale as a load records
// them ({"accounts": 5, "scale": 0.5}, {} for none), and back, with `seed`, to load the same profile again.
// overrides_from_json throws Error(kTarget) for text that is not such an object.
std::string profile_overrides_json(const Profile& profile);
ProfileOverrides overrides_from_json(const std::string& json, uint64_t seed);

// validate_profile_against_catalog: every region of the profile exists in the catalog.
// Throws Error(kProfile) naming the file and line that set the unknown region.
void validate_profile_against_catalog(const Profile& profile, const Catalog& catalog);

// available_profiles: the profile names in profiles_folder(), sorted (prices.toml is not a profile).
std::vector<std::string> available_profiles();

// profiles_folder: $SEEDGEN_PROFILES_DIR, else the profiles/ folder of the data home (util/data_home.h).
std::filesystem::path profiles_folder();

}  // namespace seedgen

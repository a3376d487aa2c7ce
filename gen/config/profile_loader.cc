#include "config/profile_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/toml_fields.h"
#include "core/calendar.h"
#include "core/error.h"
#include "util/data_home.h"

namespace seedgen {
namespace {

using toml_fields::Field;

constexpr std::array<std::string_view, 4> kEnvNames = {"prod", "staging", "dev", "test"};

constexpr CivilDate kDefaultAsOf{2025, 1, 15};
constexpr int64_t kMaxDays = 400;
constexpr int64_t kMaxResources = 10'000'000'000;
constexpr double kMaxWeight = 1e6;

// The profile as it is merged over the extends chain, parents first.
struct Draft {
  Profile profile;
  std::map<std::string, double> regions;           // merged key by key, normalised at the end
  std::map<std::string, double> envs;
  std::map<std::string, std::string> origins;      // top-level key -> "file:line" of its last setting
};

std::string join(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

template <size_t N>
std::vector<std::string_view> as_views(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

std::vector<std::string_view> resource_type_names() {
  std::vector<std::string_view> names;
  for (int index = 0; index < kResourceTypeCount; ++index) {
    names.emplace_back(resource_type_name(static_cast<ResourceType>(index)));
  }
  return names;
}

// is_path: a profile argument naming a file rather than a profile.
bool is_path(std::string_view value) {
  return value.find('/') != std::string_view::npos || value.ends_with(".toml");
}

Field child_field(const Field& table, const toml::key& key, const toml::node& node) {
  return Field{table.file, table.key + "." + std::string(key.str()), node};
}

// read_weights: a [table] of name = weight (>= 0), merged into `weights`; `allowed` empty allows any name.
void read_weights(const Field& field, const std::vector<std::string_view>& allowed,
                  std::map<std::string, double>& weights) {
  for (auto&& [key, node] : toml_fields::read_table(field)) {
    const Field entry = child_field(field, key, node);
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      toml_fields::fail_unknown_key(field.file, key.source(), entry.key, allowed);
    }
    weights[std::string(key.str())] = toml_fields::read_number(entry, 0, kMaxWeight);
  }
}

void read_seed(const Field& field, Draft& draft) {
  draft.profile.seed = static_cast<uint64_t>(toml_fields::read_integer(field, 0));
}

void read_as_of(const Field& field, Draft& draft) {
  if (!field.node.is_date()) toml_fields::fail(field, "must be a TOML date, e.g. as_of = 2025-01-15");
  const toml::date date = field.node.as_date()->get();
  if (date.year < 2000 || date.year > 2100) toml_fields::fail(field, "must be a date in the years 2000..2100");
  draft.profile.as_of_day = days_from_civil(CivilDate{date.year, date.month, date.day});
}

void read_resources(const Field& field, Draft& draft) {
  draft.profile.resources = toml_fields::read_integer(field, 1, kMaxResources);
}

void read_accounts(const Field& field, Draft& draft) {
  draft.profile.accounts = static_cast<int32_t>(toml_fields::read_integer(field, 1, INT32_MAX));
}

void read_account_skew(const Field& field, Draft& draft) {
  draft.profile.account_skew = toml_fields::read_number(field, 0, 3);
}

void read_metrics_days(const Field& field, Draft& draft) {
  draft.profile.metrics_days = static_cast<int32_t>(toml_fields::read_integer(field, 1, kMaxDays));
}

void read_usage_days(const Field& field, Draft& draft) {
  draft.profile.usage_days = static_cast<int32_t>(toml_fields::read_integer(field, 1, kMaxDays));
}

void read_tag_coverage(const Field& field, Draft& draft) {
  draft.profile.tag_coverage = toml_fields::read_number(field, 0, 1);
}

void read_near_miss_rate(const Field& field, Draft& draft) {
  draft.profile.near_miss_rate = toml_fields::read_number(field, 0, 1);
}

void read_regions(const Field& field, Draft& draft) { read_weights(field, {}, draft.regions); }

std::vector<std::string_view> pattern_ids() {
  std::vector<std::string_view> ids;
  for (Pattern pattern : all_patterns()) ids.push_back(pattern_id(pattern));
  return ids;
}

void read_envs(const Field& field, Draft& draft) { read_weights(field, as_views(kEnvNames), draft.envs); }

void read_resource_mix(const Field& field, Draft& draft) {
  std::map<std::string, double> weights;
  read_weights(field, resource_type_names(), weights);
  for (const auto& [name, weight] : weights) draft.profile.resource_mix[*parse_resource_type(name)] = weight;
}

void read_waste(const Field& field, Draft& draft) {
  for (auto&& [key, node] : toml_fields::read_table(field)) {
    const Field entry = child_field(field, key, node);
    const std::optional<Pattern> pattern = parse_pattern(key.str());
    if (!pattern) toml_fields::fail_unknown_key(field.file, key.source(), entry.key, pattern_ids());
    draft.profile.waste_rates[*pattern] = toml_fields::read_number(entry, 0, 1);
  }
}

void read_layout(const Field& field, Draft& draft) {
  draft.profile.layout = toml_fields::read_string(field);
  const bool valid = !draft.profile.layout.empty() && std::islower(static_cast<unsigned char>(draft.profile.layout[0])) &&
                     draft.profile.layout.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
  if (!valid) toml_fields::fail(field, "must be a layout name of sql/layouts (lower case), e.g. \"partitioned\"");
}

using KeyReader = void (*)(const Field&, Draft&);

// The top-level keys other than `extends`, which is followed before the others are read.
const std::map<std::string_view, KeyReader>& key_readers() {
  static const std::map<std::string_view, KeyReader> readers = {
      {"seed", read_seed},
      {"as_of", read_as_of},
      {"resources", read_resources},
      {"accounts", read_accounts},
      {"account_skew", read_account_skew},
      {"metrics_days", read_metrics_days},
      {"usage_days", read_usage_days},
      {"tag_coverage", read_tag_coverage},
      {"near_miss_rate", read_near_miss_rate},
      {"regions", read_regions},
      {"envs", read_envs},
      {"resource_mix", read_resource_mix},
      {"waste", read_waste},
      {"layout", read_layout},
  };
  return readers;
}

std::vector<std::string_view> top_level_keys() {
  std::vector<std::string_view> keys = {"extends"};
  for (const auto& [key, reader] : key_readers()) keys.push_back(key);
  return keys;
}

std::string canonical(const std::string& file) {
  std::error_code error;
  const std::filesystem::path path = std::filesystem::weakly_canonical(file, error);
  return error ? file : path.string();
}

// resolve_parent: the file an `extends` value names: a path (relative to the child's folder), else a
// sibling NAME.toml of the child, else NAME.toml in profiles_folder().
std::string resolve_parent(const Field& field) {
  const std::string value = toml_fields::read_string(field);
  const std::filesystem::path child_folder = std::filesystem::path(field.file).parent_path();
  std::vector<std::filesystem::path> candidates;
  if (is_path(value)) {
    const std::filesystem::path path(value);
    candidates.push_back(path.is_absolute() ? path : child_folder / path);
  } else {
    candidates.push_back(child_folder / (value + ".toml"));
    candidates.push_back(profiles_folder() / (value + ".toml"));
  }
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate.string();
  }
  if (is_path(value)) toml_fields::fail(field, fmt::format("names a file that does not exist: {}", value));
  toml_fields::fail(field,
                    fmt::format("names unknown profile '{}' (available: {})", value, join(available_profiles())));
}

// apply_profile_file: applies `file` to the draft, after its extends chain. `chain` holds the canonical
// paths of the files being applied, children first, to refuse cycles.
void apply_profile_file(const std::string& file, Draft& draft, std::vector<std::string>& chain) {
  const toml::table document = toml_fields::parse_file(file);
  chain.push_back(canonical(file));
  if (const toml::node* extends = document.get("extends")) {
    const Field field{file, "extends", *extends};
    const std::string parent = resolve_parent(field);
    if (std::find(chain.begin(), chain.end(), canonical(parent)) != chain.end()) {
      std::string cycle;
      for (const std::string& member : chain) cycle += std::filesystem::path(member).filename().string() + " -> ";
      toml_fields::fail(field, "forms a cycle: " + cycle + std::filesystem::path(parent).filename().string());
    }
    apply_profile_file(parent, draft, chain);
  }
  for (auto&& [key, node] : document) {
    if (key.str() == "extends") continue;
    const auto reader = key_readers().find(key.str());
    if (reader == key_readers().end()) {
      toml_fields::fail_unknown_key(file, key.source(), std::string(key.str()), top_level_keys());
    }
    reader->second(Field{file, std::string(key.str()), node}, draft);
    draft.origins[std::string(key.str())] = toml_fields::location(file, node.source());
  }
}

std::string origin_of(const Draft& draft, const std::string& key) {
  const auto origin = draft.origins.find(key);
  return origin == draft.origins.end() ? draft.profile.source_path : origin->second;
}

void apply_overrides(const ProfileOverrides& overrides, Profile& profile) {
  if (overrides.seed) profile.seed = *overrides.seed;
  profile.accounts_override = overrides.accounts;
  profile.scale_override = overrides.scale;
  if (overrides.accounts) {
    if (*overrides.accounts < 1) {
      throw Error(ErrorKind::kUsage, fmt::format("--accounts must be at least 1 (got {})", *overrides.accounts));
    }
    profile.accounts = *overrides.accounts;
  }
  if (overrides.scale) {
    const double scale = *overrides.scale;
    if (!std::isfinite(scale) || scale <= 0) {
      throw Error(ErrorKind::kUsage, fmt::format("--scale must be greater than 0 (got {})", scale));
    }
    const double scaled = std::round(static_cast<double>(profile.resources) * scale);
    if (scaled > static_cast<double>(kMaxResources)) {
      throw Error(ErrorKind::kUsage, fmt::format("--scale {} makes {} resources, above the limit of {}", scale,
                                                 scaled, kMaxResources));
    }
    profile.resources = std::max<int64_t>(1, static_cast<int64_t>(scaled));
  }
}

void check_accounts_fit(const Draft& draft, const ProfileOverrides& overrides) {
  const Profile& profile = draft.profile;
  if (profile.accounts <= profile.resources) return;
  const std::string origin = overrides.accounts ? "--accounts" : origin_of(draft, "accounts");
  const std::string scaled = overrides.scale ? fmt::format(" after --scale {}", *overrides.scale) : "";
  throw Error(ErrorKind::kProfile, fmt::format("{}: key 'accounts' ({}) must not exceed resources ({}{})", origin,
                                               profile.accounts, profile.resources, scaled));
}

// normalised: the positive weights of `weights`, scaled to sum 1; refuses a mix with none.
std::map<std::string, double> normalised(const std::map<std::string, double>& weights, const Draft& draft,
                                         const std::string& key) {
  double total = 0;
  for (const auto& [name, weight] : weights) total += weight;
  if (total <= 0) {
    throw Error(ErrorKind::kProfile,
                fmt::format("{}: key '{}' must give at least one name a positive weight", origin_of(draft, key), key));
  }
  std::map<std::string, double> shares;
  for (const auto& [name, weight] : weights) {
    if (weight > 0) shares[name] = weight / total;
  }
  return shares;
}

std::vector<WeightedName> weighted_names(const std::map<std::string, double>& shares) {
  std::vector<WeightedName> names;
  for (const auto& [name, share] : shares) names.push_back(WeightedName{name, share});
  return names;
}

void normalise_mixes(Draft& draft) {
  Profile& profile = draft.profile;
  profile.regions = weighted_names(normalised(draft.regions, draft, "regions"));
  profile.envs = weighted_names(normalised(draft.envs, draft, "envs"));
  std::map<std::string, double> mix;
  for (const auto& [type, weight] : profile.resource_mix) mix[resource_type_name(type)] = weight;
  profile.resource_mix.clear();
  for (const auto& [name, share] : normalised(mix, draft, "resource_mix")) {
    profile.resource_mix[*parse_resource_type(name)] = share;
  }
  for (Pattern pattern : all_patterns()) profile.waste_rates.try_emplace(pattern, 0.0);
}

std::string resolve_profile_file(const std::string& name_or_path) {
  if (is_path(name_or_path)) return name_or_path;
  const std::filesystem::path file = profiles_folder() / (name_or_path + ".toml");
  std::error_code error;
  if (!name_or_path.empty() && std::filesystem::is_regular_file(file, error)) return file.string();
  throw Error(ErrorKind::kProfile, fmt::format("unknown profile '{}' (available: {}; looked in {})", name_or_path,
                                               join(available_profiles()), profiles_folder().string()));
}

// origin_in_chain: "file:line" where `file` or its extends chain last set [table].key; `file` when none did.
std::string origin_in_chain(const std::string& file, std::string_view table, std::string_view key, int depth) {
  const toml::table document = toml_fields::parse_file(file);
  if (const toml::node* node = document[table][key].node()) return toml_fields::location(file, node->source());
  const toml::node* extends = document.get("extends");
  if (extends == nullptr || depth > 32) return file;
  return origin_in_chain(resolve_parent(Field{file, "extends", *extends}), table, key, depth + 1);
}

bool catalog_has_region(const Catalog& catalog, const std::string& name) {
  return std::any_of(catalog.regions.begin(), catalog.regions.end(),
                     [&](const Region& region) { return region.name == name; });
}

}  // namespace

Profile load_profile(const std::string& name_or_path, const ProfileOverrides& overrides) {
  const std::string file = resolve_profile_file(name_or_path);
  Draft draft;
  draft.profile.as_of_day = days_from_civil(kDefaultAsOf);
  draft.profile.name = std::filesystem::path(file).stem().string();
  draft.profile.source_path = file;
  std::vector<std::string> chain;
  apply_profile_file(file, draft, chain);
  apply_overrides(overrides, draft.profile);
  check_accounts_fit(draft, overrides);
  normalise_mixes(draft);
  return std::move(draft.profile);
}

void validate_profile_against_catalog(const Profile& profile, const Catalog& catalog) {
  for (const WeightedName& region : profile.regions) {
    if (catalog_has_region(catalog, region.name)) continue;
    std::vector<std::string> known;
    for (const Region& catalog_region : catalog.regions) known.push_back(catalog_region.name);
    const std::string origin = profile.source_path.empty()
                                   ? "profile '" + profile.name + "'"
                                   : origin_in_chain(profile.source_path, "regions", region.name, 0);
    throw Error(ErrorKind::kProfile, fmt::format("{}: key 'regions.{}' names a region not in the price catalog "
                                                 "(known: {})", origin, region.name, join(known)));
  }
}

std::vector<std::string> available_profiles() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(profiles_folder(), error)) {
    const std::filesystem::path& path = entry.path();
    if (path.extension() == ".toml" && path.stem() != "prices") names.push_back(path.stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::filesystem::path profiles_folder() {
  if (const char* folder = std::getenv("SEEDGEN_PROFILES_DIR"); folder != nullptr && *folder != '\0') {
    return folder;
  }
  return data_home() / "profiles";
}

}  // namespace seedgen

namespace seedgen {

std::string profile_overrides_json(const Profile& profile) {
  nlohmann::json overrides = nlohmann::json::object();
  if (profile.accounts_override) overrides["accounts"] = *profile.accounts_override;
  if (profile.scale_override) overrides["scale"] = *profile.scale_override;
  return overrides.dump();
}

ProfileOverrides overrides_from_json(const std::string& json, uint64_t seed) {
  ProfileOverrides overrides{.seed = seed, .accounts = std::nullopt, .scale = std::nullopt};
  try {
    const auto parsed = nlohmann::json::parse(json);
    if (parsed.contains("accounts")) overrides.accounts = parsed.at("accounts").get<int32_t>();
    if (parsed.contains("scale")) overrides.scale = parsed.at("scale").get<double>();
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::kTarget, "seedgen.runs.profile_overrides is not what seedgen wrote: " + std::string(error.what()));
  }
  return overrides;
}

}  // namespace seedgen

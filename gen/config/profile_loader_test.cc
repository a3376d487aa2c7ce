// The profile loader: shipped profiles, extends merging, overrides, and one error per kind of bad input,
// each naming the file, the line and the key.
#include "config/profile_loader.h"

#include <gtest/gtest.h>

#include <cmath>

#include "config/catalog_loader.h"
#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TempFolder;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

double share_of(const std::vector<WeightedName>& mix, const std::string& name) {
  for (const WeightedName& entry : mix) {
    if (entry.name == name) return entry.weight;
  }
  return -1;
}

double total(const std::vector<WeightedName>& mix) {
  double sum = 0;
  for (const WeightedName& entry : mix) sum += entry.weight;
  return sum;
}

// load_error: the Error that loading `contents` (written as <folder>/bad.toml) throws; fails the test if none.
Error load_error(const TempFolder& folder, const std::string& contents, const ProfileOverrides& overrides = {}) {
  folder.write("bad.toml", contents);
  try {
    load_profile((folder.path() / "bad.toml").string(), overrides);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected an error for:\n" << contents;
  return Error(ErrorKind::kIo, "");
}

// expect_profile_error: loading `contents` fails with kProfile naming bad.toml, `line` and `key`.
void expect_profile_error(const std::string& contents, int line, const std::string& key) {
  TempFolder folder;
  const Error error = load_error(folder, contents);
  const std::string message = error.what();
  EXPECT_EQ(error.kind(), ErrorKind::kProfile) << message;
  EXPECT_TRUE(contains(message, "bad.toml:" + std::to_string(line) + ":")) << message;
  EXPECT_TRUE(contains(message, "'" + key + "'")) << message;
}

TEST(ResourceType, NamesRoundTrip) {
  EXPECT_STREQ(resource_type_name(ResourceType::kInstance), "instance");
  EXPECT_STREQ(resource_type_name(ResourceType::kS3Bucket), "s3_bucket");
  EXPECT_STREQ(resource_type_name(ResourceType::kLogGroup), "log_group");
  for (int index = 0; index < kResourceTypeCount; ++index) {
    const auto type = static_cast<ResourceType>(index);
    EXPECT_EQ(parse_resource_type(resource_type_name(type)), type);
  }
  EXPECT_FALSE(parse_resource_type("ec2").has_value());
}

TEST(ProfileLoader, EveryShippedProfileLoadsAndFitsTheCatalog) {
  const Catalog catalog = load_catalog(default_catalog_path());
  const std::vector<std::string> names = available_profiles();
  for (const char* expected : {"base", "tiny", "small", "medium", "large", "xlarge"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  EXPECT_EQ(std::find(names.begin(), names.end(), "prices"), names.end());
  for (const std::string& name : names) {
    const Profile profile = load_profile(name);
    validate_profile_against_catalog(profile, catalog);
    EXPECT_EQ(profile.name, name);
    EXPECT_NEAR(total(profile.regions), 1.0, 1e-9) << name;
    EXPECT_NEAR(total(profile.envs), 1.0, 1e-9) << name;
    EXPECT_EQ(profile.resource_mix.size(), static_cast<size_t>(kResourceTypeCount)) << name;
    EXPECT_EQ(profile.waste_rates.size(), 27u) << name;
  }
}

TEST(ProfileLoader, TinyInheritsBaseAndSetsItsOwnSizes) {
  const Profile tiny = load_profile("tiny");
  EXPECT_EQ(tiny.seed, 42u);
  EXPECT_EQ(tiny.resources, 1000);
  EXPECT_EQ(tiny.accounts, 5);
  EXPECT_EQ(tiny.metrics_days, 14);
  EXPECT_EQ(tiny.usage_days, 30);
  EXPECT_EQ(tiny.as_of_day, 20103);  // 2025-01-15
  EXPECT_NEAR(share_of(tiny.regions, "us-east-1"), 0.45, 1e-9);
  EXPECT_NEAR(share_of(tiny.envs, "prod"), 0.45, 1e-9);
  EXPECT_NEAR(tiny.resource_mix.at(ResourceType::kVolume), 28 / 100.3, 1e-9);
  EXPECT_NEAR(tiny.waste_rates.at(Pattern::kEbsGp2), 0.35, 1e-12);
}

TEST(ProfileLoader, ShippedSizes) {
  EXPECT_EQ(load_profile("small").resources, 10'000);
  EXPECT_EQ(load_profile("medium").accounts, 60);
  const Profile large = load_profile("large");
  EXPECT_EQ(large.resources, 1'000'000);
  EXPECT_EQ(large.metrics_days, 14);
  const Profile xlarge = load_profile("xlarge");
  EXPECT_EQ(xlarge.resources, 10'000'000);
  EXPECT_EQ(xlarge.accounts, 1000);
}

TEST(ProfileLoader, ChildOverridesOneWasteRateAndInheritsTheRest) {
  TempFolder folder;
  folder.write("child.toml", "extends = \"small\"\n[waste]\nebs_gp2 = 0.9\n[regions]\nsa-east-1 = 45\n");
  const Profile small = load_profile("small");
  const Profile child = load_profile((folder.path() / "child.toml").string());
  EXPECT_EQ(child.name, "child");
  EXPECT_DOUBLE_EQ(child.waste_rates.at(Pattern::kEbsGp2), 0.9);
  for (const auto& [pattern, rate] : small.waste_rates) {
    if (pattern == Pattern::kEbsGp2) continue;
    EXPECT_DOUBLE_EQ(child.waste_rates.at(pattern), rate) << pattern_id(pattern);
  }
  EXPECT_EQ(child.regions.size(), small.regions.size());
  EXPECT_NEAR(share_of(child.regions, "sa-east-1"), share_of(child.regions, "us-east-1"), 1e-12);
  EXPECT_EQ(child.resources, small.resources);
}

TEST(ProfileLoader, ExtendsPrefersASiblingAndZeroWeightRemovesAName) {
  TempFolder folder;
  folder.write("parent.toml", "extends = \"tiny\"\nresources = 777\n");
  folder.write("child.toml", "extends = \"parent\"\n[envs]\ntest = 0\n");
  const Profile child = load_profile((folder.path() / "child.toml").string());
  EXPECT_EQ(child.resources, 777);
  EXPECT_EQ(child.envs.size(), 3u);
  EXPECT_EQ(share_of(child.envs, "test"), -1);
  EXPECT_NEAR(share_of(child.envs, "prod"), 0.5, 1e-9);
}

TEST(ProfileLoader, ExtendsAPathRelativeToTheChild) {
  TempFolder folder;
  folder.write("parent.toml", "extends = \"tiny\"\nseed = 9\n");
  std::filesystem::create_directories(folder.path() / "kids");
  folder.write("kids/child.toml", "extends = \"../parent.toml\"\naccounts = 2\n");
  const Profile child = load_profile((folder.path() / "kids" / "child.toml").string());
  EXPECT_EQ(child.seed, 9u);
  EXPECT_EQ(child.accounts, 2);
  EXPECT_EQ(child.resources, 1000);
}

TEST(ProfileLoader, AsOfDateAndIntegerWhereAFloatIsExpected) {
  TempFolder folder;
  folder.write("dated.toml", "extends = \"tiny\"\nas_of = 2024-03-01\naccount_skew = 2\n");
  const Profile profile = load_profile((folder.path() / "dated.toml").string());
  EXPECT_EQ(profile.as_of_day, 19783);
  EXPECT_DOUBLE_EQ(profile.account_skew, 2.0);
}

TEST(ProfileLoader, OverridesApplyAfterExtends) {
  ProfileOverrides overrides;
  overrides.seed = 7;
  overrides.accounts = 3;
  overrides.scale = 0.5;
  const Profile profile = load_profile("tiny", overrides);
  EXPECT_EQ(profile.seed, 7u);
  EXPECT_EQ(profile.accounts, 3);
  EXPECT_EQ(profile.resources, 500);
}

TEST(ProfileLoader, OverrideErrors) {
  ProfileOverrides zero_scale;
  zero_scale.scale = 0;
  try {
    load_profile("tiny", zero_scale);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUsage);
    EXPECT_TRUE(contains(error.what(), "--scale")) << error.what();
  }
  ProfileOverrides shrink;
  shrink.scale = 0.001;  // 1 resource for 5 accounts
  try {
    load_profile("tiny", shrink);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(error.what(), "tiny.toml:4: key 'accounts'")) << error.what();
  }
}

TEST(ProfileLoader, RefusesAnExtendsCycle) {
  TempFolder folder;
  folder.write("a.toml", "extends = \"b\"\n");
  folder.write("b.toml", "seed = 3\nextends = \"a\"\n");
  try {
    load_profile((folder.path() / "a.toml").string());
    FAIL() << "expected an error";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(message, "b.toml:2: key 'extends' forms a cycle: a.toml -> b.toml -> a.toml")) << message;
  }
  expect_profile_error("extends = \"bad\"\n", 1, "extends");
}

TEST(ProfileLoader, UnknownProfileNameListsTheAvailableOnes) {
  try {
    load_profile("hueg");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(message, "unknown profile 'hueg'")) << message;
    EXPECT_TRUE(contains(message, "small, tiny, xlarge")) << message;
  }
  expect_profile_error("# a comment\nextends = \"hueg\"\n", 2, "extends");
}

TEST(ProfileLoader, SyntaxErrorNamesFileLineAndColumn) {
  TempFolder folder;
  const Error error = load_error(folder, "extends = \"tiny\"\nresources = = 5\n");
  const std::string message = error.what();
  EXPECT_EQ(error.kind(), ErrorKind::kProfile);
  EXPECT_TRUE(contains(message, "bad.toml:2:")) << message;
}

TEST(ProfileLoader, UnknownKeysAreRefusedWithAHint) {
  TempFolder folder;
  const std::string message = load_error(folder, "extends = \"tiny\"\n\nacounts = 3\n").what();
  EXPECT_TRUE(contains(message, "bad.toml:3: unknown key 'acounts' (did you mean 'accounts'?)")) << message;
  expect_profile_error("extends = \"tiny\"\n[waste]\nebs_gp3 = 0.1\n", 3, "waste.ebs_gp3");
  expect_profile_error("extends = \"tiny\"\n[envs]\nqa = 1\n", 3, "envs.qa");
  expect_profile_error("extends = \"tiny\"\n[resource_mix]\nec2 = 1\n", 3, "resource_mix.ec2");
}

TEST(ProfileLoader, WrongTypes) {
  expect_profile_error("extends = \"tiny\"\nresources = \"many\"\n", 2, "resources");
  expect_profile_error("extends = \"tiny\"\nresources = 1.5\n", 2, "resources");
  expect_profile_error("extends = \"tiny\"\nas_of = \"2025-01-15\"\n", 2, "as_of");
  expect_profile_error("extends = \"tiny\"\nregions = 3\n", 2, "regions");
  expect_profile_error("extends = \"tiny\"\n[regions]\nus-east-1 = \"most\"\n", 3, "regions.us-east-1");
  TempFolder folder;
  const std::string message = load_error(folder, "extends = \"tiny\"\nresources = \"many\"\n").what();
  EXPECT_TRUE(contains(message, "key 'resources' must be an integer")) << message;
}

TEST(ProfileLoader, ValuesOutOfRange) {
  expect_profile_error("extends = \"tiny\"\naccounts = -3\n", 2, "accounts");
  expect_profile_error("extends = \"tiny\"\nresources = 0\n", 2, "resources");
  expect_profile_error("extends = \"tiny\"\nseed = -1\n", 2, "seed");
  expect_profile_error("extends = \"tiny\"\nmetrics_days = 0\n", 2, "metrics_days");
  expect_profile_error("extends = \"tiny\"\nusage_days = 401\n", 2, "usage_days");
  expect_profile_error("extends = \"tiny\"\ntag_coverage = 1.01\n", 2, "tag_coverage");
  expect_profile_error("extends = \"tiny\"\naccount_skew = 4\n", 2, "account_skew");
  expect_profile_error("extends = \"tiny\"\n[regions]\nus-east-1 = -1\n", 3, "regions.us-east-1");
  TempFolder folder;
  const std::string message = load_error(folder, "extends = \"tiny\"\n\n[waste]\n\nebs_gp2 = 1.5\n").what();
  EXPECT_TRUE(contains(message, "bad.toml:5: key 'waste.ebs_gp2' must be between 0 and 1 (got 1.5)")) << message;
}

TEST(ProfileLoader, CrossKeyChecks) {
  expect_profile_error("extends = \"tiny\"\nresources = 10\naccounts = 11\n", 3, "accounts");
  expect_profile_error("extends = \"tiny\"\n[envs]\nprod = 0\nstaging = 0\ndev = 0\ntest = 0\n", 2, "envs");
  TempFolder folder;
  const std::string message = load_error(folder, "resources = 10\naccounts = 2\n").what();
  EXPECT_TRUE(contains(message, "bad.toml: key 'regions'")) << message;
}

TEST(ProfileLoader, UnknownRegionIsFoundAgainstTheCatalog) {
  TempFolder folder;
  folder.write("mars.toml", "extends = \"tiny\"\n\n[regions]\nmars-1 = 5\n");
  const Profile profile = load_profile((folder.path() / "mars.toml").string());
  try {
    validate_profile_against_catalog(profile, load_catalog(default_catalog_path()));
    FAIL() << "expected an error";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(message, "mars.toml:4: key 'regions.mars-1'")) << message;
    EXPECT_TRUE(contains(message, "us-east-1")) << message;
  }
}

TEST(ProfileLoader, MissingFileIsAProfileError) {
  try {
    load_profile("/nonexistent/seedgen/x.toml");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(error.what(), "/nonexistent/seedgen/x.toml")) << error.what();
  }
}

}  // namespace
}  // namespace seedgen

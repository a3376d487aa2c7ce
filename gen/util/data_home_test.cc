#include "util/data_home.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TempFolder;

// make_data: the two things that mark a data home, under `folder`.
void make_data(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder / "profiles");
  std::filesystem::create_directories(folder / "sql" / "migrations");
  std::ofstream(folder / "profiles" / "base.toml") << "# base\n";
}

ErrorKind kind_of_failure(const std::filesystem::path& executable, const std::string& override_value) {
  try {
    find_data_home(executable, override_value);
  } catch (const Error& error) {
    return error.kind();
  }
  ADD_FAILURE() << "expected no data home for " << executable;
  return ErrorKind::kUsage;
}

TEST(DataHome, InstallPrefixIsShareSeedgenBesideBin) {
  TempFolder prefix;
  make_data(prefix.path() / "share" / "seedgen");
  EXPECT_EQ(find_data_home(prefix.path() / "bin" / "seedgen", ""), prefix.path() / "share" / "seedgen");
}

TEST(DataHome, CheckoutIsTheNearestParentWithProfilesAndMigrations) {
  TempFolder checkout;
  make_data(checkout.path());
  std::filesystem::create_directories(checkout.path() / "build" / "nested");
  EXPECT_EQ(find_data_home(checkout.path() / "build" / "seedgen", ""), checkout.path());
  EXPECT_EQ(find_data_home(checkout.path() / "build" / "nested" / "seedgen", ""), checkout.path());
}

TEST(DataHome, OverrideWinsOverTheExecutablesPlace) {
  TempFolder checkout, other;
  make_data(checkout.path());
  make_data(other.path());
  EXPECT_EQ(find_data_home(checkout.path() / "build" / "seedgen", other.path().string()), other.path());
}

TEST(DataHome, OverrideWithoutDataIsRefused) {
  TempFolder checkout, empty;
  make_data(checkout.path());
  EXPECT_EQ(kind_of_failure(checkout.path() / "build" / "seedgen", empty.path().string()), ErrorKind::kIo);
}

TEST(DataHome, ACopyOutsideAnyHomeRefusesToGuess) {
  TempFolder elsewhere;
  EXPECT_EQ(kind_of_failure(elsewhere.path() / "seedgen", ""), ErrorKind::kIo);
}

TEST(DataHome, HalfAHomeIsNotAHome) {
  TempFolder prefix;
  std::filesystem::create_directories(prefix.path() / "share" / "seedgen" / "profiles");
  EXPECT_EQ(kind_of_failure(prefix.path() / "bin" / "seedgen", ""), ErrorKind::kIo);
}

}  // namespace
}  // namespace seedgen

// Bad input, as a table: every row runs seedgen or seedbench as a user would, with one bad argument,
// file, variable or database, and asserts (issue 11, item 8):
//   - the documented exit code (README, "Exit codes" and "seedbench");
//   - exactly one line on stderr, "<program>: ...", naming the problem (the row's `names`);
//   - the database unchanged: the catalog fingerprint and a checksum of every row of every table of
//     public and seedgen of a loaded tiny fleet are the same before and after.
// Rows that reach no database still point DATABASE_URL at the fixture, so an accidental connection is
// caught by the same checksums. To add a case, add a row to kBadInputs (bad_input_cases.h); {db}, {tmp}
// and the other placeholders are listed there.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "bad_input_cases.h"
#include "catalog_fingerprint.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::BadInput;

}  // namespace

namespace testing {
// PrintTo: how gtest names a row in its messages.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.program << " " << input.arguments; }
}  // namespace testing

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The loaded fixture, its checksums and the prepared bad files, shared by every row.
class BadInputTable : public ::testing::TestWithParam<BadInput> {
 protected:
  static void SetUpTestSuite() {
    database_ = new testing::TestDatabase();
    folder_ = new testing::TempFolder();
    std::string output;
    ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed 3 --quiet --db '" +
                                       database_->url() + "'", &output), 0) << output;
    testing::write_bad_input_files(*folder_);
  }
  static void TearDownTestSuite() {
    delete folder_;
    delete database_;
  }

  // data_checksum: md5 of every row of every table and materialized view of public and seedgen.
  static std::string data_checksum() {
    const std::string tables = database_->query_value(
        "select string_agg(format('(select %L || md5(coalesce(string_agg(t::text, E''\\n'' order by t::text), '''')) "
        "from %s t)', oid::regclass, oid::regclass), ' || '','' || ' order by oid::regclass::text) "
        "from pg_class where relnamespace in ('public'::regnamespace, 'seedgen'::regnamespace) and relkind in ('r', 'm')");
    return database_->query_value("select " + tables);
  }

  static std::string state() { return database_->query_value(testing::kCatalogFingerprintSql) + "\n" + data_checksum(); }

  static std::string expand(std::string text) {
    replace_all(text, "{db}", "'" + database_->url() + "'");
    replace_all(text, "{tmp}", folder_->path().string());
    replace_all(text, "{unreachable}", "'postgresql://seedgen@127.0.0.1:1/none?connect_timeout=3'");
    replace_all(text, "{no_such_db}", "'" + testing::cluster_url("seedgen_no_such_database") + "'");
    const std::string url = testing::cluster_url(database_->name());
    replace_all(text, "{bad_user}", "'" + url.substr(0, url.find("user=")) + "user=no_such_role'");
    return text;
  }

  static inline testing::TestDatabase* database_ = nullptr;
  static inline testing::TempFolder* folder_ = nullptr;
};

TEST_P(BadInputTable, OneLineTheDocumentedExitCodeAndNothingChanged) {
  const BadInput& input = GetParam();
  const std::string before = state();
  const auto err = folder_->path() / "stderr.txt";
  const std::string binary = std::string(input.program) == "seedgen" ? SEEDGEN_BINARY : SEEDBENCH_BINARY;
  const std::string command = "env DATABASE_URL='" + database_->url() + "' " + expand(input.environment) + " " +
                              binary + " " + expand(input.arguments) + " </dev/null >/dev/null 2>'" + err.string() + "'";
  const int code = testing::run_command("(" + command + ")", nullptr);
  const std::string stderr_text = read_file(err);

  EXPECT_EQ(code, input.exit_code) << command << "\n" << stderr_text;
  EXPECT_EQ(std::count(stderr_text.begin(), stderr_text.end(), '\n'), 1) << "exactly one line:\n" << stderr_text;
  EXPECT_EQ(stderr_text.rfind(std::string(input.program) + ": ", 0), 0u) << stderr_text;
  EXPECT_NE(stderr_text.find(input.names), std::string::npos) << "should name '" << input.names << "':\n" << stderr_text;
  EXPECT_EQ(stderr_text.find("internal error"), std::string::npos) << stderr_text;
  EXPECT_EQ(state(), before) << "the database changed";
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTable, ::testing::ValuesIn(testing::kBadInputs),
                         [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(BadInputTableSize, HasAtLeastEightyCasesAcrossBothBinaries) {
  EXPECT_GE(std::size(testing::kBadInputs), 80u);
  const auto count = [](const char* program, const char* first_word) {
    return std::count_if(std::begin(testing::kBadInputs), std::end(testing::kBadInputs), [&](const BadInput& input) {
      return std::string(input.program) == program && std::string(input.arguments).rfind(first_word, 0) == 0;
    });
  };
  EXPECT_GE(count("seedgen", "migrate"), 10);
  EXPECT_GE(count("seedbench", ""), 15);
}

}  // namespace
}  // namespace seedgen

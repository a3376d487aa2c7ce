// seedgen score against a real loaded fleet, grading the agent API's table public.waste_findings: the
// table missing is exit 5 in one line; its rows are graded like a file's. Expected figures come from the
// answer key through SQL, not from seedgen score.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "command_outcome.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::Outcome;

class ScoreCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed 1 --quiet --db '" + db_.url() + "'",
                                   &output), 0) << output;
    // The agent API's migration may or may not have created it: each test decides.
    db_.query_value("drop table if exists public.waste_findings cascade");
  }

  Outcome score(const std::string& arguments) const {
    return testing::run_binary(SEEDGEN_BINARY, "score --db '" + db_.url() + "' " + arguments);
  }

  testing::TestDatabase db_;
};

TEST_F(ScoreCli, WithoutTheFindingsTableIsExitFiveInOneLine) {
  const Outcome outcome = score("");
  EXPECT_EQ(outcome.code, 5);
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_NE(outcome.output.find("public.waste_findings does not exist"), std::string::npos) << outcome.output;
}

TEST_F(ScoreCli, GradesTheFindingsTable) {
  db_.query_value(
      "create table public.waste_findings (account_id uuid, resource_type text, resource_id text, pattern text, "
      "estimated_monthly_savings numeric)");
  // Two true ebs_gp2 findings (one reported twice, the second time without an estimate), and one false.
  db_.query_value(
      "insert into public.waste_findings select account_id, resource_type, resource_id, pattern, 1 "
      "from (select * from seedgen.planted_waste where pattern = 'ebs_gp2' order by resource_id limit 2) k");
  db_.query_value(
      "insert into public.waste_findings select account_id, resource_type, resource_id, pattern, null "
      "from (select * from seedgen.planted_waste where pattern = 'ebs_gp2' order by resource_id limit 1) k");
  db_.query_value(
      "insert into public.waste_findings select account_id, 'volume', 'vol-00000000000000000', 'ebs_gp2', 5 "
      "from seedgen.planted_waste limit 1");
  const long key_rows = std::stol(db_.query_value("select count(*) from seedgen.planted_waste"));
  const long gp2_rows = std::stol(db_.query_value("select count(*) from seedgen.planted_waste where pattern = 'ebs_gp2'"));
  const double found = std::stod(db_.query_value(
      "select round(sum(estimated_monthly_savings), 2) from (select estimated_monthly_savings from "
      "seedgen.planted_waste where pattern = 'ebs_gp2' order by resource_id limit 2) k"));
  ASSERT_GE(gp2_rows, 2);

  std::string output;
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " score --json - --db '" + db_.url() + "'", &output), 0)
      << output;
  const auto report = nlohmann::json::parse(output);
  EXPECT_EQ(report["findings"]["source"], "public.waste_findings");
  EXPECT_EQ(report["findings"]["rows"], 4);
  EXPECT_EQ(report["findings"]["duplicates"], 1);
  EXPECT_EQ(report["overall"]["true_positives"], 2);
  EXPECT_EQ(report["overall"]["false_positives"], 1);
  EXPECT_EQ(report["overall"]["false_negatives"], key_rows - 2);
  EXPECT_DOUBLE_EQ(report["overall"]["savings_found"].get<double>(), found);
  EXPECT_EQ(report["dataset"]["profile"], "tiny");
  EXPECT_EQ(report["dataset"]["seed"], 1);
  EXPECT_EQ(report["dataset"]["checksums"].size(), std::stoul(db_.query_value(
      "select count(*) from seedgen.runs r, jsonb_object_keys(r.checksums) where status = 'completed'")));
  for (const auto& row : report["patterns"]) {
    if (row["pattern"] != "ebs_gp2") continue;
    EXPECT_EQ(row["false_negatives"], gp2_rows - 2);
    EXPECT_DOUBLE_EQ(row["precision"].get<double>(), 0.6667);   // 2 of 3 distinct findings
  }

  const Outcome gate = score("--quiet --min-f1 0.5");   // recall is tiny: F1 far below 0.5
  EXPECT_EQ(gate.code, 9);
  testing::expect_one_line(gate, "seedgen");
  EXPECT_NE(gate.output.find("is below --min-f1 0.5 (worst: "), std::string::npos) << gate.output;
}

}  // namespace
}  // namespace seedgen

#include "score/score_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace seedgen::score {
namespace {

const std::string kA1 = "00000000-0000-4000-8000-000000000001";

ScoreReport sample_report() {
  // Key: i-1 ($100) and i-2 ($50) idle. Findings: i-1 (true) and i-3 (false): TP 1, FP 1, FN 1.
  ScoreReport report;
  report.dataset = {7, "tiny", "42", "2025-01-15", "0.1.0", {{"volumes", "bb"}, {"instances", "aa"}}};
  report.findings_source = "agent.csv";
  report.card = score_findings({{kA1, "instance", "i-1", "ec2_idle", 900000}, {kA1, "instance", "i-3", "ec2_idle", 1}},
                               {{kA1, "instance", "i-1", "ec2_idle", 1000000}, {kA1, "instance", "i-2", "ec2_idle", 500000}});
  return report;
}

TEST(ScoreReport, JsonHasTheFingerprintFiguresAndWhatIsNotMeasured) {
  const auto json = nlohmann::json::parse(render_score_json(sample_report()));
  EXPECT_EQ(json["dataset"]["run_id"], 7);
  EXPECT_EQ(json["dataset"]["seed"], 42);
  EXPECT_EQ(json["dataset"]["checksums"]["instances"], "aa");
  EXPECT_EQ(json["findings"]["source"], "agent.csv");
  EXPECT_EQ(json["findings"]["rows"], 2);
  const auto& overall = json["overall"];
  EXPECT_EQ(overall["true_positives"], 1);
  EXPECT_EQ(overall["false_positives"], 1);
  EXPECT_EQ(overall["false_negatives"], 1);
  EXPECT_EQ(overall["precision"], 0.5);
  EXPECT_EQ(overall["f1"], 0.5);
  EXPECT_EQ(overall["savings_found"], 100.0);
  EXPECT_EQ(overall["savings_available"], 150.0);
  EXPECT_EQ(overall["savings_claimed"], 90.0);   // $90 + $0.0001, rounded to cents
  EXPECT_EQ(json["patterns"].size(), 27u);
  EXPECT_EQ(json["patterns"][0]["pattern"], "asg_overprovisioned");
  EXPECT_TRUE(json["execution"]["realised_savings"].is_null());
  EXPECT_TRUE(json["execution"]["incidents"].is_null());
  EXPECT_EQ(json["execution"]["not_measured"], "the database has no action executor: load it with this seedgen version");
  EXPECT_TRUE(json["near_misses_reported"]["value"].is_null());
}

TEST(ScoreReport, JsonIsByteStableAndSortsChecksums) {
  const std::string text = render_score_json(sample_report());
  EXPECT_EQ(text, render_score_json(sample_report()));
  EXPECT_LT(text.find("\"instances\""), text.find("\"volumes\""));
}

TEST(ScoreReport, MarkdownHasTheOverallLineAndOneRowPerPattern) {
  const std::string text = render_score_markdown(sample_report());
  EXPECT_NE(text.find("Dataset: profile `tiny`, seed 42, as_of 2025-01-15, run 7 (seedgen 0.1.0)."), std::string::npos);
  EXPECT_NE(text.find("**Overall: precision 0.5000, recall 0.5000, F1 0.5000**; savings found $100.00 of $150.00"),
            std::string::npos);
  EXPECT_NE(text.find("| `ec2_idle` | 1 | 1 | 1 | 0.5000 | 0.5000 | 0.5000 | 100.00 | 150.00 |"), std::string::npos);
  EXPECT_NE(text.find("| `lb_idle` | 0 | 0 | 0 | 1.0000 | 1.0000 | 1.0000 | 0.00 | 0.00 |"), std::string::npos);
}

// An executed episode: two kinds of incident, savings in ten-thousandths of a dollar, report times measured.
ScoreReport executed_report() {
  ScoreReport report = sample_report();
  report.findings_source = "public.waste_findings";
  Execution& execution = report.execution;
  execution.measured = true;
  execution.completed = 3;
  execution.failed = 1;
  execution.monthly_savings = 1234567;     // $123.4567
  execution.realised_savings = 121755;     // $12.1755
  execution.drifted_days = 3;
  execution.incidents = {{"outage", {2, 100000000}}, {"saturation", {1, 2000000}}};   // $10,000 and $200
  execution.detection_measured = true;
  execution.detected = 5;
  execution.mean_days_to_detect = "1.40";
  execution.median_days_to_detect = 1;
  execution.max_days_to_detect = 4;
  return report;
}

TEST(ScoreReport, ExecutionSumsTheIncidentsAndRoundsMoneyToCents) {
  const auto json = nlohmann::json::parse(render_score_json(executed_report()));
  const auto& execution = json["execution"];
  EXPECT_EQ(execution["actions_completed"], 3);
  EXPECT_EQ(execution["actions_failed"], 1);
  EXPECT_EQ(execution["monthly_savings"], 123.46);
  EXPECT_EQ(execution["realised_savings"], 12.18);
  EXPECT_EQ(execution["incidents"], 3);
  EXPECT_EQ(execution["incident_cost"], 10200.0);
  EXPECT_EQ(execution["incidents_by_kind"]["outage"]["count"], 2);
  EXPECT_EQ(execution["time_to_detect"]["mean_days"], 1.4);
  EXPECT_EQ(execution["time_to_detect"]["max_days"], 4);
  EXPECT_FALSE(execution.contains("not_measured"));

  const std::string text = render_score_markdown(executed_report());
  EXPECT_NE(text.find("3 completed, 1 failed; monthly saving $123.46 when carried out, $12.18 realised over 3 drifted days."),
            std::string::npos) << text;
  EXPECT_NE(text.find("Incidents: 3 costing $10200.00: outage 2 ($10000.00), saturation 1 ($200.00)."), std::string::npos) << text;
  EXPECT_NE(text.find("Time to detect: 5 true findings timed, mean 1.40 days, median 1, slowest 4."), std::string::npos) << text;
}

TEST(ScoreReport, FindingsFromAFileHaveNoTimeToDetect) {
  ScoreReport report = executed_report();
  report.execution.detection_measured = false;
  const auto json = nlohmann::json::parse(render_score_json(report));
  EXPECT_TRUE(json["execution"]["time_to_detect"]["findings"].is_null());
  EXPECT_EQ(json["execution"]["time_to_detect"]["not_measured"], "findings from a file have no report times");
}

TEST(ScoreReport, GateNamesTheF1AndTheWorstPatterns) {
  const ScoreReport report = sample_report();
  EXPECT_FALSE(gate_failure(report.card, 0.5).has_value());   // 0.5 is not below 0.5
  EXPECT_EQ(gate_failure(report.card, 0.9).value_or(""), "overall F1 0.5000 is below --min-f1 0.9 (worst: ec2_idle 0.5000)");
}

}  // namespace
}  // namespace seedgen::score

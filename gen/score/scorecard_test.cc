// The expected figures are worked out by hand in the comments, from the counts, not from the code.
#include "score/scorecard.h"

#include <gtest/gtest.h>

namespace seedgen::score {
namespace {

const std::string kA1 = "00000000-0000-4000-8000-000000000001";
const std::string kA2 = "00000000-0000-4000-8000-000000000002";

std::vector<Finding> answer_key() {
  return {{kA1, "instance", "i-1", "ec2_idle", 1000000},   // $100
          {kA1, "instance", "i-2", "ec2_idle", 500000},    // $50
          {kA1, "volume", "vol-1", "ebs_gp2", 100000},     // $10
          {kA2, "volume", "vol-2", "ebs_gp2", 200000}};    // $20
}

std::vector<Finding> agent_findings() {
  return {{kA1, "instance", "i-1", "ec2_idle", 900000},       // TP (claims $90)
          {kA1, "instance", "i-1", "ec2_idle", 9990000},      // duplicate: ignored, its $999 too
          {kA1, "instance", "i-3", "ec2_idle", 300000},       // FP: not in the key
          {kA1, "volume", "vol-1", "ebs_gp2", 100000},        // TP
          {kA2, "volume", "vol-1", "ebs_gp2", 100000},        // FP: right volume id, wrong account
          {kA1, "instance", "i-2", "ec2_oversized", 50000}};  // FP: right resource, wrong pattern
}

const Tally& tally_of(const Scorecard& card, const std::string& pattern) {
  for (const auto& score : card.patterns) {
    if (score.pattern == pattern) return score.tally;
  }
  throw std::runtime_error("no pattern " + pattern);
}

TEST(Scorecard, CountsPerPattern) {
  const Scorecard card = score_findings(agent_findings(), answer_key());
  // ec2_idle: i-1 found, i-3 wrong, i-2 missed: TP 1, FP 1, FN 1; P = R = F1 = 1/2.
  const Tally& idle = tally_of(card, "ec2_idle");
  EXPECT_EQ(idle.true_positives, 1);
  EXPECT_EQ(idle.false_positives, 1);
  EXPECT_EQ(idle.false_negatives, 1);
  EXPECT_DOUBLE_EQ(idle.precision(), 0.5);
  EXPECT_DOUBLE_EQ(idle.recall(), 0.5);
  EXPECT_DOUBLE_EQ(idle.f1(), 0.5);
  EXPECT_EQ(idle.savings_found, 1000000);       // i-1's key saving, not the agent's $90
  EXPECT_EQ(idle.savings_available, 1500000);   // $100 + $50
  EXPECT_EQ(idle.savings_claimed, 1200000);     // $90 + $30, the duplicate's $999 left out
  // ebs_gp2: vol-1 found in A1, the A2 claim names A1's volume, vol-2 missed: 1, 1, 1.
  const Tally& gp2 = tally_of(card, "ebs_gp2");
  EXPECT_EQ(gp2.true_positives, 1);
  EXPECT_EQ(gp2.false_positives, 1);
  EXPECT_EQ(gp2.false_negatives, 1);
  EXPECT_EQ(gp2.savings_found, 100000);
  EXPECT_EQ(gp2.savings_available, 300000);
  // ec2_oversized: one wrong claim, nothing to find: P = 0/1 = 0, R = 1 (empty key), F1 = 0.
  const Tally& oversized = tally_of(card, "ec2_oversized");
  EXPECT_EQ(oversized.false_positives, 1);
  EXPECT_DOUBLE_EQ(oversized.precision(), 0.0);
  EXPECT_DOUBLE_EQ(oversized.recall(), 1.0);
  EXPECT_DOUBLE_EQ(oversized.f1(), 0.0);
  // A pattern with neither key rows nor findings is perfect.
  EXPECT_DOUBLE_EQ(tally_of(card, "lb_idle").f1(), 1.0);
}

TEST(Scorecard, OverallIsMicroAveraged) {
  const Scorecard card = score_findings(agent_findings(), answer_key());
  // TP 2, FP 3, FN 2: P = 2/5 = 0.4, R = 2/4 = 0.5, F1 = 2 * 0.4 * 0.5 / 0.9 = 4/9.
  EXPECT_EQ(card.overall.true_positives, 2);
  EXPECT_EQ(card.overall.false_positives, 3);
  EXPECT_EQ(card.overall.false_negatives, 2);
  EXPECT_DOUBLE_EQ(card.overall.precision(), 0.4);
  EXPECT_DOUBLE_EQ(card.overall.recall(), 0.5);
  EXPECT_NEAR(card.overall.f1(), 4.0 / 9.0, 1e-12);
  EXPECT_DOUBLE_EQ(rounded_ratio(card.overall.f1()), 0.4444);
  EXPECT_EQ(card.overall.savings_found, 1100000);       // $100 + $10
  EXPECT_EQ(card.overall.savings_available, 1800000);   // $180
  EXPECT_EQ(card.findings_read, 6);
  EXPECT_EQ(card.duplicates, 1);
}

TEST(Scorecard, ListsEveryCatalogPatternSortedById) {
  const Scorecard card = score_findings({}, {});
  ASSERT_EQ(card.patterns.size(), 27u);
  EXPECT_EQ(card.patterns.front().pattern, "asg_overprovisioned");
  EXPECT_EQ(card.patterns.back().pattern, "transfer_avoidable");
  for (size_t i = 1; i < card.patterns.size(); ++i) EXPECT_LT(card.patterns[i - 1].pattern, card.patterns[i].pattern);
  EXPECT_DOUBLE_EQ(card.overall.f1(), 1.0);   // nothing to find, nothing claimed
}

TEST(Scorecard, NoFindingsScoresRecallZero) {
  const Scorecard card = score_findings({}, answer_key());
  // TP 0, FP 0, FN 4: P = 1 (nothing claimed), R = 0, F1 = 0.
  EXPECT_EQ(card.overall.false_negatives, 4);
  EXPECT_DOUBLE_EQ(card.overall.precision(), 1.0);
  EXPECT_DOUBLE_EQ(card.overall.recall(), 0.0);
  EXPECT_DOUBLE_EQ(card.overall.f1(), 0.0);
}

TEST(Scorecard, TheResourceTypeIsPartOfTheIdentity) {
  const Scorecard card = score_findings({{kA1, "volume", "i-1", "ec2_idle", 0}}, answer_key());
  EXPECT_EQ(tally_of(card, "ec2_idle").true_positives, 0);
  EXPECT_EQ(tally_of(card, "ec2_idle").false_positives, 1);
}

TEST(Scorecard, WorstPatternsAreTheLowestF1First) {
  const Scorecard card = score_findings(agent_findings(), answer_key());
  const auto worst = worst_patterns(card, 3);
  ASSERT_EQ(worst.size(), 3u);
  EXPECT_EQ(worst[0]->pattern, "ec2_oversized");   // F1 0
  EXPECT_EQ(worst[1]->pattern, "ebs_gp2");         // F1 0.5, ties by id
  EXPECT_EQ(worst[2]->pattern, "ec2_idle");        // F1 0.5
  EXPECT_EQ(worst_patterns(card, 1).size(), 1u);
  EXPECT_TRUE(worst_patterns(score_findings(answer_key(), answer_key()), 3).empty());
}

}  // namespace
}  // namespace seedgen::score

// score_report.h: a graded run as the reports show it: the dataset's fingerprint, where the findings came
// from, the Scorecard, and what cannot be measured yet.
// Promises: both renderings are deterministic (patterns sorted by id, checksums by table, ratios rounded to
// 4 decimals, money to cents; no clock, no host), so two gradings of the same findings on the same fleet
// are byte-identical. Execution (actions, realised savings, incidents, time to detect) is null with a
// "not_measured" reason when the database predates seedgen act; near misses are null because the
// generator records none.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "score/scorecard.h"

namespace seedgen::score {

// DatasetFingerprint: the seedgen.runs row of the fleet the key belongs to.
struct DatasetFingerprint {
  int64_t run_id = 0;
  std::string profile;
  std::string seed;              // decimal (up to 2^63-1)
  std::string as_of;             // YYYY-MM-DD
  std::string seedgen_version;
  std::map<std::string, std::string> checksums;   // table -> sha256 of its COPY text
};

// IncidentTally: the incidents of one kind (outage, data_loss, degradation, saturation) and their cost.
struct IncidentTally {
  int64_t count = 0;
  Money cost = 0;
};

// Execution: what the agents' executed actions did (seedgen act and drift days; docs/AGENTS.md).
struct Execution {
  bool measured = false;             // false when the database has no action executor
  int64_t completed = 0, failed = 0;
  Money monthly_savings = 0;         // the completed actions' monthly saving, measured when each ran
  Money realised_savings = 0;        // accrued over the drifted days since each ran
  int64_t drifted_days = 0;
  std::map<std::string, IncidentTally> incidents;   // by kind
  bool detection_measured = false;   // findings came from public.waste_findings (a file has no report times)
  int64_t detected = 0;              // true findings timed
  std::string mean_days_to_detect = "0";   // numeric text, 2 decimals
  int64_t median_days_to_detect = 0, max_days_to_detect = 0;
};

struct ScoreReport {
  DatasetFingerprint dataset;
  std::string findings_source;   // the file's path, or "public.waste_findings"
  Scorecard card;
  Execution execution;
};

inline constexpr const char* kNotExecuted = "the database has no action executor: load it with this seedgen version";
inline constexpr const char* kNoReportTimes = "findings from a file have no report times";
inline constexpr const char* kNearMissesUnrecorded =
    "the generator records no near misses (they are planted but not kept), so a false positive cannot be "
    "told apart as one";

std::string render_score_json(const ScoreReport& report);
std::string render_score_markdown(const ScoreReport& report);

// gate_failure: nullopt when the overall F1 (rounded_ratio) is at least `min_f1`; else one line naming
// the F1 and the worst patterns, e.g. "overall F1 0.8123 is below --min-f1 0.9 (worst: ec2_oversized 0.5000, ...)".
std::optional<std::string> gate_failure(const Scorecard& card, double min_f1);

}  // namespace seedgen::score

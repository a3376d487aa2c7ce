// score_report.h: a graded run as the reports show it: the dataset's fingerprint, where the findings came
// from, the Scorecard, and what cannot be measured yet.
// Promises: both renderings are deterministic (patterns sorted by id, checksums by table, ratios rounded to
// 4 decimals, money to cents; no clock, no host), so two gradings of the same findings on the same fleet
// are byte-identical. Realised savings and incidents are null with a "not_measured" reason until actions
// are executed (issue 13's drift engine); near misses are null because the generator records none.
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

struct ScoreReport {
  DatasetFingerprint dataset;
  std::string findings_source;   // the file's path, or "public.waste_findings"
  Scorecard card;
};

inline constexpr const char* kNotExecuted = "no actions are executed before the drift engine";
inline constexpr const char* kNearMissesUnrecorded =
    "the generator records no near misses (they are planted but not kept), so a false positive cannot be "
    "told apart as one";

std::string render_score_json(const ScoreReport& report);
std::string render_score_markdown(const ScoreReport& report);

// gate_failure: nullopt when the overall F1 (rounded_ratio) is at least `min_f1`; else one line naming
// the F1 and the worst patterns, e.g. "overall F1 0.8123 is below --min-f1 0.9 (worst: ec2_oversized 0.5000, ...)".
std::optional<std::string> gate_failure(const Scorecard& card, double min_f1);

}  // namespace seedgen::score

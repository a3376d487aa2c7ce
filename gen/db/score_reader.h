// score_reader.h: what `seedgen score` reads from the database, in one repeatable-read, read-only
// transaction so the fingerprint, the key and the findings are of the same moment: the latest completed
// run (seedgen.runs), its answer key (seedgen.planted_waste and the findings that cleared, see ScoreInputs),
// optionally the agents' findings table (public.waste_findings), and what executed actions did. The SQL is
// sql/score/*.sql.
// Errors: Error(kTarget) with one line when the run log or key is missing, no load completed, the findings
// table is asked for but does not exist, or one of its rows is malformed (named by its identity).
#pragma once

#include <optional>
#include <vector>

#include "score/finding.h"
#include "score/score_report.h"

namespace seedgen {

class Connection;

struct ScoreInputs {
  score::DatasetFingerprint dataset;
  // The key: seedgen.planted_waste, plus the findings an executed action cleared, plus (with the table)
  // those that held on the day an agent reported them and have cleared since.
  std::vector<score::Finding> key;
  std::vector<score::Finding> findings;   // from the table; empty when not asked for
  score::Execution execution;
};

// read_score_inputs: the run and its key; with `read_findings_table`, also public.waste_findings.
ScoreInputs read_score_inputs(Connection& connection, bool read_findings_table);

}  // namespace seedgen

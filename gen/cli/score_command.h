// score_command.h: `seedgen score`: grades an agent's findings (a CSV or JSON file, or the agent API's
// public.waste_findings table) against the answer key of the loaded fleet, per pattern and overall, and
// writes the Markdown summary (stdout, --markdown FILE) and the JSON report (--json FILE|-). With
// --min-f1 X it fails with kGate (exit 9) after writing the reports when the overall F1 is below X.
// Reads only: the database is left as it was.
#pragma once

namespace seedgen {

int run_score_command(int argc, char** argv);

}  // namespace seedgen

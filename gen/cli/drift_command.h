// drift_command.h: `seedgen drift [--days N | --until DATE]`: moves the loaded estate forward day by day,
// one transaction per day (docs/DRIFT.md).
#pragma once

namespace seedgen {

int run_drift_command(int argc, char** argv);

}  // namespace seedgen

// report_reader.h: reads the parts of a seedbench JSON report (json_report.h) that a comparison needs:
// when and where it ran, the dataset, the target, and p50/p95/p99 of every single-client timing and of
// every cell of every concurrent run.
#pragma once

#include <string>

#include "bench/compare/run_comparison.h"

namespace seedgen::bench {

// read_comparable_run: the ComparableRun of the report at `path`, labelled with the path. Throws
// Error(kIo) with a one-line reason when the file cannot be read or is not a seedbench JSON report.
ComparableRun read_comparable_run(const std::string& path);

}  // namespace seedgen::bench

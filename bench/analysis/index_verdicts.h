// index_verdicts.h: decides, for each index in a seedbench report, whether it is essential, helpful,
// unused or redundant, from the analysed query plans and the index catalog, and says why in one line.
// Pure functions over bench_report.h values: deterministic, no database access, safe from any thread.
#pragma once

#include <vector>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// VerdictRules: the thresholds judge_indexes applies.
struct VerdictRules {
  double essential_speedup = 2.0;       // a query this many times slower without the index makes it essential
  double low_selectivity_share = 0.05;  // a leading column whose values each cover more than this share
};

// share_per_value: the average share of a table's rows that one distinct value of a column covers, from
// pg_stats.n_distinct: positive is the number of distinct values, negative is minus the ratio of distinct
// values to rows (so it needs reltuples, pg_class's row estimate). Returns a value in [0, 1], or -1 when
// unknown: n_distinct is 0 (or not a number), or it is negative and reltuples is not positive.
double share_per_value(double n_distinct, double reltuples);

// is_prefix_duplicate: true when `index` adds nothing over `other`: both on the same table with the same
// predicate and access method (read from the definitions' "USING <method>", when both have one), and the
// key columns of `index` are a leading prefix of those of `other`, or equal. An index that is unique or
// backs a constraint is never a duplicate: it enforces something. Of two interchangeable indexes (equal
// columns, neither enforcing anything) only the one whose name sorts later is the duplicate, so exactly
// one survives. An index is never a duplicate of itself (same name).
bool is_prefix_duplicate(const IndexReport& index, const IndexReport& other);

// judge_indexes: fills, for every index, used_by (the queries whose plan.indexes_used names it, sorted,
// unique), best_speedup (the largest without_ms / with_ms over the analyses' IndexSpeedups for it; entries
// with with_ms <= 0 or without_ms < 0 are not measurements and are skipped; timed-out entries count with
// their lower bound), low_selectivity (a non-unique index whose leading_selectivity > the share), and
// verdict and reason. The first rule that applies wins:
//   1. redundant: a prefix duplicate of another index in `indexes`;
//   2. essential: best_speedup >= rules.essential_speedup;
//   3. essential: it backs a primary key or unique constraint;
//   4. helpful: some catalog query used it, or it gained scans during the timed runs;
//   5. unused: otherwise.
// Fields the caller measured (size, scans_gained, leading_selectivity, ...) are only read.
void judge_indexes(std::vector<IndexReport>& indexes, const std::vector<QueryAnalysis>& analyses,
                   const VerdictRules& rules);

}  // namespace seedgen::bench

// commitment_support.h: shared fixtures of the commitments tests: worlds from the real tiny profile and
// catalog, accounts whose compute and platform are filled by hand (so the tests do not depend on the other
// domains), and a parser of the emitted COPY rows so that rules are checked on what is stored.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/commitments/commitment_builders.h"

#include "tests/support/fleet_support.h"

namespace seedgen::testing {

// A world that owns its profile and catalog.
using OwnedWorld = OwnedFleet;

inline std::unique_ptr<OwnedWorld> tiny_world(uint64_t seed) { return owned_fleet("tiny", seed); }

// real_model: the account's whole model (compute, storage, platform, then commitments), as the generator
// builds it: commitments are bought against the real populations.
inline AccountModel real_model(const World& world, uint32_t account_index) {
  return build_account_model(world, account_index);
}


// A commitment as stored, with its utilisation rows.
struct StoredCommitment {
  std::string id, type, scope;
  int term_months = 0;
  double amount = 0;
  int32_t start = 0, end = 0;
  int64_t created_at = 0;
  std::map<int32_t, double> utilization;   // date -> utilization_percent
};

template <typename Emit>
std::string emitted(const World& world, const AccountModel& model, Emit emit) {
  RowWriter out;
  emit(world, model, out);
  return out.buffer();
}

inline std::vector<StoredCommitment> stored_commitments(const World& world, const AccountModel& model) {
  std::vector<StoredCommitment> stored;
  std::map<std::string, size_t> by_id;
  for (const auto& row : parse_rows(emitted(world, model, emit_commitments))) {
    StoredCommitment commitment{row[0], row[2], row[3], std::stoi(row[4]), std::stod(row[5]),
                                parse_date(row[6]), parse_date(row[7]), parse_timestamp(row[8]), {}};
    by_id[commitment.id] = stored.size();
    stored.push_back(commitment);
  }
  for (const auto& row : parse_rows(emitted(world, model, emit_commitment_utilization_daily))) {
    stored.at(by_id.at(row[1])).utilization[parse_date(row[2])] = std::stod(row[4]);
  }
  return stored;
}

// recent_mean: the mean stored utilization_percent over rows dated in [as_of - 29, as_of].
inline double recent_mean(const StoredCommitment& commitment, int32_t as_of, bool* has_rows = nullptr) {
  double sum = 0;
  int count = 0;
  for (const auto& [date, percent] : commitment.utilization) {
    if (date >= as_of - 29 && date <= as_of) {
      sum += percent;
      ++count;
    }
  }
  if (has_rows != nullptr) *has_rows = count > 0;
  return count == 0 ? 100.0 : sum / count;
}

}  // namespace seedgen::testing

// commitments.h: commitments (Reserved Instances, Savings Plans) with daily utilisation, IAM-style API
// clients, and the optimization_actions audit trail of one account.
// Findings: commitment_underutilized and commitment_expiring, evaluated on the stored rows (and the hygiene
// question of API clients unused for 90 days). Built after compute and platform: commitments are bought
// against the steady EC2, RDS and ElastiCache populations the account runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/resource_core.h"

namespace seedgen {


// One resource of the population a commitment covers, and its on-demand price per hour.
struct CoveredMember {
  enum class Source : uint8_t { kInstance, kRds, kCache };
  Source source = Source::kInstance;
  size_t index = 0;                 // into model.ec2.instances, platform.rds_instances or platform.cache_clusters
  double hourly_usd = 0;            // its stored hourly cost
};

// The (service, class or family, region) a chain of commitments covers, e.g. 'ec2:m5:us-east-1', with the
// members of the account's model that belong to it (on any day they exist).
struct CoveredGroup {
  std::string scope;
  std::vector<CoveredMember> members;
};

// A Reserved Instance or an EC2 Instance Savings Plan, bought on its start date against the group's steady
// population then. Its daily utilisation is a pure function of (world, model, commitment, day)
// (commitment_builders.h), so the rules and the emitter always agree.
struct Commitment {
  Uuid id;
  std::string resource_id;          // uuid text: the planted_waste / optimization_actions resource_id
  uint64_t key = 0;                 // entity key, seeds the per-day utilisation streams
  std::string commitment_type;      // reserved_instance or savings_plan
  std::string scope;                // 'ec2:<family>:<region>', 'rds:<class>:<region>', 'elasticache:<type>:<region>'
  size_t group = 0;                 // index into CommitmentModel::groups
  int term_months = 12;             // 12 or 36
  double hourly_commitment_amount = 0;  // USD/hour, rounded to 4 decimals as stored
  double capacity_on_demand = 0;    // the on-demand USD/hour it absorbs when fully used: amount / (1 - rate)
  int32_t start_date = 0;
  int32_t end_date = 0;             // start_date + 365 days per year of term
  int64_t created_at = 0;           // <= start_date
  double savings_rate = 0.3;        // discount against on-demand (catalog savings.one_year/three_year)
};

// An IAM-style API client. The secret is drawn, hashed and forgotten; only its hash is kept.
struct ApiClient {
  Uuid id;
  std::string name;
  std::string access_key_id;        // "AKSY" + 16 of [A-Z2-7] (shaped like an AWS key id, but no secret scanner's prefix), unique across the run
  std::string secret_key_hash;      // "sha256$" + 64 hex digits
  std::string scopes_json;          // e.g. ["read:*"]
  int64_t created_at = 0;
  int64_t last_used_at = 0;         // 0 = NULL (never used)
};

// One entry of the optimization_actions audit trail, aimed at a real resource of the account.
struct OptimizationAction {
  Uuid id;
  std::string resource_type;        // resource_tags vocabulary (instance, volume, ...)
  std::string resource_id;          // the resource_id convention
  std::string action_type;          // a value of the action_type CHECK list
  std::string status;               // history only: completed, rolled_back or failed
  double estimated_monthly_savings = 0;
  double realized_monthly_savings = -1;  // < 0 = NULL
  int client_index = -1;            // index into CommitmentModel::api_clients, or -1 (NULL)
  std::string details_json;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t applied_at = 0;           // 0 = NULL
};

class RowWriter;

struct CommitmentModel {
  std::vector<CoveredGroup> groups;
  std::vector<Commitment> commitments;
  std::vector<ApiClient> api_clients;
  std::vector<OptimizationAction> optimization_actions;
};

void build_commitments(const World& world, AccountModel& model);

void emit_commitments(const World& world, const AccountModel& model, RowWriter& out);
void emit_commitment_utilization_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_api_clients(const World& world, const AccountModel& model, RowWriter& out);
void emit_optimization_actions(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

// storage.h: the storage domain of one account on one day: EBS volumes (the root and data volumes of the
// account's instances, and detached volumes, each a life: docs/MODEL.md), snapshots (policy backups and
// manual snapshots, of existing or deleted volumes, billed incrementally), S3 buckets (lives too) and their
// daily usage.
// Contract: build_storage runs after build_ec2 (volumes derive from model.ec2.instances) and draws every
// value from streams keyed by (seed, kind, entity), so any account and any day builds alone;
// evaluate_storage_rules derives the EBS and snapshot findings from the stored values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/resource_core.h"

namespace seedgen {

class RowWriter;

struct Volume {
  ResourceCore core;             // resource_id = volume_id ("vol-" + 17 hex)
  uint64_t key = 0;              // entity key, seeds the per-day I/O streams
  int size_gib = 8;
  std::string volume_type;       // gp2, gp3, io1, io2, st1, sc1
  int provisioned_iops = 0;      // the type's IOPS limit (io1/io2: provisioned); metrics payload "provisioned_iops"
  std::string state;             // creating, available, in-use, deleting, deleted
  std::string attached_instance_id;  // empty = NULL
  double monthly_cost = 0;       // rounded to 4 decimals, as stored
  int64_t last_used_at = 0;      // 0 = NULL
  int64_t updated_at = 0;
  double daily_iops = 0;         // typical daily peak IOPS (metrics payload "iops")
  double iops_noise_low = 0.75, iops_noise_high = 1.25;  // bounds of the daily multiplier
  double weekend_factor = 1;     // multiplier on Saturdays and Sundays
  double read_share = 0.6;       // share of operations that are reads
  double io_size_kib = 32;       // mean size of one operation
  int32_t active_until_day = 0;  // last day with I/O (detached, or its instance stopped); later days are zero
  int64_t detached_at = 0;       // a detached volume's life began at its detachment (0: attached); as such it
                                 // is in the fleet from then on, though created earlier
};

struct Snapshot {
  ResourceCore core;             // resource_id = snapshot_id ("snap-" + 17 hex)
  uint64_t key = 0;
  std::string source_volume_id;  // empty = NULL; may name a volume that no longer exists
  int size_gib = 8;
  std::string retention_policy;  // empty = NULL
  double monthly_cost = 0;       // rounded to 4 decimals, as stored
};

struct S3Bucket {
  ResourceCore core;             // resource_id = bucket name (globally unique, DNS-compatible)
  uint64_t key = 0;              // entity key, seeds the per-day usage streams
  std::string lifecycle_policy_json;  // "{}" = none
  bool moves_current_data = false;    // a rule of the policy transitions or expires current objects
  double standard_gb = 0, ia_gb = 0, glacier_gb = 0;  // size on as_of
  double daily_requests = 0;     // typical requests per weekday (the median day)
  double request_sigma = 0.4;    // day-to-day lognormal spread of the requests
  double put_share = 0.2;        // share of requests that are PUT/COPY/POST/LIST (priced per 1k PUT)
  double weekend_factor = 1;     // activity on Saturdays and Sundays (holidays in between)
  double growth_per_day = 0;     // relative
  double monthly_cost = 0;       // 30 x the as_of day's storage and request cost
};

struct StorageModel {
  std::vector<Volume> volumes;
  std::vector<Snapshot> snapshots;
  std::vector<S3Bucket> buckets;
};

void build_storage(const World& world, AccountModel& model);
// evaluate_storage_rules: records every finding of ebs_unattached, ebs_gp2, ebs_piops_overprovisioned,
// snapshot_stale and s3_cold_no_lifecycle on the as_of day, from the stored values.
void evaluate_storage_rules(const World& world, AccountModel& model);

void emit_volumes(const World& world, const AccountModel& model, RowWriter& out);
void emit_snapshots(const World& world, const AccountModel& model, RowWriter& out);
void emit_s3_buckets(const World& world, const AccountModel& model, RowWriter& out);
void emit_s3_bucket_usage_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_storage_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_storage_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

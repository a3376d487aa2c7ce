// storage_builders.h: the three builders behind build_storage, one per table family, in build order
// (snapshots pick their source among the volumes already built). Internal to the storage domain.
#pragma once

#include "model/lives.h"
#include "model/account_model.h"

namespace seedgen {

// build_volumes: counts[kVolume] volumes; in-use ones attach to model.ec2.instances (any number,
// including none). Plants ebs_unattached, ebs_gp2, ebs_piops_overprovisioned.
void build_volumes(const World& world, AccountModel& model);
// build_snapshots: counts[kSnapshot] snapshots of model.storage.volumes or of deleted volumes. Plants
// snapshot_stale.
void build_snapshots(const World& world, AccountModel& model);
// build_buckets: the buckets alive at the end of as_of (lives of the account; expected[kS3Bucket] at the
// anchor).
void build_buckets(const World& world, AccountModel& model);

// storage_created_floor: the earliest creation time of a storage resource of this account (a day after
// the account itself was created).
int64_t storage_created_floor(const AccountModel& model);

}  // namespace seedgen

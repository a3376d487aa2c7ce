// storage_builder.cc: build_storage, the storage domain's entry point: volumes first (they attach to the
// compute domain's instances), then snapshots (of those volumes), then S3 buckets.
#include "core/calendar.h"
#include "model/storage/storage_builders.h"

namespace seedgen {

int64_t storage_created_floor(const AccountModel& model) { return model.account->created_at + kSecondsPerDay; }

void build_storage(const World& world, AccountModel& model) {
  build_volumes(world, model);
  build_snapshots(world, model);
  build_buckets(world, model);
}

}  // namespace seedgen

// api_client_builder.cc: the account's IAM-style API clients: 2-8 plus one per 500 resources, each with an
// access key unique across the run, the SHA-256 of a secret that is never stored, JSON scopes, and a
// last use that is recent, stale (> 90 days, the hygiene question), just under 90 days, or never.
#include <algorithm>
#include <array>
#include <string>

#include "core/calendar.h"
#include "model/commitments/commitment_builders.h"
#include "util/sha256.h"

namespace seedgen {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int kSecretLength = 40;

struct ClientPurpose {
  const char* name;
  const char* scopes_json;
};

constexpr std::array<ClientPurpose, 10> kPurposes = {{
    {"finops-agent", R"(["read:*", "write:actions"])"},
    {"terraform-ci", R"(["read:*", "write:*"])"},
    {"grafana-readonly", R"(["read:metrics"])"},
    {"cost-report-export", R"(["read:costs"])"},
    {"security-scanner", R"(["read:*"])"},
    {"backup-orchestrator", R"(["read:ec2", "write:snapshots"])"},
    {"k8s-autoscaler", R"(["read:ec2", "write:ec2"])"},
    {"datadog-integration", R"(["read:metrics", "read:ec2"])"},
    {"legacy-billing-sync", R"(["read:costs"])"},
    {"ops-cli", R"(["read:*", "write:actions"])"},
}};

// Last-use categories: the first two make the "unused for 90 days" answer, the third its near misses.
enum class LastUse { kNever, kStale, kNearlyStale, kRecent };

LastUse draw_last_use(double draw) {
  if (draw < 0.12) return LastUse::kNever;
  if (draw < 0.30) return LastUse::kStale;
  if (draw < 0.38) return LastUse::kNearlyStale;
  return LastUse::kRecent;
}

// access_key_id: "AKSY" (a prefix no AWS key and no secret scanner uses: gitleaks' aws-access-token rule
// matches A3T?, AKIA, ASIA, ABIA and ACCA), 13 characters of a bijective mix of (account, client) — so keys never collide
// within a run — and 3 drawn characters.
std::string access_key_id(Rng& rng, const World& world, uint32_t account_index, uint32_t client_index) {
  const uint64_t unique = (static_cast<uint64_t>(account_index) << 32) | client_index;
  uint64_t bits = mix64(unique ^ mix64(world.seed() ^ name_hash("api_clients")));
  std::string key = "AKSY";
  for (int character = 0; character < 13; ++character) {
    key += kBase32[bits & 31];
    bits >>= 5;
  }
  for (int character = 0; character < 3; ++character) key += kBase32[rng.below(32)];
  return key;
}

std::string secret_hash(Rng& rng) {
  static constexpr char kSecretAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string secret(kSecretLength, 'A');
  for (char& character : secret) character = kSecretAlphabet[rng.below(64)];
  return "sha256$" + sha256_hex(secret);
}

int64_t days_before(const World& world, double days) {
  return world.as_of_seconds() - static_cast<int64_t>(days * kSecondsPerDay);
}

// set_times: created_at after the account, last_used_at in its category's window and after created_at.
void set_times(const World& world, const AccountPlan& account, LastUse use, double when, double created,
               ApiClient& client) {
  const int64_t account_start = account.created_at + kSecondsPerDay;
  int64_t last_used = 0;
  switch (use) {
    case LastUse::kNever: break;
    case LastUse::kStale: last_used = days_before(world, 91.0 + 500.0 * when); break;
    case LastUse::kNearlyStale: last_used = days_before(world, 75.0 + 14.0 * when); break;
    case LastUse::kRecent: last_used = days_before(world, 30.0 * when); break;
  }
  last_used = use == LastUse::kNever ? 0 : std::max(last_used, account_start + kSecondsPerDay);
  const int64_t latest_creation = use == LastUse::kNever ? world.as_of_seconds() : last_used;
  const auto span = static_cast<double>(latest_creation - account_start);
  client.created_at = account_start + static_cast<int64_t>(created * span);
  client.last_used_at = last_used;
}

}  // namespace

void build_api_clients(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  Rng count_rng(world.seed(), "api_clients", entity_key(account.index, "api_client_count", 0));
  const int64_t count = count_rng.between(2, 8) + account.total_resources() / 500;
  const uint32_t first_purpose = count_rng.below(static_cast<uint32_t>(kPurposes.size()));
  for (int64_t index = 0; index < count; ++index) {
    const uint64_t key = entity_key(account.index, "api_client", static_cast<uint64_t>(index));
    Rng rng(world.seed(), "api_clients", key);
    const ClientPurpose& purpose = kPurposes[(first_purpose + static_cast<uint64_t>(index)) % kPurposes.size()];
    const LastUse use = draw_last_use(rng.unit());
    const double when = rng.unit();
    const double created = rng.unit();
    ApiClient client;
    client.id = Uuid::from_key(world.seed(), "api_clients", key);
    client.name = purpose.name;
    if (index >= static_cast<int64_t>(kPurposes.size())) {
      client.name += "-" + std::to_string(index / static_cast<int64_t>(kPurposes.size()) + 1);
    }
    client.access_key_id = access_key_id(rng, world, account.index, static_cast<uint32_t>(index));
    client.secret_key_hash = secret_hash(rng);
    client.scopes_json = purpose.scopes_json;
    set_times(world, account, use, when, created, client);
    model.commitments.api_clients.push_back(std::move(client));
  }
}

}  // namespace seedgen

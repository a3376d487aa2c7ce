#include "pipeline/pipeline.h"

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "copy/row_writer.h"
#include "core/error.h"
#include "model/account_model.h"
#include "pipeline/account_channel.h"
#include "pipeline/table_sink.h"
#include "tables/table_registry.h"
#include "util/sha256.h"

namespace seedgen {
namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr size_t kChunksPerAccount = 8;

bool cancelled(const GenerationOptions& options) {
  return options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed);
}

// encode_account: builds one account's model and pushes the rows of every selected table, in registry order.
AccountSummary encode_account(const World& world, uint32_t account_index, const std::vector<bool>& selected,
                              AccountChannel& channel) {
  const AccountModel model = build_account_model(world, account_index);
  const auto& specs = table_specs();
  RowWriter writer;
  size_t current_table = 0;
  bool stopped = false;
  AccountSummary summary;
  auto hand_over = [&](RowWriter& full) {
    if (is_resource_table(specs[current_table])) summary.resources += static_cast<int64_t>(full.rows());
    if (full.buffer().empty()) return;
    Chunk chunk{current_table, std::move(full.buffer()), full.rows()};
    full.buffer() = std::string();
    full.buffer().reserve(kChunkBytes + (kChunkBytes >> 3));
    full.clear();
    if (!channel.push(std::move(chunk))) stopped = true;
  };
  writer.set_flush(kChunkBytes, hand_over);
  for (current_table = 0; current_table < specs.size() && !stopped; ++current_table) {
    if (!selected[current_table]) continue;
    specs[current_table].emit(world, model, writer);
    hand_over(writer);
  }
  summary.planned_resources = model.account->total_resources();
  summary.monthly_cost = model.monthly_cost;
  summary.planted_savings = model.planted_savings;
  summary.planted_count = model.planted.size();
  return summary;
}

class Workers {
 public:
  Workers(const World& world, std::vector<uint32_t> accounts, std::vector<bool> selected, int jobs)
      : world_(world), accounts_(std::move(accounts)), selected_(std::move(selected)) {
    for (size_t index = 0; index < accounts_.size(); ++index) {
      channels_.push_back(std::make_unique<AccountChannel>(kChunksPerAccount));
    }
    window_ = static_cast<size_t>(jobs) + 1;
    for (int job = 0; job < jobs; ++job) threads_.emplace_back([this] { run(); });
  }

  ~Workers() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    advanced_.notify_all();
    for (auto& channel : channels_) channel->abort();
    for (auto& thread : threads_) thread.join();
  }

  AccountChannel& channel(size_t slot) { return *channels_[slot]; }
  size_t size() const { return accounts_.size(); }

  // consumed: the consumer finished `slot`; workers may start accounts up to slot + window.
  void consumed(size_t slot) {
    {
      std::lock_guard lock(mutex_);
      consumed_ = slot + 1;
    }
    advanced_.notify_all();
  }

 private:
  void run() {
    for (;;) {
      size_t slot = 0;
      {
        std::unique_lock lock(mutex_);
        if (next_ >= accounts_.size()) return;
        slot = next_++;
        advanced_.wait(lock, [&] { return stopping_ || slot < consumed_ + window_; });
        if (stopping_) return;
      }
      AccountSummary summary;
      std::exception_ptr error;
      try {
        summary = encode_account(world_, accounts_[slot], selected_, *channels_[slot]);
      } catch (...) {
        error = std::current_exception();
      }
      channels_[slot]->finish(summary, error);
    }
  }

  const World& world_;
  std::vector<uint32_t> accounts_;
  std::vector<bool> selected_;
  std::vector<std::unique_ptr<AccountChannel>> channels_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable advanced_;
  size_t next_ = 0, consumed_ = 0, window_ = 2;
  bool stopping_ = false;
};

std::vector<bool> selected_tables(const GenerationOptions& options) {
  std::vector<bool> selected(table_specs().size(), options.tables.empty());
  for (size_t table : options.tables) selected.at(table) = true;
  return selected;
}

std::vector<uint32_t> shard_accounts(const World& world, const GenerationOptions& options) {
  std::vector<uint32_t> accounts;
  for (const auto& account : world.accounts) {
    if (static_cast<int>(account.index % static_cast<uint32_t>(options.shard_count)) == options.shard_index) {
      accounts.push_back(account.index);
    }
  }
  return accounts;
}

}  // namespace

uint64_t GenerationResult::total_rows() const {
  uint64_t rows = 0;
  for (const auto& [name, stats] : tables) rows += stats.rows;
  return rows;
}

GenerationResult generate(const World& world, const GenerationOptions& options, TableSink& sink) {
  const auto& specs = table_specs();
  std::vector<Sha256> hashers(specs.size());
  std::vector<TableStats> stats(specs.size());
  const auto accounts = shard_accounts(world, options);
  GenerationResult result;
  GenerationProgress progress;
  for (uint32_t index : accounts) progress.resources_total += world.accounts[index].total_resources();

  const std::vector<bool> selected = selected_tables(options);
  Workers workers(world, accounts, selected, options.jobs < 1 ? 1 : options.jobs);
  for (size_t slot = 0; slot < workers.size(); ++slot) {
    AccountChannel& channel = workers.channel(slot);
    char account_id[36];
    world.accounts[accounts[slot]].id.format(account_id);
    sink.begin_account(std::string_view(account_id, sizeof account_id));
    Chunk chunk;
    size_t open_table = specs.size();
    while (channel.pop(chunk)) {
      if (cancelled(options)) throw Error(ErrorKind::kInterrupted, "interrupted; nothing was committed");
      const auto started = std::chrono::steady_clock::now();
      if (chunk.table != open_table) {
        if (open_table != specs.size()) sink.end_table(specs[open_table]);
        open_table = chunk.table;
        sink.begin_table(specs[open_table]);
      }
      sink.write(specs[open_table], chunk.bytes);
      stats[chunk.table].sink_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      hashers[chunk.table].update(chunk.bytes);
      stats[chunk.table].rows += chunk.rows;
      stats[chunk.table].bytes += chunk.bytes.size();
      progress.rows += chunk.rows;
      progress.bytes += chunk.bytes.size();
      if (options.on_progress) options.on_progress(progress);
    }
    if (open_table != specs.size()) sink.end_table(specs[open_table]);
    if (channel.error()) std::rethrow_exception(channel.error());
    if (cancelled(options)) throw Error(ErrorKind::kInterrupted, "interrupted; nothing was committed");
    const AccountSummary& summary = channel.summary();
    result.resources += summary.resources;
    result.planned_resources += summary.planned_resources;
    result.monthly_cost += summary.monthly_cost;
    result.planted_savings += summary.planted_savings;
    result.planted_count += summary.planted_count;
    progress.resources_done += summary.planned_resources;
    if (options.on_progress) options.on_progress(progress);
    workers.consumed(slot);
  }
  for (size_t index = 0; index < specs.size(); ++index) {
    if (!selected[index]) continue;
    stats[index].sha256 = hashers[index].finish_hex();
    result.tables[specs[index].qualified_name()] = stats[index];
  }
  return result;
}

}  // namespace seedgen

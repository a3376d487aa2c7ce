// load_loop.cc: the client threads, their clocks and the merge of their histograms.
#include "bench/load/load_loop.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <latch>
#include <mutex>
#include <exception>
#include <thread>


namespace seedgen::bench {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

constexpr size_t kClassSlots = 5;   // largest, median, small, any, global

int64_t microseconds(Clock::duration span) {
  return std::chrono::duration_cast<std::chrono::microseconds>(span).count();
}

// Shared: what the client threads and the caller share; guarded as commented.
struct Shared {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> next_arrival{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;     // GUARDED_BY(failure_mutex): the first client failure
  Clock::time_point start;        // written before `go` opens, read after
};

// ClientTally: one thread's histograms, by query x class slot.
struct ClientTally {
  std::vector<LogHistogram> cells;
  int64_t unfinished = 0;
};

class ClientThread {
 public:
  ClientThread(const LoadPlan& plan, const WorkloadMix& mix, const LoadOptions& options, Shared& shared,
               ClientTally& tally)
      : plan_(plan), mix_(mix), options_(options), shared_(shared), tally_(tally) {
    tally_.cells.assign(plan.query_names.size() * kClassSlots, LogHistogram());
  }

  void run(LoadClient& client, int index) {
    measure_start_ = shared_.start + std::chrono::duration_cast<Clock::duration>(Seconds(options_.warmup_s));
    end_ = measure_start_ + std::chrono::duration_cast<Clock::duration>(Seconds(options_.duration_s));
    if (options_.rate_qps > 0) open_loop(client);
    else closed_loop(client, index);
  }

 private:
  void closed_loop(LoadClient& client, int index) {
    Rng rng(options_.seed, "seedbench-client", static_cast<uint64_t>(index));
    while (!shared_.stop.load(std::memory_order_relaxed)) {
      const auto start = Clock::now();
      if (start >= end_) return;
      const MixDraw draw = mix_.draw(rng);
      client.execute(draw.query, plan_.parameters(draw));
      if (start >= measure_start_) record(draw, microseconds(Clock::now() - start));
    }
  }

  void open_loop(LoadClient& client) {
    const double interval_s = 1.0 / options_.rate_qps;
    const auto arrivals = static_cast<int64_t>(std::ceil((options_.warmup_s + options_.duration_s) * options_.rate_qps));
    const auto drain_end = end_ + std::chrono::duration_cast<Clock::duration>(Seconds(options_.drain_s));
    while (!shared_.stop.load(std::memory_order_relaxed)) {
      const int64_t arrival = shared_.next_arrival.fetch_add(1);
      if (arrival >= arrivals) return;
      const auto intended = shared_.start + std::chrono::duration_cast<Clock::duration>(
                                                Seconds(static_cast<double>(arrival) * interval_s));
      Rng rng(options_.seed, "seedbench-arrival", static_cast<uint64_t>(arrival));
      const MixDraw draw = mix_.draw(rng);
      const bool measured = intended >= measure_start_ && intended < end_;
      if (Clock::now() > drain_end) {   // too late to run: its wait so far is a lower bound
        if (measured) record(draw, microseconds(Clock::now() - intended));
        tally_.unfinished += measured ? 1 : 0;
        continue;
      }
      std::this_thread::sleep_until(intended);
      client.execute(draw.query, plan_.parameters(draw));
      if (measured) record(draw, microseconds(Clock::now() - intended));
    }
  }

  void record(const MixDraw& draw, int64_t latency_us) {
    const size_t slot = draw.account_class == kGlobalClassIndex ? kClassSlots - 1 : draw.account_class;
    tally_.cells[draw.query * kClassSlots + slot].record(latency_us);
  }

  const LoadPlan& plan_;
  const WorkloadMix& mix_;
  const LoadOptions& options_;
  Shared& shared_;
  ClientTally& tally_;
  Clock::time_point measure_start_, end_;
};

void fail(Shared& shared, std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(shared.failure_mutex);
  if (!shared.failure) shared.failure = std::move(error);
  shared.stop = true;
}

LoadRun merge(const LoadPlan& plan, const WorkloadMix& mix, const LoadOptions& options,
              const std::vector<ClientTally>& tallies) {
  LoadRun run;
  run.phase = options.phase;
  run.clients = options.clients;
  run.rate_qps = options.rate_qps;
  run.duration_s = options.duration_s;
  run.warmup_s = options.warmup_s;
  for (size_t query = 0; query < plan.query_names.size(); ++query) {
    for (size_t slot = 0; slot < kClassSlots; ++slot) {
      LoadCell cell{plan.query_names[query], mix.class_name(slot == kClassSlots - 1 ? kGlobalClassIndex : slot), {}};
      for (const auto& tally : tallies) cell.latency_us.merge(tally.cells[query * kClassSlots + slot]);
      if (cell.latency_us.count() == 0) continue;
      run.overall_us.merge(cell.latency_us);
      run.cells.push_back(std::move(cell));
    }
  }
  for (const auto& tally : tallies) run.unfinished += tally.unfinished;
  return run;
}

}  // namespace

const std::vector<std::string>& LoadPlan::parameters(const MixDraw& draw) const {
  if (draw.account_class == kGlobalClassIndex) return fixed.at(draw.query).at(0);
  if (draw.account_class == kAnyClassIndex) return pool.at(draw.query).at(draw.account);
  return fixed.at(draw.query).at(draw.account_class);
}

LoadRun run_load_loop(const LoadPlan& plan, const WorkloadMix& mix, const ClientFactory& factory,
                      const LoadOptions& options) {
  Shared shared;
  std::vector<ClientTally> tallies(static_cast<size_t>(options.clients));
  std::latch ready(options.clients);
  std::latch go(1);
  std::vector<std::thread> threads;
  for (int index = 0; index < options.clients; ++index) {
    threads.emplace_back([&, index] {
      ClientThread thread(plan, mix, options, shared, tallies[static_cast<size_t>(index)]);
      std::unique_ptr<LoadClient> client;
      try {
        client = factory(index);   // connect and prepare before the clock starts
      } catch (...) {
        fail(shared, std::current_exception());
      }
      ready.count_down();
      go.wait();
      if (!client) return;
      try {
        thread.run(*client, index);
      } catch (...) {
        fail(shared, std::current_exception());
      }
    });
  }
  ready.wait();
  shared.start = Clock::now();
  go.count_down();
  for (auto& thread : threads) thread.join();
  if (shared.failure) std::rethrow_exception(shared.failure);
  return merge(plan, mix, options, tallies);
}

}  // namespace seedgen::bench

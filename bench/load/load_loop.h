// load_loop.h: N clients drawing questions from a WorkloadMix for a fixed time, closed loop or open loop,
// recording each latency into per-thread LogHistograms that are merged into one LoadRun.
//  - Closed loop (rate_qps = 0): each client sends its next question when the last one answered; a
//    latency is that question's own round trip.
//  - Open loop (rate_qps > 0): arrivals are scheduled at fixed intervals of 1 / rate_qps from the start,
//    whatever the answers do; the next free client takes the next arrival, waiting for its time if it is
//    early. A latency runs from the arrival's intended time, so a stall that delays the arrivals behind it
//    shows in their latencies (no coordinated omission). Arrivals still waiting when the drain after the
//    window ends are recorded with their wait so far, as lower bounds, and counted as unfinished.
// Arrival k (open loop) and client c's n-th question (closed loop) are drawn from pcg32 streams keyed by
// the seed, so the questions asked do not depend on timing. Executions that start in the warm-up are not
// recorded. The clients are made by a factory, one per thread, so tests can run the loop without a server.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench/load/workload_mix.h"
#include "bench/model/load_report.h"

namespace seedgen::bench {

// LoadClient: one connection's worth of work. execute() runs `query` with `parameters` and throws
// seedgen::Error on failure. Used from one thread.
class LoadClient {
 public:
  virtual ~LoadClient() = default;
  virtual void execute(size_t query, const std::vector<std::string>& parameters) = 0;
};

using ClientFactory = std::function<std::unique_ptr<LoadClient>(int client_index)>;

// LoadPlan: the bound parameters of every question for every draw: fixed[query][class] for the classes
// "largest", "median", "small" (in that order) and, for a global question, fixed[query][0]; pool[query]
// [account] for the class "any".
struct LoadPlan {
  std::vector<std::string> query_names;
  std::vector<std::vector<std::vector<std::string>>> fixed;
  std::vector<std::vector<std::vector<std::string>>> pool;

  const std::vector<std::string>& parameters(const MixDraw& draw) const;
};

struct LoadOptions {
  int clients = 1;
  double duration_s = 60;
  double warmup_s = 5;
  double rate_qps = 0;        // 0: closed loop
  double drain_s = 5;         // open loop: how long after the window arrivals may still start
  uint64_t seed = 1;
  std::string phase = kQuietPhase;
};

// run_load_loop: runs the clients and returns the merged run. Rethrows the first exception a client
// raised (the other clients stop at their next question).
LoadRun run_load_loop(const LoadPlan& plan, const WorkloadMix& mix, const ClientFactory& factory,
                      const LoadOptions& options);

}  // namespace seedgen::bench

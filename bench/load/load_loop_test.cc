// load_loop_test.cc: the client loop without a server (fake clients that sleep), and the workload mix.
// The open-loop test is the coordinated-omission check: one stalled execution must show in the latencies
// of the arrivals queued behind it, while a closed loop only sees the stall once. Arrival counts are exact
// because the rate, warm-up and window are powers-of-two fractions of a second.
#include "bench/load/load_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "bench/stats/latency_stats.h"
#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen::bench {
namespace {

CatalogQuery question(const std::string& name, bool account_scoped) {
  CatalogQuery query;
  query.name = name;
  query.account_scoped = account_scoped;
  return query;
}

MixRules rules(std::vector<std::pair<std::string, double>> globs) {
  return MixRules{"test.toml", {{"largest", 1}, {"median", 1}, {"small", 1}, {"any", 1}}, std::move(globs)};
}

// FakeClient: sleeps `normal_ms` per execution, `stall_ms` on execution number `stall_at` (counted over all
// clients), throws on `fail_at`, and logs the queries it ran.
struct FakeScript {
  double normal_ms = 2;
  int stall_at = -1;
  double stall_ms = 0;
  int fail_at = -1;
  std::atomic<int> executions{0};
  std::mutex mutex;
  std::vector<size_t> queries;   // GUARDED_BY(mutex)
};

class FakeClient : public LoadClient {
 public:
  explicit FakeClient(FakeScript& script) : script_(script) {}
  void execute(size_t query, const std::vector<std::string>&) override {
    const int number = script_.executions++;
    if (number == script_.fail_at) throw Error(ErrorKind::kTarget, "query failed on purpose");
    {
      std::lock_guard<std::mutex> lock(script_.mutex);
      script_.queries.push_back(query);
    }
    const double ms = number == script_.stall_at ? script_.stall_ms : script_.normal_ms;
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
  }

 private:
  FakeScript& script_;
};

// Fixture: two account questions and one global one, three classes and a pool of two accounts.
struct Fixture {
  std::vector<CatalogQuery> queries{question("a", true), question("b", true), question("g", false)};
  LoadPlan plan;
  Fixture() {
    plan.query_names = {"a", "b", "g"};
    const std::vector<std::vector<std::string>> classes{{"L"}, {"M"}, {"S"}};
    plan.fixed = {classes, classes, {{}}};
    plan.pool = {{{"p1"}, {"p2"}}, {{"p1"}, {"p2"}}, {}};
  }
  LoadRun run(FakeScript& script, const LoadOptions& options, const MixRules& mix_rules) {
    const WorkloadMix mix(mix_rules, queries, 2);
    return run_load_loop(plan, mix, [&script](int) { return std::make_unique<FakeClient>(script); }, options);
  }
};

LoadOptions window(double rate) {
  LoadOptions options;
  options.clients = 1;
  options.rate_qps = rate;
  options.warmup_s = 0.125;   // 32 arrivals of 1/256 s
  options.duration_s = 0.5;   // 128 arrivals
  options.drain_s = 5;
  return options;
}

TEST(LoadLoop, OpenLoopChargesAStallToEveryArrivalQueuedBehindIt) {
  Fixture fixture;
  FakeScript script;
  script.stall_at = 60;   // inside the window
  script.stall_ms = 150;
  const LoadRun run = fixture.run(script, window(256), rules({}));
  EXPECT_EQ(run.overall_us.count(), 128);   // every arrival of the window, none lost to the stall
  EXPECT_EQ(run.unfinished, 0);
  // ~38 arrivals were due during the 150 ms stall; the worst waited ~150 ms: far more than 5 % of 128.
  EXPECT_GT(summarize_histogram(run.overall_us).p95, 50.0);
  EXPECT_GE(run.overall_us.max(), 140000);
}

TEST(LoadLoop, ClosedLoopSeesTheSameStallOnlyOnce) {
  Fixture fixture;
  FakeScript script;
  script.stall_at = 100;   // ~0.2 s in: after the warm-up's ~60 executions of 2 ms
  script.stall_ms = 150;
  const LoadRun run = fixture.run(script, window(0), rules({}));
  EXPECT_FALSE(run.open_loop());
  EXPECT_GT(run.overall_us.count(), 20);
  EXPECT_LT(summarize_histogram(run.overall_us).p95, 50.0);   // the stall is one sample among many
  EXPECT_GE(run.overall_us.max(), 140000);
}

TEST(LoadLoop, ArrivalsLeftWhenTheDrainEndsAreUnfinishedLowerBounds) {
  Fixture fixture;
  FakeScript script;
  script.stall_at = 0;
  script.stall_ms = 600;   // the first execution outlasts the window and the drain
  LoadOptions options = window(256);
  options.warmup_s = 0;
  options.duration_s = 0.25;   // 64 arrivals
  options.drain_s = 0.0625;
  const LoadRun run = fixture.run(script, options, rules({}));
  EXPECT_EQ(run.overall_us.count(), 64);
  EXPECT_GT(run.unfinished, 0);
  EXPECT_LT(run.unfinished, 64);
  EXPECT_GE(run.overall_us.min(), 0);
}

TEST(LoadLoop, ClientsDrawTheSameQuestionsForTheSameSeedAndNeverAZeroWeight) {
  std::vector<std::vector<size_t>> sequences;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Fixture fixture;
    FakeScript script;
    script.normal_ms = 1;
    LoadOptions options = window(0);
    options.warmup_s = 0;
    options.duration_s = 0.1;
    fixture.run(script, options, rules({{"b", 0}}));
    sequences.push_back(script.queries);
  }
  const size_t common = std::min(sequences[0].size(), sequences[1].size());
  ASSERT_GT(common, 10u);
  EXPECT_TRUE(std::equal(sequences[0].begin(), sequences[0].begin() + static_cast<std::ptrdiff_t>(common),
                         sequences[1].begin()));
  for (size_t query : sequences[0]) EXPECT_NE(query, 1u);   // "b" weighs 0
}

TEST(LoadLoop, AClientFailureStopsTheRunAndSurfaces) {
  Fixture fixture;
  FakeScript script;
  script.fail_at = 5;
  LoadOptions options = window(0);
  options.clients = 2;
  try {
    fixture.run(script, options, rules({}));
    FAIL() << "expected the client's error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kTarget);
    EXPECT_STREQ(error.what(), "query failed on purpose");
  }
}

TEST(WorkloadMix, TheLongestMatchingGlobWinsAndGlobalQuestionsHaveNoClass) {
  const std::vector<CatalogQuery> queries{question("adhoc/global_x", false), question("adhoc/y", true),
                                          question("z", true)};
  const WorkloadMix mix(rules({{"*", 2}, {"adhoc/*", 3}, {"adhoc/global_*", 0.5}}), queries, 4);
  const MixWeights weights = mix.weights();
  ASSERT_EQ(weights.queries.size(), 3u);
  EXPECT_EQ(weights.queries[0].second, 0.5);
  EXPECT_EQ(weights.queries[1].second, 3);
  EXPECT_EQ(weights.queries[2].second, 2);
  Rng rng(1, "test", 0);
  int global = 0;
  for (int draw = 0; draw < 200; ++draw) {
    const MixDraw picked = mix.draw(rng);
    if (picked.query == 0) {
      EXPECT_EQ(picked.account_class, kGlobalClassIndex);
      ++global;
    } else {
      EXPECT_LT(picked.account_class, 4u);
      EXPECT_LT(picked.account, 4u);
    }
  }
  EXPECT_GT(global, 0);
  EXPECT_EQ(mix.class_name(kGlobalClassIndex), "global");
  EXPECT_EQ(mix.class_name(kAnyClassIndex), "any");
}

TEST(WorkloadMix, RefusesMixesThatCannotRun) {
  const std::vector<CatalogQuery> queries{question("a", true)};
  MixRules no_class = rules({});
  for (auto& entry : no_class.classes) entry.second = 0;
  EXPECT_THROW(WorkloadMix(no_class, queries, 3), Error);
  EXPECT_THROW(WorkloadMix(rules({{"*", 0}}), queries, 3), Error);
  EXPECT_THROW(WorkloadMix(rules({}), queries, 0), Error);   // no account to run for
}

TEST(WorkloadMix, MixFileErrorsNameTheFileAndKey) {
  testing::TempFolder folder;
  const auto write = [&folder](const std::string& text) {
    const std::string path = (folder.path() / "mix.toml").string();
    std::ofstream(path) << text;
    return path;
  };
  const auto message_of = [](const std::string& path) {
    try {
      read_mix_file(path);
    } catch (const Error& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message_of(write("[classes]\nhuge = 1\n[queries]\n")).find("unknown class 'huge'"), std::string::npos);
  EXPECT_NE(message_of(write("[classes]\nlargest = -1\n[queries]\n")).find("classes.largest"), std::string::npos);
  EXPECT_NE(message_of(write("[classes]\nlargest = 1\n")).find("no [queries] table"), std::string::npos);
  const MixRules read = read_mix_file(write("[classes]\nlargest = 2\n[queries]\n\"a*\" = 3\n"));
  ASSERT_EQ(read.classes.size(), 1u);
  EXPECT_EQ(read.query_globs[0], (std::pair<std::string, double>{"a*", 3}));
}

TEST(WorkloadMix, TheShippedMixReads) {
  const MixRules shipped = read_mix_file(SEEDGEN_SOURCE_DIR "/sql/queries/mix.toml");
  EXPECT_EQ(shipped.classes.size(), 4u);
  EXPECT_FALSE(shipped.query_globs.empty());
}

}  // namespace
}  // namespace seedgen::bench

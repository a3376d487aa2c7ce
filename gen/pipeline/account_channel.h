// account_channel.h: the bounded hand-over of one account's encoded chunks from a worker thread to the
// consuming thread. push blocks while the channel is full (backpressure bounds memory); pop blocks until a
// chunk arrives or the worker has finished. abort() releases both sides for shutdown.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>

namespace seedgen {

struct Chunk {
  size_t table = 0;        // index into table_specs()
  std::string bytes;
  uint64_t rows = 0;
};

struct AccountSummary {
  int64_t resources = 0;           // rows of the resource tables this pass emitted (is_resource_table)
  int64_t planned_resources = 0;   // the plan's expected count: the unit of progress reports
  double monthly_cost = 0;
  double planted_savings = 0;
  uint64_t planted_count = 0;
};

class AccountChannel {
 public:
  explicit AccountChannel(size_t capacity) : capacity_(capacity) {}
  AccountChannel(const AccountChannel&) = delete;
  AccountChannel& operator=(const AccountChannel&) = delete;

  // push: returns false when the channel was aborted (the worker should stop).
  bool push(Chunk chunk);
  // finish: the worker is done; `error` is rethrown to the consumer when set.
  void finish(const AccountSummary& summary, std::exception_ptr error);
  // pop: returns false once the worker finished and every chunk was taken.
  bool pop(Chunk& chunk);
  void abort();

  const AccountSummary& summary() const { return summary_; }
  std::exception_ptr error() const { return error_; }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk> chunks_;
  size_t capacity_;
  bool finished_ = false;
  bool aborted_ = false;
  AccountSummary summary_;
  std::exception_ptr error_;
};

}  // namespace seedgen

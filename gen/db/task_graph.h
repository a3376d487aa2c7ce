// task_graph.h: runs a graph of database work on a fixed set of connections, one thread per connection.
// A task is ready once every task it comes after has finished; a free connection takes the ready task with
// the highest priority (evaluated when it is picked, so a priority may depend on work already done). The
// first failure stops the graph: no new task starts, the statements running on the other connections are
// cancelled, and run() rethrows that failure (failed_task() names it) once every thread has stopped. Setting
// the stop flag does the same. Tasks run concurrently: what they share must be guarded by the caller.
#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace seedgen {

class Connection;

struct GraphTask {
  std::string phase;                        // the load phase it belongs to, e.g. "indexes"
  std::string name;                         // what it does, for errors and progress, e.g. "idx_x on instances"
  std::vector<size_t> after;                // tasks that must finish first
  std::function<double()> priority;         // higher runs first; empty: 0
  std::function<void(Connection&)> work;
};

class TaskGraph {
 public:
  // add: returns the task's index, for later tasks' `after`. REQUIRES: every index in task.after exists.
  size_t add(GraphTask task);
  const GraphTask& task(size_t index) const { return tasks_[index]; }
  size_t size() const { return tasks_.size(); }

  // run: runs every task on `connections` (one thread each). `tick` runs on the calling thread after each
  // task finishes and at least every 100 ms, with the set of finished tasks; it must not throw. Rethrows the
  // first failure; throws nothing more when `stop` was set without a failure (the caller knows why).
  void run(const std::vector<Connection*>& connections, std::atomic<bool>& stop,
           const std::function<void(const std::vector<bool>& finished)>& tick);

  // failed_task: the task whose failure run() rethrew.
  const GraphTask* failed_task() const { return failed_; }

 private:
  void work_on(Connection& connection, std::atomic<bool>& stop);
  bool next_ready(size_t& picked);   // REQUIRES: mutex_ held
  void fail(size_t index, std::exception_ptr error, std::atomic<bool>& stop);

  std::vector<GraphTask> tasks_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> started_, finished_;      // guarded by mutex_
  size_t running_ = 0;                        // guarded by mutex_
  bool stopping_ = false;                     // guarded by mutex_
  std::exception_ptr error_;                  // guarded by mutex_
  const GraphTask* failed_ = nullptr;
  std::function<void()> cancel_all_;
};

}  // namespace seedgen

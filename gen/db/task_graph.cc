#include "db/task_graph.h"

#include <chrono>
#include <memory>
#include <thread>

#include "core/error.h"
#include "db/canceller.h"

namespace seedgen {

size_t TaskGraph::add(GraphTask task) {
  tasks_.push_back(std::move(task));
  return tasks_.size() - 1;
}

bool TaskGraph::next_ready(size_t& picked) {
  double best = 0;
  bool found = false;
  for (size_t index = 0; index < tasks_.size(); ++index) {
    if (started_[index]) continue;
    bool ready = true;
    for (size_t before : tasks_[index].after) ready = ready && finished_[before];
    if (!ready) continue;
    const double priority = tasks_[index].priority ? tasks_[index].priority() : 0.0;
    if (!found || priority > best) {
      found = true;
      best = priority;
      picked = index;
    }
  }
  return found;
}

void TaskGraph::fail(size_t index, std::exception_ptr error, std::atomic<bool>& stop) {
  {
    std::lock_guard lock(mutex_);
    if (!error_) {
      error_ = error;
      failed_ = &tasks_[index];
    }
    stopping_ = true;
    stop.store(true);
  }
  changed_.notify_all();
  cancel_all_();
}

void TaskGraph::work_on(Connection& connection, std::atomic<bool>& stop) {
  for (;;) {
    size_t picked = 0;
    {
      std::unique_lock lock(mutex_);
      bool found = false;
      changed_.wait(lock, [&] {
        if (stopping_) return true;
        found = next_ready(picked);
        if (!found && running_ == 0) {
          for (bool done : finished_) if (!done) {
            // Nothing runs and nothing is ready, yet work remains: the graph has a cycle (a bug).
            if (!error_) error_ = std::make_exception_ptr(Error(ErrorKind::kLoad, "internal error: the load's task graph is stuck"));
            stopping_ = true;
            return true;
          }
          return true;   // everything finished
        }
        return found;
      });
      if (stopping_ || !found) {
        changed_.notify_all();
        return;
      }
      started_[picked] = true;
      ++running_;
    }
    try {
      tasks_[picked].work(connection);
    } catch (...) {
      fail(picked, std::current_exception(), stop);
    }
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) finished_[picked] = true;
      --running_;
    }
    changed_.notify_all();
  }
}

void TaskGraph::run(const std::vector<Connection*>& connections, std::atomic<bool>& stop,
                    const std::function<void(const std::vector<bool>& finished)>& tick) {
  started_.assign(tasks_.size(), false);
  finished_.assign(tasks_.size(), false);
  std::vector<std::unique_ptr<Canceller>> cancellers;
  for (Connection* connection : connections) cancellers.push_back(std::make_unique<Canceller>(*connection));
  cancel_all_ = [&cancellers] {
    for (const auto& canceller : cancellers) canceller->cancel();
  };
  std::vector<std::thread> threads;
  for (Connection* connection : connections) threads.emplace_back([this, connection, &stop] { work_on(*connection, stop); });
  std::unique_lock lock(mutex_);
  for (;;) {
    bool done = true;
    for (bool finished : finished_) done = done && finished;
    if (done || (stopping_ && running_ == 0)) break;
    changed_.wait_for(lock, std::chrono::milliseconds(100));
    if (stop.load() && !stopping_) {
      stopping_ = true;
      changed_.notify_all();
      lock.unlock();
      cancel_all_();
      lock.lock();
    }
    const std::vector<bool> finished = finished_;
    lock.unlock();
    tick(finished);
    lock.lock();
  }
  lock.unlock();
  for (auto& thread : threads) thread.join();
  tick(finished_);
  if (error_) std::rethrow_exception(error_);
}

}  // namespace seedgen

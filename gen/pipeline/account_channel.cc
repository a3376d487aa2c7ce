#include "pipeline/account_channel.h"

namespace seedgen {

bool AccountChannel::push(Chunk chunk) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return aborted_ || chunks_.size() < capacity_; });
  if (aborted_) return false;
  chunks_.push_back(std::move(chunk));
  changed_.notify_all();
  return true;
}

void AccountChannel::finish(const AccountSummary& summary, std::exception_ptr error) {
  std::lock_guard lock(mutex_);
  summary_ = summary;
  error_ = error;
  finished_ = true;
  changed_.notify_all();
}

bool AccountChannel::pop(Chunk& chunk) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return aborted_ || finished_ || !chunks_.empty(); });
  if (chunks_.empty()) return false;
  chunk = std::move(chunks_.front());
  chunks_.pop_front();
  changed_.notify_all();
  return true;
}

void AccountChannel::abort() {
  std::lock_guard lock(mutex_);
  aborted_ = true;
  changed_.notify_all();
}

}  // namespace seedgen

#include "cli/interrupts.h"

#include <csignal>
#include <unistd.h>

namespace seedgen {
namespace {

std::atomic<bool> cancel_requested{false};
std::atomic<int> received_signal{0};

void on_signal(int signal_number) {
  if (cancel_requested.exchange(true)) _exit(128 + signal_number);
  received_signal.store(signal_number);
}

}  // namespace

const std::atomic<bool>* install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return &cancel_requested;
}

int interrupt_signal() { return received_signal.load(); }

}  // namespace seedgen

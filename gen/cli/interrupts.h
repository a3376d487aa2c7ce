// interrupts.h: SIGINT/SIGTERM become a cancel flag that the pipeline and loader poll, so that an
// interrupted load rolls back cleanly instead of dying mid-statement. A second signal exits at once (the
// server still rolls back: nothing was committed).
#pragma once

#include <atomic>

namespace seedgen {

// install_interrupt_handlers: returns the flag set on the first SIGINT or SIGTERM.
const std::atomic<bool>* install_interrupt_handlers();

// interrupt_signal: the signal that set the flag, or 0.
int interrupt_signal();

}  // namespace seedgen

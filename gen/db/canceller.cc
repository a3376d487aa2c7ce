#include "db/canceller.h"

#include <libpq-fe.h>

#include <array>

#include "db/connection.h"

namespace seedgen {

Canceller::Canceller(Connection& connection) : handle_(PQgetCancel(connection.raw())) {}

Canceller::~Canceller() {
  if (handle_ != nullptr) PQfreeCancel(handle_);
}

void Canceller::cancel() const {
  if (handle_ == nullptr) return;
  std::array<char, 256> error{};
  PQcancel(handle_, error.data(), static_cast<int>(error.size()));
}

}  // namespace seedgen

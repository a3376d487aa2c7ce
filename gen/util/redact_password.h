// redact_password.h: a database URL or keyword/value connection string that is safe to print. Every
// password libpq would read from it becomes "***": the user:password@ of a URL, a password= query
// parameter (its name may be percent-encoded, as libpq decodes it), and a password keyword of a
// keyword/value string, quoted or not. Everything else is kept as written.
#pragma once

#include <string>
#include <string_view>

namespace seedgen {

std::string redact_password(std::string_view conninfo);

}  // namespace seedgen

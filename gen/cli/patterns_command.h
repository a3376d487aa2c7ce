// patterns_command.h: `seedgen patterns`: the waste catalog's pattern ids, one per line, in the catalog's
// order: the one list that scripts (tests/support/check-queries) read instead of grepping the code.
#pragma once

namespace seedgen {

int run_patterns_command(int argc, char** argv);

}  // namespace seedgen

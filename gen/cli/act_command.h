// act_command.h: `seedgen act [--approve-pending]`: carries out the approved optimization actions of the
// loaded estate at the end of its current day, in one transaction (docs/AGENTS.md, "Execution").
#pragma once

namespace seedgen {

int run_act_command(int argc, char** argv);

}  // namespace seedgen

// status_command.h: `seedgen status`: the loaded estate's profile, seed, load day, current day, days
// drifted and the last run's state.
#pragma once

namespace seedgen {

int run_status_command(int argc, char** argv);

}  // namespace seedgen

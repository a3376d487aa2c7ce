// profiles_command.h: `seedgen profiles`: the profiles seedgen can load (profiles/*.toml of the data
// home), with their sizes (resources, accounts, days of history) and the first line of their comment.
#pragma once

namespace seedgen {

int run_profiles_command(int argc, char** argv);

}  // namespace seedgen

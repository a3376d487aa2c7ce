// report_file.h: writes one finished report (JSON, HTML or Markdown text) to a local file.
// Promises that a failure to open, write or close surfaces as seedgen::Error(kIo) naming the path and the
// reason, never as a silently short file.
#pragma once

#include <string>
#include <string_view>

namespace seedgen::bench {

// write_report_file: replaces the file at `path` with `contents`.
// Throws Error(ErrorKind::kIo, "cannot write <path>: <reason>") on failure.
void write_report_file(const std::string& path, std::string_view contents);

}  // namespace seedgen::bench

// text_file.h: writes one finished text (a JSON report, a manifest, an HTML page) to a local file, or reads
// one whole (a findings file). Promises that a failure to open, read, write or close surfaces as
// seedgen::Error(kIo) naming the path and the reason, never as a silently short file. Used by seedgen's and seedbench's reports alike.
#pragma once

#include <string>
#include <string_view>

namespace seedgen {

// write_text_file: replaces the file at `path` with `contents`; the path "-" means standard output (as
// in --json -), flushed.
// Throws Error(ErrorKind::kIo, "cannot write <path>: <reason>") on failure.
void write_text_file(const std::string& path, std::string_view contents);

// read_text_file: the whole file at `path`, as bytes.
// Throws Error(ErrorKind::kIo, "cannot read <path>: <reason>") when it cannot be opened or read.
std::string read_text_file(const std::string& path);

// check_writable: whether write_text_file(path, ...) could succeed, checked before long work so that it
// fails first. Leaves an existing file as it was and creates none. Throws the same Error(kIo).
void check_writable(const std::string& path);

// create_folder: creates `path` and its parents (nothing when it exists). Throws Error(ErrorKind::kIo,
// "cannot create <path>: <reason>").
void create_folder(const std::string& path);

}  // namespace seedgen

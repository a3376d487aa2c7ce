// text_file.cc: whole-file text reads and writes with every failure reported.
#include "util/text_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace seedgen {

namespace {

// fail: throws the kIo error for `path`; a short write that set no errno still says why.
[[noreturn]] void fail(const std::string& path, int error_number) {
  std::string reason = error_number != 0 ? std::strerror(error_number) : "short write";
  throw Error(ErrorKind::kIo, "cannot write " + path + ": " + reason);
}

// write_stdout: the whole text to standard output, flushed, so that a closed or full stdout is an error too.
void write_stdout(std::string_view contents) {
  errno = 0;
  const bool written = std::fwrite(contents.data(), 1, contents.size(), stdout) == contents.size();
  const int write_errno = errno;
  if (std::fflush(stdout) != 0 || !written) fail("standard output", written ? errno : write_errno);
}

}  // namespace

void write_text_file(const std::string& path, std::string_view contents) {
  if (path == "-") return write_stdout(contents);
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) fail(path, errno);
  bool written = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  int write_errno = errno;
  if (std::fclose(file) != 0) fail(path, written ? errno : write_errno);
  if (!written) fail(path, write_errno);
}

std::string read_text_file(const std::string& path) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw Error(ErrorKind::kIo, "cannot read " + path + ": " + std::strerror(errno));
  std::string contents;
  char buffer[65536];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) contents.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  const int read_errno = errno;
  std::fclose(file);
  if (failed) throw Error(ErrorKind::kIo, "cannot read " + path + ": " + std::strerror(read_errno != 0 ? read_errno : EIO));
  return contents;
}

void check_writable(const std::string& path) {
  if (path == "-") return;
  std::error_code error;
  const bool existed = std::filesystem::exists(path, error);
  errno = 0;
  // Append mode opens for writing without truncating what is there.
  std::FILE* file = std::fopen(path.c_str(), "ab");
  if (file == nullptr) fail(path, errno);
  std::fclose(file);
  if (!existed && !error) std::remove(path.c_str());
}

void create_folder(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) throw Error(ErrorKind::kIo, "cannot create " + path + ": " + error.message());
}

}  // namespace seedgen

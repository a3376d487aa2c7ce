// temp_folder.h: a folder under the system temp dir that removes itself; for tests that write files.
#pragma once

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

namespace seedgen::testing {

class TempFolder {
 public:
  TempFolder() {
    path_ = std::filesystem::temp_directory_path() /
            ("seedgen-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  void write(const std::string& name, const std::string& contents) const {
    std::ofstream(path_ / name, std::ios::binary) << contents;
  }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

}  // namespace seedgen::testing

# embed-sql.cmake: writes a C++ header that holds .sql files as string constants, so a binary carries the
# SQL it runs itself (and stays usable when copied away from the checkout), while the SQL stays in plain
# files that psql can run and a reviewer can read. Run by seedgen_embed_sql() (root CMakeLists.txt):
#   cmake -DOUTPUT=<header> -DNAMESPACE=<ns> -DFILES=<a.sql;b.sql> -P embed-sql.cmake
# Each file becomes `inline constexpr std::string_view <basename>` (non-identifier characters become '_'),
# and `files` lists them all, in the order given, as {file name, text} pairs.
cmake_minimum_required(VERSION 3.25)
set(body "// Generated from .sql files by scripts/embed-sql.cmake; do not edit.\n#pragma once\n\n#include <array>\n#include <string_view>\n#include <utility>\n\nnamespace ${NAMESPACE} {\n")
set(index "")
set(count 0)
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME_WE)
  string(MAKE_C_IDENTIFIER "${name}" name)
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "\n// ${file}\ninline constexpr char ${name}_bytes[] = {${bytes}'\\0'};\n")
  string(APPEND body "inline constexpr std::string_view ${name}{${name}_bytes, ${size}};\n")
  get_filename_component(file_name "${file}" NAME)
  string(APPEND index "    std::pair<std::string_view, std::string_view>{\"${file_name}\", ${name}},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "\ninline constexpr std::array<std::pair<std::string_view, std::string_view>, ${count}> files{{\n${index}}};\n")
string(APPEND body "\n}  // namespace ${NAMESPACE}\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

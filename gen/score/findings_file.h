// findings_file.h: an agent's findings from a file: CSV with a header naming (in any order, extra columns
// ignored) account_id, resource_type, resource_id, pattern, estimated_monthly_savings; or a JSON array of
// objects with those keys. Quoted CSV fields follow RFC 4180 (a field may not span lines); blank lines are
// skipped; an empty or absent saving is 0. Every finding is validated (validate_finding).
// Promises: the whole text is checked before anything is returned; the first problem throws
// Error(kIo, "<source>:<line>: <reason>"), <source> being the name the caller gives (the path).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "score/finding.h"

namespace seedgen::score {

std::vector<Finding> parse_findings_csv(std::string_view text, const std::string& source);
std::vector<Finding> parse_findings_json(std::string_view text, const std::string& source);

// parse_findings_file: by the path's extension (.csv or .json, any case); anything else is Error(kUsage)
// naming --findings.
std::vector<Finding> parse_findings_file(std::string_view text, const std::string& path);

}  // namespace seedgen::score

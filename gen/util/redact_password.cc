#include "util/redact_password.h"

#include <cctype>

namespace seedgen {
namespace {

constexpr std::string_view kMask = "***";

bool is_url(std::string_view text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

int hex_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

// percent_decoded: the text as libpq reads a URL parameter name (%XX decoded; a bad escape kept).
std::string percent_decoded(std::string_view text) {
  std::string decoded;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '%' && index + 2 < text.size() && hex_value(text[index + 1]) >= 0 && hex_value(text[index + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[index + 1]) * 16 + hex_value(text[index + 2]));
      index += 2;
    } else {
      decoded += text[index];
    }
  }
  return decoded;
}

// redact_url_userinfo: postgresql://user:secret@host -> postgresql://user:***@host. The userinfo ends at
// the last '@' before the path, query or fragment.
std::string redact_url_userinfo(std::string_view url) {
  const size_t authority = url.find("://") + 3;
  const size_t authority_end = std::min(url.find_first_of("/?#", authority), url.size());
  const size_t at = url.rfind('@', authority_end);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  const size_t colon = url.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + std::string(kMask) + std::string(url.substr(at));
}

// redact_url_query: every password=... parameter of the query string gets the mask.
std::string redact_url_query(const std::string& url) {
  const size_t question = url.find('?');
  if (question == std::string::npos) return url;
  std::string out = url.substr(0, question + 1);
  size_t start = question + 1;
  while (start <= url.size()) {
    const size_t end = std::min(url.find('&', start), url.size());
    const std::string_view parameter = std::string_view(url).substr(start, end - start);
    const size_t equals = parameter.find('=');
    if (equals != std::string_view::npos && percent_decoded(parameter.substr(0, equals)) == "password") {
      out += std::string(parameter.substr(0, equals + 1)) + std::string(kMask);
    } else {
      out += std::string(parameter);
    }
    if (end == url.size()) break;
    out += '&';
    start = end + 1;
  }
  return out;
}

// KeywordValue: one "keyword = value" of a libpq keyword/value string, as byte offsets.
struct KeywordValue {
  size_t keyword_begin, keyword_end, value_begin, value_end;
};

// next_pair: the pair starting at or after `position`, following libpq's conninfo_parse: a keyword, '='
// with optional spaces around it, then a value that is either quoted ('...', backslash escapes) or runs
// to the next space (backslash escapes too). False when nothing but spaces is left or the text is broken.
bool next_pair(std::string_view text, size_t position, KeywordValue& pair) {
  const auto skip_spaces = [&](size_t at) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
    return at;
  };
  size_t at = skip_spaces(position);
  if (at >= text.size()) return false;
  pair.keyword_begin = at;
  while (at < text.size() && text[at] != '=' && std::isspace(static_cast<unsigned char>(text[at])) == 0) ++at;
  pair.keyword_end = at;
  at = skip_spaces(at);
  if (at >= text.size() || text[at] != '=') return false;
  at = skip_spaces(at + 1);
  pair.value_begin = at;
  const bool quoted = at < text.size() && text[at] == '\'';
  if (quoted) ++at;
  while (at < text.size()) {
    if (text[at] == '\\' && at + 1 < text.size()) {
      at += 2;
      continue;
    }
    if (quoted ? text[at] == '\'' : std::isspace(static_cast<unsigned char>(text[at])) != 0) break;
    ++at;
  }
  pair.value_end = quoted && at < text.size() ? at + 1 : at;
  return true;
}

std::string redact_keyword_value(std::string_view text) {
  std::string out;
  size_t copied = 0, position = 0;
  KeywordValue pair{};
  while (next_pair(text, position, pair)) {
    if (text.substr(pair.keyword_begin, pair.keyword_end - pair.keyword_begin) == "password") {
      out += std::string(text.substr(copied, pair.value_begin - copied)) + std::string(kMask);
      copied = pair.value_end;
    }
    position = pair.value_end;
  }
  // What follows the last pair libpq could read is broken (a keyword without '='), so nobody can connect
  // with it, but it may still hold a password: hide everything from the word on.
  const size_t stray = text.find("password", position);
  if (stray != std::string_view::npos) {
    return out + std::string(text.substr(copied, stray - copied)) + "password " + std::string(kMask);
  }
  return out + std::string(text.substr(copied));
}

}  // namespace

std::string redact_password(std::string_view conninfo) {
  if (is_url(conninfo)) return redact_url_query(redact_url_userinfo(conninfo));
  return redact_keyword_value(conninfo);
}

}  // namespace seedgen

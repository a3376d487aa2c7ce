#include "util/redact_password.h"

#include <gtest/gtest.h>

namespace seedgen {
namespace {

TEST(RedactPassword, UrlUserinfo) {
  EXPECT_EQ(redact_password("postgresql://alice:s3cret@db.example:5432/app"), "postgresql://alice:***@db.example:5432/app");
  EXPECT_EQ(redact_password("postgres://alice:p@ss@db/app"), "postgres://alice:***@db/app");
  EXPECT_EQ(redact_password("postgresql://alice@db/app"), "postgresql://alice@db/app");
  EXPECT_EQ(redact_password("postgresql://db:5432/app"), "postgresql://db:5432/app");
}

TEST(RedactPassword, UrlQueryParameter) {
  EXPECT_EQ(redact_password("postgresql://db/app?password=s3cret"), "postgresql://db/app?password=***");
  EXPECT_EQ(redact_password("postgresql://db/app?sslmode=disable&password=s3cret&user=bob"),
            "postgresql://db/app?sslmode=disable&password=***&user=bob");
  // libpq decodes parameter names, so pass%77ord is a password too.
  EXPECT_EQ(redact_password("postgresql:///app?host=/tmp&pass%77ord=s3cret"), "postgresql:///app?host=/tmp&pass%77ord=***");
  EXPECT_EQ(redact_password("postgresql://u:a@h/d?password=b"), "postgresql://u:***@h/d?password=***");
  EXPECT_EQ(redact_password("postgresql://h/d?passfile=/x&application_name=password"),
            "postgresql://h/d?passfile=/x&application_name=password");
}

TEST(RedactPassword, KeywordValue) {
  EXPECT_EQ(redact_password("host=db password=s3cret user=bob"), "host=db password=*** user=bob");
  EXPECT_EQ(redact_password("password = 'two words' dbname=app"), "password = *** dbname=app");
  EXPECT_EQ(redact_password("password='it\\'s' host=db"), "password=*** host=db");
  EXPECT_EQ(redact_password("host=db passfile=/home/x/.pgpass"), "host=db passfile=/home/x/.pgpass");
  EXPECT_EQ(redact_password("user=password host=db"), "user=password host=db");
  EXPECT_EQ(redact_password("password=a password=b"), "password=*** password=***");
}

TEST(RedactPassword, BrokenKeywordValueStillHidesThePassword) {
  EXPECT_EQ(redact_password("host=db password s3cret"), "host=db password ***");
  EXPECT_EQ(redact_password("host=db password='unterminated"), "host=db password=***");
}

TEST(RedactPassword, TextWithoutPasswordIsUnchanged) {
  EXPECT_EQ(redact_password(""), "");
  EXPECT_EQ(redact_password("dbname=seedgen host=/tmp port=5432"), "dbname=seedgen host=/tmp port=5432");
}

}  // namespace
}  // namespace seedgen

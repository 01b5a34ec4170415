// JsonWriter writes the hottest responses (a case, list rows) without a boost::json tree: its
// text must be valid JSON that parses back to exactly what was written.
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <climits>
#include <string>

namespace hw::http {
namespace {

namespace json = boost::json;

TEST(JsonWriterTest, NestedObjectsAndArraysGetTheirCommas) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id").String("c-1");
  w.Key("version").Int(3);
  w.Key("person").BeginObject();
  w.Key("prs_FirstName").String("Nguyễn");
  w.Key("prs_Aliases").BeginArray().String("a").String("b").EndArray();
  w.EndObject();
  w.Key("empty").BeginArray().EndArray();
  w.Key("events").BeginArray();
  w.BeginObject().Key("hte_Type").String("Transit").EndObject();
  w.BeginObject().Key("hte_City").Null().EndObject();
  w.EndArray();
  w.Key("closure").Null();
  w.EndObject();
  EXPECT_EQ(
      out, R"({"id":"c-1","version":3,"person":{"prs_FirstName":"Nguyễn","prs_Aliases":["a","b"]},)"
           R"("empty":[],"events":[{"hte_Type":"Transit"},{"hte_City":null}],"closure":null})");
  json::value parsed = json::parse(out);
  EXPECT_EQ(parsed.at("person").at("prs_FirstName").as_string(), "Nguyễn");
  EXPECT_EQ(parsed.at("events").as_array().size(), 2u);
}

TEST(JsonWriterTest, StringsAreEscapedAndParseBackUnchanged) {
  const std::string tricky = std::string("quote \" backslash \\ newline \n tab \t nul ") +
                             std::string(1, '\0') + " bell \x07 </script> end";
  std::string out;
  JsonWriter(out).BeginObject().Key("v").String(tricky).EndObject();
  EXPECT_EQ(out.find('\n'), std::string::npos);  // control characters never go out raw
  EXPECT_EQ(json::parse(out).at("v").as_string(), tricky);
}

TEST(JsonWriterTest, IntegersAtTheirLimitsAndEmptyStringsOrNull) {
  std::string out;
  JsonWriter w(out);
  w.BeginArray().Int(LLONG_MIN).Int(LLONG_MAX).Int(0).StringOrNull("").StringOrNull("x").EndArray();
  EXPECT_EQ(out, "[-9223372036854775808,9223372036854775807,0,null,\"x\"]");
  json::array parsed = json::parse(out).as_array();
  EXPECT_EQ(parsed[0].as_int64(), LLONG_MIN);
  EXPECT_EQ(parsed[1].as_int64(), LLONG_MAX);
}

TEST(JsonWriterTest, AppendsToWhatIsAlreadyThere) {
  std::string out = "{\"items\":[";
  JsonWriter(out).BeginObject().Key("a").Int(1).EndObject();
  out.push_back(',');
  JsonWriter(out).BeginObject().Key("b").Int(2).EndObject();
  out.append("]}");
  EXPECT_EQ(out, R"({"items":[{"a":1},{"b":2}]})");
}

}  // namespace
}  // namespace hw::http

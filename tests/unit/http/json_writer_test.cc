// JsonWriter writes the hottest responses (a case, list rows) without a boost::json tree: its
// text must be valid JSON that parses back to exactly what was written.
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <climits>
#include <string>

#include "http/json_util.h"

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

// Strings are scanned 8 bytes at a time: every byte value, at every offset of a word and in
// strings of every length around a word's, is escaped exactly as the byte-at-a-time rule does.
TEST(JsonWriterTest, EveryByteIsEscapedWhereverItFallsInAWord) {
  auto reference = [](const std::string& s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string r = "\"";
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        r += '\\';
        r += ch;
      } else if (c < 0x20) {
        r += "\\u00";
        r += kHex[c >> 4];
        r += kHex[c & 0xf];
      } else {
        r += ch;
      }
    }
    return r + "\"";
  };
  int checked = 0;
  for (int len = 1; len <= 19; ++len) {
    for (int at = 0; at < len; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string s(static_cast<size_t>(len), 'a');
        if (len > 3) s[0] = static_cast<char>(0xc3);  // bytes >= 0x80 around it (UTF-8 lead)
        s[static_cast<size_t>(at)] = static_cast<char>(byte);
        std::string out;
        AppendJsonString(out, s);
        ASSERT_EQ(out, reference(s)) << "length " << len << ", byte " << byte << " at " << at;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 190 * 256);
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  std::string out;
  AppendJsonString(out, all + all);
  EXPECT_EQ(out, reference(all + all));
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

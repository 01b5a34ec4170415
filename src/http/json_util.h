// Reading request bodies field by field with per-field errors, and writing common objects.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "http/message.h"

namespace hw::http {

// Parses the body as a JSON object. Errors carry reason "invalid_json" (-> 400).
Result<boost::json::object> ParseObject(const Request& req);

// Collects field errors while reading an object; Finish() returns them as one InvalidArgument.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& obj) : obj_(obj) {}
  std::optional<std::string> String(const char* name, bool required, size_t max_len = 1000);
  std::optional<long long> Integer(const char* name, bool required);
  std::optional<bool> Bool(const char* name, bool required);
  std::optional<std::vector<std::string>> StringList(const char* name, bool required);
  // Names a field the caller rejected after reading it.
  void Fail(const std::string& name, const std::string& message) { fields_[name] = message; }
  // Rejects fields not in `allowed` (typos must not silently do nothing).
  void OnlyAllow(const std::vector<std::string>& allowed);
  Status Finish() const;

 private:
  const boost::json::object& obj_;
  Status::Fields fields_;
};

// {"items":[...],"next":...}
std::string ListBody(boost::json::array items, const std::optional<std::string>& next);
// The same from items already serialized one after another with commas ("{...},{...}").
std::string ListBody(std::string_view items_json, const std::optional<std::string>& next);
// Appends `s` as a JSON string literal (quotes, escapes; `s` is UTF-8).
void AppendJsonString(std::string& out, std::string_view s);
boost::json::value TimeOrNull(const std::optional<TimeMs>& t);

}  // namespace hw::http

// Reading request bodies field by field with per-field errors, and writing common objects.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <set>
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
  // The same for an input read both on create and on PATCH: `version` non-null (a PATCH) also
  // allows "version" and reads it into `version` as required (0 when missing or wrong).
  void OnlyAllow(std::vector<std::string> allowed, long long* version);
  Status Finish() const;
  // Adds the errors to `errors` (one already there for a field is kept), for inputs whose errors
  // the service reports together with its own validation.
  void MergeInto(Status::Fields& errors) const { errors.insert(fields_.begin(), fields_.end()); }

 private:
  const boost::json::object& obj_;
  Status::Fields fields_;
};

// How OptionalString takes a null value: its name goes to `cleared` when that is given, else it
// reads as "" when `empty`, else `error` names the field.
struct OnNull {
  std::set<std::string>* cleared = nullptr;
  bool empty = false;
  const char* error = "must not be null";
};

// An optional string field for a create or patch input whose errors the service reports with its
// own: absent -> nullopt; null -> as `on_null` says; not a string or over `max_bytes` -> an error
// in `errors` ("must be a string", "is too long").
std::optional<std::string> OptionalString(const boost::json::object& body, const char* name,
                                          size_t max_bytes, const OnNull& on_null,
                                          Status::Fields& errors);
// The same for a number: null adds the name to `cleared`; not a number -> "must be a number".
std::optional<double> OptionalNumber(const boost::json::object& body, const char* name,
                                     std::set<std::string>& cleared, Status::Fields& errors);

// {"items":[...],"next":...}
std::string ListBody(boost::json::array items, const std::optional<std::string>& next);
// The same from items already serialized one after another with commas ("{...},{...}").
std::string ListBody(std::string_view items_json, const std::optional<std::string>& next);
// Appends `s` as a JSON string literal (quotes, escapes; `s` is UTF-8).
void AppendJsonString(std::string& out, std::string_view s);
boost::json::value TimeOrNull(const std::optional<TimeMs>& t);
// The string, or null when it is empty.
boost::json::value OrNull(const std::string& s);

}  // namespace hw::http

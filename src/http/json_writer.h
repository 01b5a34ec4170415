#pragma once
// JsonWriter: JSON text written straight into a string, for hot responses (a case, list rows)
// where building a boost::json tree first cost more than reading the record. Keys are trusted
// literals; string values are escaped. The writer tracks commas, not nesting: callers pair
// Begin/End themselves.
#include <string>
#include <string_view>

namespace hw::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value) {  // null when empty
    return value.empty() ? Null() : String(value);
  }
  JsonWriter& Int(long long value);
  JsonWriter& Null();

 private:
  void Separate() {
    if (need_comma_) out_.push_back(',');
  }
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);

  std::string& out_;
  bool need_comma_ = false;  // a value was written in the current container
};

}  // namespace hw::http

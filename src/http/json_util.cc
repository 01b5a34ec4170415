#include "http/json_util.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <cstring>

namespace hw::http {

namespace json = boost::json;

Result<json::object> ParseObject(const Request& req) {
  boost::system::error_code ec;
  json::value v = json::parse(req.body.empty() ? std::string_view("{}") : req.body, ec);
  if (ec) return Status::InvalidArgument("the body is not valid JSON").WithReason("invalid_json");
  if (!v.is_object()) {
    return Status::InvalidArgument("the body must be a JSON object").WithReason("invalid_json");
  }
  return std::move(v.as_object());
}

std::optional<std::string> FieldReader::String(const char* name, bool required, size_t max_len) {
  const json::value* v = obj_.if_contains(name);
  if (!v || v->is_null()) {
    if (required) fields_[name] = "is required";
    return std::nullopt;
  }
  if (!v->is_string()) {
    fields_[name] = "must be a string";
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (s.size() > max_len) {
    fields_[name] = "must be at most " + std::to_string(max_len) + " bytes";
    return std::nullopt;
  }
  // An empty string is passed on: the service's validation names what it must be.
  return s;
}

std::optional<long long> FieldReader::Integer(const char* name, bool required) {
  const json::value* v = obj_.if_contains(name);
  if (!v || v->is_null()) {
    if (required) fields_[name] = "is required";
    return std::nullopt;
  }
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<long long>(v->as_uint64());
  }
  fields_[name] = "must be an integer";
  return std::nullopt;
}

std::optional<bool> FieldReader::Bool(const char* name, bool required) {
  const json::value* v = obj_.if_contains(name);
  if (!v || v->is_null()) {
    if (required) fields_[name] = "is required";
    return std::nullopt;
  }
  if (!v->is_bool()) {
    fields_[name] = "must be true or false";
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> FieldReader::StringList(const char* name, bool required) {
  const json::value* v = obj_.if_contains(name);
  if (!v || v->is_null()) {
    if (required) fields_[name] = "is required";
    return std::nullopt;
  }
  if (!v->is_array()) {
    fields_[name] = "must be a list of strings";
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const json::value& item : v->as_array()) {
    if (!item.is_string()) {
      fields_[name] = "must be a list of strings";
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

void FieldReader::OnlyAllow(const std::vector<std::string>& allowed) {
  for (const auto& [key, value] : obj_) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || key == a;
    if (!ok) fields_[std::string(key)] = "is not a known field";
  }
}

void FieldReader::OnlyAllow(std::vector<std::string> allowed, long long* version) {
  if (version) {
    allowed.emplace_back("version");
    *version = Integer("version", true).value_or(0);
  }
  OnlyAllow(allowed);
}

Status FieldReader::Finish() const {
  if (fields_.empty()) return Status::Ok();
  return Status::InvalidArgument("invalid input", fields_);
}

std::optional<std::string> OptionalString(const json::object& body, const char* name,
                                          size_t max_bytes, const OnNull& on_null,
                                          Status::Fields& errors) {
  const json::value* v = body.if_contains(name);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (on_null.cleared) {
      on_null.cleared->insert(name);
    } else if (on_null.empty) {
      return std::string();
    } else {
      errors[name] = on_null.error;
    }
    return std::nullopt;
  }
  if (!v->is_string()) {
    errors[name] = "must be a string";
    return std::nullopt;
  }
  if (v->as_string().size() > max_bytes) {
    errors[name] = "is too long";
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<double> OptionalNumber(const json::object& body, const char* name,
                                     std::set<std::string>& cleared, Status::Fields& errors) {
  const json::value* v = body.if_contains(name);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    cleared.insert(name);
    return std::nullopt;
  }
  if (!v->is_number()) {
    errors[name] = "must be a number";
    return std::nullopt;
  }
  return v->to_number<double>();
}

std::string ListBody(json::array items, const std::optional<std::string>& next) {
  json::object o;
  o["items"] = std::move(items);
  o["next"] = next ? json::value(*next) : json::value(nullptr);
  return json::serialize(o);
}

std::string ListBody(std::string_view items_json, const std::optional<std::string>& next) {
  std::string out;
  out.reserve(items_json.size() + 64);
  out.append(R"({"items":[)").append(items_json).append(R"(],"next":)");
  if (next) {
    AppendJsonString(out, *next);
  } else {
    out.append("null");
  }
  out.push_back('}');
  return out;
}

namespace {

// True when one of the 8 bytes of `w` is below 0x20, a quote or a backslash: a word-at-a-time
// test (each term is non-zero exactly when some byte matches), so that runs of ordinary text
// are skipped 8 bytes per step.
bool NeedsEscape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t control = (w - 0x20 * kOnes) & ~w & kHigh;
  return (control | zero_byte(w ^ ('"' * kOnes)) | zero_byte(w ^ ('\\' * kOnes))) != 0;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  size_t plain = 0;  // start of the run of characters that need no escape
  size_t i = 0;
  while (i < s.size()) {
    if (s.size() - i >= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if (!NeedsEscape(w)) {
        i += 8;
        continue;
      }
    }
    const size_t end = std::min(s.size(), i + 8);
    for (; i < end; ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c != '"' && c != '\\' && c >= 0x20) continue;
      out.append(s.data() + plain, i - plain);
      plain = i + 1;
      if (c == '"' || c == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
      } else {
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
      }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out.push_back('"');
}

json::value TimeOrNull(const std::optional<TimeMs>& t) {
  if (!t) return nullptr;
  return json::value(FormatTimestamp(*t));
}

json::value OrNull(const std::string& s) { return s.empty() ? json::value() : json::value(s); }

}  // namespace hw::http

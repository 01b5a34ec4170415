// Keyset pagination shared by every list.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hw::service {

struct PageRequest {
  int limit = 50;
  std::string after;  // the `next` cursor of the previous page, "" for the first
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next;
};

inline constexpr int kMaxPageSize = 200;

}  // namespace hw::service

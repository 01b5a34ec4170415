// Synthetic victim cases with plausible distributions, from a fixed seed: for `homeward demo`,
// tests and benchmarks. Never real people: names are drawn from short generic lists.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "service/case_service.h"

namespace hw::service {

class SyntheticCaseGenerator {
 public:
  explicit SyntheticCaseGenerator(std::uint32_t seed = 20261128) : rng_(seed) {}
  // A case input as registered in an office of `office_country` (destination or origin).
  // Dates fall within the year before `today_ms`.
  CaseInput Next(const std::string& office_country, TimeMs today_ms);

 private:
  std::mt19937 rng_;
};

}  // namespace hw::service

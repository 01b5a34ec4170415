// Occupancy of one shelter over a date range: a pure function over its stays, so that it can be
// tested against a brute-force reference.
//
// Definitions (docs/api-shelters.md, "Occupancy"):
// - A stay counts on day D when admitted on or before D and open, or discharged after D: the
//   discharge day is not counted (a night census). A same-day stay counts on no day.
// - The length of a completed stay is discharge day - admission day (nights, 0 for same-day).
//   The average is taken over stays discharged within [from, to].
// - `current` counts stays that are open now (no discharge), whatever their dates.
//
// Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/shelter.h"

namespace hw::service {

using PopulationCounts = std::array<std::int64_t, domain::kPopulations.size()>;

// The index of `population` in domain::kPopulations, or nullopt if it is not one.
std::optional<size_t> PopulationIndex(const std::string& population);

struct Stay {
  size_t population = 0;                   // index into domain::kPopulations
  std::int64_t admitted = 0;               // day number
  std::optional<std::int64_t> discharged;  // day number; nullopt while open
};

struct OccupancyReport {
  std::int64_t from = 0;  // day numbers, inclusive
  std::int64_t to = 0;
  std::vector<PopulationCounts> days;  // days[d - from]
  PopulationCounts current{};
  std::int64_t completed_stays = 0;              // discharged within [from, to]
  std::int64_t completed_nights = 0;             // their total length
  std::optional<double> average_length_of_stay;  // nights, rounded to one decimal
};

// Requires from <= to. O(stays + days * populations).
OccupancyReport ComputeOccupancy(const std::vector<Stay>& stays, std::int64_t from,
                                 std::int64_t to);

}  // namespace hw::service

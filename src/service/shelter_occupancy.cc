#include "service/shelter_occupancy.h"

#include <algorithm>
#include <cmath>

namespace hw::service {

std::optional<size_t> PopulationIndex(const std::string& population) {
  for (size_t i = 0; i < domain::kPopulations.size(); ++i) {
    if (domain::kPopulations[i] == population) return i;
  }
  return std::nullopt;
}

OccupancyReport ComputeOccupancy(const std::vector<Stay>& stays, std::int64_t from,
                                 std::int64_t to) {
  OccupancyReport r;
  r.from = from;
  r.to = to;
  const auto n = static_cast<size_t>(to - from + 1);
  // Difference arrays: +1 on the first counted day, -1 on the first day no longer counted.
  std::vector<PopulationCounts> delta(n + 1, PopulationCounts{});
  for (const Stay& s : stays) {
    if (!s.discharged) ++r.current[s.population];
    if (s.discharged && *s.discharged >= from && *s.discharged <= to) {
      ++r.completed_stays;
      r.completed_nights += std::max<std::int64_t>(0, *s.discharged - s.admitted);
    }
    const std::int64_t first = std::max(s.admitted, from);
    const std::int64_t end = s.discharged ? std::min(*s.discharged, to + 1) : to + 1;
    if (first >= end) continue;
    ++delta[static_cast<size_t>(first - from)][s.population];
    --delta[static_cast<size_t>(end - from)][s.population];
  }
  r.days.assign(n, PopulationCounts{});
  PopulationCounts running{};
  for (size_t d = 0; d < n; ++d) {
    for (size_t p = 0; p < running.size(); ++p) running[p] += delta[d][p];
    r.days[d] = running;
  }
  if (r.completed_stays > 0) {
    double mean = static_cast<double>(r.completed_nights) / static_cast<double>(r.completed_stays);
    r.average_length_of_stay = std::round(mean * 10.0) / 10.0;
  }
  return r;
}

}  // namespace hw::service

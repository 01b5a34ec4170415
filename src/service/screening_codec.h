// Indicator sets and screening results <-> JSON: the stored form (indicator_sets.body,
// screenings.result) is the API form, so storage and handlers share these.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "domain/screening.h"
#include "storage/screening_store.h"

namespace hw::service {

// [{"id","dimension","strength","text"}, ...]
boost::json::array IndicatorsToJson(const std::vector<domain::Indicator>& indicators);
// Reads a list of indicators; each problem is named in `errors` ("indicators[2].strength").
std::vector<domain::Indicator> IndicatorsFromJson(const boost::json::value& v,
                                                  Status::Fields& errors);

// {"dimensions":[{"dimension","label","strong","medium","weak","positive","indicators"}],
//  "suggested_victim","explanation":[...]}
boost::json::object ScreeningResultToJson(const domain::ScreeningResult& r);
Result<domain::ScreeningResult> ScreeningResultFromJson(const std::string& text);

// A stored set row as a domain set (Internal when the stored body is not readable).
Result<domain::IndicatorSet> IndicatorSetFromRow(const storage::IndicatorSetRow& row);
storage::IndicatorSetRow IndicatorSetToRow(const domain::IndicatorSet& set,
                                           const std::string& created_by, TimeMs created_at);

}  // namespace hw::service

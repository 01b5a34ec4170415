// CaseRecord <-> CaseRow: which fields become filter columns, which go to the clear `attrs`
// JSON, and which are sealed into `pii` under the case's data key.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "crypto/record_keys.h"
#include "domain/case.h"
#include "storage/case_store.h"

namespace hw::service {

boost::json::value FieldValueToJson(const domain::FieldValue& v);
// Parses a JSON value for `spec`; wrong types name the field in `errors`.
domain::FieldValue FieldValueFromJson(const domain::FieldSpec& spec, const boost::json::value& v,
                                      std::map<std::string, std::string>& errors);

Result<storage::CaseRow> EncodeCase(const domain::CaseRecord& c, crypto::RecordCipher& cipher);
// `with_pii` false leaves personal fields out without touching the key.
Result<domain::CaseRecord> DecodeCase(const storage::CaseRow& row, crypto::RecordCipher& cipher,
                                      bool with_pii);

// The blind name tokens of given names, family names and aliases.
std::vector<std::string> CaseNameTokens(const domain::CaseRecord& c, const crypto::Key32& key);
// "Given Family" from a row's sealed personal fields, for list rows (view_pii only).
Result<std::string> SealedDisplayName(const storage::CaseRow& row, crypto::RecordCipher& cipher);
// ",VN,KH," (a row's list column) -> {"VN", "KH"}
std::vector<std::string> SplitListColumn(const std::string& joined);

}  // namespace hw::service

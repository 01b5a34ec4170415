// Turning the case list's query parameters into a store filter: shared by the list and the export
// so that both accept exactly the same filters and answer bad ones the same way.
#pragma once

#include "common/result.h"
#include "crypto/keyring.h"
#include "service/case_service.h"
#include "storage/case_store.h"

namespace hw::service {

// Validates every filter of `q` (vocabulary values, country, age band, dates, sort, name) and
// scopes the filter to the offices `p` may see. Paging (`q.page`) is copied as is.
// Errors: InvalidArgument naming each bad parameter; PermissionDenied for a name search without
// view_pii.
Result<storage::CaseFilter> BuildCaseFilter(const Principal& p, const CaseQuery& q,
                                            const crypto::Keyring& keyring, TimeMs now);

}  // namespace hw::service

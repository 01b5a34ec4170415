// Exporting the filtered case list as CSV or XLSX. Same filters as the list (read:case, office
// scope); columns are HTCDS field names, personal ones only for view_pii holders; only cases whose
// data_processing consent is in effect (latest entry "given") are exported, the others are counted
// as skipped. One audit entry per export (case.export) records the format and the counts, never a
// value.
#pragma once

#include <string>

#include "common/result.h"
#include "service/case_service.h"
#include "service/context.h"
#include "service/principal.h"

namespace hw::service {

struct ExportFile {
  std::string bytes;
  std::string content_type;
  std::string filename;  // cases-YYYYMMDD.csv / .xlsx
  long long rows = 0;
  long long skipped = 0;  // cases the filters matched but their consent kept out
};

class ExportService {
 public:
  static constexpr long long kDefaultMaxRows = 100000;
  explicit ExportService(Context& ctx, long long max_rows = kDefaultMaxRows)
      : ctx_(ctx), max_rows_(max_rows) {}

  // `format` is "csv" or "xlsx"; `q.page` is ignored (the whole filtered list is exported).
  // Errors: those of the list's filters; InvalidArgument on format, or when more than the
  // maximum number of rows would be exported (narrow the filters).
  Result<ExportFile> Export(const Principal& p, const CaseQuery& q, const std::string& format,
                            const RequestInfo& info);

 private:
  Context& ctx_;
  long long max_rows_;
};

}  // namespace hw::service

#include "service/case_export.h"

#include "domain/consent.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_codec.h"
#include "service/case_query.h"
#include "service/table_writer.h"
#include "storage/case_store.h"
#include "storage/consent_store.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

constexpr const char* kReadCase = "read:case";
constexpr int kBatch = 500;

std::vector<const domain::FieldSpec*> Columns(bool with_pii) {
  std::vector<const domain::FieldSpec*> out;
  for (const auto& spec : domain::CaseFieldSpecs()) {
    if (!spec.personal || with_pii) out.push_back(&spec);
  }
  return out;
}

std::vector<Cell> Header(const std::vector<const domain::FieldSpec*>& columns) {
  std::vector<Cell> h{std::string("id"), std::string("cas_Number")};
  for (const auto* spec : columns) h.emplace_back(std::string(spec->name));
  h.emplace_back(std::string("created_at"));
  return h;
}

Cell ToCell(const domain::FieldValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<long long>(&v)) return *n;
  if (auto* l = std::get_if<std::vector<std::string>>(&v)) {
    std::string joined;
    for (const auto& item : *l) joined += (joined.empty() ? "" : "; ") + item;
    return joined;
  }
  return std::monostate{};
}

std::vector<Cell> RowCells(const domain::CaseRecord& c,
                           const std::vector<const domain::FieldSpec*>& columns) {
  std::vector<Cell> cells{c.id, c.number};
  for (const auto* spec : columns) {
    auto it = c.fields.find(spec->name);
    cells.push_back(it == c.fields.end() ? Cell{} : ToCell(it->second));
  }
  cells.emplace_back(FormatTimestamp(c.created_at));
  return cells;
}

}  // namespace

Result<ExportFile> ExportService::Export(const Principal& p, const CaseQuery& q,
                                         const std::string& format, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCase, ""));
  HW_ASSIGN_OR_RETURN(auto writer, MakeTableWriter(format));
  if (!writer) return Status::InvalidField("format", "must be csv or xlsx");
  const TimeMs now = ctx_.clock.NowMs();
  CaseQuery all = q;
  all.page = PageRequest{kBatch, ""};
  HW_ASSIGN_OR_RETURN(storage::CaseFilter f, BuildCaseFilter(p, all, ctx_.keyring, now));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const auto columns = Columns(with_pii);
  HW_RETURN_IF_ERROR(writer->AddRow(Header(columns)));

  ExportFile out;
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    storage::CaseStore cases(*conn);
    storage::ConsentStore consents(*conn);
    storage::SqlWrappedKeyStore keys(*conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    while (true) {
      HW_ASSIGN_OR_RETURN(auto page, cases.List(f));
      std::vector<std::string> ids;
      for (const auto& row : page.first) ids.push_back(row.id);
      HW_ASSIGN_OR_RETURN(auto states,
                          consents.LatestStates(ids, domain::consent::kDataProcessing));
      for (const auto& row : page.first) {
        auto st = states.find(row.id);
        if (st == states.end() || st->second != domain::consent::kGiven) {
          ++out.skipped;
          continue;
        }
        if (++out.rows > max_rows_) {
          return Status::InvalidArgument("more than " + std::to_string(max_rows_) +
                                         " cases match; narrow the filters and export in parts");
        }
        HW_ASSIGN_OR_RETURN(domain::CaseRecord c, DecodeCase(row, cipher, with_pii));
        HW_RETURN_IF_ERROR(writer->AddRow(RowCells(c, columns)));
      }
      if (!page.second) break;
      f.after = *page.second;
    }
  }
  // Counts only: no value of any case goes into the audit trail.
  const std::string summary = "format=" + format + " rows=" + std::to_string(out.rows) +
                              " skipped=" + std::to_string(out.skipped) +
                              (with_pii ? " pii=yes" : " pii=no");
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) {
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"case.export", "case_export", summary, p.office_id});
  }));
  HW_ASSIGN_OR_RETURN(out.bytes, writer->Finish());
  out.content_type = writer->content_type();
  std::string day = domain::TodayIso(now);
  out.filename =
      "cases-" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "." + writer->extension();
  return out;
}

}  // namespace hw::service

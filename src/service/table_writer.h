// Writing a table row by row as CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF) or as XLSX
// (libxlsxwriter, one sheet). Rows are written as they come, so a large export is never held
// twice in memory. Not thread-safe: one writer per export.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "common/result.h"

namespace hw::service {

// empty, text, whole number, decimal number
using Cell = std::variant<std::monostate, std::string, long long, double>;

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // The first row written is the header (bold in XLSX).
  virtual Status AddRow(const std::vector<Cell>& cells) = 0;
  // The finished file. Call once, after the last row.
  virtual Result<std::string> Finish() = 0;
  virtual const char* content_type() const = 0;
  virtual const char* extension() const = 0;
};

// "csv" or "xlsx"; nullptr for anything else. An XLSX writer works in a private temporary
// directory (mode 0700, removed when the writer goes) because libxlsxwriter writes files;
// Internal if it cannot be created.
// `sheet` names the XLSX worksheet (at most 31 characters).
Result<std::unique_ptr<TableWriter>> MakeTableWriter(const std::string& format,
                                                     const std::string& sheet = "Cases");

// One CSV field, quoted when it holds a comma, quote, CR or LF. A text a spreadsheet would run as
// a formula (starting with =, @, +, - or a tab/CR, other than a plain number or phone number)
// gets a leading apostrophe so that opening the file cannot execute anything.
std::string CsvField(const std::string& value);

}  // namespace hw::service

#include "service/table_writer.h"

#include <xlsxwriter.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace hw::service {
namespace {

namespace fs = std::filesystem;

// "+60 12-345 6789", "-12", "(03) 1234" are data, not formulas.
bool LooksNumeric(const std::string& s) {
  bool digit = false;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') {
      digit = true;
    } else if (!(ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')' || ch == '.' ||
                 ch == '/')) {
      return false;
    }
  }
  return digit;
}

class CsvWriter final : public TableWriter {
 public:
  Status AddRow(const std::vector<Cell>& cells) override {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out_ += ',';
      if (auto* s = std::get_if<std::string>(&cells[i])) {
        out_ += CsvField(*s);
      } else if (auto* n = std::get_if<long long>(&cells[i])) {
        out_ += std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&cells[i])) {
        std::array<char, 32> buf{};
        auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), *d);
        if (ec == std::errc()) out_.append(buf.data(), end);
      }
    }
    out_ += "\r\n";
    return Status::Ok();
  }
  Result<std::string> Finish() override { return std::move(out_); }
  const char* content_type() const override { return "text/csv; charset=utf-8"; }
  const char* extension() const override { return "csv"; }

 private:
  std::string out_ = "\xEF\xBB\xBF";  // UTF-8 byte order mark: spreadsheets then read UTF-8
};

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(fs::path dir, std::string sheet_name)
      : dir_(std::move(dir)), sheet_name_(std::move(sheet_name)) {}
  ~XlsxWriter() override {
    if (book_) workbook_close(book_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  Status Open() {
    file_ = (dir_ / "export.xlsx").string();
    tmp_ = dir_.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: flat memory
    options.tmpdir = tmp_.data();
    book_ = workbook_new_opt(file_.c_str(), &options);
    if (!book_) return Status::Internal("xlsx: cannot create workbook");
    sheet_ = workbook_add_worksheet(book_, sheet_name_.c_str());
    bold_ = workbook_add_format(book_);
    if (!sheet_ || !bold_) return Status::Internal("xlsx: cannot add worksheet");
    format_set_bold(bold_);
    return Status::Ok();
  }

  Status AddRow(const std::vector<Cell>& cells) override {
    if (row_ >= LXW_ROW_MAX) return Status::Internal("xlsx: too many rows");
    lxw_format* format = row_ == 0 ? bold_ : nullptr;
    for (size_t i = 0; i < cells.size() && i < LXW_COL_MAX; ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      lxw_error err = LXW_NO_ERROR;
      if (auto* s = std::get_if<std::string>(&cells[i])) {
        // Written as a string, never as a formula.
        err = worksheet_write_string(sheet_, row_, col, s->c_str(), format);
      } else if (auto* n = std::get_if<long long>(&cells[i])) {
        err = worksheet_write_number(sheet_, row_, col, static_cast<double>(*n), format);
      } else if (auto* d = std::get_if<double>(&cells[i])) {
        err = worksheet_write_number(sheet_, row_, col, *d, format);
      }
      if (err != LXW_NO_ERROR) {
        return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
      }
    }
    ++row_;
    return Status::Ok();
  }

  Result<std::string> Finish() override {
    lxw_error err = workbook_close(book_);
    book_ = nullptr;
    if (err != LXW_NO_ERROR) return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
    std::ifstream in(file_, std::ios::binary);
    if (!in) return Status::Internal("xlsx: cannot read the workbook back");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  const char* content_type() const override {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  const char* extension() const override { return "xlsx"; }

 private:
  fs::path dir_;
  std::string sheet_name_;
  std::string file_;
  std::string tmp_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::string CsvField(const std::string& value) {
  std::string v = value;
  if (!v.empty()) {
    char first = v.front();
    bool formula = first == '=' || first == '@' || first == '\t' || first == '\r' ||
                   ((first == '+' || first == '-') && !LooksNumeric(v));
    if (formula) v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

Result<std::unique_ptr<TableWriter>> MakeTableWriter(const std::string& format,
                                                     const std::string& sheet) {
  if (format == "csv") return std::unique_ptr<TableWriter>(new CsvWriter());
  if (format != "xlsx") return std::unique_ptr<TableWriter>();
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "homeward-export-XXXXXX").string();
  if (ec) return Status::Internal("xlsx: no temporary directory");
  if (!mkdtemp(pattern.data()))
    return Status::Internal("xlsx: cannot create a temporary directory");
  auto writer = std::make_unique<XlsxWriter>(fs::path(pattern), sheet);
  HW_RETURN_IF_ERROR(writer->Open());
  return std::unique_ptr<TableWriter>(std::move(writer));
}

}  // namespace hw::service

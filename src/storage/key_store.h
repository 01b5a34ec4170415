// The data_keys table as the crypto layer's WrappedKeyStore: deleting a row crypto-shreds a record.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "crypto/record_keys.h"
#include "storage/db.h"

namespace hw::storage {

class SqlWrappedKeyStore final : public crypto::WrappedKeyStore {
 public:
  SqlWrappedKeyStore(Connection& conn, TimeMs now) : conn_(conn), now_(now) {}
  Result<std::optional<std::string>> GetWrapped(std::string_view record_id) override;
  Status PutWrapped(std::string_view record_id, std::string_view wrapped) override;
  Status DeleteWrapped(std::string_view record_id) override;

 private:
  Connection& conn_;
  TimeMs now_;
};

// A store with no keys, behind a PrefetchedKeyStore whose keys came with their rows (a read
// that holds no connection): asking it for anything is an error, never a query.
crypto::WrappedKeyStore& NoWrappedKeys();

// Wrapped keys already read together with their records (CaseRow::wrapped_key), so that opening
// them costs no further query; any other record's key comes from `next`. Writes go to `next`
// and forget what was read.
class PrefetchedKeyStore final : public crypto::WrappedKeyStore {
 public:
  explicit PrefetchedKeyStore(crypto::WrappedKeyStore& next) : next_(next) {}
  void Add(const std::string& record_id, std::optional<std::string> wrapped) {
    known_[record_id] = std::move(wrapped);
  }
  Result<std::optional<std::string>> GetWrapped(std::string_view record_id) override;
  Status PutWrapped(std::string_view record_id, std::string_view wrapped) override;
  Status DeleteWrapped(std::string_view record_id) override;

 private:
  crypto::WrappedKeyStore& next_;
  std::map<std::string, std::optional<std::string>, std::less<>> known_;
};

}  // namespace hw::storage

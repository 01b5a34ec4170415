// The data_keys table as the crypto layer's WrappedKeyStore: deleting a row crypto-shreds a record.
#pragma once

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

}  // namespace hw::storage

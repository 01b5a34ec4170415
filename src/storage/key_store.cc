#include "storage/key_store.h"

namespace hw::storage {

Result<std::optional<std::string>> SqlWrappedKeyStore::GetWrapped(std::string_view record_id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT wrapped FROM data_keys WHERE record_id = $1",
                                             {std::string(record_id)}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

Status SqlWrappedKeyStore::PutWrapped(std::string_view record_id, std::string_view wrapped) {
  return conn_
      .Execute("INSERT INTO data_keys (record_id, wrapped, created_at) VALUES ($1, $2, $3)",
               {std::string(record_id), Blob{std::string(wrapped)}, now_})
      .status();
}

Status SqlWrappedKeyStore::DeleteWrapped(std::string_view record_id) {
  return conn_.Execute("DELETE FROM data_keys WHERE record_id = $1", {std::string(record_id)})
      .status();
}

namespace {

class NoKeys final : public crypto::WrappedKeyStore {
 public:
  Result<std::optional<std::string>> GetWrapped(std::string_view) override {
    return Status::Internal("data key was not read with its record");
  }
  Status PutWrapped(std::string_view, std::string_view) override {
    return Status::Internal("no key store to write to");
  }
  Status DeleteWrapped(std::string_view) override {
    return Status::Internal("no key store to write to");
  }
};

}  // namespace

crypto::WrappedKeyStore& NoWrappedKeys() {
  static NoKeys none;
  return none;
}

Result<std::optional<std::string>> PrefetchedKeyStore::GetWrapped(std::string_view record_id) {
  auto it = known_.find(record_id);
  if (it != known_.end()) return it->second;
  return next_.GetWrapped(record_id);
}

Status PrefetchedKeyStore::PutWrapped(std::string_view record_id, std::string_view wrapped) {
  if (auto it = known_.find(record_id); it != known_.end()) known_.erase(it);
  return next_.PutWrapped(record_id, wrapped);
}

Status PrefetchedKeyStore::DeleteWrapped(std::string_view record_id) {
  if (auto it = known_.find(record_id); it != known_.end()) known_.erase(it);
  return next_.DeleteWrapped(record_id);
}

}  // namespace hw::storage

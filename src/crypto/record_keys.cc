#include "crypto/record_keys.h"

#include "crypto/field_cipher.h"

namespace hw::crypto {

Result<std::optional<std::string>> InMemoryWrappedKeyStore::GetWrapped(std::string_view record_id) {
  std::lock_guard lock(mu_);
  auto it = keys_.find(record_id);
  if (it == keys_.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Status InMemoryWrappedKeyStore::PutWrapped(std::string_view record_id, std::string_view wrapped) {
  std::lock_guard lock(mu_);
  if (!keys_.emplace(std::string(record_id), std::string(wrapped)).second) {
    return Status::Conflict("record already has a data key");
  }
  return Status::Ok();
}

Status InMemoryWrappedKeyStore::DeleteWrapped(std::string_view record_id) {
  std::lock_guard lock(mu_);
  auto it = keys_.find(record_id);
  if (it != keys_.end()) keys_.erase(it);
  return Status::Ok();
}

std::size_t InMemoryWrappedKeyStore::size() const {
  std::lock_guard lock(mu_);
  return keys_.size();
}

Result<Key32> RecordCipher::GetDataKey(std::string_view record_id) {
  HW_ASSIGN_OR_RETURN(std::optional<std::string> wrapped, store_.GetWrapped(record_id));
  if (!wrapped) return Status::NotFound("record key destroyed");
  return keyring_.UnwrapDataKey(record_id, *wrapped);
}

Result<Key32> RecordCipher::GetOrCreateDataKey(std::string_view record_id) {
  HW_ASSIGN_OR_RETURN(std::optional<std::string> wrapped, store_.GetWrapped(record_id));
  if (wrapped) return keyring_.UnwrapDataKey(record_id, *wrapped);
  const Key32 data_key = NewDataKey();
  Status put = store_.PutWrapped(record_id, keyring_.WrapDataKey(record_id, data_key));
  if (put.code() == StatusCode::kConflict) return GetDataKey(record_id);  // lost a race: use theirs
  HW_RETURN_IF_ERROR(put);
  return data_key;
}

Result<std::string> RecordCipher::SealField(std::string_view record_id, std::string_view field,
                                            std::string_view plaintext) {
  if (record_id.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("record id contains NUL");
  }
  HW_ASSIGN_OR_RETURN(Key32 data_key, GetOrCreateDataKey(record_id));
  return Seal(data_key, record_id, field, plaintext);
}

Result<std::string> RecordCipher::OpenField(std::string_view record_id, std::string_view field,
                                            std::string_view sealed) {
  HW_ASSIGN_OR_RETURN(Key32 data_key, GetDataKey(record_id));
  return Open(data_key, record_id, field, sealed);
}

Status RecordCipher::Shred(std::string_view record_id) { return store_.DeleteWrapped(record_id); }

}  // namespace hw::crypto

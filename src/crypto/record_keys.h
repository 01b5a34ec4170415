// Per-record data keys and crypto-shredding.
//
// Every record holding personal data gets its own random data key, stored only wrapped by the
// master key (Keyring::WrapDataKey) in a WrappedKeyStore. Its fields are sealed with that key
// (field_cipher.h). Shred() deletes the wrapped key, after which the record's ciphertext cannot
// be decrypted by anyone. Caveat for the storage layer: a backup that holds both the ciphertext
// and the wrapped key still opens with the master key, so shredding reaches old backups only if
// wrapped keys are kept where backups are short-lived (e.g. a separate key table or file with its
// own, short backup retention). Cases' rows also carry a database-kept copy of their wrapped key
// (storage migration 0010), so for cases only the master key's own retention does that.
//
// Transactions: RecordCipher performs no transaction of its own. A caller that seals fields and
// writes the row must do both through the same transaction as the store's PutWrapped (e.g. a
// store bound to the caller's open transaction); likewise Shred() belongs in the transaction that
// erases the record. A caller must not write to a record after shredding it: SealField would
// silently create a fresh key for it.
//
// Caching: none. Every call reads the store, so a shred takes effect immediately. For many fields
// of one record, fetch the key once with GetDataKey / GetOrCreateDataKey and call Seal/Open.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/keyring.h"
#include "crypto/keys.h"

namespace hw::crypto {

// Storage of wrapped data keys, one per record id. Implemented by the storage layer (SQLite,
// PostgreSQL) and by InMemoryWrappedKeyStore for tests.
class WrappedKeyStore {
 public:
  virtual ~WrappedKeyStore() = default;

  // The wrapped key of `record_id`, or nullopt if there is none (never created, or shredded).
  virtual Result<std::optional<std::string>> GetWrapped(std::string_view record_id) = 0;

  // Inserts the wrapped key of `record_id`. Must NOT overwrite: returns Conflict if the record
  // already has one, so two writers racing to create a record's first key cannot lose each
  // other's ciphertext (RecordCipher then re-reads and uses the winner's key).
  virtual Status PutWrapped(std::string_view record_id, std::string_view wrapped) = 0;

  // Deletes the wrapped key of `record_id`. Idempotent: Ok when there is none.
  virtual Status DeleteWrapped(std::string_view record_id) = 0;
};

// A thread-safe in-memory store, for tests.
class InMemoryWrappedKeyStore final : public WrappedKeyStore {
 public:
  Result<std::optional<std::string>> GetWrapped(std::string_view record_id) override;
  Status PutWrapped(std::string_view record_id, std::string_view wrapped) override;
  Status DeleteWrapped(std::string_view record_id) override;
  std::size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string, std::less<>> keys_;
};

// Seals and opens the fields of records with per-record data keys.
// Holds references: `keyring` and `store` must outlive it. Thread-safe if the store is.
class RecordCipher {
 public:
  RecordCipher(const Keyring& keyring, WrappedKeyStore& store) : keyring_(keyring), store_(store) {}

  // Seals one field, creating, wrapping and storing the record's data key on first use.
  // Errors: those of the store; Internal (kDecryptFailed) if the stored key does not unwrap.
  Result<std::string> SealField(std::string_view record_id, std::string_view field,
                                std::string_view plaintext);

  // Opens one field. Errors: NotFound "record key destroyed" if the record has no key (shredded,
  // or never sealed); Internal (kDecryptFailed) if the key or the field does not authenticate.
  Result<std::string> OpenField(std::string_view record_id, std::string_view field,
                                std::string_view sealed);

  // The record's data key, for sealing or opening many fields at once. Same errors as OpenField.
  Result<Key32> GetDataKey(std::string_view record_id);

  // The record's data key, created and stored if absent. Same errors as SealField.
  Result<Key32> GetOrCreateDataKey(std::string_view record_id);

  // Destroys the record's data key (crypto-shredding). Idempotent.
  Status Shred(std::string_view record_id);

 private:
  const Keyring& keyring_;
  WrappedKeyStore& store_;
};

}  // namespace hw::crypto

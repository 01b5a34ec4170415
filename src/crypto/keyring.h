// Keyring: the master key and the subkeys derived from it.
//
// The 32-byte master key lives outside the database: in a key file (64 hex digits, mode 0600) or
// in the environment variable HOMEWARD_MASTER_KEY. The master key itself is used only to derive
// subkeys (crypto_kdf, context "homeward") and is not kept in memory:
//   wrap key   XChaCha20-Poly1305 key wrapping of per-record data keys ("dk:" + record id as AD)
//   index key  keyed BLAKE2b blind indexes of name tokens (see blind_index.h)
//   audit key  keyed BLAKE2b for the audit hash chain, so that someone who can edit the
//              database but lacks the master key cannot recompute a consistent chain
//   token key  keyed constructions over session/CSRF tokens, if a caller needs one
// Changing a subkey id or the context makes every existing ciphertext and index unreadable.
//
// Rotation: load the old and the new keyring, Rewrap() every stored wrapped data key inside one
// transaction, then replace the key file. Blind indexes depend on the index key, so they must be
// recomputed from the decrypted names during the same rotation.
//
// Thread safety: a Keyring is immutable after construction; share it freely for reading.
// Errors: expected failures are Status values; the messages name paths but never key material.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/keys.h"

namespace hw::crypto {

class Keyring {
 public:
  static constexpr char kEnvVar[] = "HOMEWARD_MASTER_KEY";
  // Size of WrapDataKey() output: 24-byte nonce, 32-byte key, 16-byte tag.
  static constexpr std::size_t kWrappedSize = 72;

  // Generates a random master key and writes it to `path` as 64 hex digits plus a newline. The
  // file is created with O_CREAT|O_EXCL and mode 0600 (never replacing anything) and fsynced with
  // its directory. Errors: Conflict if `path` exists; Unavailable on any other I/O failure (a
  // partial file is removed).
  static Result<Keyring> CreateKeyFile(const std::filesystem::path& path);

  // Reads the master key from `path` (symlinks are followed; the target is checked). Errors:
  // NotFound if missing; PermissionDenied if the file is accessible by group or others (any bit
  // of 077), with the chmod to fix it; InvalidArgument if not a regular file or not exactly 64
  // hex digits (surrounding whitespace is ignored); Unavailable on other I/O failures.
  static Result<Keyring> Load(const std::filesystem::path& path);

  // HOMEWARD_MASTER_KEY wins when set and non-empty (InvalidArgument if it is not 64 hex
  // digits; there is no silent fallback to the file); otherwise Load(path).
  static Result<Keyring> LoadFromEnvOrFile(const std::filesystem::path& path);

  // From 64 hex digits, e.g. the environment variable's value. InvalidArgument otherwise.
  static Result<Keyring> FromHex(std::string_view hex);

  // From a raw master key (tests, tools).
  static Keyring FromBytes(const Key32& master_key);

  // Encrypts `data_key` for storage next to the record: nonce || ciphertext, kWrappedSize bytes,
  // authenticated with "dk:" + record_id so a wrapped key cannot be moved to another record.
  std::string WrapDataKey(std::string_view record_id, const Key32& data_key) const;

  // Inverse of WrapDataKey. Errors: Internal with reason "decrypt_failed" when the input is
  // truncated, tampered with, wrapped for another record or under another master key.
  Result<Key32> UnwrapDataKey(std::string_view record_id, std::string_view wrapped) const;

  // Master key rotation for one record: unwraps with `from`, wraps with `to` (fresh nonce).
  static Result<std::string> Rewrap(const Keyring& from, const Keyring& to,
                                    std::string_view record_id, std::string_view wrapped);

  const Key32& index_key() const { return index_key_; }
  const Key32& audit_key() const { return audit_key_; }
  const Key32& token_key() const { return token_key_; }

  // 16 hex digits identifying the master key without revealing it (a derived subkey of its own).
  // Store it beside the data at init and compare at startup to refuse a wrong key up front,
  // instead of failing on the first decryption.
  const std::string& Fingerprint() const { return fingerprint_; }

 private:
  explicit Keyring(const Key32& master_key);

  Key32 wrap_key_;
  Key32 index_key_;
  Key32 audit_key_;
  Key32 token_key_;
  std::string fingerprint_;
};

}  // namespace hw::crypto

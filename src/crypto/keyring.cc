#include "crypto/keyring.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "crypto/encoding.h"
#include "crypto/field_cipher.h"
#include "crypto/init.h"

namespace hw::crypto {
namespace {

// crypto_kdf subkey ids under context "homeward". Never renumber: data depends on them.
enum class Subkey : std::uint64_t {
  kWrap = 1,
  kIndex = 2,
  kAudit = 3,
  kToken = 4,
  kFingerprint = 5
};
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "homeward";
constexpr std::size_t kMaxKeyFileBytes = 4096;

static_assert(Keyring::kWrappedSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + Key32::kSize +
                                           crypto_aead_xchacha20poly1305_ietf_ABYTES);

Key32 Derive(const Key32& master, Subkey id) {
  Key32 out;
  crypto_kdf_derive_from_key(out.data(), Key32::kSize, static_cast<std::uint64_t>(id), kKdfContext,
                             master.data());
  return out;
}

std::string WrapAd(std::string_view record_id) {
  std::string ad = "dk:";
  ad.append(record_id);
  return ad;
}

std::string Errno(int err) { return std::strerror(err); }

// Closes a descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

Status WriteAll(int fd, const unsigned char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Unavailable("cannot write master key file: " + Errno(errno));
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return Status::Ok();
}

// fsync the directory so the new directory entry survives a power cut: losing the master key
// after data was encrypted under it would lose all personal data.
void SyncParentDirectory(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

Status WriteKeyFile(int fd, const Key32& master) {
  SecretBytes text = master.ToHex();
  text.push_back('\n');
  HW_RETURN_IF_ERROR(WriteAll(fd, text.data(), text.size()));
  if (::fsync(fd) != 0) return Status::Unavailable("cannot sync master key file: " + Errno(errno));
  return Status::Ok();
}

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string ModeString(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

}  // namespace

Keyring::Keyring(const Key32& master_key)
    : wrap_key_(Derive(master_key, Subkey::kWrap)),
      index_key_(Derive(master_key, Subkey::kIndex)),
      audit_key_(Derive(master_key, Subkey::kAudit)),
      token_key_(Derive(master_key, Subkey::kToken)) {
  const Key32 fingerprint_key = Derive(master_key, Subkey::kFingerprint);
  fingerprint_ = ToHex(std::string_view(reinterpret_cast<const char*>(fingerprint_key.data()), 8));
}

Keyring Keyring::FromBytes(const Key32& master_key) {
  EnsureSodium();
  return Keyring(master_key);
}

Result<Keyring> Keyring::FromHex(std::string_view hex) {
  HW_ASSIGN_OR_RETURN(Key32 master, Key32::FromHex(hex));
  return FromBytes(master);
}

Result<Keyring> Keyring::CreateKeyFile(const std::filesystem::path& path) {
  EnsureSodium();
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) {
      return Status::Conflict("master key file already exists: " + path.string());
    }
    return Status::Unavailable("cannot create master key file " + path.string() + ": " +
                               Errno(errno));
  }
  // The umask can only remove bits; make the mode exactly 0600 regardless.
  Status status = ::fchmod(fd.get(), 0600) == 0
                      ? Status::Ok()
                      : Status::Unavailable("cannot chmod master key file: " + Errno(errno));
  const Key32 master = Key32::Random();
  if (status.ok()) status = WriteKeyFile(fd.get(), master);
  if (::close(fd.Release()) != 0 && status.ok()) {
    status = Status::Unavailable("cannot close master key file: " + Errno(errno));
  }
  if (!status.ok()) {
    ::unlink(path.c_str());
    return status;
  }
  SyncParentDirectory(path);
  return Keyring(master);
}

Result<Keyring> Keyring::Load(const std::filesystem::path& path) {
  EnsureSodium();
  const std::string name = path.string();
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::NotFound("master key file not found: " + name);
    return Status::Unavailable("cannot open master key file " + name + ": " + Errno(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Status::Unavailable("cannot stat master key file " + name + ": " + Errno(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidArgument("master key file is not a regular file: " + name);
  }
  if ((st.st_mode & 077) != 0) {
    return Status::PermissionDenied(
        "master key file " + name + " has mode " + ModeString(st.st_mode) +
        "; it must not be accessible by group or others (chmod 600 " + name + ")");
  }
  SecretBytes buf(kMaxKeyFileBytes + 1);
  std::size_t len = 0;
  while (len < buf.size()) {
    ssize_t n = ::read(fd.get(), buf.data() + len, buf.size() - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      return Status::Unavailable("cannot read master key file " + name + ": " + Errno(errno));
    if (n == 0) break;
    len += static_cast<std::size_t>(n);
  }
  std::size_t begin = 0;
  while (begin < len && IsSpace(buf[begin])) ++begin;
  while (len > begin && IsSpace(buf[len - 1])) --len;
  auto master = Key32::FromHex(
      std::string_view(reinterpret_cast<const char*>(buf.data()) + begin, len - begin));
  if (!master.ok()) {
    return Status::InvalidArgument("master key file " + name +
                                   " is malformed: expected exactly 64 hex digits");
  }
  return Keyring(*master);
}

Result<Keyring> Keyring::LoadFromEnvOrFile(const std::filesystem::path& path) {
  const char* env = std::getenv(kEnvVar);
  if (env != nullptr && *env != '\0') {
    auto keyring = FromHex(env);
    if (!keyring.ok()) {
      return Status::InvalidArgument(std::string(kEnvVar) + " must be exactly 64 hex digits");
    }
    return keyring;
  }
  return Load(path);
}

std::string Keyring::WrapDataKey(std::string_view record_id, const Key32& data_key) const {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kWrappedSize, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, kNonce);
  const std::string ad = WrapAd(record_id);
  unsigned long long ct_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonce, &ct_len, data_key.data(), Key32::kSize,
                                             reinterpret_cast<const unsigned char*>(ad.data()),
                                             ad.size(), nullptr, nonce, wrap_key_.data());
  return out;
}

Result<Key32> Keyring::UnwrapDataKey(std::string_view record_id, std::string_view wrapped) const {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  const auto fail = [] {
    return Status::Internal("wrapped data key does not authenticate").WithReason(kDecryptFailed);
  };
  if (wrapped.size() != kWrappedSize) return fail();
  const auto* in = reinterpret_cast<const unsigned char*>(wrapped.data());
  const std::string ad = WrapAd(record_id);
  Key32 data_key;
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(data_key.data(), &len, nullptr, in + kNonce,
                                                 wrapped.size() - kNonce,
                                                 reinterpret_cast<const unsigned char*>(ad.data()),
                                                 ad.size(), in, wrap_key_.data()) != 0 ||
      len != Key32::kSize) {
    return fail();
  }
  return data_key;
}

Result<std::string> Keyring::Rewrap(const Keyring& from, const Keyring& to,
                                    std::string_view record_id, std::string_view wrapped) {
  HW_ASSIGN_OR_RETURN(Key32 data_key, from.UnwrapDataKey(record_id, wrapped));
  return to.WrapDataKey(record_id, data_key);
}

}  // namespace hw::crypto

// Key material types: SecretBytes (a byte vector wiped when freed) and Key32 (a 256-bit key).
//
// Both wipe their bytes with sodium_memzero before the memory is released, so secrets do not
// linger in freed heap or stack memory. This does not stop copies the caller makes elsewhere
// (e.g. into a std::string): keep secrets in these types for as long as possible.
//
// Thread safety: values; distinct objects may be used from distinct threads, a shared object only
// for reading.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace hw::crypto {

// Overwrites `size` bytes at `data` in a way the compiler cannot optimise away.
void SecureZero(void* data, std::size_t size) noexcept;

// A std::allocator that wipes every block before freeing it: a vector that grows wipes the old
// buffer too, not only the final one.
template <typename T>
struct ZeroingAllocator {
  using value_type = T;
  ZeroingAllocator() noexcept = default;
  template <typename U>
  ZeroingAllocator(const ZeroingAllocator<U>&) noexcept {}  // NOLINT: allocator rebinding
  T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, std::size_t n) noexcept {
    SecureZero(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const ZeroingAllocator<U>&) const noexcept {
    return true;
  }
};

// An owning byte buffer with the whole std::vector interface, wiped when freed. (A std::string
// with this allocator would not do: short strings live inline and escape the allocator.)
using SecretBytes = std::vector<unsigned char, ZeroingAllocator<unsigned char>>;

// A 256-bit symmetric key (master key, derived subkey or per-record data key). Copyable; every
// copy wipes itself on destruction. Equality is constant-time.
class Key32 {
 public:
  static constexpr std::size_t kSize = 32;

  Key32() noexcept;  // all zero: a placeholder, never a key to use
  Key32(const Key32& other) noexcept;
  Key32& operator=(const Key32& other) noexcept;
  ~Key32();

  // A fresh key from the operating system's CSPRNG.
  static Key32 Random();
  // Exactly 32 raw bytes, else InvalidArgument.
  static Result<Key32> FromBytes(std::string_view raw);
  // Exactly 64 hex digits (either case), else InvalidArgument. The message never echoes input.
  static Result<Key32> FromHex(std::string_view hex);

  unsigned char* data() noexcept { return bytes_.data(); }
  const unsigned char* data() const noexcept { return bytes_.data(); }
  static constexpr std::size_t size() noexcept { return kSize; }

  // 64 lowercase hex digits, in a wiped buffer (for writing key files).
  SecretBytes ToHex() const;

  bool operator==(const Key32& other) const noexcept;

 private:
  std::array<unsigned char, kSize> bytes_{};
};

}  // namespace hw::crypto

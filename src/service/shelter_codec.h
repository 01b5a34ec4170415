// domain::Shelter <-> storage::ShelterRow: the clear JSON columns (capacity, services,
// accessibility) and the sealed `secret` (the location, sealed under the shelter's data key as
// field "location").
#pragma once

#include <string>

#include "common/result.h"
#include "crypto/record_keys.h"
#include "domain/shelter.h"
#include "storage/shelter_store.h"

namespace hw::service {

inline constexpr char kLocationField[] = "location";

// Every field of `s` except the secret, which the caller sets (SealLocation, or the stored
// bytes when unchanged).
storage::ShelterRow EncodeShelter(const domain::Shelter& s);
// The clear fields of `row`; `location` is left empty.
Result<domain::Shelter> DecodeShelter(const storage::ShelterRow& row);

// "" for an empty location (nothing is stored, no key is created).
Result<std::string> SealLocation(const std::string& shelter_id, const domain::ShelterLocation& l,
                                 crypto::RecordCipher& cipher);
// An empty location for "" bytes.
Result<domain::ShelterLocation> OpenLocation(const std::string& shelter_id,
                                             const std::string& sealed,
                                             crypto::RecordCipher& cipher);

}  // namespace hw::service

// Internal to hw_domain: the bulk ISO code data of iso_codes_data.cc (generated), used by
// vocabulary.cc. Not part of the domain API.
#pragma once

#include <string_view>

namespace hw::domain::internal {

// Every ISO 639-2 and ISO 639-3 three-letter code, lowercase, sorted, concatenated without
// separators (so code i is at offset 3 * i).
std::string_view Iso639Alpha3Codes();

}  // namespace hw::domain::internal

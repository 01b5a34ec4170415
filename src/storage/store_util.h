// Small pieces the feature stores share: binding optional values and reporting a guarded UPDATE
// that changed nothing.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

// An empty text is stored as NULL.
Value TextOrNull(const std::string& s);
// Empty bytes (no ciphertext) are stored as NULL, others as a BLOB / BYTEA.
Value BlobOrNull(const std::string& bytes);

// A PostgreSQL text[] literal ({"a","b\\"c"}): every element quoted, '"' and '\\' escaped, so
// any text (but NUL, which PostgreSQL text cannot hold) comes back as it went in. One array
// parameter instead of one per value keeps a statement the same, and prepared once, for any count.
std::string PgTextArray(const std::vector<std::string>& values);

// After "UPDATE `table` ... WHERE id = `id` AND version = ..." changed nothing: NotFound
// ("<what> not found") when the row is gone, else Conflict ("the <what> was changed by someone
// else") with the current version as detail "current_version".
Status StaleOrMissing(Connection& conn, const char* table, const std::string& id, const char* what);

}  // namespace hw::storage

#pragma once
// Keeps the server's memory out of files and out of other processes' reach. A running server
// holds the master key and decrypted personal data; a core file written on a crash, or another
// process of the same user attaching with ptrace or reading /proc/PID/mem, would expose them.
#include "common/status.h"

namespace hw {

// Sets the core file size limit to 0 and marks the process non-dumpable (no core files, no
// ptrace attach or /proc/PID/mem for processes without CAP_SYS_PTRACE). Call once at startup.
Status ProtectProcessMemory();

}  // namespace hw

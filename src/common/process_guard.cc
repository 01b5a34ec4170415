#include "common/process_guard.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace hw {

Status ProtectProcessMemory() {
  const rlimit no_core{0, 0};
  if (setrlimit(RLIMIT_CORE, &no_core) != 0) {
    return Status::Internal(std::string("setrlimit(RLIMIT_CORE): ") + std::strerror(errno));
  }
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    return Status::Internal(std::string("prctl(PR_SET_DUMPABLE): ") + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace hw

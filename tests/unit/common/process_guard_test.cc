// The server marks itself non-dumpable with no core files: checked in a child process, so the
// test binary itself stays debuggable.
#include "common/process_guard.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hw {
namespace {

TEST(ProcessGuardTest, NoCoreFilesAndNotDumpable) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Exit codes name the check that failed; _exit skips the parent's atexit handlers.
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 1) _exit(10);  // dumpable before
    if (!ProtectProcessMemory().ok()) _exit(11);
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) _exit(12);
    rlimit core{};
    if (getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0) _exit(13);
    if (!ProtectProcessMemory().ok()) _exit(14);  // calling it again is harmless
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace hw

// SPDX-License-Identifier: MIT
// RunUntilSignalled: SIGINT/SIGTERM are blocked in every server thread and taken by one waiter thread
// with sigtimedwait, so no async-signal-unsafe work ever runs inside a signal handler.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

#include "server/server.h"

namespace stride::server {

Status RunUntilSignalled(DashboardServer& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);  // inherited by the threads Run() starts
  std::atomic<bool> finished{false};
  std::thread waiter([&] {
    const timespec poll{0, 200'000'000};
    while (!finished) {
      if (sigtimedwait(&signals, nullptr, &poll) > 0) break;
    }
    server.Stop();  // a no-op when Run() has already returned
  });
  Status status = server.Run();
  finished = true;
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return status;
}

}  // namespace stride::server

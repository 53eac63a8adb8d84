// Periodic malloc_trim for the serving host.
#include "app/memory_trim.hpp"

#include <malloc.h>

namespace servicedesk::host {

void use_few_heap_arenas() {
  mallopt(M_ARENA_MAX, 2);
}

MemoryTrimmer::MemoryTrimmer(std::chrono::seconds period)
    : period_(period), next_(std::chrono::steady_clock::now() + period) {}

void MemoryTrimmer::tick() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_) return;
  next_ = now + period_;
  // Takes a few milliseconds on the main thread, which only waits for signals.
  malloc_trim(0);
}

}  // namespace servicedesk::host

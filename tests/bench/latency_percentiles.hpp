// Percentiles of measured latencies, for benchmarks whose targets are p99s, not means.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace servicedesk::bench {

/// The `fraction` percentile (0.99 for p99) of `samples`; sorts them. Empty gives 0.
inline double percentile(std::vector<double>& samples, double fraction) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1));
  return samples[index];
}

}  // namespace servicedesk::bench

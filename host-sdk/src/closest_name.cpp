// "did you mean 'mandatory'?": the known name closest to a misspelt one.
#include "servicedesk/forms/closest_name.hpp"

#include <algorithm>
#include <cctype>

namespace servicedesk {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string closest_name(std::string_view typed, const std::vector<std::string_view>& known) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (std::string_view name : known) {
    const std::size_t d = distance(typed, name);
    if (best.empty() || d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  const std::size_t longest = std::max(typed.size(), best.size());
  if (best.empty() || best == typed || best_distance * 3 > longest) return {};
  return std::string(best);
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known) {
  const std::string name = closest_name(typed, known);
  return name.empty() ? std::string() : " (did you mean '" + name + "'?)";
}

}  // namespace servicedesk

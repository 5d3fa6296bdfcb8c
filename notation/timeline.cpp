// timeline.cpp — timeline.hpp.
#include "notation/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "notation/phrasing.hpp"

namespace cs {

const Beat* beat_at(const Document& doc, double count) {
  const Beat* found = nullptr;
  for (const Beat& b : doc.choreography.beats)
    if (b.start_count <= count + 1e-9 && (!found || b.start_count >= found->start_count)) found = &b;
  return found;
}

std::vector<bool> garments_worn_at(const Document& doc, double count) {
  std::vector<bool> worn(doc.garments.size());
  for (std::size_t g = 0; g < doc.garments.size(); ++g) worn[g] = doc.garments[g].worn;
  const auto& beats = doc.choreography.beats;
  std::vector<std::size_t> order(beats.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return beats[a].start_count < beats[b].start_count; });
  for (std::size_t bi : order) {
    if (beats[bi].start_count > count + 1e-9) break;  // the same tolerance as beat_at
    for (const GarmentChange& ch : beats[bi].garment_changes)
      for (std::size_t g = 0; g < doc.garments.size(); ++g)
        if (doc.garments[g].id == ch.garment) worn[g] = ch.worn;
  }
  return worn;
}

std::vector<double> sample_counts(const Document& doc, int samples_per_count) {
  std::vector<double> out;
  if (doc.choreography.beats.empty()) return out;
  const int spc = std::max(1, samples_per_count);
  const double first = doc.first_count(), last = doc.last_count();
  for (long k = 0;; ++k) {
    const double c = first + static_cast<double>(k) / spc;
    if (c > last + 1e-9) break;
    out.push_back(c);
  }
  if (out.empty() || out.back() < last - 1e-9) out.push_back(last);
  return out;
}

std::string count_range_problem(const Document& doc, double count) {
  const double first = doc.first_count(), last = doc.last_count();
  if (std::isnan(count)) return "not a count: give a number from " + count_label(first) + " to " + count_label(last);
  const bool outside = count > last + 1e-9 || count < first - 1e-9;
  if (!outside) return "";
  const std::string given = std::isinf(count) ? std::string(count > 0 ? "infinity" : "minus infinity")
                                              : "count " + exact_number_text(count);
  if (doc.choreography.beats.empty())
    return given + " is not in the scene: the choreography has no beats yet, so its only count is " + count_label(first);
  const std::string run = " (its counts run from " + count_label(first) + " to " + count_label(last) + ")";
  if (count > last) return given + " is past the scene's last count, " + count_label(last) + run;
  return given + " is before the scene's first count, " + count_label(first) + run;
}

}  // namespace cs

#include "notation/beat_range.hpp"

#include "notation/phrasing.hpp"

namespace cs {

namespace {

std::optional<std::size_t> beat_index(const Document& doc, std::string_view id) {
  const auto& beats = doc.choreography.beats;
  for (std::size_t i = 0; i < beats.size(); ++i)
    if (beats[i].id == id) return i;
  return std::nullopt;
}

BeatRange span(const Document& doc, std::size_t first, std::size_t last) {
  const auto& beats = doc.choreography.beats;
  return {first, last, beats[first].start_count, beats[last].end_count()};
}

std::string known_ids(const Document& doc) {
  const auto& beats = doc.choreography.beats;
  if (beats.size() <= 16) {
    std::vector<std::string> ids;
    for (const Beat& b : beats) ids.push_back(b.id);
    return join_list(ids, "and");
  }
  return beats.front().id + ", " + beats[1].id + " … " + beats.back().id + " (" + plural(static_cast<long long>(beats.size()), "beat") + ")";
}

}  // namespace

std::optional<BeatRange> whole_choreography(const Document& doc) {
  if (doc.choreography.beats.empty()) return std::nullopt;
  return span(doc, 0, doc.choreography.beats.size() - 1);
}

std::optional<BeatRange> parse_beat_range(const Document& doc, std::string_view text, std::string& error) {
  if (doc.choreography.beats.empty()) {
    error = "the choreography has no beats";
    return std::nullopt;
  }
  const std::size_t dots = text.find("..");
  const std::string_view from = dots == std::string_view::npos ? text : text.substr(0, dots);
  const std::string_view to = dots == std::string_view::npos ? text : text.substr(dots + 2);
  if (from.empty() || to.empty()) {
    error = "'" + std::string(text) + "' is not a beat range: write FROM..TO with two beat ids (e.g. " +
            doc.choreography.beats.front().id + ".." + doc.choreography.beats.back().id + ") or one beat id";
    return std::nullopt;
  }
  const auto a = beat_index(doc, from), b = beat_index(doc, to);
  for (const auto& [id, index] : {std::pair{from, a}, std::pair{to, b}})
    if (!index) {
      error = "no beat '" + std::string(id) + "' (beats: " + known_ids(doc) + ")";
      return std::nullopt;
    }
  if (*a > *b) {
    error = "beat " + std::string(from) + " comes after beat " + std::string(to) + "; write the earlier beat first (" +
            std::string(to) + ".." + std::string(from) + ")";
    return std::nullopt;
  }
  return span(doc, *a, *b);
}

}  // namespace cs

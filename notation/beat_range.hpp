// beat_range.hpp — a stretch of the choreography named by beat ids, for exports.
//
// "b03..b07" is beats b03 to b07 inclusive (in timeline order), "b05" one beat.
// The counts it covers run from the first beat's start to the last beat's end.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "notation/document.hpp"

namespace cs {

struct BeatRange {
  std::size_t first = 0, last = 0;  // indices into doc.choreography.beats, first ≤ last
  double from_count = 1, to_count = 1;
};

// Every beat (nullopt when the choreography has none).
std::optional<BeatRange> whole_choreography(const Document& doc);

// Parses "FROM..TO" or "ID". On failure returns nullopt and sets `error` to a
// sentence naming what is wrong (an unknown id with the ids there are, or a
// range that runs backwards).
std::optional<BeatRange> parse_beat_range(const Document& doc, std::string_view text, std::string& error);

}  // namespace cs

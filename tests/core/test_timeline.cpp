// test_timeline.cpp — the beat at a count and the garments worn at a count,
// each defined once (timeline.hpp).
#include <doctest/doctest.h>

#include "notation/conventions.hpp"
#include "notation/timeline.hpp"

using namespace cs;

namespace {
// b01 counts 1–3, a gap 3–5, b02 5–7 (takes the robe off), b03 7–8.
Document gapped() {
  Document d;
  struct Span { const char* id; double start, length; };
  for (const Span& s : {Span{"b01", 1, 2}, Span{"b02", 5, 2}, Span{"b03", 7, 1}}) {
    Beat b;
    b.id = s.id;
    b.start_count = s.start;
    b.length_counts = s.length;
    d.choreography.beats.push_back(b);
  }
  Garment robe;
  robe.id = "robe";
  robe.worn = true;
  Garment thong;
  thong.id = "thong";
  thong.worn = false;
  d.garments = {robe, thong};
  d.choreography.beats[1].garment_changes = {{"robe", false}, {"thong", true}};
  return d;
}
std::string id_at(const Document& d, double count) {
  const Beat* b = beat_at(d, count);
  return b ? b->id : "(none)";
}
}  // namespace

TEST_CASE("timeline: the beat at a count, a gap belongs to the beat before it") {
  const Document d = gapped();
  CHECK(id_at(d, 0.5) == "(none)");  // before the first beat
  CHECK(id_at(d, 1) == "b01");
  CHECK(id_at(d, 2.99) == "b01");
  CHECK(id_at(d, 3) == "b01");       // b01 has ended: the gap holds its shape
  CHECK(id_at(d, 4.5) == "b01");
  CHECK(id_at(d, 5 - 1e-12) == "b02");  // a sampled count that missed the start by rounding
  CHECK(id_at(d, 5 - 1e-6) == "b01");
  CHECK(id_at(d, 5) == "b02");
  CHECK(id_at(d, 7) == "b03");
  CHECK(id_at(d, 100) == "b03");      // after the last: the last
  CHECK(beat_at(Document{}, 1) == nullptr);
}

TEST_CASE("timeline: garments worn at a count change from their beat on") {
  const Document d = gapped();
  CHECK(garments_worn_at(d, 1) == std::vector<bool>{true, false});
  CHECK(garments_worn_at(d, 4.9) == std::vector<bool>{true, false});
  CHECK(garments_worn_at(d, 5) == std::vector<bool>{false, true});
  CHECK(garments_worn_at(d, 7.5) == std::vector<bool>{false, true});
}

TEST_CASE("timeline: samples cover every count from the first to the last, the last included") {
  Document d = gapped();
  const auto s = sample_counts(d, 4);
  REQUIRE(s.size() == 29);  // counts 1 to 8 at quarter counts
  CHECK(s.front() == 1);
  CHECK(s[1] == 1.25);
  CHECK(s.back() == 8);
  d.choreography.beats[2].length_counts = 1.1;  // the last count off the grid is still sampled
  CHECK(sample_counts(d, 4).back() == doctest::Approx(8.1));
  CHECK(sample_counts(Document{}, 4).empty());
}

// A bar is an eight, counted from the first count (conventions.hpp): the
// editor's ruler and the sheets' count score both take it from there.
TEST_CASE("bars: eight counts each, from the choreography's first count") {
  CHECK(kCountsPerBar == 8);
  CHECK(bar_at(1, 1).bar == 1);
  CHECK(bar_at(1, 1).count_in_bar == 1);
  CHECK(bar_at(8.5, 1).bar == 1);
  CHECK(bar_at(8.5, 1).count_in_bar == 8.5);
  CHECK(bar_at(9, 1).bar == 2);
  CHECK(bar_at(9, 1).count_in_bar == 1);
  CHECK(bar_at(5, 1).bar == 1);             // count 5 is "5" of the first eight, not a new bar
  CHECK(bar_at(13.5, 5).bar == 2);          // a choreography starting at count 5 counts its bars from there
  CHECK(bar_at(13.5, 5).count_in_bar == 1.5);
  CHECK(bar_at(16.9999999999, 1).bar == 3); // within rounding of a bar line is on it
  CHECK(bar_at(16.9999999999, 1).count_in_bar == 1);
  CHECK(bar_at(0, 1).bar == 0);             // before the first count
  CHECK(bar_starts_at(1, 1));
  CHECK(bar_starts_at(9, 1));
  CHECK(bar_starts_at(17, 1));
  CHECK_FALSE(bar_starts_at(5, 1));
  CHECK_FALSE(bar_starts_at(9.5, 1));
  CHECK_FALSE(bar_starts_at(-7, 1));        // no bar begins before the first count
  CHECK(bar_length_words() == "bars of 8 counts");
}

// The transport's position line reads as the ruler and the sheets count.
TEST_CASE("bars: the playhead's position in words") {
  CHECK(position_words(13, 1) == "count 13 \u00b7 bar 2, count 5");
  CHECK(position_words(1, 1) == "count 1 \u00b7 bar 1, count 1");
  CHECK(position_words(8.5, 1) == "count 8& \u00b7 bar 1, count 8&");
  CHECK(position_words(9.25, 1) == "count 9e \u00b7 bar 2, count 1e");
  CHECK(position_words(13.5, 5) == "count 13& \u00b7 bar 2, count 1&");    // bars from the first count
  CHECK(position_words(13.37, 1) == "count 13.37 \u00b7 bar 2, count 5.37");  // a playhead running at tempo
  CHECK(position_words(16.9999999999, 1) == "count 17 \u00b7 bar 3, count 1");
  CHECK(position_words(0, 1) == "count 0");                                 // before the first count: no bar
}

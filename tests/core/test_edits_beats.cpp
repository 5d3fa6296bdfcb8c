// test_edits_beats.cpp — the timeline's beat edits and a beat's notation.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "notation/edits_beats.hpp"
#include "small_scene.hpp"

using test_scenes::small_scene;

namespace {
// The edited document; fails the test when the edit was refused.
cs::Document made(cs::Edited e) {
  INFO(e.refusal());
  REQUIRE(e.ok());
  return std::move(e).take();
}
}  // namespace

TEST_CASE("adding beats: at the playhead, after the beat under it, shortened to fit") {
  const cs::Document d = small_scene();
  std::size_t at = 0;
  SUBCASE("in a gap") {
    const cs::Document e = made(cs::add_beat(d, 9.2, 4, &at));
    CHECK(at == 2);
    CHECK(e.choreography.beats[2].start_count == 9);
    CHECK(e.choreography.beats[2].length_counts == 4);
    CHECK(e.choreography.beats[2].placeholder);
    CHECK(e.choreography.beats[2].id == "b04");
  }
  SUBCASE("inside touching beats: at the first gap after them") {
    const cs::Document e = made(cs::add_beat(d, 2, 8, &at));
    CHECK(e.choreography.beats[at].start_count == 9);
    CHECK(e.choreography.beats[at].length_counts == 4);  // stops at b03
  }
  SUBCASE("after the last beat") {
    made(cs::add_beat(d, 30, 2, &at));
    CHECK(at == 3);
  }
  SUBCASE("no room between touching beats and a beat half a count later") {
    cs::Document tight = d;
    tight.choreography.beats[2].start_count = 9.25;
    CHECK_FALSE(cs::add_beat(tight, 2).ok());
  }
}

TEST_CASE("splitting a beat at a count") {
  const cs::Document d = made(cs::split_beat(small_scene(), 6.4));  // snapped to 6.5
  REQUIRE(d.choreography.beats.size() == 4);
  const cs::Beat& a = d.choreography.beats[1];
  const cs::Beat& b = d.choreography.beats[2];
  CHECK(a.id == "b02");
  CHECK(a.end_count() == 6.5);
  CHECK(b.start_count == 6.5);
  CHECK(b.end_count() == 9);
  CHECK(a.breath.empty());
  REQUIRE(b.breath.size() == 1);  // the cue at 7 went with the second part
  CHECK(b.contacts == a.contacts);
  CHECK_FALSE(cs::split_beat(d, 10).ok());  // in the gap
  CHECK_FALSE(cs::split_beat(d, 13).ok());  // at a beat's start
}

TEST_CASE("moving and resizing beats stop at their neighbours, snapped to half counts") {
  cs::Document d = made(cs::move_beat(small_scene(), 1, 7.3));  // b02 (4 long) fits up to 9 before b03 at 13
  CHECK(d.choreography.beats[1].start_count == 7.5);
  CHECK(d.choreography.beats[1].breath[0].count == 9.5);  // the cue moved with it
  d = made(cs::move_beat(d, 1, 20));
  CHECK(d.choreography.beats[1].start_count == 9);  // stopped by b03
  d = made(cs::move_beat(d, 0, -5));
  CHECK(d.choreography.beats[0].start_count == 1);  // not before count 1

  cs::Document e = made(cs::resize_beat(small_scene(), 2, 13, 30.2));
  CHECK(e.choreography.beats[2].end_count() == 30);
  e = made(cs::resize_beat(e, 2, 2, 30));  // left edge stopped by b02's end
  CHECK(e.choreography.beats[2].start_count == 9);
  e = made(cs::resize_beat(e, 2, 40, 30));  // never shorter than half a count
  CHECK(e.choreography.beats[2].length_counts == cs::kMinBeatLength);
}

TEST_CASE("beats that do not exist, and counts that are not numbers, are refused") {
  const cs::Document d = small_scene();
  CHECK_FALSE(cs::move_beat(d, 9, 3).ok());
  CHECK_FALSE(cs::resize_beat(d, 9, 3, 5).ok());
  CHECK_FALSE(cs::delete_beat(d, 9).ok());
  CHECK_FALSE(cs::set_beat_text(d, 9, cs::BeatText::label, "x").ok());
  CHECK_FALSE(cs::add_beat(d, std::nan("")).ok());
  CHECK_FALSE(cs::move_beat(d, 0, std::numeric_limits<double>::infinity()).ok());
  CHECK(cs::move_beat(d, 9, 3).refusal() == "There is no beat 10");
}

TEST_CASE("deleting a beat a take names keeps the take's deviation, marked removed in that version") {
  const cs::Document d = small_scene();
  REQUIRE(cs::references_to(d, cs::ItemKind::beat, "b03") == std::vector<std::string>{"take 1 on camera A (a deviation)"});
  const cs::Document e = made(cs::delete_beat(d, 2));
  CHECK(e.choreography.beats.size() == 2);
  REQUIRE(e.takes[0].deviations.size() == 1);
  const cs::Deviation& dv = e.takes[0].deviations[0];
  CHECK(dv.beat == "b03");
  CHECK(dv.note == "late");
  CHECK(dv.beat_removed_in == 1);  // the draft's own version: it was never issued
  CHECK(cs::references_to(e, cs::ItemKind::beat, "b03").empty());
}

TEST_CASE("a beat's notation: added, replaced and removed, and held to the rules") {
  const cs::Document d = small_scene();
  cs::Contact c = d.choreography.beats[1].contacts[0];
  c.region = cs::Region::back_lower;
  cs::Document e = made(cs::add_note(d, 1, c));
  CHECK(e.choreography.beats[1].contacts.size() == 2);
  c.pressure = cs::Pressure::firm;
  e = made(cs::set_note(e, 1, 1, c));
  CHECK(e.choreography.beats[1].contacts[1].pressure == cs::Pressure::firm);
  e = made(cs::remove_note<cs::Contact>(e, 1, 0));
  CHECK(e.choreography.beats[1].contacts.size() == 1);
  CHECK_FALSE(cs::remove_note<cs::Contact>(e, 1, 5).ok());

  cs::Contact self = c;
  self.receiver = "ben";  // ben touching ben
  CHECK(cs::add_note(d, 1, self).refusal().find("both giver and receiver") != std::string::npos);
  cs::Contact stranger = c;
  stranger.giver = "cleo";
  CHECK(cs::add_note(d, 1, stranger).refusal().find("Unknown performer \"cleo\"") != std::string::npos);

  cs::BreathNote late{"ana", cs::BreathCue::inhale, 12};  // b02 runs 5–9
  CHECK(cs::add_note(d, 1, late).refusal().find("falls outside beat") != std::string::npos);
  late.count = 8.5;
  CHECK(made(cs::add_note(d, 1, late)).choreography.beats[1].breath.size() == 2);

  cs::Eyeline both;
  both.performer = "ana";
  both.target.performer = "ben";
  both.target.camera = "A";  // a file can say only one
  CHECK(cs::add_note(d, 1, both).refusal().find("exactly one") != std::string::npos);

  cs::GarmentChange none{"robe", false};
  CHECK(cs::add_note(d, 1, none).refusal().find("Unknown garment") != std::string::npos);

  cs::MaskingNote m{"A", "ana", {cs::Region::breast_l, cs::Region::breast_l}, "ben"};
  CHECK(cs::add_note(d, 1, m).refusal().find("listed twice") != std::string::npos);
  m.regions = {cs::Region::breast_l};
  CHECK(made(cs::add_note(d, 1, m)).choreography.beats[1].masking.size() == 1);
}

TEST_CASE("new beat ids follow the numbered ones") {
  cs::Document d = small_scene();
  CHECK(cs::next_beat_id(d) == "b04");
  d.choreography.beats[2].id = "b010";
  CHECK(cs::next_beat_id(d) == "b011");
  d.choreography.beats.clear();
  d.choreography.history.clear();
  d.takes.clear();  // nothing names the old beats any more
  CHECK(cs::next_beat_id(d) == "b01");
}

TEST_CASE("a removed beat's id is not given again while the take log or an issued version names it") {
  cs::Document d = small_scene();
  cs::Take take;
  take.camera = d.cameras[0].id;
  take.deviations.push_back(cs::Deviation{"b07", std::nullopt, "went long", 1});
  d.takes.push_back(take);
  CHECK(cs::next_beat_id(d) == "b08");
  d.takes.clear();
  cs::ChoreographyVersion v;
  v.beats.push_back(d.choreography.beats[0]);
  v.beats.back().id = "b12";
  d.choreography.history.push_back(v);
  CHECK(cs::next_beat_id(d) == "b13");
}

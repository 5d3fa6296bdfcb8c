// test_history.cpp — the edit door: one undo step per interaction, nothing
// recorded for no change, the dirty flag against the saved point, refused edits
// leave the document as it was; and the timeline's beat edits.
#include <doctest/doctest.h>

#include "notation/format.hpp"
#include "notation/history.hpp"

namespace {

cs::Beat beat(const char* id, double start, double length) {
  cs::Beat b;
  b.id = id;
  b.label = std::string("Beat ") + id;
  b.start_count = start;
  b.length_counts = length;
  return b;
}

// Two performers; beats b01 [1, 5), b02 [5, 9) with a breath cue at 7, a gap,
// b03 [13, 17); take 1 notes a deviation in b03.
cs::Document scene() {
  cs::Document d;
  d.scene.title = "History";
  cs::Performer ana;
  ana.id = "ana";
  cs::Performer ben;
  ben.id = "ben";
  d.performers = {ana, ben};
  cs::Camera cam;
  cam.id = "A";
  d.cameras = {cam};
  d.choreography.beats = {beat("b01", 1, 4), beat("b02", 5, 4), beat("b03", 13, 4)};
  cs::BreathNote n;
  n.performer = "ana";
  n.cue = cs::BreathCue::exhale;
  n.count = 7;
  d.choreography.beats[1].breath = {n};
  cs::Contact c;
  c.giver = "ben";
  c.receiver = "ana";
  c.with = cs::Region::hand_r;
  c.region = cs::Region::back_upper;
  d.choreography.beats[1].contacts = {c};
  cs::Take t;
  t.number = 1;
  t.camera = "A";
  t.deviations = {{"b03", "late"}};
  d.takes = {t};
  REQUIRE(cs::validate(d).empty());
  return d;
}

const std::vector<cs::Beat>& beats(const cs::History& h) { return h.doc().choreography.beats; }

}  // namespace

TEST_CASE("an edit is one step that undoes and redoes exactly") {
  cs::History h;
  h.reset(scene());
  const cs::Document original = h.doc();
  const auto g0 = h.generation();
  const cs::EditResult r = h.apply("Rename beat", [](cs::Document& d) {
    return cs::set_beat_text(d, 0, cs::BeatText::label, "Approach");
  });
  CHECK(r.ok());
  CHECK(r.changed);
  CHECK(beats(h)[0].label == "Approach");
  CHECK(h.generation() > g0);
  CHECK(h.undo_label() == "Rename beat");
  const cs::Document edited = h.doc();

  REQUIRE(h.undo());
  CHECK(h.doc() == original);
  CHECK_FALSE(h.can_undo());
  CHECK(h.redo_label() == "Rename beat");
  REQUIRE(h.redo());
  CHECK(h.doc() == edited);
  CHECK_FALSE(h.can_redo());
}

TEST_CASE("a whole drag is one step") {
  cs::History h;
  h.reset(scene());
  const cs::Document original = h.doc();
  h.begin("Move beat");
  for (double s = 13; s <= 16; s += 0.25) cs::move_beat(h.live(), 2, s);
  CHECK(beats(h)[2].start_count == 16);  // previewed live while dragging
  const cs::EditResult r = h.commit();
  CHECK(r.changed);
  CHECK(h.undo_steps() == 1);
  REQUIRE(h.undo());
  CHECK(h.doc() == original);
}

TEST_CASE("an interaction that changes nothing records no step") {
  cs::History h;
  h.reset(scene());
  h.begin("Move beat");
  cs::move_beat(h.live(), 2, 15);
  cs::move_beat(h.live(), 2, 13);  // dragged back to where it was
  const cs::EditResult r = h.commit();
  CHECK(r.ok());
  CHECK_FALSE(r.changed);
  CHECK_FALSE(h.can_undo());
  CHECK_FALSE(h.dirty());
  CHECK_FALSE(h.apply("Rename", [](cs::Document& d) { return cs::set_beat_text(d, 0, cs::BeatText::label, "Beat b01"); }).changed);
  CHECK_FALSE(h.can_undo());
}

TEST_CASE("the dirty flag follows the saved point through undo and redo") {
  cs::History h;
  h.reset(scene());
  CHECK_FALSE(h.dirty());
  h.apply("Add beat", [](cs::Document& d) { return cs::add_beat(d, 20); });
  CHECK(h.dirty());
  h.undo();
  CHECK_FALSE(h.dirty());  // back to what is on disk
  h.redo();
  CHECK(h.dirty());
  h.mark_saved();
  CHECK_FALSE(h.dirty());
  h.undo();
  CHECK(h.dirty());  // the file now holds the added beat
  h.redo();
  CHECK_FALSE(h.dirty());

  SUBCASE("a new edit after an undo drops the redo steps") {
    h.undo();
    h.apply("Delete beat", [](cs::Document& d) { return cs::delete_beat(d, 0); });
    CHECK_FALSE(h.can_redo());
    CHECK(h.dirty());
  }
  SUBCASE("a recovered document starts dirty") {
    h.reset(scene(), false);
    CHECK(h.dirty());
    CHECK_FALSE(h.can_undo());
  }
}

TEST_CASE("an edit that would make the document invalid is refused and leaves it as it was") {
  cs::History h;
  h.reset(scene());
  const cs::Document original = h.doc();

  SUBCASE("overlapping beats") {
    h.begin("Edit");
    h.live().choreography.beats[1].length_counts = 10;  // b02 would run into b03
    const cs::EditResult r = h.commit();
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.changed);
    CHECK(r.error.find("overlap") != std::string::npos);
    REQUIRE_FALSE(r.problems.empty());
  }
  SUBCASE("a breath cue left outside its beat by a resize") {
    const cs::EditResult r = h.apply("Resize beat", [](cs::Document& d) { return cs::resize_beat(d, 1, 5, 6.5); });
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("Breath cue") != std::string::npos);
  }
  SUBCASE("deleting a beat a take refers to") {
    const cs::EditResult r = h.apply("Delete beat", [](cs::Document& d) { return cs::delete_beat(d, 2); });
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("take 1") != std::string::npos);
  }
  CHECK(h.doc() == original);
  CHECK_FALSE(h.can_undo());
  CHECK_FALSE(h.dirty());
}

TEST_CASE("cancel and undo during an interaction restore the snapshot") {
  cs::History h;
  h.reset(scene());
  const cs::Document original = h.doc();
  h.begin("Move beat");
  cs::move_beat(h.live(), 2, 15);
  h.cancel();
  CHECK(h.doc() == original);
  h.begin("Move beat");
  cs::move_beat(h.live(), 2, 15);
  CHECK_FALSE(h.undo());  // nothing to undo, but the drag is abandoned
  CHECK_FALSE(h.editing());
  CHECK(h.doc() == original);
}

TEST_CASE("the history keeps at most its limit of steps") {
  cs::History h(3);
  h.reset(scene());
  for (int i = 0; i < 5; ++i)
    h.apply("Rename", [i](cs::Document& d) { return cs::set_beat_text(d, 0, cs::BeatText::label, std::to_string(i)); });
  CHECK(h.undo_steps() == 3);
  while (h.undo()) {}
  CHECK(beats(h)[0].label == "1");
  CHECK(h.dirty());  // the saved state fell off the end: still dirty
}

TEST_CASE("adding beats: at the playhead, after the beat under it, shortened to fit") {
  cs::Document d = scene();
  std::size_t at = 0;
  SUBCASE("in a gap") {
    CHECK(cs::add_beat(d, 9.2, 4, &at) == "");
    CHECK(at == 2);
    CHECK(d.choreography.beats[2].start_count == 9);
    CHECK(d.choreography.beats[2].length_counts == 4);
    CHECK(d.choreography.beats[2].placeholder);
    CHECK(d.choreography.beats[2].id == "b04");
  }
  SUBCASE("inside touching beats: at the first gap after them") {
    CHECK(cs::add_beat(d, 2, 8, &at) == "");
    CHECK(d.choreography.beats[at].start_count == 9);
    CHECK(d.choreography.beats[at].length_counts == 4);  // stops at b03
  }
  SUBCASE("after the last beat") {
    CHECK(cs::add_beat(d, 30, 2, &at) == "");
    CHECK(at == 3);
  }
  CHECK(cs::validate(d).empty());
}

TEST_CASE("splitting a beat at a count") {
  cs::Document d = scene();
  CHECK(cs::split_beat(d, 6.4) == "");  // snapped to 6.5
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
  CHECK(cs::validate(d).empty());
  CHECK_FALSE(cs::split_beat(d, 10).empty());  // in the gap
  CHECK_FALSE(cs::split_beat(d, 13).empty());  // at a beat's start
}

TEST_CASE("moving and resizing beats stop at their neighbours, snapped to half counts") {
  cs::Document d = scene();
  CHECK(cs::move_beat(d, 1, 7.3) == "");  // b02 (4 long) fits up to 9 before b03 at 13
  CHECK(d.choreography.beats[1].start_count == 7.5);
  CHECK(d.choreography.beats[1].breath[0].count == 9.5);  // the cue moved with it
  CHECK(cs::move_beat(d, 1, 20) == "");
  CHECK(d.choreography.beats[1].start_count == 9);  // stopped by b03
  CHECK(cs::move_beat(d, 0, -5) == "");
  CHECK(d.choreography.beats[0].start_count == 1);  // not before count 1
  CHECK(cs::validate(d).empty());

  cs::Document e = scene();
  CHECK(cs::resize_beat(e, 2, 13, 30.2) == "");
  CHECK(e.choreography.beats[2].end_count() == 30);
  CHECK(cs::resize_beat(e, 2, 2, 30) == "");  // left edge stopped by b02's end
  CHECK(e.choreography.beats[2].start_count == 9);
  CHECK(cs::resize_beat(e, 2, 40, 30) == "");  // never shorter than half a count
  CHECK(e.choreography.beats[2].length_counts == cs::kMinBeatLength);
  CHECK(cs::validate(e).empty());
}

TEST_CASE("edits survive a save and a load") {
  cs::History h;
  h.reset(scene());
  h.apply("Split", [](cs::Document& d) { return cs::split_beat(d, 3); });
  h.apply("Add", [](cs::Document& d) { return cs::add_beat(d, 10); });
  h.apply("Notes", [](cs::Document& d) { return cs::set_beat_text(d, 0, cs::BeatText::camera_notes, "Hold the wide"); });
  const cs::LoadResult back = cs::load_scene_text(cs::save_scene_text(h.doc()));
  REQUIRE(back.ok());
  CHECK(*back.document == h.doc());
}

TEST_CASE("new beat ids follow the numbered ones") {
  cs::Document d = scene();
  CHECK(cs::next_beat_id(d) == "b04");
  d.choreography.beats[2].id = "b010";
  CHECK(cs::next_beat_id(d) == "b011");
  d.choreography.beats.clear();
  CHECK(cs::next_beat_id(d) == "b01");
}

// test_history.cpp — the undo stack: one step per interaction, nothing recorded
// for no change or a refused edit, the dirty flag against the saved point.
#include <doctest/doctest.h>

#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_scene.hpp"
#include "notation/format.hpp"
#include "notation/history.hpp"
#include "small_scene.hpp"

using test_scenes::small_scene;

namespace {
const std::vector<cs::Beat>& beats(const cs::History& h) { return h.doc().choreography.beats; }
}  // namespace

TEST_CASE("an edit is one step that undoes and redoes exactly") {
  cs::History h;
  h.reset(small_scene());
  const cs::Document original = h.doc();
  const auto g0 = h.generation();
  const cs::EditResult r = h.apply("Rename beat", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, "Approach"));
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

TEST_CASE("a whole drag is one step, each frame made from the document at the press") {
  cs::History h;
  h.reset(small_scene());
  const cs::Document original = h.doc();
  h.begin("Move beat");
  for (double s = 13; s <= 16; s += 0.25) CHECK(h.update(cs::move_beat(h.original(), 2, s)).empty());
  CHECK(beats(h)[2].start_count == 16);  // shown while dragging
  CHECK(h.original() == original);
  const cs::EditResult r = h.commit();
  CHECK(r.changed);
  CHECK(h.undo_steps() == 1);
  REQUIRE(h.undo());
  CHECK(h.doc() == original);
}

TEST_CASE("a refused frame of a drag leaves the last accepted one shown") {
  cs::History h;
  h.reset(small_scene());
  h.begin("Resize beat");
  CHECK(h.update(cs::resize_beat(h.original(), 1, 5, 8)).empty());
  const std::string why = h.update(cs::resize_beat(h.original(), 1, 5, 6.5));  // would leave the cue at 7 outside
  CHECK(why.find("Breath cue") != std::string::npos);
  CHECK(beats(h)[1].end_count() == 8);
  CHECK(h.commit().changed);
  CHECK(beats(h)[1].end_count() == 8);
}

TEST_CASE("an interaction that changes nothing records no step") {
  cs::History h;
  h.reset(small_scene());
  h.begin("Move beat");
  h.update(cs::move_beat(h.original(), 2, 15));
  h.update(cs::move_beat(h.original(), 2, 13));  // dragged back to where it was
  const cs::EditResult r = h.commit();
  CHECK(r.ok());
  CHECK_FALSE(r.changed);
  CHECK_FALSE(h.can_undo());
  CHECK_FALSE(h.dirty());
  CHECK_FALSE(h.apply("Rename", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, "Beat b01")).changed);
  CHECK_FALSE(h.can_undo());
}

TEST_CASE("the dirty flag follows the saved point through undo and redo") {
  cs::History h;
  h.reset(small_scene());
  CHECK_FALSE(h.dirty());
  h.apply("Add beat", cs::add_beat(h.doc(), 20));
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
    h.apply("Delete beat", cs::delete_beat(h.doc(), 0));
    CHECK_FALSE(h.can_redo());
    CHECK(h.dirty());
  }
  SUBCASE("a recovered document starts dirty") {
    h.reset(small_scene(), false);
    CHECK(h.dirty());
    CHECK_FALSE(h.can_undo());
  }
}

TEST_CASE("a refused edit records nothing and says why, with the label") {
  cs::History h;
  h.reset(small_scene());
  const cs::Document original = h.doc();
  SUBCASE("a breath cue left outside its beat by a resize") {
    const cs::EditResult r = h.apply("Resize beat", cs::resize_beat(h.doc(), 1, 5, 6.5));
    CHECK_FALSE(r.ok());
    CHECK(r.error.rfind("Resize beat was not done: ", 0) == 0);
    CHECK(r.error.find("Breath cue") != std::string::npos);
    CHECK_FALSE(r.problems.empty());
  }
  SUBCASE("removing a camera a take refers to") {
    const cs::EditResult r = h.apply("Remove camera", cs::remove_camera(h.doc(), "A"));
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("take 1") != std::string::npos);
  }
  CHECK(h.doc() == original);
  CHECK_FALSE(h.can_undo());
  CHECK_FALSE(h.dirty());
}

TEST_CASE("cancel and undo during an interaction restore the snapshot") {
  cs::History h;
  h.reset(small_scene());
  const cs::Document original = h.doc();
  h.begin("Move beat");
  h.update(cs::move_beat(h.original(), 2, 15));
  CHECK(h.doc() != original);
  h.cancel();
  CHECK(h.doc() == original);
  h.begin("Move beat");
  h.update(cs::move_beat(h.original(), 2, 15));
  CHECK_FALSE(h.undo());  // nothing to undo, but the drag is abandoned
  CHECK_FALSE(h.editing());
  CHECK(h.doc() == original);
}

TEST_CASE("the history keeps at most its limit of steps") {
  cs::History h(3);
  h.reset(small_scene());
  for (int i = 0; i < 5; ++i) h.apply("Rename", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, std::to_string(i)));
  CHECK(h.undo_steps() == 3);
  while (h.undo()) {}
  CHECK(beats(h)[0].label == "1");
  CHECK(h.dirty());  // the saved state fell off the end: still dirty
}

TEST_CASE("edits survive a save and a load") {
  cs::History h;
  h.reset(small_scene());
  h.apply("Split", cs::split_beat(h.doc(), 3));
  h.apply("Add", cs::add_beat(h.doc(), 10));
  h.apply("Notes", cs::set_beat_text(h.doc(), 0, cs::BeatText::camera_notes, "Hold the wide"));
  CHECK(h.undo_steps() == 3);
  const cs::LoadResult back = cs::load_scene_text(cs::save_scene_text(h.doc()));
  REQUIRE(back.ok());
  CHECK(*back.document == h.doc());
}

TEST_CASE("an edit during a drag keeps the drag as its own step, a refused one leaves the drag going") {
  cs::History h;
  h.reset(small_scene());
  const cs::Document original = h.doc();
  h.begin("Move beat");
  CHECK(h.update(cs::move_beat(h.original(), 2, 15)).empty());
  // A refused edit (beat 99 does not exist): the drag goes on, nothing recorded.
  CHECK_FALSE(h.apply("Rename beat", cs::set_beat_text(h.doc(), 99, cs::BeatText::label, "x")).ok());
  CHECK(h.editing());
  CHECK(beats(h)[2].start_count == 15);
  // An edit made on the document shown: the drag is kept as its own step first.
  CHECK(h.apply("Rename beat", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, "Approach")).ok());
  CHECK(h.undo_steps() == 2);
  CHECK(beats(h)[2].start_count == 15);
  CHECK(beats(h)[0].label == "Approach");
  REQUIRE(h.undo());
  CHECK(beats(h)[2].start_count == 15);
  REQUIRE(h.undo());
  CHECK(h.doc() == original);
}

TEST_CASE("after a save, undo does not go back past a confirmation the file records") {
  cs::History h;
  h.reset(small_scene());
  REQUIRE(h.apply("Rename beat", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, "Approach")).ok());
  REQUIRE(h.apply("Ana confirms", cs::confirm_version(h.doc(), "ana", "2026-12-02", true)).ok());
  REQUIRE(h.apply("Rename beat", cs::set_beat_text(h.doc(), 0, cs::BeatText::label, "Closer")).ok());
  CHECK(h.undo_steps() == 3);
  h.mark_saved();
  // The rename after the confirmation can be undone; the confirmation and what came before cannot.
  CHECK(h.undo_steps() == 1);
  REQUIRE(h.undo());
  CHECK(h.doc().choreography.confirmations.size() == 1);
  CHECK_FALSE(h.can_undo());
  // Before any save, a confirmation is undone like any step.
  cs::History fresh;
  fresh.reset(small_scene());
  REQUIRE(fresh.apply("Ana confirms", cs::confirm_version(fresh.doc(), "ana", "2026-12-02", true)).ok());
  REQUIRE(fresh.undo());
  CHECK(fresh.doc().choreography.confirmations.empty());
}

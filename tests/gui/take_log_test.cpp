// "On the day": the take log as a script supervisor uses it — three takes
// logged with deviations (one of them about consent), a beat the log names
// deleted after the editor shows which takes name it, undone, saved, reloaded
// and compared; and the choreography locked, refusing an edit, and unlocked to
// revise. Real frames under xvfb-run; a screenshot of the panel.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "app/editor/editor_app.hpp"
#include "app/editor/undoable.hpp"
#include <imgui.h>
#include <imgui_internal.h>  // scrolling the panel for the screenshot
#include "notation/edits.hpp"
#include "notation/edits_takes.hpp"
#include "notation/format.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace {
using Session = test::ExampleSession;
}  // namespace

TEST_CASE("the take log: three takes with deviations, a named beat deleted, undone, saved and reloaded") {
  Session t("take_log");
  auto& s = t.s();
  s.date_override = "2026-12-04";
  s.on_the_day = true;
  t.frames();
  const std::size_t takes_before = t.doc().takes.size();

  // Setup H (to show the letters skip I), three takes on camera A; deviations in b02 and b04.
  s.take.setup = "H";
  s.take.camera = "A";
  s.take.status = cs::TakeStatus::ng;
  REQUIRE(cs::editor::log_take(s));
  cs::editor::set_count(s, t.doc().beat("b02")->start_count);
  s.take.deviation_kind = cs::DeviationKind::timing;
  s.take.deviation_note = "the kiss came a count early";
  REQUIRE(cs::editor::add_deviation(s));
  s.take.status = cs::TakeStatus::hold;
  REQUIRE(cs::editor::log_take(s));
  cs::editor::set_count(s, t.doc().beat("b04")->start_count);
  s.take.deviation_kind = cs::DeviationKind::consent;
  s.take.deviation_note = "Ana asked for the pause word; resumed after a check-in";
  REQUIRE(cs::editor::add_deviation(s));
  s.take.status = cs::TakeStatus::circle;
  REQUIRE(cs::editor::log_take(s));
  t.frames();
  const cs::Document& d = t.doc();
  REQUIRE(d.takes.size() == takes_before + 3);
  CHECK(d.takes[takes_before].setup == "H");
  CHECK(d.takes[takes_before].number == 1);
  CHECK(d.takes[takes_before + 2].number == 3);  // counts up by itself
  CHECK(d.takes[takes_before + 2].lens_mm == d.camera("A")->focal_mm);
  CHECK(d.takes[takes_before + 1].deviations.at(0).kind == cs::DeviationKind::consent);
  cs::editor::next_setup(s);
  CHECK(s.take.setup == "J");

  cs::render::Image shot;
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "take_log.png", shot, nullptr));

  // Deleting b04: the editor shows which takes name it first.
  const cs::Document before_delete = t.doc();
  const std::size_t b04 = static_cast<std::size_t>(t.doc().beat("b04") - t.doc().choreography.beats.data());
  CHECK_FALSE(cs::editor::delete_beat(s, b04));
  REQUIRE(s.pending_beat_delete.has_value());
  CHECK(s.pending_beat_delete->named_by.size() == 1);
  CHECK(s.pending_beat_delete->named_by[0].find("take 2") != std::string::npos);
  t.frames();  // the dialog draws
  REQUIRE(cs::editor::delete_beat(s, b04, true));
  CHECK_FALSE(t.doc().beat("b04"));
  const cs::Deviation& kept = t.doc().takes[takes_before + 1].deviations.at(0);
  CHECK(kept.beat == "b04");
  CHECK(kept.beat_removed_in == cs::version_after_change(before_delete));
  REQUIRE(cs::editor::undo(s));
  CHECK(t.doc() == before_delete);
  REQUIRE(cs::editor::redo(s));

  // Saved, reloaded: the same document.
  REQUIRE(t.app->save());
  const cs::Document saved = t.doc();
  REQUIRE(t.app->open(t.scene));
  CHECK(t.doc() == saved);
}

TEST_CASE("locking: an edit to a locked choreography is refused with a way out, unlocking starts the next version") {
  Session t("locking");
  auto& s = t.s();
  s.date_override = "2026-12-04";
  const int v = t.doc().choreography.version;
  REQUIRE(cs::editor::set_choreography_status(s, cs::ChoreoStatus::locked));
  CHECK_FALSE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Changed on the day"));
  REQUIRE(s.notice.has_value());
  CHECK(s.notice->message.find("unlock it to revise") != std::string::npos);
  s.notice.reset();
  REQUIRE(cs::editor::unlock_to_revise(s));
  CHECK(t.doc().choreography.version == v + 1);
  CHECK(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Changed after unlocking"));
  // Ana confirms the new version.
  REQUIRE(cs::editor::confirm(s, t.doc().performers[0].id, true));
  CHECK(t.doc().choreography.confirmations.back().version == v + 1);
  CHECK(t.doc().choreography.confirmations.back().date == "2026-12-04");
  t.frames();
}

TEST_CASE("after reopening, the take log goes on at the last take's setup, and an earlier setup can be chosen") {
  Session t("take_log_reopen");
  auto& s = t.s();
  s.date_override = "2026-12-04";
  s.on_the_day = true;
  t.frames();
  // Morning: setups C then D on camera A.
  REQUIRE(cs::editor::choose_setup(s, "C"));
  s.take.camera = "A";
  REQUIRE(cs::editor::log_take(s));
  cs::editor::next_setup(s);
  CHECK(s.take.setup == "D");
  REQUIRE(cs::editor::log_take(s));
  REQUIRE(cs::editor::log_take(s));
  REQUIRE(t.app->save());

  // After lunch the file is opened again: the draft is on setup D, not A.
  s.take.setup = "Z";  // whatever the draft was is not carried over
  REQUIRE(t.app->open(t.scene));
  t.frames();
  CHECK(s.take.setup == "D");
  CHECK(s.take.camera == "A");
  REQUIRE(cs::editor::log_take(s));
  CHECK(t.doc().takes.back().setup == "D");
  CHECK(t.doc().takes.back().number == 3);

  // Back to setup C: logged there, counting on from C's take 1.
  CHECK_FALSE(cs::editor::choose_setup(s, "I"));
  CHECK(s.take.setup == "D");
  REQUIRE(cs::editor::choose_setup(s, "C"));
  REQUIRE(cs::editor::log_take(s));
  CHECK(t.doc().takes.back().setup == "C");
  CHECK(t.doc().takes.back().number == 2);
  t.frames();

  // A new scene has no takes: setup A.
  REQUIRE(cs::editor::choose_setup(s, "F"));
  t.app->new_scene();
  t.frames();
  CHECK(s.take.setup == "A");
  CHECK(s.take.camera.empty());
}

TEST_CASE("editing takes: setup, camera, lens and note of a logged take, deviations on any take, edited and deleted, one undo step each") {
  using cs::editor::WidgetFrame;
  using cs::editor::WidgetOutcome;
  Session t("take_log_edit", 1080);  // tall enough to show the take open for editing
  auto& s = t.s();
  s.date_override = "2026-12-04";
  s.on_the_day = true;
  t.frames();
  const std::size_t first = t.doc().takes.size();
  REQUIRE(cs::editor::choose_setup(s, "A"));
  s.take.camera = "A";
  REQUIRE(cs::editor::log_take(s));  // A1
  REQUIRE(cs::editor::log_take(s));  // A2
  t.frames();

  // The first was really setup B on camera B with an 85: each change one undo step.
  auto steps = [&] { return s.history.undo_steps(); };
  std::size_t before = steps();
  cs::Take e = t.doc().takes[first];
  e.setup = "B";
  REQUIRE(cs::editor::set_take(s, first, e));
  CHECK(steps() == before + 1);
  e.camera = "B";
  REQUIRE(cs::editor::set_take(s, first, e));
  CHECK(t.doc().takes[first].camera == "B");
  CHECK(s.history.undo_label().find("camera B") != std::string::npos);
  // The lens and the note are typed: the text field's path (undoable), committed as one step.
  before = steps();
  const std::string lens_label = "Set the lens of take B1";
  WidgetFrame w;
  w.activated = w.active = w.changed = true;
  CHECK(cs::editor::undoable_step(s, lens_label, w, cs::editor::edit_take_at(first, [](cs::Take& k) { k.lens_mm = 8; })) ==
        WidgetOutcome::shown);
  w = {};
  w.active = w.changed = true;
  CHECK(cs::editor::undoable_step(s, lens_label, w, cs::editor::edit_take_at(first, [](cs::Take& k) { k.lens_mm = 85; })) ==
        WidgetOutcome::shown);
  w = {};
  w.deactivated = w.deactivated_after_edit = true;
  CHECK(cs::editor::undoable_step(s, lens_label, w, cs::editor::edit_take_at(first, [](cs::Take& k) { k.lens_mm = 85; })) ==
        WidgetOutcome::committed);
  CHECK(steps() == before + 1);
  CHECK(t.doc().takes[first].lens_mm == 85);
  w = {};
  w.activated = w.active = w.changed = true;
  auto note = cs::editor::edit_take_at(first, [](cs::Take& k) { k.note = "slate read B1"; });
  CHECK(cs::editor::undoable_step(s, "Edit the note", w, note) == WidgetOutcome::shown);
  w = {};
  w.deactivated = w.deactivated_after_edit = true;
  CHECK(cs::editor::undoable_step(s, "Edit the note", w, note) == WidgetOutcome::committed);
  CHECK(t.doc().takes[first].note == "slate read B1");
  CHECK(steps() == before + 2);
  // A change that would log a take twice is refused with a reason, and nothing changes.
  const cs::Document kept = t.doc();
  cs::Take twice = t.doc().takes[first + 1];  // A2 → B1 on camera B: B1 is there already
  twice.setup = "B";
  twice.camera = "B";
  twice.number = 1;
  CHECK_FALSE(cs::editor::set_take(s, first + 1, twice));
  REQUIRE(s.notice.has_value());
  CHECK(s.notice->message.find("logged twice") != std::string::npos);
  s.notice.reset();
  CHECK(t.doc() == kept);

  // A deviation on the earlier take (B1), not the latest (A2).
  s.take.deviation_take = cs::editor::TakeDraft::TakeKey{"B", "B", 1};
  cs::editor::set_count(s, t.doc().beat("b02")->start_count);
  s.take.deviation_kind = cs::DeviationKind::timing;
  s.take.deviation_note = "late";
  REQUIRE(cs::editor::add_deviation(s));
  REQUIRE(t.doc().takes[first].deviations.size() == 1);
  CHECK(t.doc().takes[first + 1].deviations.empty());
  t.frames();
  // Its kind made consent (a click), its note typed, then deleted: one step each, and undo brings it back.
  before = steps();
  cs::Deviation dv = t.doc().takes[first].deviations[0];
  dv.kind = cs::DeviationKind::consent;
  REQUIRE(cs::editor::set_deviation(s, first, 0, dv));
  CHECK(t.doc().takes[first].deviations[0].kind == cs::DeviationKind::consent);
  w = {};
  w.activated = w.active = w.changed = true;
  auto dnote = cs::editor::edit_deviation_at(first, 0, [](cs::Deviation& k) { k.note = "asked to hold"; });
  CHECK(cs::editor::undoable_step(s, "Edit a deviation", w, dnote) == WidgetOutcome::shown);
  w = {};
  w.deactivated = w.deactivated_after_edit = true;
  CHECK(cs::editor::undoable_step(s, "Edit a deviation", w, dnote) == WidgetOutcome::committed);
  CHECK(t.doc().takes[first].deviations[0].note == "asked to hold");
  const cs::Document with_deviation = t.doc();
  REQUIRE(cs::editor::remove_deviation(s, first, 0));
  CHECK(t.doc().takes[first].deviations.empty());
  CHECK(steps() == before + 3);
  t.frames();
  REQUIRE(cs::editor::undo(s));
  CHECK(t.doc() == with_deviation);
  CHECK_FALSE(cs::editor::remove_deviation(s, first, 5));  // no such deviation: nothing happens
  CHECK(t.doc() == with_deviation);

  // Scrolled to the list, as a user would: the newest take open, its fields editable.
  if (ImGuiWindow* panel = ImGui::FindWindowByName("On the day")) ImGui::SetScrollY(panel, 100000.0f);
  t.frames();
  cs::render::Image shot;
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "take_log_edit.png", shot, nullptr));

  // Deleting the latest take keeps the deviation target on B1 (by its slate, not its place).
  REQUIRE(cs::editor::remove_take(s, first + 1));
  REQUIRE(cs::editor::find_take(t.doc(), *s.take.deviation_take) == first);
  t.frames();

  // Saved and reloaded: the edits are in the file.
  REQUIRE(t.app->save());
  const cs::Document saved = t.doc();
  REQUIRE(t.app->open(t.scene));
  CHECK(t.doc() == saved);
  CHECK(t.doc().takes[first].setup == "B");
  CHECK(t.doc().takes[first].lens_mm == 85);
}

TEST_CASE("On the day warns when a take is logged on a draft or on a version not everyone confirmed") {
  Session t("take_log_warning");
  auto& s = t.s();
  s.date_override = "2026-12-04";
  s.on_the_day = true;
  REQUIRE(cs::editor::set_choreography_status(s, cs::ChoreoStatus::draft));
  t.frames();
  const std::string warning = cs::unready_version_warning(t.doc());
  REQUIRE(warning.find("is a draft") != std::string::npos);
  s.take.camera = "A";
  s.take.note = "wide, for safety";
  REQUIRE(cs::editor::log_take(s));  // logged all the same: the log says what was shot
  CHECK(s.status.find("Shot on an unready version: " + warning) != std::string::npos);
  t.frames();
  cs::render::Image shot;
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "take_log_warning.png", shot, nullptr));  // the warning, the setup picker, the take open to edit

  // Rehearsed and confirmed by everyone: no warning.
  REQUIRE(cs::editor::set_choreography_status(s, cs::ChoreoStatus::rehearsed));
  std::vector<std::string> ids;
  for (const cs::Performer& p : t.doc().performers) ids.push_back(p.id);
  for (const std::string& id : ids) {
    const auto& cs_ = t.doc().choreography.confirmations;
    const int v = t.doc().choreography.version;
    if (std::none_of(cs_.begin(), cs_.end(), [&](const cs::Confirmation& c) { return c.performer == id && c.version == v; }))
      REQUIRE(cs::editor::confirm(s, id, true));
  }
  REQUIRE(cs::unready_version_warning(t.doc()).empty());
  REQUIRE(cs::editor::log_take(s));
  CHECK(s.status.find("unready") == std::string::npos);
}

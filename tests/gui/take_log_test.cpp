// "On the day": the take log as a script supervisor uses it — three takes
// logged with deviations (one of them about consent), a beat the log names
// deleted after the editor shows which takes name it, undone, saved, reloaded
// and compared; and the choreography locked, refusing an edit, and unlocked to
// revise. Real frames under xvfb-run; a screenshot of the panel.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/editor/editor_app.hpp"
#include "notation/edits.hpp"
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

TEST_CASE("locking: an edit to a locked choreography is refused with a way out; unlocking starts the next version") {
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

// Editing as a user does it, through the same action functions a click or a
// shortcut calls: a timeline drag, a typed label, undo and redo, save and
// reload, the dirty flag, the unsaved-changes guard, autosave and recovery,
// recent files, and the checks arriving in the background. Real frames under
// xvfb-run; every file goes to a temporary folder.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "notation/edits_beats.hpp"
#include "notation/format.hpp"
#include "render/image.hpp"

namespace fs = std::filesystem;
using cs::editor::EditorApp;

namespace {

const fs::path kExample = fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

// A fresh folder per test: the scene copy, its .bak, the config (recent, recovery).
fs::path fresh_dir(const char* name) {
  const fs::path dir = fs::temp_directory_path() / "closedset_gui_tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// An editor with its own config folder, on a copy of the example.
struct Session {
  fs::path dir, scene, config;
  std::unique_ptr<EditorApp> app;
  explicit Session(const char* name, double autosave_seconds = 60, bool checks = false) {
    dir = fresh_dir(name);
    scene = dir / "bedroom.closedset.json";
    config = dir / "config";
    fs::copy_file(kExample, scene);
    app = start(autosave_seconds, checks);
  }
  std::unique_ptr<EditorApp> start(double autosave_seconds = 60, bool checks = false) const {
    cs::editor::AppConfig c = test::editor_config();
    c.config_dir = config;
    c.autosave_seconds = autosave_seconds;
    c.background_checks = checks;
    return test::make_editor(c);
  }
  cs::editor::EditorState& s() { return app->state(); }
  const cs::Document& doc() { return s().history.doc(); }
};

// Drags beat `i` by `counts` as the timeline does: press, move over a few
// frames, release. `ppc` pixels per count.
void drag_beat(EditorApp& app, cs::editor::BeatDrag::Kind kind, std::size_t i, double counts) {
  auto& s = app.state();
  const float ppc = 40, x0 = 500;
  cs::editor::begin_beat_drag(s, kind, i, x0);
  for (int step = 1; step <= 4; ++step) {
    cs::editor::update_beat_drag(s, x0 + static_cast<float>(counts * ppc * step / 4), ppc);
    app.frame();  // the drag is previewed live, frame by frame
  }
  cs::editor::finish_interaction(s);
}

}  // namespace

TEST_CASE("a timeline drag is one undo step, undo, redo, save and reload give the same documents") {
  Session t("drag_undo_save");
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  const cs::Document original = t.doc();
  cs::editor::step_count(s, +1);
  cs::editor::step_beat(s, +1);
  t.app->frame();
  CHECK_FALSE(s.dirty());
  CHECK(t.app->window_title().find("•") == std::string::npos);

  const std::size_t last = original.choreography.beats.size() - 1;
  drag_beat(*t.app, cs::editor::BeatDrag::move, last, 2);  // the last beat has room after it
  const cs::Document moved = t.doc();
  CHECK(moved.choreography.beats[last].start_count == original.choreography.beats[last].start_count + 2);
  CHECK(s.history.undo_steps() == 1);
  CHECK(s.dirty());
  t.app->frame();
  CHECK(t.app->window_title().find("•") != std::string::npos);

  REQUIRE(cs::editor::undo(s));
  CHECK(t.doc() == original);
  CHECK_FALSE(s.dirty());
  REQUIRE(cs::editor::redo(s));
  CHECK(t.doc() == moved);
  CHECK(s.dirty());

  const fs::path out = t.dir / "moved.closedset.json";
  REQUIRE(t.app->save_as(out));
  CHECK_FALSE(s.dirty());
  CHECK(s.path == out);
  REQUIRE(t.app->open(out));
  CHECK(t.doc() == moved);
  CHECK_FALSE(s.history.can_undo());  // a fresh history for the reopened file
}

TEST_CASE("resizing, splitting, adding, deleting and typing a label are each one step") {
  Session t("beat_edits");
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  const cs::Document original = t.doc();
  const std::size_t n = original.choreography.beats.size();

  drag_beat(*t.app, cs::editor::BeatDrag::right_edge, n - 1, 1.5);
  CHECK(t.doc().choreography.beats[n - 1].end_count() == original.choreography.beats[n - 1].end_count() + 1.5);

  cs::editor::set_count(s, original.choreography.beats[0].start_count + 1);
  REQUIRE(cs::editor::split_beat_at_playhead(s));
  CHECK(t.doc().choreography.beats.size() == n + 1);

  cs::editor::set_count(s, s.last_count());
  REQUIRE(cs::editor::add_beat_at_playhead(s));
  CHECK(t.doc().choreography.beats.size() == n + 2);
  CHECK(t.doc().choreography.beats.back().placeholder);

  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Sit, then the first look"));
  CHECK(t.doc().choreography.beats[0].label == "Sit, then the first look");

  REQUIRE(cs::editor::delete_beat(s, n + 1));
  CHECK(s.history.undo_steps() == 5);
  t.app->frame();
  for (int i = 0; i < 5; ++i) REQUIRE(cs::editor::undo(s));
  CHECK(t.doc() == original);
  CHECK_FALSE(s.dirty());
}

TEST_CASE("an edit that would make the scene invalid is refused with a message, a drag stops before it") {
  Session t("refused");
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  // A breath cue late in a beat, then a resize that would leave it outside.
  const cs::Beat& first = t.doc().choreography.beats[0];
  const double end = first.end_count();
  REQUIRE(cs::editor::edit_document(
      s, "Add breath", cs::add_note(t.doc(), 0, cs::BreathNote{t.doc().performers[0].id, cs::BreathCue::exhale, end - 0.5})));
  drag_beat(*t.app, cs::editor::BeatDrag::right_edge, 0, -1.5);
  // The drag went as far as the rules allow (the cue at the beat's last count), and says why it stopped.
  CHECK(t.doc().choreography.beats[0].end_count() == end - 0.5);
  CHECK(s.status.find("Breath cue") != std::string::npos);
  CHECK(s.history.undo_steps() == 2);

  // A one-shot edit that breaks a rule is refused outright, with a notice.
  const cs::Document before = t.doc();
  REQUIRE_FALSE(cs::editor::edit_document(s, "Resize beat", cs::resize_beat(t.doc(), 0, first.start_count, end - 2)));
  CHECK(t.doc() == before);
  REQUIRE(s.notice.has_value());
  CHECK(s.notice->message.find("Breath cue") != std::string::npos);
  CHECK(s.history.undo_steps() == 2);
  t.app->frame();  // the notice draws
  s.notice.reset();
  t.app->frame();
}

TEST_CASE("the unsaved-changes guard asks before new, open and quit") {
  Session t("guard");
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Changed"));
  const cs::Document edited = t.doc();

  t.app->request(cs::editor::FileAction::new_scene);
  CHECK(t.app->guard_pending());
  t.app->frame();  // the dialog shows
  t.app->resolve_guard(cs::editor::GuardChoice::cancel);
  CHECK(t.doc() == edited);
  CHECK(s.dirty());

  t.app->request(cs::editor::FileAction::quit);
  CHECK(t.app->guard_pending());
  t.app->resolve_guard(cs::editor::GuardChoice::cancel);
  CHECK_FALSE(t.app->should_close());

  t.app->request(cs::editor::FileAction::open_path, kExample);
  t.app->resolve_guard(cs::editor::GuardChoice::discard);
  CHECK(s.path == kExample);
  CHECK_FALSE(s.dirty());
  CHECK(t.doc().choreography.beats[0].label != "Changed");

  REQUIRE(t.app->open(t.scene));
  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Saved on the way out"));
  t.app->request_close();
  CHECK_FALSE(t.app->should_close());
  t.app->resolve_guard(cs::editor::GuardChoice::save);
  CHECK(t.app->should_close());
  const cs::LoadResult back = cs::load_scene_file(t.scene);
  REQUIRE(back.ok());
  CHECK(back.document->choreography.beats[0].label == "Saved on the way out");
  CHECK(fs::exists(fs::path(t.scene.string() + ".bak")));  // the previous version kept
}

TEST_CASE("without changes, new and quit need no question") {
  Session t("no_guard");
  REQUIRE(t.app->open(t.scene));
  t.app->request(cs::editor::FileAction::new_scene);
  CHECK_FALSE(t.app->guard_pending());
  auto& s = t.s();
  REQUIRE(s.document());
  CHECK(s.path.empty());
  CHECK(cs::validate(t.doc()).empty());
  t.app->frame();
  // An untitled scene saves through Save As.
  CHECK_FALSE(t.app->save());
  REQUIRE(t.app->save_as(t.dir / "fresh"));
  CHECK(s.path == t.dir / "fresh.closedset.json");
  const cs::LoadResult back = cs::load_scene_file(s.path);
  REQUIRE(back.ok());
  CHECK(*back.document == t.doc());
  t.app->request(cs::editor::FileAction::quit);
  CHECK(t.app->should_close());
}

TEST_CASE("a save that fails says why and keeps the changes") {
  Session t("save_fails");
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Unsaved"));
  CHECK_FALSE(t.app->save_as("/nonexistent-folder/x.closedset.json"));
  REQUIRE(s.notice.has_value());
  CHECK(s.notice->title == "Could not save");
  CHECK(s.dirty());
  CHECK(s.path == t.scene);
  t.app->frame();
  s.notice.reset();
}

TEST_CASE("autosave writes a recovery copy, the next start offers it, saving removes it") {
  Session t("recovery", /*autosave_seconds=*/0);
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  const fs::path recovery = t.app->recovery_file();
  CHECK(recovery.parent_path() == t.config / "recovery");
  t.app->frame();
  CHECK_FALSE(fs::exists(recovery));  // nothing to recover from a clean scene
  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::label, "Worth keeping"));
  t.app->frame();  // the timer (0 s here) autosaves
  REQUIRE(fs::exists(recovery));
  CHECK((fs::status(recovery).permissions() & (fs::perms::group_read | fs::perms::others_read)) == fs::perms::none);
  const cs::Document edited = t.doc();

  t.app.reset();  // as if the editor had died: no save, no discard
  t.app = t.start(0);
  REQUIRE(t.app->open(t.scene));
  REQUIRE(t.app->recovery_offer().has_value());
  t.app->frame();  // the offer shows
  t.app->resolve_recovery(true);
  CHECK(t.doc() == edited);
  CHECK(t.s().dirty());
  CHECK(t.s().path == t.scene);
  CHECK(fs::exists(recovery));  // kept until saved or discarded

  REQUIRE(t.app->save());
  CHECK_FALSE(fs::exists(recovery));
  CHECK_FALSE(t.s().dirty());

  SUBCASE("a discarded recovery is gone, and the file is as it was saved") {
    REQUIRE(cs::editor::set_beat_text(t.s(), 0, cs::BeatText::label, "Throw away"));
    t.app->frame();
    REQUIRE(fs::exists(recovery));
    t.app.reset();
    t.app = t.start(0);
    REQUIRE(t.app->open(t.scene));
    REQUIRE(t.app->recovery_offer().has_value());
    t.app->resolve_recovery(false);
    CHECK_FALSE(fs::exists(recovery));
    CHECK(t.doc() == edited);
  }
  SUBCASE("a recovery older than the file is not offered") {
    REQUIRE(cs::editor::set_beat_text(t.s(), 0, cs::BeatText::label, "Then saved elsewhere"));
    t.app->frame();
    t.app.reset();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ofstream(t.scene, std::ios::app) << "\n";  // the file changed after the autosave
    t.app = t.start(0);
    REQUIRE(t.app->open(t.scene));
    CHECK_FALSE(t.app->recovery_offer().has_value());
  }
}

TEST_CASE("recent files are remembered between runs") {
  Session t("recent");
  REQUIRE(t.app->open(t.scene));
  REQUIRE(t.app->save_as(t.dir / "second.closedset.json"));
  REQUIRE_FALSE(t.app->recent().empty());
  CHECK(t.app->recent().front() == t.dir / "second.closedset.json");
  t.app.reset();
  t.app = t.start();
  REQUIRE(t.app->recent().size() == 2);
  CHECK(t.app->recent()[0] == t.dir / "second.closedset.json");
  CHECK(t.app->recent()[1] == t.scene);
}

TEST_CASE("the checks run in the background and follow the edits") {
  Session t("checks", 60, /*checks=*/true);
  REQUIRE(t.app->open(t.scene));
  auto& s = t.s();
  REQUIRE(t.app->wait_for_checks(120));
  CHECK(s.checks.generation == s.history.generation());
  const std::size_t before = s.checks.findings.size();

  // An edit makes the findings stale until the next run comes back.
  REQUIRE(cs::editor::set_beat_text(s, 0, cs::BeatText::action, "Changed"));
  t.app->frame();
  CHECK(s.checks.running);
  REQUIRE(t.app->wait_for_checks(120));
  CHECK(s.checks.findings.size() == before);  // the action text changes no finding

  // Going to a finding: its count, through its camera.
  for (const cs::Finding& f : s.checks.findings)
    if (!f.camera.empty()) {
      cs::editor::go_to_finding(s, f);
      CHECK(s.count == doctest::Approx(std::max(f.from_count, s.first_count())));
      CHECK(s.through_camera == f.camera);
      break;
    }
  cs::render::Image img;
  t.app->frame(&img);
  CHECK(cs::render::luminance_variance(img) > 50.0);
}

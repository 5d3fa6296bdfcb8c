// File → Recover…: the autosaved copy of a scene whose editor stopped without
// saving is listed while another scene is open, and choosing it opens that
// scene and offers the copy. Real frames under xvfb-run; files in a temporary folder.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "app/editor/files.hpp"
#include "notation/format.hpp"

namespace fs = std::filesystem;
using cs::editor::EditorApp;

TEST_CASE("File > Recover lists the autosave of another scene and recovers it") {
  const fs::path dir = fs::temp_directory_path() / "closedset_gui_tests" / "recover_menu";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path example = fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";
  const fs::path crashed = dir / "crashed.closedset.json", other = dir / "other.closedset.json";
  fs::copy_file(example, crashed);
  fs::copy_file(example, other);
  const fs::path config = dir / "config";

  auto start = [&] {
    cs::editor::AppConfig c = test::editor_config();
    c.config_dir = config;
    return test::make_editor(c);
  };

  // An editor edits crashed.closedset.json, autosaves, and dies without saving.
  std::string edited_title;
  {
    auto a = start();
    REQUIRE(a->open(crashed));
    auto& s = a->state();
    cs::editor::set_count(s, s.first_count() + 2);
    REQUIRE(cs::editor::split_beat_at_playhead(s));
    REQUIRE(a->autosave_now());
    edited_title = a->window_title();
  }  // no quit: the recovery copy stays, as after a crash
  // The file itself is older than its copy.
  fs::last_write_time(crashed, fs::last_write_time(crashed) - std::chrono::hours(1));

  // The next start opens another scene: the copy is not offered for it...
  auto a = start();
  REQUIRE(a->open(other));
  CHECK_FALSE(a->recovery_offer());
  // ...but File → Recover… lists it, by its scene's name and time.
  const auto copies = cs::editor::list_recoveries(config, a->recent(), a->state().path);
  REQUIRE(copies.size() == 1);
  CHECK(copies[0].name == "crashed.closedset.json");
  CHECK(fs::equivalent(copies[0].offer.file, crashed));
  CHECK_FALSE(copies[0].offer.when.empty());
  a->frame();

  // Choosing it opens that scene (through the guard, like Open Recent) and offers the copy.
  a->request(cs::editor::FileAction::open_path, copies[0].offer.file);
  REQUIRE(a->recovery_offer());
  a->resolve_recovery(true);
  auto& s = a->state();
  CHECK(s.dirty());
  CHECK(fs::equivalent(s.path, crashed));
  const cs::LoadResult original = cs::load_scene_file(crashed);
  REQUIRE(original.ok());
  CHECK(s.history.doc().choreography.beats.size() == original.document->choreography.beats.size() + 1);
  a->frame();

  // Once saved, nothing is left to recover.
  REQUIRE(a->save());
  CHECK(cs::editor::list_recoveries(config, a->recent(), {}).empty());
}

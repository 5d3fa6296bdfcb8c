// The findings panel's "Suggest a camera move", as a user takes it: the checks
// run in the background on the 64-beat reference scene, a click on an exposure
// finding from camera A selects it (go_to_finding, what the list and the
// timeline call), the button (suggest_camera_move) names the smallest slide of
// camera A that masks it. Real frames under xvfb-run.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "notation/checks.hpp"
#include "render/image.hpp"

namespace fs = std::filesystem;
using cs::editor::EditorApp;

TEST_CASE("an exposure finding from camera A gets a camera move suggested, computed as the checks compute") {
  const fs::path dir = fs::temp_directory_path() / "closedset_gui_tests" / "findings_move";
  fs::remove_all(dir);
  fs::create_directories(dir);
  cs::editor::AppConfig c = test::editor_config();
  c.width = 1600;
  c.height = 900;
  c.config_dir = dir / "config";
  c.background_checks = true;
  auto app = test::make_editor(c);
  REQUIRE(app->open(fs::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json"));
  REQUIRE(app->wait_for_checks(300));
  auto& s = app->state();
  const std::size_t steps = s.history.undo_steps();

  const auto& all = s.checks.findings;
  const auto it = std::find_if(all.begin(), all.end(), [](const cs::Finding& f) {
    return f.camera == "A" && cs::editor::camera_move_applies(f);
  });
  REQUIRE(it != all.end());
  const cs::Finding finding = *it;

  // Nothing selected yet: the button's action has nothing to answer.
  CHECK_FALSE(cs::editor::suggest_camera_move(s));

  // Click the finding: it is selected (and the playhead goes to it), then the button.
  cs::editor::go_to_finding(s, finding);
  app->frame();
  REQUIRE(s.checks.selected);
  CHECK(*s.checks.selected == finding);
  REQUIRE(cs::editor::suggest_camera_move(s));
  app->frame();
  REQUIRE(s.checks.suggestion);
  const cs::editor::MoveSuggestion& m = *s.checks.suggestion;
  CHECK(m.finding == finding);
  CHECK_FALSE(m.text.empty());
  if (m.move) {
    CHECK(m.text.rfind("Camera A ", 0) == 0);
    CHECK(m.move->camera == "A");
    CHECK(m.move->count == finding.peak_count);
  } else {
    CHECK(m.text == "No slide of up to 40 cm masks it");
  }
  MESSAGE("suggested in " << m.seconds * 1000 << " ms: " << m.text);
  // The same answer the core gives with the checks' options.
  const auto direct = cs::smallest_masking_move(s.history.doc(), finding, s.checks.options);
  CHECK(direct.has_value() == m.move.has_value());
  if (direct && m.move) CHECK(direct->sentence() == m.text);

  cs::render::Image img;
  app->frame(&img);
  std::string error;
  CHECK(cs::render::write_png(dir / "suggestion.png", img, &error));

  // A finding a camera move cannot answer: no button, nothing suggested.
  const auto other = std::find_if(all.begin(), all.end(), [](const cs::Finding& f) { return !cs::editor::camera_move_applies(f); });
  if (other != all.end()) {
    cs::editor::go_to_finding(s, *other);
    CHECK_FALSE(s.checks.suggestion);
    CHECK_FALSE(cs::editor::suggest_camera_move(s));
  }

  // Asking is not an edit.
  CHECK(s.history.undo_steps() == steps);
  CHECK_FALSE(s.dirty());
}

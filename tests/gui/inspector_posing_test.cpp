// inspector_posing_test.cpp — the Inspector's posing buttons (Mirror pose,
// Copy previous pose, Flip staging, the pins and the presets) on the bedroom
// example with a performer selected, as a screenshot to open and look at: rows
// wrap in the narrow inspector, so nothing is cut off at its edge.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/editor/editor_app.hpp"
#include "app/editor/state.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

TEST_CASE("the Inspector's posing buttons with a performer selected (screenshot)") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "closedset_gui_tests" / "inspector_posing";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path scene = dir / "bedroom.closedset.json";
  fs::copy_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json", scene);
  // Tall enough that the whole pose section is in the inspector without scrolling.
  cs::editor::AppConfig c = test::editor_config();
  c.height = 1100;
  c.config_dir = dir / "config";
  auto app = test::make_editor(c);
  REQUIRE(app->open(scene));
  auto& s = app->state();
  using namespace cs::editor;
  select(s, SelectionKind::performer, s.history.doc().performers[0].id);
  set_count(s, 5);  // b02: a beat with one before it, so Copy previous pose has a pose to copy
  for (int i = 0; i < 3; ++i) app->frame();
  cs::render::Image shot;
  app->frame(&shot);
  const fs::path png = dir / "inspector_posing.png";
  REQUIRE(cs::render::write_png(png, shot, nullptr));
  CHECK(cs::render::luminance_variance(shot) > 50.0);
  MESSAGE("screenshot in " << png.string());
}

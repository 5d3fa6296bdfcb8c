// The editor as a user meets it: opens the example, shows its title, draws a
// picture that is not blank, and changes the picture when the playhead or the
// camera changes. Runs real frames under xvfb-run.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "render/image.hpp"

namespace {

const std::filesystem::path kExample = std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

std::filesystem::path out_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "closedset_gui_tests";
  std::filesystem::create_directories(dir);
  return dir;
}

// One editor window for the whole suite: GLFW and ImGui are process-wide.
cs::editor::EditorApp& app() {
  static std::unique_ptr<cs::editor::EditorApp> instance = [] {
    cs::editor::AppConfig config = test::editor_config();
    config.background_checks = true;  // these tests see the findings the checks bring
    return test::make_editor(config);
  }();
  return *instance;
}

cs::render::Image shot(int warmup = 2) {
  for (int i = 0; i < warmup; ++i) app().frame();
  cs::render::Image img;
  app().frame(&img);
  return img;
}

}  // namespace

TEST_CASE("the editor opens the example scene and shows its title") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  REQUIRE(a.state().document() != nullptr);
  const std::string title = a.state().document()->scene.title;
  CHECK_FALSE(title.empty());
  CHECK(a.window_title().find(title) != std::string::npos);
  CHECK(a.window_title().find("bedroom.closedset.json") != std::string::npos);
  a.frame();
}

TEST_CASE("a screenshot of the editor is not blank") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  const cs::render::Image img = shot();
  REQUIRE_FALSE(img.empty());
  CHECK(img.width >= 1280);
  CHECK(cs::render::luminance_variance(img) > 50.0);
  std::string error;
  CHECK(cs::render::write_png(out_dir() / "editor.png", img, &error));
}

TEST_CASE("the picture differs between two counts") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  auto& s = a.state();
  cs::editor::set_count(s, s.first_count());
  const cs::render::Image first = shot();
  cs::editor::set_count(s, s.last_count());
  const cs::render::Image last = shot();
  CHECK(cs::render::difference_fraction(first, last) > 0.002);
}

TEST_CASE("looking through two cameras gives two pictures") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  auto& s = a.state();
  REQUIRE(s.document()->cameras.size() >= 2);
  REQUIRE(cs::editor::look_through_index(s, 0));
  const cs::render::Image cam_a = shot();
  REQUIRE(cs::editor::look_through_index(s, 1));
  const cs::render::Image cam_b = shot();
  CHECK(cs::render::difference_fraction(cam_a, cam_b) > 0.01);
  std::string error;
  CHECK(cs::render::write_png(out_dir() / "camera_b.png", cam_b, &error));
  s.through_camera.clear();
}

TEST_CASE("opening a bad file keeps the open scene and lists every error") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  const auto bad = out_dir() / "bad.closedset.json";
  {
    std::ofstream f(bad);
    f << R"({"format": "closedset-scene", "version": 1, "scene": {"title": 7}, "cameras": [{"id": "A", "focal_mm": -1}]})";
  }
  CHECK_FALSE(a.open(bad));
  auto& s = a.state();
  REQUIRE(s.document() != nullptr);  // the example is still open
  REQUIRE(s.load_errors.has_value());
  CHECK(s.load_errors->kept_previous);
  CHECK(s.load_errors->lines.size() >= 2);
  // The dialog draws without crashing and is closed by the test.
  shot(1);
  s.load_errors.reset();
  a.frame();
}

TEST_CASE("stepping the timeline moves by counts and by beats") {
  auto& a = app();
  REQUIRE(a.open(kExample));
  auto& s = a.state();
  const double first = s.first_count();
  cs::editor::step_count(s, +1);
  CHECK(s.count == doctest::Approx(first + 1));
  cs::editor::step_count(s, -1);
  CHECK(s.count == doctest::Approx(first));
  REQUIRE(s.document()->choreography.beats.size() >= 2);
  cs::editor::step_beat(s, +1);
  CHECK(s.count == doctest::Approx(s.document()->choreography.beats[1].start_count));
  // Playing at tempo: one second at 60 bpm is tempo/60 counts.
  cs::editor::set_count(s, first);
  s.playing = true;
  cs::editor::advance_playback(s, 1.0);
  CHECK(s.count == doctest::Approx(first + s.document()->choreography.tempo_bpm / 60.0));
  s.playing = false;
}

// A scene whose prop mesh cannot be loaded opens (so it can be fixed), but the
// editor says plainly that its checks are incomplete, naming the prop's file;
// the command line refuses to check such a scene at all.
TEST_CASE("a scene with a prop mesh that cannot be loaded says its checks are incomplete") {
  auto& a = app();
  const auto file = std::filesystem::path(CLOSEDSET_TEST_DATA_DIR) / "mesh_missing.json";
  REQUIRE(a.open(file));
  REQUIRE(a.state().mesh_errors.size() == 1);
  CHECK(a.state().mesh_errors.front().find("absent.glb") != std::string::npos);
  const cs::render::Image img = shot();
  CHECK(img.width > 0);
  REQUIRE(a.open(kExample));  // a clean scene clears it
  CHECK(a.state().mesh_errors.empty());
}

// test_editor.hpp — the editor as the GUI tests make it: one place for the
// window size, headless mode and the checks switch, so the tests differ only
// in what they mean to.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"

namespace test {

// Headless (no vsync, no settings files unless config_dir is given, a fixed
// frame time), 1280×760, background checks off; set what a test needs after.
inline cs::editor::AppConfig editor_config() {
  cs::editor::AppConfig c;
  c.width = 1280;
  c.height = 760;
  c.headless_test = true;
  c.background_checks = false;
  return c;
}

// An editor window; the test stops here, saying why, if none can be made.
inline std::unique_ptr<cs::editor::EditorApp> make_editor(const cs::editor::AppConfig& config = editor_config()) {
  std::string error;
  auto app = cs::editor::EditorApp::create(config, &error);
  REQUIRE_MESSAGE(app, "cannot create the editor window: " << error);
  return app;
}

// An editor on a fresh copy of the bedroom example in its own folder
// (temp/closedset_gui_tests/NAME), opened and drawn twice.
struct ExampleSession {
  std::filesystem::path dir, scene;
  std::unique_ptr<cs::editor::EditorApp> app;
  // height > 0: a window that tall (a panel's screenshot that needs the room).
  explicit ExampleSession(const char* name, int height = 0) {
    namespace fs = std::filesystem;
    dir = fs::temp_directory_path() / "closedset_gui_tests" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    scene = dir / "bedroom.closedset.json";
    fs::copy_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json", scene);
    cs::editor::AppConfig c = editor_config();
    c.config_dir = dir / "config";
    if (height > 0) c.height = height;
    app = make_editor(c);
    REQUIRE(app->open(scene));
    frames();
  }
  cs::editor::EditorState& s() { return app->state(); }
  const cs::Document& doc() { return app->state().history.doc(); }
  cs::editor::ViewportResources& vr() { return app->viewport(); }
  void frames(int n = 2) {
    for (int i = 0; i < n; ++i) app->frame();
  }
};

}  // namespace test

// test_editor.hpp — the editor as the GUI tests make it: one place for the
// window size, headless mode and the checks switch, so the tests differ only
// in what they mean to.
#pragma once

#include <doctest/doctest.h>

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

}  // namespace test

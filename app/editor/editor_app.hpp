// editor_app.hpp — the editor as an object: a window, a GL context, ImGui and
// the panels. `run()` drives it from the event loop; GUI tests drive the same
// object frame by frame, so a test takes the path a user's click takes.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/panels.hpp"
#include "app/editor/state.hpp"
#include "render/image.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace cs::editor {

struct AppConfig {
  int width = 1600, height = 900;  // window size in screen units
  bool vsync = true;
  bool headless_test = false;      // tests: no vsync, no ini file, fixed frame time
};

class EditorApp {
 public:
  // Creates the window and GL/ImGui state. Returns nullptr with the reason
  // (no display, no OpenGL 3.3, shaders failed) in `error`.
  static std::unique_ptr<EditorApp> create(const AppConfig& config, std::string* error);
  ~EditorApp();
  EditorApp(const EditorApp&) = delete;
  EditorApp& operator=(const EditorApp&) = delete;

  // Loads a scene. On failure the current document stays, and the errors are
  // kept in state().load_errors and shown in a dialog. Returns success.
  bool open(const std::filesystem::path& path);

  // One frame: events, UI, drawing, swap. `capture` (if given) receives the
  // window's pixels as drawn, read back before the swap.
  void frame(render::Image* capture = nullptr);
  bool should_close() const;
  void request_close();

  // "ClosedSet — TITLE — FILE" (or "ClosedSet" with no document).
  std::string window_title() const;
  EditorState& state() { return state_; }
  GLFWwindow* window() const { return window_; }

 private:
  EditorApp() = default;
  void draw_ui();
  void update_title();

  AppConfig config_;
  GLFWwindow* window_ = nullptr;
  ImGuiContext* imgui_ = nullptr;  // each app has its own, so tests may open two
  EditorState state_;
  UiFonts fonts_;
  std::unique_ptr<ViewportResources> viewport_;
  std::string applied_title_;
  double last_time_ = 0;
  bool want_open_dialog_ = false;
};

}  // namespace cs::editor

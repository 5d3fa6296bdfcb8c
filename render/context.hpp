// context.hpp — a GL 3.3 core context without a visible window, for offscreen
// work (`closedset render`, exports, GL tests). Needs a display (use xvfb-run
// on a headless machine); the editor makes its own visible window instead.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace cs::render {

class HeadlessContext {
 public:
  // Returns nullptr and says why in `error` (no display, no GL 3.3).
  static std::unique_ptr<HeadlessContext> create(std::string* error);
  ~HeadlessContext();
  void make_current();

 private:
  HeadlessContext() = default;
  GLFWwindow* window_ = nullptr;
};

// Sets the GLFW window hints for a GL 3.3 core, forward-compatible context.
void glfw_hint_gl33_core();
// Loads GL entry points with glad for the current context; false when the
// driver gives less than 3.3.
bool load_gl(std::string* error);
// Initialises GLFW once per process (later calls are free); the error callback
// prints to stderr. Returns false with the reason.
bool ensure_glfw(std::string* error);

}  // namespace cs::render

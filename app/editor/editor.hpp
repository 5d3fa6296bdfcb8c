// editor.hpp — the ClosedSet editor window: entry point used by app/main.cpp.
#pragma once

#include <cmath>
#include <string>

namespace cs::editor {

struct Options {
  std::string file;                     // scene to open ("" opens nothing)
  std::string screenshot;               // when set: render a few frames, write the window here, exit
  double at_count = std::nan("");       // NaN: the choreography's first count
  std::string camera;                   // look through this camera id ("" = free view)
  std::string size;                     // "WxH" window size in screen units ("" = default)
};

// Runs the editor until the window closes (or, with `screenshot`, until the
// picture is written). Returns the process exit code: 0 ok, 2 bad input
// (unreadable scene in screenshot mode, unknown camera, bad size, unwritable PNG),
// 3 no usable display or OpenGL.
int run(const Options& options);

}  // namespace cs::editor

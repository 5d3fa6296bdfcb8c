// view.hpp — where the picture is seen from: the editor's free orbit view, or a
// scene camera on its real lens with its delivery frame lines.
//
// Lens arithmetic (sensor, frame lines, field of view) is notation/lens.hpp's,
// and camera moves are evaluated by the Stage, so the picture uses the very
// frame the masking engine casts rays through.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "notation/stage.hpp"

namespace cs::render {

// Everything the renderer needs to know about the eye.
struct ViewSetup {
  glm::mat4 view{1.0f};
  glm::mat4 proj{1.0f};
  glm::vec3 eye{0, 0, 0};
  // When looking through a camera: the delivery frame in normalised device
  // coordinates (x0, y0, x1, y1); outside it the picture is dimmed.
  std::optional<glm::vec4> frame_ndc;
  std::optional<glm::vec4> sensor_ndc;  // the whole sensor gate, drawn faintly
  glm::mat4 view_proj() const { return proj * view; }
  // The world-space direction from the eye through a point of the picture in
  // normalised device coordinates (x right, y up, both in [−1, 1]); not normalised.
  glm::vec3 ray_direction(glm::vec2 ndc) const;
  // Where a world point lands in normalised device coordinates; false behind the eye.
  bool project(glm::vec3 world, glm::vec2& ndc) const;
};

// The editor's free camera: orbits a target point.
struct OrbitView {
  glm::vec3 target{0, 0.8f, 0};
  float yaw_deg = 35;      // around +Y, 0 looks down −Z from +Z
  float pitch_deg = 22;    // above the horizon
  float distance = 7.5f;
  float fov_y_deg = 40;

  glm::vec3 eye() const;
  ViewSetup setup(float aspect) const;
  void orbit(float dx_deg, float dy_deg);
  void pan(float dx, float dy, float viewport_height_px);  // in pixels of drag
  void zoom(float wheel_steps);
  // Centre on a box and back off until it fits the view.
  void frame(glm::vec3 lo, glm::vec3 hi);
};

// The view through a staged camera (its basis and lens after moves) into a
// viewport of `aspect` (width/height): the delivery frame is fitted inside with
// a small surround, like a viewfinder, and frame_ndc/sensor_ndc are set.
ViewSetup look_through(const StageCamera& cam, float aspect, float surround = 0.06f);


}  // namespace cs::render

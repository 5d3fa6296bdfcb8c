// view.hpp — where the picture is seen from: the editor's free orbit view, or a
// scene camera on its real lens with its delivery frame lines.
//
// Lens arithmetic (sensor, frame lines, field of view) follows DESIGN.md
// section 3. It lives here until notation/lens.hpp provides it for the masking
// engine too; then `lens_for` should forward to it so picture and numbers agree.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "notation/document.hpp"

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

// A camera's lens at one count: frame size and fields of view.
struct Lens {
  double focal_mm = 50;
  double sensor_w_mm = 0, sensor_h_mm = 0;
  double frame_w_mm = 0, frame_h_mm = 0;  // delivery frame (aspect, fit) on the sensor
  double hfov_deg = 0, vfov_deg = 0;      // of the delivery frame
  double aspect = 2.39;
  std::string sensor_label;
};

Lens lens_for(const Camera& cam, std::optional<double> focal_override = std::nullopt);

// Camera position, target and focal length at a count, interpolating its moves
// (the base placement holds at `start_count`, the choreography's first count).
struct CameraPose {
  glm::vec3 position{0, 0, 0};
  glm::vec3 target{0, 0, -1};
  double focal_mm = 50;
  double roll_deg = 0;
};
CameraPose camera_pose_at(const Camera& cam, double count, double start_count);

// The view through `cam` at `count` into a viewport of `aspect` (width/height):
// the delivery frame is fitted inside with a small surround, like a viewfinder.
ViewSetup look_through(const Camera& cam, double count, double start_count, float aspect,
                       float surround = 0.06f);

// Conventional shot sizes, from how much of a standing figure of `subject_height_m`
// the frame's height holds at `distance_m`: "extreme wide" .. "extreme close-up".
const char* shot_size_name(double frame_height_at_subject_m, double subject_height_m);

}  // namespace cs::render

// lens.hpp — camera lens geometry: frame lines, field of view, camera basis.
//
// A camera has a sensor (a preset from `sensor_size_mm` or a custom size), a
// focal length, a delivery aspect ratio and a fit axis. The fit axis is the
// sensor dimension the frame lines use in full; the other dimension follows
// from the aspect ratio:
//   fit horizontal: frame width  = sensor width,  frame height = width / aspect
//   fit vertical:   frame height = sensor height, frame width  = height × aspect
// Field of view across a frame dimension = 2·atan(size / (2·focal)).
// (A vertical fit wider than the sensor is allowed: it is what an anamorphic
// squeeze would deliver; `LensFrame::exceeds_sensor` says so.)
//
// Camera space: the camera looks down its local −Z, +X is frame right, +Y frame
// up (README, "Which way is which"). No GL here: the renderer builds its matrices from
// `CameraBasis` and `LensFrame`.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "notation/document.hpp"

namespace cs {

struct LensFrame {
  double focal_mm = 50;
  double sensor_w_mm = 0, sensor_h_mm = 0;  // the whole sensor
  double frame_w_mm = 0, frame_h_mm = 0;    // inside the frame lines
  double aspect = 2.39;                     // frame_w / frame_h
  double hfov_deg = 0, vfov_deg = 0;        // across the frame lines
  double tan_half_w = 0, tan_half_h = 0;    // tan(hfov/2), tan(vfov/2)
  bool exceeds_sensor = false;              // the frame lines fall outside the sensor
};

// The sensor size a camera uses: its preset, or `sensor_mm` for `custom`.
SensorSize camera_sensor(const Camera& cam);

// Frame lines and fields of view. `focal_mm` and `aspect` must be > 0.
LensFrame lens_frame(double sensor_w_mm, double sensor_h_mm, double focal_mm, double aspect, Fit fit);
LensFrame lens_frame(const Camera& cam, double focal_mm);
inline LensFrame lens_frame(const Camera& cam) { return lens_frame(cam, cam.focal_mm); }

// "32 mm Super 35, 2.39" — how a DP names a lens.
std::string lens_label(const Camera& cam, double focal_mm);

// An orthonormal camera frame in world space. `forward` = −Z of the camera.
struct CameraBasis {
  glm::dvec3 position{0, 0, 0};
  glm::dvec3 right{1, 0, 0}, up{0, 1, 0}, forward{0, 0, -1};
};

// Looks from `position` at `target` with world +Y up, then rolls by `roll_deg`
// about the view axis (positive: the picture turns clockwise, i.e. the camera's
// +X tips down). Looking straight up or down uses world −Z / +Z as up so the
// frame stays defined. A target equal to the position looks down −Z.
CameraBasis look_at(const glm::dvec3& position, const glm::dvec3& target, double roll_deg);

}  // namespace cs
